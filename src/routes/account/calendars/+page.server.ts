import { fail, redirect } from '@sveltejs/kit';
import { userActor } from '$lib/server/actor';
import { notFound, requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import {
	feedFormSchema,
	feedKey,
	getOrCreateFeed,
	listCalendarFeeds,
	renewFeed
} from '$lib/server/events/calendar-feeds';
import { parseForm } from '$lib/server/http/parse';
import type { Actions, PageServerLoad } from './$types';

const PAGE = '/account/calendars';

// Any signed-in person: the secret addresses of their own calendar feeds.
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const feeds = await listCalendarFeeds(db(), user.id);
	const address = (token: string | null) => {
		if (!token) return null;
		const https = new URL(`/calendar/${token}`, event.url.origin).toString();
		return { https, webcal: https.replace(/^https?:/, 'webcal:') };
	};
	const search = event.url.searchParams;
	return {
		personal: { key: feedKey('personal', null), address: address(feeds.personal) },
		networks: feeds.networks.map((n) => ({
			id: n.id,
			key: feedKey('network', n.id),
			shortName: n.shortName,
			name: { fi: n.nameFi, sv: n.nameSv, en: n.nameEn },
			address: address(n.token)
		})),
		created: search.get('created'),
		renewed: search.get('renewed')
	};
};

export const actions: Actions = {
	create: async (event) => {
		const user = requireUser(event);
		const form = await parseForm(event.request, feedFormSchema);
		if (!form.ok) return fail(400, { invalid: true });
		const { kind, network } = form.data;
		const result = await getOrCreateFeed(db(), userActor(user), user.id, kind, network);
		if (!result.ok) notFound(event);
		const key = feedKey(kind, network);
		redirect(303, `${PAGE}?created=${encodeURIComponent(key)}#${key}`);
	},

	/** Two steps, both plain form posts: the first asks, the second (confirm=yes) renews. */
	renew: async (event) => {
		const user = requireUser(event);
		const form = await parseForm(event.request, feedFormSchema);
		if (!form.ok) return fail(400, { invalid: true });
		const { kind, network, confirm } = form.data;
		const key = feedKey(kind, network);
		if (confirm !== 'yes') return { confirmRenew: key };
		const result = await renewFeed(db(), userActor(user), user.id, kind, network);
		if (!result.ok) notFound(event);
		redirect(303, `${PAGE}?renewed=${encodeURIComponent(key)}#${key}`);
	}
};
