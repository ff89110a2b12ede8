import { error, fail } from '@sveltejs/kit';
import { requireMunicipality } from '$lib/server/auth/guard';
import { userActor } from '$lib/server/actor';
import { db } from '$lib/server/db';
import { collectErrors, parseQuery, readFormData } from '$lib/server/http/parse';
import { createPerson, listMunicipalityPeople } from '$lib/server/people/municipality-people';
import { getMunicipality } from '$lib/server/registry/search-municipalities';
import { text, wholeNumber } from '$lib/schemas/fields';
import { personFormInput, personFormSchema } from '$lib/schemas/person';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireMunicipality(event, event.params.code, 'manage');
	const municipality = await getMunicipality(db(), event.params.code);
	if (!municipality) error(404, 'not found');
	const { values, errors } = parseQuery(
		event.url.searchParams,
		{ q: text({ max: 100, optional: true }), page: wholeNumber(1, 100_000) },
		{ q: '', page: 1 }
	);
	return {
		municipality: {
			code: municipality.code,
			nameFi: municipality.nameFi,
			nameSv: municipality.nameSv
		},
		people: await listMunicipalityPeople(db(), municipality.code, values),
		query: values,
		errors,
		added: event.url.searchParams.has('added')
	};
};

export const actions: Actions = {
	add: async (event) => {
		const user = requireMunicipality(event, event.params.code, 'manage');
		const form = await readFormData(event.request);
		const input = personFormInput(form);
		const parsed = personFormSchema.safeParse(input);
		if (!parsed.success)
			return fail(400, { add: { errors: collectErrors(parsed.error), values: input } });
		const result = await createPerson(db(), userActor(user), event.params.code, parsed.data);
		if (!result.ok) {
			return fail(400, {
				add: { errors: { email: { key: 'import.email_taken' as const } }, values: input }
			});
		}
		return { added: parsed.data.name };
	}
};
