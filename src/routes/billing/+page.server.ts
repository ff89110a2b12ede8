import { requireCoordinator } from '$lib/server/auth/guard';
import { coordinatedNetworks } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { parseQuery } from '$lib/server/http/parse';
import { listInvoiceRuns } from '$lib/server/billing/invoice-run-queries';
import { listSeasons } from '$lib/server/seasons/season-queries';
import { wholeNumber } from '$lib/schemas/fields';
import type { PageServerLoad } from './$types';

/** The coordinator's billing: the networks' details, the seasons' members' details, the runs. */
export const load: PageServerLoad = async (event) => {
	const user = requireCoordinator(event);
	const networkIds = coordinatedNetworks(user);
	const { values } = parseQuery(
		event.url.searchParams,
		{ page: wholeNumber(1, 100_000) },
		{ page: 1 }
	);
	const [seasons, runs] = await Promise.all([
		listSeasons(db(), networkIds),
		listInvoiceRuns(db(), networkIds, values.page)
	]);
	const networks = [...new Map(seasons.map((s) => [s.networkId, s.networkShortName])).entries()];
	return {
		networks: networks.map(([id, shortName]) => ({ id, shortName })),
		seasons: seasons.map((s) => ({ id: s.id, label: `${s.networkShortName} ${s.number}` })),
		runs: {
			...runs,
			rows: runs.rows.map((r) => ({
				id: r.run.id,
				season: r.seasonNumber,
				year: r.run.year,
				invoiceDate: r.run.invoiceDate,
				state: r.run.state,
				membersTotal: r.run.membersTotal,
				membersBilled: r.run.membersBilled,
				membersSkipped: r.run.membersSkipped,
				invoicesCreated: r.run.invoicesCreated
			}))
		}
	};
};
