import { error } from '@sveltejs/kit';
import { municipalityAccess, requireMunicipality } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { listMunicipalityMemberships } from '$lib/server/memberships/membership-queries';
import { getMunicipality } from '$lib/server/registry/search-municipalities';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireMunicipality(event, event.params.code, 'read');
	const municipality = await getMunicipality(db(), event.params.code);
	if (!municipality) error(404, 'not found');
	return {
		municipality,
		memberships: await listMunicipalityMemberships(db(), municipality.code),
		canManage: municipalityAccess(user, municipality.code) === 'manage'
	};
};
