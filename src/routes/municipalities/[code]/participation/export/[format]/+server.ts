import { notFound } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { exportResponse, toCsv, toXlsx } from '$lib/server/export/table-export';
import { exportMunicipalityParticipation } from '$lib/server/events/participation';
import { municipalityParticipationOf } from '../../participation.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { municipality, season, now } = await municipalityParticipationOf(event);
	const format = event.params.format;
	if (!season || (format !== 'csv' && format !== 'xlsx')) notFound(event);
	const table = await exportMunicipalityParticipation(
		db(),
		municipality.code,
		{ id: season.id, number: season.number, networkShortName: season.networkShortName },
		event.locals.locale,
		now
	);
	const body = format === 'csv' ? toCsv(table) : await toXlsx(table);
	return exportResponse(
		body,
		format,
		`osallistuminen-${municipality.code}-${season.networkShortName.toLowerCase()}-${season.number}`
	);
};
