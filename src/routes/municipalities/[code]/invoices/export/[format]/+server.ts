import { requireMunicipality } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { exportFormatOf, exportTable } from '$lib/server/export/table-export';
import { exportInvoices } from '$lib/server/billing/export-invoices';
import { parseInvoiceListQuery } from '$lib/server/billing/invoice-list-query';
import { helsinkiDate } from '$lib/domain/helsinki-time';
import type { RequestHandler } from './$types';

/** The municipality's own invoices as CSV or XLSX. */
export const GET: RequestHandler = async (event) => {
	requireMunicipality(event, event.params.code, 'manage');
	const format = exportFormatOf(event);
	const { values } = parseInvoiceListQuery(event.url.searchParams);
	const table = await exportInvoices(
		db(),
		{
			scope: { municipalityCode: event.params.code },
			year: values.year,
			state: values.state,
			today: helsinkiDate(new Date())
		},
		event.locals.locale
	);
	return exportTable(table, format, `laskut-${event.params.code}`);
};
