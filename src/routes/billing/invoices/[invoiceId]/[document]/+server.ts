import { error } from '@sveltejs/kit';
import { notFound, requireCoordinator } from '$lib/server/auth/guard';
import { coordinatedNetworks } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { getInvoice } from '$lib/server/billing/invoice-queries';
import { INVOICE_FILES, invoiceFile, invoiceFileResponse } from '$lib/server/billing/invoice-file';
import { serverTranslator } from '$lib/i18n/catalogue';
import type { RequestHandler } from './$types';

/** An invoice of the coordinator's networks as PDF, Finvoice or UBL. */
export const GET: RequestHandler = async (event) => {
	const user = requireCoordinator(event);
	const kind = INVOICE_FILES.find((k) => k === event.params.document);
	if (!kind) notFound(event);
	const view = await getInvoice(db(), event.params.invoiceId, {
		networkIds: coordinatedNetworks(user)
	});
	if (!view) notFound(event);
	const file = await invoiceFile(db(), view, kind);
	if (!file.ok) {
		error(409, serverTranslator(event.locals.locale)('billing.documentUnavailable'));
	}
	return invoiceFileResponse(file);
};
