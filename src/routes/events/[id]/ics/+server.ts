import { notFound, requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { getEventPage } from '$lib/server/events/event-queries';
import { renderCalendar } from '$lib/server/events/render-event-ics';
import { serverTranslator } from '$lib/i18n/catalogue';
import { localized } from '$lib/localized';
import type { RequestHandler } from './$types';

/** The event as a calendar file, with the online link only for those who may see it. */
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const page = await getEventPage(db(), user, event.params.id, new Date());
	if (!page) notFound(event);
	const locale = event.locals.locale;
	const t = serverTranslator(locale);
	const e = page.event;
	const body = renderCalendar({
		onlineLabel: t('events.onlineLink'),
		events: [
			{
				id: e.id,
				sequence: e.sequence,
				startsAt: e.startsAt,
				endsAt: e.endsAt,
				summary: localized(e, 'title', locale),
				description: localized(e, 'description', locale),
				location:
					e.format === 'online' ? '' : [e.venueName, e.venueAddress].filter(Boolean).join(', '),
				url: `${event.url.origin}/events/${e.id}`,
				onlineUrl: e.onlineUrl,
				cancelled: e.cancelledAt !== null,
				lastModified: e.updatedAt
			}
		]
	});
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="event-${e.id.slice(0, 8)}.ics"`,
			'cache-control': 'private, no-store'
		}
	});
};
