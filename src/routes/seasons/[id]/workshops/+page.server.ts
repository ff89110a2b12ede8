import { db } from '$lib/server/db';
import { parseQuery } from '$lib/server/http/parse';
import { listSeasonLedgers, listSeasonWorkshops } from '$lib/server/workshops/workshop-queries';
import { choice, wholeNumber } from '$lib/schemas/fields';
import { WORKSHOP_STATES, type WorkshopState } from '$lib/domain/workshops/workshop-states';
import { coordinatorsSeason } from '../events/season-events.server';
import type { PageServerLoad } from './$types';

/**
 * The coordinator's overview of a season's workshops: every active member's ledger (one page of
 * members at a time) and the season's workshops by state, proposals to agree first.
 */
export const load: PageServerLoad = async (event) => {
	const { season } = await coordinatorsSeason(event);
	const { values, errors } = parseQuery(
		event.url.searchParams,
		{
			page: wholeNumber(1, 100_000),
			state: choice(['all', ...WORKSHOP_STATES] as const),
			workshopsPage: wholeNumber(1, 100_000)
		},
		{ page: 1, state: 'proposed' as WorkshopState | 'all', workshopsPage: 1 }
	);
	const now = new Date();
	const [ledgers, workshops] = await Promise.all([
		listSeasonLedgers(db(), season, values.page, now),
		listSeasonWorkshops(db(), season.id, {
			state: values.state === 'all' ? null : values.state,
			page: values.workshopsPage
		})
	]);
	return {
		season: {
			id: season.id,
			number: season.number,
			networkShortName: season.network.shortName,
			entitlement: season.workshopsPerMunicipality
		},
		ledgers,
		workshops,
		query: values,
		errors
	};
};
