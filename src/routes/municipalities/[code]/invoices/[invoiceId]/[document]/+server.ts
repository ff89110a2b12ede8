import { error } from '@sveltejs/kit';
import { notFound, requireMunicipality } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { getInvoice } from '$lib/server/billing/invoice-queries';
import { INVOICE_FILES, invoiceFile, invoiceFileResponse } from '$lib/server/billing/invoice-file';
import { serverTranslator } from '$lib/i18n/catalogue';
import type { RequestHandler } from './$types';

/** One of the municipality's invoices as PDF, Finvoice or UBL; another's is not found. */
export const GET: RequestHandler = async (event) => {
	requireMunicipality(event, event.params.code, 'manage');
	const kind = INVOICE_FILES.find((k) => k === event.params.document);
	if (!kind) notFound(event);
	const view = await getInvoice(db(), event.params.invoiceId, {
		municipalityCode: event.params.code
	});
	if (!view) notFound(event);
	const file = await invoiceFile(db(), view, kind);
	if (!file.ok) {
		error(409, serverTranslator(event.locals.locale)('billing.documentUnavailable'));
	}
	return invoiceFileResponse(file);
};
