import { notFound } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { exportResponse, toCsv, toXlsx } from '$lib/server/export/table-export';
import { exportSeasonParticipation } from '$lib/server/events/participation';
import { coordinatorsSeason } from '../../../events/season-events.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { season } = await coordinatorsSeason(event);
	const format = event.params.format;
	if (format !== 'csv' && format !== 'xlsx') notFound(event);
	const table = await exportSeasonParticipation(
		db(),
		{ id: season.id, number: season.number, networkShortName: season.network.shortName },
		event.locals.locale,
		new Date()
	);
	const body = format === 'csv' ? toCsv(table) : await toXlsx(table);
	return exportResponse(body, format, `osallistuminen-${season.network.slug}-${season.number}`);
};
