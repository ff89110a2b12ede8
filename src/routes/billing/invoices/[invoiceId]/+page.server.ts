import { notFound, requireCoordinator } from '$lib/server/auth/guard';
import { coordinatedNetworks } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { getInvoice } from '$lib/server/billing/invoice-queries';
import { invoiceListState } from '$lib/domain/billing/invoice-state';
import { helsinkiDate } from '$lib/domain/helsinki-time';
import { invoicePageData } from '$lib/server/billing/invoice-page-data';
import type { PageServerLoad } from './$types';

/** One invoice of the coordinator's networks. */
export const load: PageServerLoad = async (event) => {
	const user = requireCoordinator(event);
	const view = await getInvoice(db(), event.params.invoiceId, {
		networkIds: coordinatedNetworks(user)
	});
	if (!view) notFound(event);
	return invoicePageData(view, invoiceListState(view.invoice, helsinkiDate(new Date())));
};
