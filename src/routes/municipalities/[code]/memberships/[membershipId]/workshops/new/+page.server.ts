import { fail, redirect } from '@sveltejs/kit';
import { userActor } from '$lib/server/actor';
import { db } from '$lib/server/db';
import { formValues, parseForm, readFormData } from '$lib/server/http/parse';
import { proposeWorkshop } from '$lib/server/workshops/propose-workshop';
import {
	listWorkshopCandidates,
	membershipLedgers,
	seasonFocusAreasOf
} from '$lib/server/workshops/workshop-queries';
import { proposalFormSchema, repeatedIds } from '$lib/schemas/workshop';
import type { FieldErrors } from '$lib/schemas/errors';
import { membershipWorkshops } from '../workshops.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { membership } = await membershipWorkshops(event, 'manage');
	const [ledgers, focusAreas, candidates] = await Promise.all([
		membershipLedgers(
			db(),
			[{ id: membership.id, entitlement: membership.season.entitlement }],
			new Date()
		),
		seasonFocusAreasOf(db(), membership.season.id),
		listWorkshopCandidates(db(), membership.municipality.code)
	]);
	return { membership, ledger: ledgers.get(membership.id)!, focusAreas, candidates };
};

export const actions: Actions = {
	default: async (event) => {
		const { user, membership, actor } = await membershipWorkshops(event, 'manage');
		const data = await readFormData(event.request);
		const form = await parseForm(data, proposalFormSchema);
		const participants = repeatedIds(data, 'participantIds');
		const values = formValues(data, ['participantIds']);
		const kept = { values, participantIds: participants.ids };
		if (!form.ok || participants.invalid) {
			const errors: FieldErrors = form.ok ? {} : { ...form.errors };
			if (participants.invalid) errors.participantIds = { key: 'error.invalidChoice' };
			return fail(400, { errors, ...kept });
		}
		const result = await proposeWorkshop(db(), userActor(user), actor!, {
			membershipId: membership.id,
			...form.data,
			participantIds: participants.ids
		});
		if (!result.ok) {
			const errors: FieldErrors =
				result.error === 'fields'
					? Object.fromEntries(
							Object.entries(result.fields).map(([field, code]) => [
								field,
								{ key: `error.workshop.${code}` as const }
							])
						)
					: {
							[result.error === 'extra_not_needed' ? 'asExtra' : '_form']: {
								key: `workshops.refusal.${result.error}` as const
							}
						};
			return fail(400, { errors, ...kept });
		}
		redirect(
			303,
			`/municipalities/${membership.municipality.code}/memberships/${membership.id}/workshops?proposed=${result.extra ? 'extra' : 'yes'}`
		);
	}
};
