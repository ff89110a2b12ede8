import { notFound, requireCoordinator } from '$lib/server/auth/guard';
import { coordinatedNetworks } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { getInvoice } from '$lib/server/billing/invoice-queries';
import { invoiceListState } from '$lib/domain/billing/invoice-state';
import { helsinkiDate } from '$lib/domain/helsinki-time';
import { invoicePageData } from '$lib/server/billing/invoice-page-data';
import { invoiceSettlement } from '$lib/server/billing/payments/invoice-settlement';
import type { PageServerLoad } from './$types';

/** One invoice of the coordinator's networks. */
export const load: PageServerLoad = async (event) => {
	const user = requireCoordinator(event);
	const view = await getInvoice(db(), event.params.invoiceId, {
		networkIds: coordinatedNetworks(user)
	});
	if (!view) notFound(event);
	const today = helsinkiDate(new Date());
	return {
		...invoicePageData(view, invoiceListState(view.invoice, today)),
		settlement: await invoiceSettlement(db(), view.invoice, today)
	};
};
