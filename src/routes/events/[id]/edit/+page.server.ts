import { fail, redirect } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { userActor } from '$lib/server/actor';
import { db } from '$lib/server/db';
import { eventFocusAreas } from '$lib/server/db/schema';
import { updateEvent } from '$lib/server/events/save-event';
import { getSeason } from '$lib/server/seasons/season-queries';
import { eventFormValues, planFailure, readEventForm } from '../../event-form.server';
import type { Actions, PageServerLoad } from './$types';
import { coordinatorsEvent } from '../coordinators-event.server';

export const load: PageServerLoad = async (event) => {
	const { row } = await coordinatorsEvent(event);
	const [season, focus] = await Promise.all([
		getSeason(db(), row.season.id),
		db()
			.select({ id: eventFocusAreas.focusAreaId })
			.from(eventFocusAreas)
			.where(eq(eventFocusAreas.eventId, row.event.id))
	]);
	return {
		event: {
			id: row.event.id,
			titleFi: row.event.titleFi,
			cancelled: row.event.cancelledAt !== null
		},
		values: eventFormValues(row.event),
		focusAreas: season?.focusAreas ?? [],
		selectedFocusAreas: focus.map((f) => f.id)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, row } = await coordinatorsEvent(event);
		const { form, focusAreaIds, values } = await readEventForm(event.request);
		if (!form.ok) return fail(400, { errors: form.errors, values, focusAreaIds });
		const result = await updateEvent(db(), userActor(user), row.event.id, form.data, focusAreaIds);
		if (!result.ok) return planFailure(result, values, focusAreaIds);
		redirect(303, `/events/${row.event.id}?done=saved`);
	}
};
