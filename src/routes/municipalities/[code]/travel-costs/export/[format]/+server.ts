import { notFound } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { exportResponse, toCsv, toXlsx } from '$lib/server/export/table-export';
import { exportMunicipalityCosts } from '$lib/server/workshops/travel/export-municipality-costs';
import { municipalityCostsOf } from '../../travel-costs.server';
import type { RequestHandler } from './$types';

/** The page's journeys, every page of them, with its approval period, as CSV or XLSX. */
export const GET: RequestHandler = async (event) => {
	const { municipality, period } = await municipalityCostsOf(event);
	const format = event.params.format;
	if (format !== 'csv' && format !== 'xlsx') notFound(event);
	const table = await exportMunicipalityCosts(db(), municipality, period, event.locals.locale);
	const body = format === 'csv' ? toCsv(table) : await toXlsx(table);
	return exportResponse(body, format, `matkakulut-${municipality.code}`);
};
