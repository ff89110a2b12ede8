import { fail, redirect } from '@sveltejs/kit';
import { municipalityAccess, requireMunicipality } from '$lib/server/auth/guard';
import { userActor } from '$lib/server/actor';
import { coordinatedNetworks, hasRole } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { getMunicipality } from '$lib/server/registry/search-municipalities';
import { listMunicipalityAnalyses } from '$lib/server/analysis/analysis-queries';
import { openAnalysis } from '$lib/server/analysis/open-analysis';
import { readFormData } from '$lib/server/http/parse';
import type { Actions, PageServerLoad } from './$types';

/** The municipality's situation analyses, one per season it is a member of. */
export const load: PageServerLoad = async (event) => {
	const user = requireMunicipality(event, event.params.code, 'read');
	const [municipality, seasons] = await Promise.all([
		getMunicipality(db(), event.params.code),
		listMunicipalityAnalyses(db(), event.params.code)
	]);
	const manage = municipalityAccess(user, event.params.code) === 'manage';
	return {
		municipality: municipality
			? { code: municipality.code, nameFi: municipality.nameFi, nameSv: municipality.nameSv }
			: { code: event.params.code, nameFi: event.params.code, nameSv: event.params.code },
		seasons,
		manage
	};
};

export const actions: Actions = {
	/** The contact person (or a coordinator) opens the season's analysis. */
	open: async (event) => {
		const user = requireMunicipality(event, event.params.code, 'manage');
		const data = await readFormData(event.request);
		const membershipId = String(data.get('membershipId') ?? '');
		const result = await openAnalysis(db(), userActor(user), {
			code: event.params.code,
			membershipId,
			networkIds: hasRole(user, 'coordinator') ? coordinatedNetworks(user) : null
		});
		if (!result.ok) return fail(400, { open: { error: result.error, membershipId } });
		redirect(303, `/municipalities/${event.params.code}/analysis/${result.analysisId}`);
	}
};
