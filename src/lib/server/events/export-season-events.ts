import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { eventSignUps, events } from '../db/schema';
import type { ExportTable } from '../export/table-export';
import { serverTranslator } from '$lib/i18n/catalogue';
import { formatDateTime } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locales';
import { localized } from '$lib/localized';

/** A bound on the rows read: a season holds a few dozen events. */
const MAX_ROWS = 2000;

/** The season's events as a table: when, what, where, and seats taken and waiting. */
export async function exportSeasonEvents(
	db: Db,
	season: { id: string; number: number; networkShortName: string },
	locale: Locale
): Promise<ExportTable> {
	const t = serverTranslator(locale);
	const rows = await db
		.select({
			event: events,
			// "events"."id" written out: drizzle leaves a one-table select's columns unqualified,
			// which inside the subquery would name the sign-up's own id
			waiting: sql<number>`(select count(*)::int from ${eventSignUps} s where s.event_id = "events"."id" and s.state = 'waiting')`
		})
		.from(events)
		.where(eq(events.seasonId, season.id))
		.orderBy(asc(events.startsAt), asc(events.id))
		.limit(MAX_ROWS);
	return {
		title: `${season.networkShortName} ${season.number}`,
		columns: [
			{ header: t('events.startsAt'), width: 18 },
			{ header: t('events.endsAt'), width: 18 },
			{ header: t('events.type'), width: 22 },
			{ header: t('events.title'), width: 40 },
			{ header: t('events.format'), width: 16 },
			{ header: t('events.venueName'), width: 24 },
			{ header: t('events.capacityOnSite'), numeric: true },
			{ header: t('events.capacityOnline'), numeric: true },
			{ header: t('events.state.confirmed'), numeric: true },
			{ header: t('events.state.waiting'), numeric: true },
			{ header: t('events.phase.cancelled') }
		],
		rows: rows.map(({ event, waiting }) => [
			formatDateTime(locale, event.startsAt),
			formatDateTime(locale, event.endsAt),
			t(`events.type.${event.type}`),
			localized(event, 'title', locale),
			t(`events.format.${event.format}`),
			[event.venueName, event.venueAddress].filter(Boolean).join(', '),
			event.capacityOnSite,
			event.capacityOnline,
			event.confirmedOnSite + event.confirmedOnline,
			waiting,
			event.cancelledAt ? formatDateTime(locale, event.cancelledAt) : ''
		])
	};
}
