import { notFound, requireMunicipality } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { getInvoice } from '$lib/server/billing/invoice-queries';
import { invoicePageData } from '$lib/server/billing/invoice-page-data';
import { invoiceSettlement } from '$lib/server/billing/payments/invoice-settlement';
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
	const today = helsinkiDate(new Date());
	return {
		...invoicePageData(view, invoiceListState(view.invoice, today)),
		settlement: await invoiceSettlement(db(), view.invoice, today)
	};
};
