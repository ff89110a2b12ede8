import { requireCoordinator } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { exportFormatOf, exportTable } from '$lib/server/export/table-export';
import { exportMunicipalities } from '$lib/server/registry/export-municipalities';
import { parseRegistryQuery } from '$lib/server/registry/registry-query';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	requireCoordinator(event);
	const format = exportFormatOf(event);
	const { values: query } = parseRegistryQuery(event.url.searchParams);
	const table = await exportMunicipalities(db(), query, event.locals.locale);
	return exportTable(table, format, 'kunnat');
};
