import { db } from '$lib/server/db';
import { exportFormatOf, exportTable } from '$lib/server/export/table-export';
import {
	exportEventParticipants,
	parseParticipantQuery
} from '$lib/server/events/event-participants';
import { participantsOf } from '../../participants.server';
import type { RequestHandler } from './$types';

/** The participant list as filtered on the page, every page of it. */
export const GET: RequestHandler = async (event) => {
	const { row, scope } = await participantsOf(event);
	const format = exportFormatOf(event);
	const { values: query } = parseParticipantQuery(event.url.searchParams);
	const table = await exportEventParticipants(db(), row.event, query, scope, event.locals.locale);
	const date = row.event.startsAt.toISOString().slice(0, 10);
	return exportTable(table, format, `osallistujat-${row.network.slug}-${date}`);
};
