import { db } from '$lib/server/db';
import {
	approvedCostTotal,
	approvedCostsPerExpert,
	approvedCostsPerMunicipality,
	workshopsByFocusArea
} from '$lib/server/workshops/reports/report-queries';
import { reportQuery, staffSeason } from './staff-season.server';
import type { PageServerLoad } from './$types';

/**
 * The season's workshop reports for the network's staff: workshops per focus area by state,
 * approved travel costs per municipality and per expert (an approval period narrows the costs).
 */
export const load: PageServerLoad = async (event) => {
	const { user, season } = await staffSeason(event);
	const { values, errors, period } = reportQuery(event.url.searchParams);
	const [focusAreas, costTotal, perMunicipality, perExpert] = await Promise.all([
		workshopsByFocusArea(db(), season.id),
		approvedCostTotal(db(), season.id, period),
		approvedCostsPerMunicipality(db(), season.id, period, values.page),
		approvedCostsPerExpert(db(), season.id, period, values.expertsPage)
	]);
	return {
		season: { id: season.id, number: season.number, networkShortName: season.network.shortName },
		focusAreas,
		costTotal,
		perMunicipality,
		perExpert,
		query: { from: values.from, to: values.to },
		// a municipality's own cost page is for coordinators and its people, not for experts
		linkMunicipalities: user.roles.some((r) => r.role === 'coordinator'),
		errors
	};
};
