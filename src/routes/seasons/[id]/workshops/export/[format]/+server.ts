import { db } from '$lib/server/db';
import { exportFormatOf, exportTable } from '$lib/server/export/table-export';
import { exportSeasonWorkshops } from '$lib/server/workshops/export-season-workshops';
import { coordinatorsSeason } from '../../../events/season-events.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { season } = await coordinatorsSeason(event);
	const format = exportFormatOf(event);
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
	return exportTable(table, format, `tyopajat-${season.network.slug}-${season.number}`);
};
