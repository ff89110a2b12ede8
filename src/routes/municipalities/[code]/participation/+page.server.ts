import { db } from '$lib/server/db';
import { municipalityParticipation } from '$lib/server/events/participation';
import { municipalityParticipationOf } from './participation.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { municipality, seasons, season, page, errors, now } =
		await municipalityParticipationOf(event);
	return {
		municipality: {
			code: municipality.code,
			nameFi: municipality.nameFi,
			nameSv: municipality.nameSv
		},
		seasons,
		season,
		errors,
		participation: season
			? await municipalityParticipation(db(), municipality.code, season.id, page, now)
			: null
	};
};
