import { notFound, requireMunicipality } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { getInvoice } from '$lib/server/billing/invoice-queries';
import { invoicePageData } from '$lib/server/billing/invoice-page-data';
import { invoiceListState } from '$lib/domain/billing/invoice-state';
import { helsinkiDate } from '$lib/domain/helsinki-time';
import type { PageServerLoad } from './$types';

/** One of the municipality's invoices; another municipality's is not found from here. */
export const load: PageServerLoad = async (event) => {
	requireMunicipality(event, event.params.code, 'manage');
	const view = await getInvoice(db(), event.params.invoiceId, {
		municipalityCode: event.params.code
	});
	if (!view) notFound(event);
	return invoicePageData(view, invoiceListState(view.invoice, helsinkiDate(new Date())));
};
