import { db } from '$lib/server/db';
import { exportFormatOf, exportTable } from '$lib/server/export/table-export';
import { exportMunicipalityCosts } from '$lib/server/workshops/travel/export-municipality-costs';
import { municipalityCostsOf } from '../../travel-costs.server';
import type { RequestHandler } from './$types';

/** The page's journeys, every page of them, with its approval period, as CSV or XLSX. */
export const GET: RequestHandler = async (event) => {
	const { municipality, period } = await municipalityCostsOf(event);
	const format = exportFormatOf(event);
	const table = await exportMunicipalityCosts(db(), municipality, period, event.locals.locale);
	return exportTable(table, format, `matkakulut-${municipality.code}`);
};
