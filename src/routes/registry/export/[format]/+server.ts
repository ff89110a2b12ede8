import { notFound, requireCoordinator } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { exportResponse, toCsv, toXlsx } from '$lib/server/export/table-export';
import { exportMunicipalities } from '$lib/server/registry/export-municipalities';
import { parseRegistryQuery } from '$lib/server/registry/registry-query';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	requireCoordinator(event);
	const format = event.params.format;
	if (format !== 'csv' && format !== 'xlsx') notFound(event);
	const { values: query } = parseRegistryQuery(event.url.searchParams);
	const table = await exportMunicipalities(db(), query, event.locals.locale);
	const body = format === 'csv' ? toCsv(table) : await toXlsx(table);
	return exportResponse(body, format, 'kunnat');
};
