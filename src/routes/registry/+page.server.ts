import { requireCoordinator } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { parseRegistryQuery } from '$lib/server/registry/registry-query';
import { registryFacets, searchMunicipalities } from '$lib/server/registry/search-municipalities';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireCoordinator(event);
	const { values: query, errors } = parseRegistryQuery(event.url.searchParams);
	const [result, facets] = await Promise.all([
		searchMunicipalities(db(), query, event.locals.locale),
		registryFacets(db())
	]);
	return { query, errors, ...result, facets };
};
