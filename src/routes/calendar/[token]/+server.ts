import { db } from '$lib/server/db';
import { FEED_REFRESH_HOURS, renderFeed } from '$lib/server/events/calendar-feeds';
import type { RequestHandler } from './$types';

/**
 * Public by its secret (route-access.ts): calendar programs fetch a feed without signing in, so
 * the address is the credential (docs/decisions/020-calendar-feeds.md). An unknown, renewed or
 * no longer permitted address answers 404, saying nothing of which it was.
 */
export const GET: RequestHandler = async ({ params, url }) => {
	const calendar = await renderFeed(db(), params.token, new Date(), (id) =>
		new URL(`/events/${id}`, url.origin).toString()
	);
	if (calendar === null) {
		return new Response('Not found\n', {
			status: 404,
			headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
		});
	}
	return new Response(calendar, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'inline; filename="verkosto.ics"',
			// the program's own copy only, and for less than the refresh the feed asks for
			'cache-control': `private, max-age=${(FEED_REFRESH_HOURS * 3600) / 4}`,
			'x-robots-tag': 'noindex, nofollow'
		}
	});
};
