import { db } from '$lib/server/db';
import { exportFormatOf, exportTable } from '$lib/server/export/table-export';
import { exportSeasonEvents } from '$lib/server/events/export-season-events';
import { coordinatorsSeason } from '../../season-events.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { season } = await coordinatorsSeason(event);
	const format = exportFormatOf(event);
	const table = await exportSeasonEvents(
		db(),
		{ id: season.id, number: season.number, networkShortName: season.network.shortName },
		event.locals.locale
	);
	return exportTable(table, format, `tapahtumat-${season.network.slug}-${season.number}`);
};
