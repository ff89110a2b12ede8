import { and, asc, eq, gt, gte, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { events, eventSignUps, seasons } from '../db/schema';
import type { IcsEvent } from './render-event-ics';
import type { Locale } from '$lib/i18n/locales';
import { localized } from '$lib/localized';
import type { Translate } from '$lib/i18n/translate';

/**
 * The events of a calendar feed (docs/decisions/015-icalendar.md, 020-calendar-feeds.md), as
 * the renderer's view model. Each list is one query, bounded by time and by count, on an index
 * that does not grow with the number of people: a person's own sign-ups
 * (`event_sign_ups_user`), or the events by start (`events_starts`).
 */

/** How far back a feed reaches: a calendar keeps the entries it has already fetched. */
export const FEED_PAST_DAYS = 90;
/** At most this many events in one feed; a network holds a few dozen a season. */
export const FEED_MAX_EVENTS = 500;

const DAY_MS = 24 * 60 * 60 * 1000;

/** How a feed's texts are written: in the feed owner's language, through the catalogue. */
export interface FeedTexts {
	locale: Locale;
	t: Translate;
	/** The event's page in Verkosto, as an absolute address. */
	eventUrl: (eventId: string) => string;
}

const eventColumns = {
	id: events.id,
	sequence: events.sequence,
	startsAt: events.startsAt,
	endsAt: events.endsAt,
	titleFi: events.titleFi,
	titleSv: events.titleSv,
	titleEn: events.titleEn,
	descriptionFi: events.descriptionFi,
	descriptionSv: events.descriptionSv,
	descriptionEn: events.descriptionEn,
	venueName: events.venueName,
	venueAddress: events.venueAddress,
	onlineUrl: events.onlineUrl,
	cancelledAt: events.cancelledAt,
	cancellationReason: events.cancellationReason,
	updatedAt: events.updatedAt
};

type EventRow = { [K in keyof typeof eventColumns]: (typeof events.$inferSelect)[K] };

/**
 * One entry. A cancelled event says so in its title too: not every program shows STATUS (a
 * subscribed calendar in Google shows the entry as it was). A waiting sign-up holds no seat,
 * which the title says as well.
 */
function toIcsEvent(
	row: EventRow,
	texts: FeedTexts,
	signUp: 'confirmed' | 'waiting' | null
): IcsEvent {
	const { locale, t } = texts;
	const title = localized(row, 'title', locale);
	const body = localized(row, 'description', locale).trim();
	const cancelled = row.cancelledAt !== null;
	let summary = title;
	const notes: string[] = [];
	if (cancelled) {
		summary = t('calendars.feed.cancelledTitle', { title });
		const reason = row.cancellationReason.trim();
		notes.push(
			reason ? t('calendars.feed.cancelledReason', { reason }) : t('calendars.feed.cancelledNote')
		);
	} else if (signUp === 'waiting') {
		summary = t('calendars.feed.waitingTitle', { title });
		notes.push(t('calendars.feed.waitingNote'));
	}
	return {
		id: row.id,
		sequence: row.sequence,
		startsAt: row.startsAt,
		endsAt: row.endsAt,
		summary,
		description: [...notes, body].filter(Boolean).join('\n\n'),
		location: [row.venueName, row.venueAddress]
			.map((s) => s.trim())
			.filter(Boolean)
			.join(', '),
		url: texts.eventUrl(row.id),
		// the link is for a held seat of an event that takes place
		onlineUrl: signUp === 'confirmed' && !cancelled ? row.onlineUrl : null,
		cancelled,
		lastModified: row.updatedAt
	};
}

function since(now: Date): Date {
	return new Date(now.getTime() - FEED_PAST_DAYS * DAY_MS);
}

/** A cancelled event stays in the feeds until it is past, so the cancellation reaches calendars. */
const notPastIfCancelled = (now: Date) => or(isNull(events.cancelledAt), gt(events.endsAt, now));

/**
 * A person's own events from 90 days ago on: those they hold a seat or a waiting place for, and
 * the cancelled ones they were signed up to when the event was cancelled, until those are past.
 * The online link only where their seat is confirmed.
 */
export async function listPersonalFeedEvents(
	db: Db,
	userId: string,
	now: Date,
	texts: FeedTexts
): Promise<IcsEvent[]> {
	const rows = await db
		.select({ ...eventColumns, state: eventSignUps.state })
		.from(eventSignUps)
		.innerJoin(events, eq(events.id, eventSignUps.eventId))
		.where(
			and(
				eq(eventSignUps.userId, userId),
				gte(events.startsAt, since(now)),
				notPastIfCancelled(now),
				or(
					ne(eventSignUps.state, 'cancelled'),
					// cancelled with the event (a minute's leeway for the use case's own clock),
					// not withdrawn by the person before it
					sql`${events.cancelledAt} is not null and ${eventSignUps.cancelledAt} >= ${events.cancelledAt} - interval '1 minute'`
				)
			)
		)
		.orderBy(asc(events.startsAt), asc(events.id), asc(eventSignUps.state))
		// one event can have an active sign-up and an earlier cancelled one; twice the room
		.limit(FEED_MAX_EVENTS * 2);

	const byEvent = new Map<string, (typeof rows)[number]>();
	for (const row of rows) {
		const seen = byEvent.get(row.id);
		if (!seen || (seen.state === 'cancelled' && row.state !== 'cancelled'))
			byEvent.set(row.id, row);
	}
	return [...byEvent.values()]
		.slice(0, FEED_MAX_EVENTS)
		.map((row) => toIcsEvent(row, texts, row.state === 'cancelled' ? null : row.state));
}

/** A network's events of every season from 90 days ago on; never an online link. */
export async function listNetworkFeedEvents(
	db: Db,
	networkId: string,
	now: Date,
	texts: FeedTexts
): Promise<IcsEvent[]> {
	const rows = await db
		.select(eventColumns)
		.from(events)
		.innerJoin(seasons, eq(seasons.id, events.seasonId))
		.where(
			and(
				eq(seasons.networkId, networkId),
				gte(events.startsAt, since(now)),
				notPastIfCancelled(now)
			)
		)
		.orderBy(asc(events.startsAt), asc(events.id))
		.limit(FEED_MAX_EVENTS);
	return rows.map((row) => toIcsEvent(row, texts, null));
}
