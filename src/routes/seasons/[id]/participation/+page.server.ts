import { db } from '$lib/server/db';
import { parseQuery } from '$lib/server/http/parse';
import { seasonParticipation } from '$lib/server/events/participation';
import { wholeNumber } from '$lib/schemas/fields';
import { coordinatorsSeason } from '../events/season-events.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { season } = await coordinatorsSeason(event);
	const { values, errors } = parseQuery(
		event.url.searchParams,
		{ page: wholeNumber(1, 100_000) },
		{ page: 1 }
	);
	return {
		season: { id: season.id, number: season.number, networkShortName: season.network.shortName },
		errors,
		participation: await seasonParticipation(db(), season.id, values.page, new Date())
	};
};
