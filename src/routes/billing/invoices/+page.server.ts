import { requireCoordinator } from '$lib/server/auth/guard';
import { coordinatedNetworks } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { INVOICES_PAGE_SIZE, listNetworkInvoices } from '$lib/server/billing/invoice-queries';
import { parseNetworkInvoiceListQuery } from '$lib/server/billing/invoice-list-query';
import { listSeasons } from '$lib/server/seasons/season-queries';
import { helsinkiDate } from '$lib/domain/helsinki-time';
import type { PageServerLoad } from './$types';

/**
 * The coordinator's invoices of their networks, newest first, a page at a time by cursor;
 * filtered by season, year, state.
 */
export const load: PageServerLoad = async (event) => {
	const user = requireCoordinator(event);
	const networkIds = coordinatedNetworks(user);
	const { values, errors } = parseNetworkInvoiceListQuery(event.url.searchParams);
	const [seasons, list] = await Promise.all([
		listSeasons(db(), networkIds),
		listNetworkInvoices(
			db(),
			{
				scope: { networkIds },
				seasonId: values.season,
				year: values.year,
				state: values.state,
				today: helsinkiDate(new Date())
			},
			{ before: values.before, after: values.after }
		)
	]);
	return {
		seasons: seasons.map((s) => ({ id: s.id, label: `${s.networkShortName} ${s.number}` })),
		list,
		pageSize: INVOICES_PAGE_SIZE,
		query: values,
		errors
	};
};
