import { db } from '$lib/server/db';
import { exportFormatOf, exportTable } from '$lib/server/export/table-export';
import { exportSeasonParticipation } from '$lib/server/events/participation';
import { coordinatorsSeason } from '../../../events/season-events.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { season } = await coordinatorsSeason(event);
	const format = exportFormatOf(event);
	const table = await exportSeasonParticipation(
		db(),
		{ id: season.id, number: season.number, networkShortName: season.network.shortName },
		event.locals.locale,
		new Date()
	);
	return exportTable(table, format, `osallistuminen-${season.network.slug}-${season.number}`);
};
