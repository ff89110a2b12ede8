import { error } from '@sveltejs/kit';
import { requireCoordinator } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { getMunicipality } from '$lib/server/registry/search-municipalities';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireCoordinator(event);
	const municipality = await getMunicipality(db(), event.params.code);
	if (!municipality) error(404, 'not found');
	return { municipality };
};
