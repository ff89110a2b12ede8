import { error, fail, redirect } from '@sveltejs/kit';
import { requireMunicipality } from '$lib/server/auth/guard';
import { userActor } from '$lib/server/actor';
import { db } from '$lib/server/db';
import { collectErrors, readFormData } from '$lib/server/http/parse';
import { mailSettings, publicOrigin } from '$lib/server/mail/settings';
import { invitePerson } from '$lib/server/people/invite-person';
import {
	getMunicipalityPerson,
	removePerson,
	updatePerson
} from '$lib/server/people/municipality-people';
import { personFormInput, personFormSchema } from '$lib/schemas/person';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireMunicipality(event, event.params.code, 'manage');
	const person = await getMunicipalityPerson(db(), event.params.code, event.params.personId);
	if (!person) error(404, 'not found');
	return {
		code: event.params.code,
		person: {
			id: person.id,
			name: person.name,
			email: person.email,
			title: person.title,
			positions: person.positions,
			locale: person.locale
		}
	};
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireMunicipality(event, event.params.code, 'manage');
		const input = personFormInput(await readFormData(event.request));
		const parsed = personFormSchema.safeParse(input);
		if (!parsed.success)
			return fail(400, { save: { errors: collectErrors(parsed.error), values: input } });
		const result = await updatePerson(
			db(),
			userActor(user),
			event.params.code,
			event.params.personId,
			parsed.data
		);
		if (!result.ok && result.error === 'not_found') error(404, 'not found');
		if (!result.ok)
			return fail(400, {
				save: { errors: { email: { key: 'import.email_taken' as const } }, values: input }
			});
		return { saved: true };
	},

	invite: async (event) => {
		const user = requireMunicipality(event, event.params.code, 'manage');
		const result = await invitePerson(db(), mailSettings(), {
			code: event.params.code,
			personId: event.params.personId,
			inviterName: user.name,
			origin: publicOrigin(event.url)
		});
		if (!result.ok) error(404, 'not found');
		return { invited: result.email };
	},

	remove: async (event) => {
		const user = requireMunicipality(event, event.params.code, 'manage');
		const form = await readFormData(event.request);
		if (form.get('confirm') !== 'yes') {
			return fail(400, {
				remove: { errors: { confirm: { key: 'people.removeConfirmMissing' as const } } }
			});
		}
		const result = await removePerson(
			db(),
			userActor(user),
			event.params.code,
			event.params.personId
		);
		if (!result.ok) {
			if (result.error === 'self')
				return fail(400, { remove: { errors: { confirm: { key: 'error.invalid' as const } } } });
			error(404, 'not found');
		}
		redirect(303, `/municipalities/${event.params.code}/people?removed=1`);
	}
};
