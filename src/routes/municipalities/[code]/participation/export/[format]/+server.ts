import { notFound } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { exportFormatOf, exportTable } from '$lib/server/export/table-export';
import { exportMunicipalityParticipation } from '$lib/server/events/participation';
import { municipalityParticipationOf } from '../../participation.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { municipality, season, now } = await municipalityParticipationOf(event);
	const format = exportFormatOf(event);
	if (!season) notFound(event);
	const table = await exportMunicipalityParticipation(
		db(),
		municipality.code,
		{ id: season.id, number: season.number, networkShortName: season.networkShortName },
		event.locals.locale,
		now
	);
	return exportTable(
		table,
		format,
		`osallistuminen-${municipality.code}-${season.networkShortName.toLowerCase()}-${season.number}`
	);
};
