import { error } from '@sveltejs/kit';
import { requireCoordinator } from '$lib/server/auth/guard';
import { coordinatedNetworks } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { getSeason } from '$lib/server/seasons/season-queries';
import { PROGRAMME_FIELDS } from '$lib/schemas/season';
import { submitSeasonForm } from '../../season-form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireCoordinator(event);
	const season = await getSeason(db(), event.params.id);
	if (!season || !coordinatedNetworks(user).includes(season.networkId)) error(404, 'not found');
	const values: Record<string, string> = {
		networkId: season.networkId,
		number: String(season.number),
		startsOn: season.startsOn,
		endsOn: season.endsOn,
		leadThemeFi: season.leadThemeFi,
		leadThemeSv: season.leadThemeSv,
		leadThemeEn: season.leadThemeEn,
		descriptionFi: season.descriptionFi,
		descriptionSv: season.descriptionSv,
		descriptionEn: season.descriptionEn,
		focusFi: season.focusAreas.map((f) => f.textFi).join('\n'),
		focusSv: season.focusAreas.map((f) => f.textSv).join('\n'),
		focusEn: season.focusAreas.map((f) => f.textEn).join('\n'),
		workshopsPerMunicipality: String(season.workshopsPerMunicipality),
		situationAnalysesPerMunicipality: String(season.situationAnalysesPerMunicipality),
		lateCancellationDays: String(season.lateCancellationDays)
	};
	for (const f of PROGRAMME_FIELDS) values[f] = season[f] === null ? '' : String(season[f]);
	return {
		season: { id: season.id, number: season.number, shortName: season.network.shortName },
		networks: [{ id: season.network.id, shortName: season.network.shortName }],
		values
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireCoordinator(event);
		const season = await getSeason(db(), event.params.id);
		if (!season || !coordinatedNetworks(user).includes(season.networkId)) error(404, 'not found');
		return submitSeasonForm(event, season.id);
	}
};
