import { requireCoordinator } from '$lib/server/auth/guard';
import { coordinatedNetworks } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { exportFormatOf, exportTable } from '$lib/server/export/table-export';
import { exportInvoices } from '$lib/server/billing/export-invoices';
import { parseInvoiceListQuery } from '$lib/server/billing/invoice-list-query';
import { helsinkiDate } from '$lib/domain/helsinki-time';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const user = requireCoordinator(event);
	const format = exportFormatOf(event);
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
	return exportTable(table, format, 'laskut');
};
