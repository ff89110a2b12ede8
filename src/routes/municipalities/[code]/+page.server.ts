import { error } from '@sveltejs/kit';
import { municipalityAccess, requireMunicipality } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { listMunicipalityMemberships } from '$lib/server/memberships/membership-queries';
import { membershipLedgers } from '$lib/server/workshops/workshop-queries';
import { getMunicipality } from '$lib/server/registry/search-municipalities';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireMunicipality(event, event.params.code, 'read');
	const municipality = await getMunicipality(db(), event.params.code);
	if (!municipality) error(404, 'not found');
	const memberships = await listMunicipalityMemberships(db(), municipality.code);
	// the workshop entitlement of each active membership: "3 pidetty, 1 sovittu, 1 jäljellä"
	const ledgers = await membershipLedgers(
		db(),
		memberships
			.filter((m) => m.state === 'active')
			.map((m) => ({ id: m.id, entitlement: m.workshopsPerMunicipality })),
		new Date()
	);
	return {
		municipality,
		memberships: memberships.map((m) => ({ ...m, ledger: ledgers.get(m.id) ?? null })),
		canManage: municipalityAccess(user, municipality.code) === 'manage'
	};
};
