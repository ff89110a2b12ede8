import { notFound, requireMunicipality } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { exportResponse, toCsv, toXlsx } from '$lib/server/export/table-export';
import { exportInvoices } from '$lib/server/billing/export-invoices';
import { parseInvoiceListQuery } from '$lib/server/billing/invoice-list-query';
import { helsinkiDate } from '$lib/domain/helsinki-time';
import type { RequestHandler } from './$types';

/** The municipality's own invoices as CSV or XLSX. */
export const GET: RequestHandler = async (event) => {
	requireMunicipality(event, event.params.code, 'manage');
	const format = event.params.format;
	if (format !== 'csv' && format !== 'xlsx') notFound(event);
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
	const body = format === 'csv' ? toCsv(table) : await toXlsx(table);
	return exportResponse(body, format, `laskut-${event.params.code}`);
};
