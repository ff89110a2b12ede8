import { requireCoordinator } from '$lib/server/auth/guard';
import { coordinatedNetworks } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { listInvoices } from '$lib/server/billing/invoice-queries';
import { parseInvoiceListQuery } from '$lib/server/billing/invoice-list-query';
import { listSeasons } from '$lib/server/seasons/season-queries';
import { helsinkiDate } from '$lib/domain/helsinki-time';
import type { PageServerLoad } from './$types';

/** The coordinator's invoices of their networks, by number; filtered by season, year, state. */
export const load: PageServerLoad = async (event) => {
	const user = requireCoordinator(event);
	const networkIds = coordinatedNetworks(user);
	const { values, errors } = parseInvoiceListQuery(event.url.searchParams);
	const [seasons, list] = await Promise.all([
		listSeasons(db(), networkIds),
		listInvoices(
			db(),
			{
				scope: { networkIds },
				seasonId: values.season,
				year: values.year,
				state: values.state,
				today: helsinkiDate(new Date())
			},
			values.page
		)
	]);
	return {
		seasons: seasons.map((s) => ({ id: s.id, label: `${s.networkShortName} ${s.number}` })),
		list,
		query: values,
		errors
	};
};
