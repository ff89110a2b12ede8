import { fail } from '@sveltejs/kit';
import { userActor } from '$lib/server/actor';
import { db } from '$lib/server/db';
import { parseQuery, readFormData } from '$lib/server/http/parse';
import { listAttendance } from '$lib/server/events/feedback-results';
import { markAttendance } from '$lib/server/events/mark-attendance';
import { numberedPage } from '$lib/server/pagination';
import { uuidSchema } from '$lib/schemas/event';
import { wholeNumber } from '$lib/schemas/fields';
import type { Actions, PageServerLoad } from './$types';
import { coordinatorsEvent } from '../coordinators-event.server';

const PAGE_SIZE = 100;

export const load: PageServerLoad = async (event) => {
	const { row } = await coordinatorsEvent(event);
	const { values } = parseQuery(
		event.url.searchParams,
		{ page: wholeNumber(1, 100_000) },
		{ page: 1 }
	);
	const first = await listAttendance(db(), row.event.id, 0, 0);
	const { page, pages, offset } = numberedPage(first.total, values.page, PAGE_SIZE);
	const list = await listAttendance(db(), row.event.id, offset, PAGE_SIZE);
	return {
		event: row.event,
		started: row.event.startsAt.getTime() <= Date.now(),
		list: { ...list, page, pages }
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, row } = await coordinatorsEvent(event);
		const form = await readFormData(event.request);
		const valid = (v: FormDataEntryValue) =>
			typeof v === 'string' && uuidSchema.safeParse(v).success;
		const shown = form.getAll('shown').filter(valid).slice(0, 1000) as string[];
		const attended = new Set(form.getAll('attended').filter(valid) as string[]);
		const result = await markAttendance(db(), userActor(user), {
			eventId: row.event.id,
			marks: shown.map((signUpId) => ({ signUpId, attended: attended.has(signUpId) }))
		});
		if (!result.ok) {
			return fail(400, { error: `events.refusal.${result.error}` as const });
		}
		return { saved: result.changed };
	}
};
