import type { RequestEvent } from '@sveltejs/kit';
import { notFound, requireMunicipality } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { parseQuery } from '$lib/server/http/parse';
import { getMunicipality } from '$lib/server/registry/search-municipalities';
import { parsePeriodQuery } from '$lib/server/workshops/reports/period-query';
import { wholeNumber } from '$lib/schemas/fields';

/**
 * The municipality whose approved travel costs are asked for, as its records are read:
 * coordinators and its contact person, and its participants (read only; the page has no
 * actions); another municipality's people get 403, anonymous visitors go to sign in.
 */
export async function municipalityCostsOf(event: RequestEvent<{ code: string }>) {
	requireMunicipality(event, event.params.code, 'read');
	const municipality = await getMunicipality(db(), event.params.code);
	if (!municipality) notFound(event);
	const { values, errors, period } = parsePeriodQuery(event.url.searchParams);
	const paging = parseQuery(event.url.searchParams, { page: wholeNumber(1, 100_000) }, { page: 1 });
	return {
		municipality,
		period,
		page: paging.values.page,
		values,
		errors: { ...errors, ...paging.errors }
	};
}
