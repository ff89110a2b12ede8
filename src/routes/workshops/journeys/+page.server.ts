import { fail, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { coordinatedNetworks, hasRole } from '$lib/server/auth/session';
import { userActor } from '$lib/server/actor';
import { db } from '$lib/server/db';
import { formValues, parseForm, readFormData, parseQuery } from '$lib/server/http/parse';
import {
	listClaimableWorkshops,
	listExpertJourneys,
	listNetworkJourneys
} from '$lib/server/workshops/travel/journey-queries';
import { createJourney } from '$lib/server/workshops/travel/save-journey';
import { journeyHeaderSchema } from '$lib/schemas/travel';
import { repeatedIds } from '$lib/schemas/workshop';
import { wholeNumber } from '$lib/schemas/fields';
import type { FieldErrors } from '$lib/schemas/errors';
import type { Actions, PageServerLoad } from './$types';

/**
 * Travel costs: an expert's own journeys and the form for a new one; a coordinator's journeys
 * to approve and those approved, of the networks they coordinate.
 */
export const load: PageServerLoad = async (event) => {
	const user = requireRole(event, 'expert', 'coordinator');
	const { values } = parseQuery(
		event.url.searchParams,
		{
			page: wholeNumber(1, 100_000),
			reviewPage: wholeNumber(1, 100_000),
			approvedPage: wholeNumber(1, 100_000)
		},
		{ page: 1, reviewPage: 1, approvedPage: 1 }
	);
	const expert = hasRole(user, 'expert');
	const networks = coordinatedNetworks(user);
	const [mine, claimable, toReview, approved] = await Promise.all([
		expert ? listExpertJourneys(db(), user.id, values.page) : null,
		expert ? listClaimableWorkshops(db(), user.id) : [],
		networks.length
			? listNetworkJourneys(db(), networks, { state: 'submitted', page: values.reviewPage })
			: null,
		networks.length
			? listNetworkJourneys(db(), networks, { state: 'approved', page: values.approvedPage })
			: null
	]);
	return { mine, claimable, toReview, approved };
};

export const actions: Actions = {
	/** An expert starts a journey. */
	create: async (event) => {
		const user = requireRole(event, 'expert');
		const data = await readFormData(event.request);
		const form = await parseForm(data, journeyHeaderSchema);
		const workshops = repeatedIds(data, 'workshopIds', 50);
		const values = formValues(data, ['workshopIds']);
		const kept = { values, workshopIds: workshops.ids };
		if (!form.ok || workshops.invalid) {
			const errors: FieldErrors = form.ok ? {} : { ...form.errors };
			if (workshops.invalid) errors.workshopIds = { key: 'error.travel.invalidChoice' };
			return fail(400, { create: { errors, ...kept } });
		}
		const result = await createJourney(
			db(),
			userActor(user),
			{ role: 'expert', personId: user.id },
			{ ...form.data, workshopIds: workshops.ids }
		);
		if (!result.ok) {
			const errors: FieldErrors =
				result.error === 'fields'
					? Object.fromEntries(
							Object.entries(result.fields).map(([field, code]) => [
								field,
								{ key: `error.travel.${code}` as const }
							])
						)
					: { _form: { key: `travel.refusal.${result.error}` as const } };
			return fail(400, { create: { errors, ...kept } });
		}
		redirect(303, `/workshops/journeys/${result.journeyId}`);
	}
};
