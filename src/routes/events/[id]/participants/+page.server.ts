import { db } from '$lib/server/db';
import {
	listEventParticipants,
	parseParticipantQuery
} from '$lib/server/events/event-participants';
import { participantsOf } from './participants.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { row, scope } = await participantsOf(event);
	const { values: query, errors } = parseParticipantQuery(event.url.searchParams);
	return {
		event: row.event,
		staff: scope.only === null,
		arrangements: scope.arrangements,
		query,
		errors,
		list: await listEventParticipants(db(), row.event.id, query, scope)
	};
};
