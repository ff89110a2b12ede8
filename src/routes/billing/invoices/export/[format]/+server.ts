import { notFound, requireCoordinator } from '$lib/server/auth/guard';
import { coordinatedNetworks } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { exportResponse, toCsv, toXlsx } from '$lib/server/export/table-export';
import { exportInvoices } from '$lib/server/billing/export-invoices';
import { parseInvoiceListQuery } from '$lib/server/billing/invoice-list-query';
import { helsinkiDate } from '$lib/domain/helsinki-time';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const user = requireCoordinator(event);
	const format = event.params.format;
	if (format !== 'csv' && format !== 'xlsx') notFound(event);
	const { values } = parseInvoiceListQuery(event.url.searchParams);
	const table = await exportInvoices(
		db(),
		{
			scope: { networkIds: coordinatedNetworks(user) },
			seasonId: values.season,
			year: values.year,
			state: values.state,
			today: helsinkiDate(new Date())
		},
		event.locals.locale
	);
	const body = format === 'csv' ? toCsv(table) : await toXlsx(table);
	return exportResponse(body, format, 'laskut');
};
