import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { notFound, requireCoordinator } from '$lib/server/auth/guard';
import { coordinatedNetworks } from '$lib/server/auth/session';
import { userActor } from '$lib/server/actor';
import { db } from '$lib/server/db';
import { getSeason } from '$lib/server/seasons/season-queries';
import { createEvent } from '$lib/server/events/save-event';
import { planFailure, readEventForm } from '../../../../events/event-form.server';
import type { Actions, PageServerLoad } from './$types';

async function ownSeason(event: RequestEvent<{ id: string }>) {
	const user = requireCoordinator(event);
	const season = await getSeason(db(), event.params.id);
	if (!season || !coordinatedNetworks(user).includes(season.networkId)) notFound(event);
	return { user, season };
}

export const load: PageServerLoad = async (event) => {
	const { season } = await ownSeason(event);
	return {
		season: { id: season.id, number: season.number, networkShortName: season.network.shortName },
		focusAreas: season.focusAreas
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, season } = await ownSeason(event);
		const { form, focusAreaIds, values } = await readEventForm(event.request);
		if (!form.ok) return fail(400, { errors: form.errors, values, focusAreaIds });
		const result = await createEvent(db(), userActor(user), season.id, form.data, focusAreaIds);
		if (!result.ok) return planFailure(result, values, focusAreaIds);
		redirect(303, `/events/${result.eventId}?done=created`);
	}
};
