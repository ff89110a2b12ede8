import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { userActor } from '$lib/server/actor';
import { requireCoordinator } from '$lib/server/auth/guard';
import { coordinatedNetworks } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { parseForm } from '$lib/server/http/parse';
import { erasePerson, type ErasePersonError } from '$lib/server/people/erase-person';
import { listNetworkPeople, parseNetworkPeopleQuery } from '$lib/server/people/list-network-people';
import type { FieldError } from '$lib/schemas/errors';
import type { Actions, PageServerLoad } from './$types';

// Coordinators: the people of their networks' member municipalities; erasure of personal data.
export const load: PageServerLoad = async (event) => {
	const user = requireCoordinator(event);
	const { values: query, errors } = parseNetworkPeopleQuery(event.url.searchParams);
	const result = await listNetworkPeople(db(), coordinatedNetworks(user), query);
	if (result.unknownSeason) {
		errors.season = { key: 'error.invalidChoice' };
		query.season = '';
	}
	return { query, errors, ...result, selfId: user.id };
};

const eraseSchema = z.object({
	personId: z.uuid('error.not_found'),
	confirm: z.literal('yes', { error: 'people.removeConfirmMissing' })
});

const ERASE_ERRORS: Record<ErasePersonError, FieldError> = {
	forbidden: { key: 'page.forbiddenText' },
	not_found: { key: 'error.not_found' },
	self: { key: 'page.forbiddenText' },
	coordinator: { key: 'page.forbiddenText' },
	already_erased: { key: 'people.erased' }
};

export const actions: Actions = {
	erase: async (event) => {
		const user = requireCoordinator(event);
		const form = await parseForm(event.request, eraseSchema);
		if (!form.ok) {
			return fail(400, {
				erase: { personId: form.values.personId ?? '', errors: form.errors }
			});
		}
		const result = await erasePerson(db(), userActor(user), form.data.personId);
		if (!result.ok) {
			return fail(result.error === 'not_found' ? 404 : 400, {
				erase: { personId: form.data.personId, errors: { confirm: ERASE_ERRORS[result.error] } }
			});
		}
		return { erased: form.data.personId };
	}
};
