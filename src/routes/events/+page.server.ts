import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { parseQuery } from '$lib/server/http/parse';
import { listOwnSignUps, listUpcomingEvents } from '$lib/server/events/event-queries';
import { wholeNumber } from '$lib/schemas/fields';
import type { PageServerLoad } from './$types';

/** Upcoming events open to the person, and their own sign-ups with past attendance. */
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const { values } = parseQuery(
		event.url.searchParams,
		{ page: wholeNumber(1, 100_000), own: wholeNumber(1, 100_000) },
		{ page: 1, own: 1 }
	);
	const now = new Date();
	const [upcoming, own] = await Promise.all([
		listUpcomingEvents(db(), user, now, values.page),
		listOwnSignUps(db(), user.id, values.own)
	]);
	return { upcoming, own };
};
