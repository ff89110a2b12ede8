import { notFound } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { exportResponse, toCsv, toXlsx } from '$lib/server/export/table-export';
import { exportSeasonWorkshops } from '$lib/server/workshops/export-season-workshops';
import { coordinatorsSeason } from '../../../events/season-events.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { season } = await coordinatorsSeason(event);
	const format = event.params.format;
	if (format !== 'csv' && format !== 'xlsx') notFound(event);
	const table = await exportSeasonWorkshops(
		db(),
		{
			id: season.id,
			number: season.number,
			networkShortName: season.network.shortName,
			workshopsPerMunicipality: season.workshopsPerMunicipality
		},
		event.locals.locale
	);
	const body = format === 'csv' ? toCsv(table) : await toXlsx(table);
	return exportResponse(body, format, `tyopajat-${season.network.slug}-${season.number}`);
};
