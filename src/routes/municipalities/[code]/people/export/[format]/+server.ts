import { error } from '@sveltejs/kit';
import { requireMunicipality } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { exportFormatOf, exportTable } from '$lib/server/export/table-export';
import { parseQuery } from '$lib/server/http/parse';
import { exportMunicipalityPeople } from '$lib/server/people/municipality-people';
import { getMunicipality } from '$lib/server/registry/search-municipalities';
import { text } from '$lib/schemas/fields';
import type { RequestHandler } from './$types';

/** The municipality's people as its list shows them, for those who manage them. */
export const GET: RequestHandler = async (event) => {
	requireMunicipality(event, event.params.code, 'manage');
	const format = exportFormatOf(event);
	const municipality = await getMunicipality(db(), event.params.code);
	if (!municipality) error(404, 'not found');
	const { values } = parseQuery(
		event.url.searchParams,
		{ q: text({ max: 100, optional: true }) },
		{ q: '' }
	);
	const table = await exportMunicipalityPeople(
		db(),
		municipality.code,
		values.q,
		event.locals.locale
	);
	return exportTable(table, format, `henkilot-${municipality.code}`);
};
