import { error, fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { requireCoordinator } from '$lib/server/auth/guard';
import { coordinatedNetworks } from '$lib/server/auth/session';
import { userActor } from '$lib/server/actor';
import { db } from '$lib/server/db';
import { parseForm, parseQuery } from '$lib/server/http/parse';
import { inviteMunicipality } from '$lib/server/memberships/membership-commands';
import { getMunicipality } from '$lib/server/registry/search-municipalities';
import { getSeason, listSeasonMembers } from '$lib/server/seasons/season-queries';
import { seasonProgramme } from '$lib/server/events/event-queries';
import { membershipLedgers } from '$lib/server/workshops/workshop-queries';
import { choice, wholeNumber } from '$lib/schemas/fields';
import { MEMBERSHIP_STATES } from '$lib/domain/membership';
import type { Actions, PageServerLoad } from './$types';

async function loadOwnSeason(event: RequestEvent<{ id: string }>) {
	const user = requireCoordinator(event);
	const season = await getSeason(db(), event.params.id);
	if (!season || !coordinatedNetworks(user).includes(season.networkId)) error(404, 'not found');
	return { user, season };
}

export const load: PageServerLoad = async (event) => {
	const { season } = await loadOwnSeason(event);
	const { values, errors } = parseQuery(
		event.url.searchParams,
		{ page: wholeNumber(1, 100_000), state: choice(MEMBERSHIP_STATES) },
		{ page: 1, state: null as (typeof MEMBERSHIP_STATES)[number] | null }
	);
	const [members, programme] = await Promise.all([
		listSeasonMembers(db(), season, values),
		seasonProgramme(db(), season, new Date())
	]);
	// the workshop ledgers of this page's active members
	const ledgers = await membershipLedgers(
		db(),
		members.rows
			.filter((m) => m.state === 'active')
			.map((m) => ({ id: m.id, entitlement: season.workshopsPerMunicipality })),
		new Date()
	);
	return {
		season,
		members: {
			...members,
			rows: members.rows.map((m) => ({ ...m, ledger: ledgers.get(m.id) ?? null }))
		},
		programme,
		query: values,
		errors,
		saved: event.url.searchParams.has('saved')
	};
};

const inviteSchema = z.object({
	code: z
		.string({ error: 'error.required' })
		.trim()
		.regex(/^\d{3}$/, 'error.invalid')
});

export const actions: Actions = {
	invite: async (event) => {
		const { user, season } = await loadOwnSeason(event);
		const form = await parseForm(event.request, inviteSchema);
		if (!form.ok) return fail(400, { invite: form });
		const municipality = await getMunicipality(db(), form.data.code);
		if (!municipality || municipality.abolishedOn) {
			return fail(400, {
				invite: {
					errors: { code: { key: 'error.invalid' as const } },
					values: { code: form.data.code }
				}
			});
		}
		const result = await inviteMunicipality(db(), userActor(user), {
			seasonId: season.id,
			municipalityCode: municipality.code
		});
		if (!result.ok) {
			return fail(400, {
				invite: {
					errors: { code: { key: `error.${result.error}` as const } },
					values: { code: form.data.code }
				}
			});
		}
		return { invited: municipality.nameFi };
	}
};
