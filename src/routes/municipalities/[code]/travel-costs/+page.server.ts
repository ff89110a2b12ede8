import { db } from '$lib/server/db';
import {
	listMunicipalityCosts,
	municipalityCostTotal
} from '$lib/server/workshops/travel/municipality-costs';
import { municipalityCostsOf } from './travel-costs.server';
import type { PageServerLoad } from './$types';

/** The municipality's approved travel costs: its part of each journey, with the lines. */
export const load: PageServerLoad = async (event) => {
	const { municipality, period, page, values, errors } = await municipalityCostsOf(event);
	const [costs, total] = await Promise.all([
		listMunicipalityCosts(db(), municipality.code, period, page),
		municipalityCostTotal(db(), municipality.code, period)
	]);
	return {
		municipality: {
			code: municipality.code,
			nameFi: municipality.nameFi,
			nameSv: municipality.nameSv
		},
		costs,
		total,
		query: values,
		errors
	};
};
