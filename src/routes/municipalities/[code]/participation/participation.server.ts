import { error, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { requireMunicipality } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { parseQuery } from '$lib/server/http/parse';
import { municipalitySeasons } from '$lib/server/events/participation';
import { getMunicipality } from '$lib/server/registry/search-municipalities';
import { wholeNumber } from '$lib/schemas/fields';

/**
 * The municipality and the season asked for (one it has a membership in; by default the one
 * running). Its people's sign-ups are for those who manage them: coordinators and its contact
 * person; a participant sees only their own sign-ups (on /events), so gets 403 here.
 */
export async function municipalityParticipationOf(event: RequestEvent<{ code: string }>) {
	requireMunicipality(event, event.params.code, 'manage');
	const municipality = await getMunicipality(db(), event.params.code);
	if (!municipality) error(404, 'not found');
	const now = new Date();
	const { values, errors } = parseQuery(
		event.url.searchParams,
		{ season: z.uuid('error.invalidChoice'), page: wholeNumber(1, 100_000) },
		{ season: '', page: 1 }
	);
	const { seasons, current } = await municipalitySeasons(db(), municipality.code, now);
	let season = current;
	if (values.season) {
		const asked = seasons.find((s) => s.id === values.season);
		if (asked) season = asked;
		else errors.season = { key: 'error.invalidChoice' };
	}
	return { municipality, seasons, season, page: values.page, errors, now };
}
