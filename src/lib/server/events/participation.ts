import { and, asc, count, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db';
import {
	eventFeedback,
	eventSignUps,
	events,
	memberships,
	municipalities,
	networks,
	seasons,
	users
} from '../db/schema';
import type { ExportTable } from '../export/table-export';
import { numberedPage } from '../pagination';
import { serverTranslator } from '$lib/i18n/catalogue';
import { formatDateTime } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locales';
import { localized } from '$lib/localized';
import { isMember, MEMBERSHIP_STATES } from '$lib/domain/membership';
import { currentOrLatestSeasons } from '$lib/domain/current-season';
import { helsinkiDate } from '$lib/domain/helsinki-time';
import {
	FEEDBACK_QUESTIONS,
	SCORES,
	summariseDistribution,
	type ScoreSummary
} from '$lib/domain/events/feedback';

export const PARTICIPATION_PAGE_SIZE = 50;
/** A bound on an export's rows: a season has at most every municipality as a member. */
const MAX_EXPORT_ROWS = 10_000;

const memberStates = MEMBERSHIP_STATES.filter(isMember);

/**
 * Participation counts of some municipalities in a season's events, counted by the database
 * for just those municipalities (event_sign_ups_municipality), so a page of 50 costs the same
 * however many members the season has.
 */
async function countsFor(db: Db, seasonId: string, codes: string[]) {
	if (codes.length === 0) return new Map<string, ParticipationCounts>();
	const rows = await db
		.select({
			code: eventSignUps.municipalityCode,
			people: sql<number>`count(distinct ${eventSignUps.userId}) filter (where ${eventSignUps.state} <> 'cancelled')::int`,
			confirmed: sql<number>`count(*) filter (where ${eventSignUps.state} = 'confirmed')::int`,
			waiting: sql<number>`count(*) filter (where ${eventSignUps.state} = 'waiting')::int`,
			attended: sql<number>`count(*) filter (where ${eventSignUps.attended})::int`,
			eventsAttended: sql<number>`count(distinct ${eventSignUps.eventId}) filter (where ${eventSignUps.attended})::int`
		})
		.from(eventSignUps)
		.innerJoin(events, eq(events.id, eventSignUps.eventId))
		.where(and(eq(events.seasonId, seasonId), inArray(eventSignUps.municipalityCode, codes)))
		.groupBy(eventSignUps.municipalityCode);
	return new Map(rows.map(({ code, ...counts }) => [code, counts]));
}

export interface ParticipationCounts {
	people: number;
	confirmed: number;
	waiting: number;
	attended: number;
	eventsAttended: number;
}

const NONE: ParticipationCounts = {
	people: 0,
	confirmed: 0,
	waiting: 0,
	attended: 0,
	eventsAttended: 0
};

/** The season's events held so far: not cancelled and over by `now`. */
async function heldEvents(db: Db, seasonId: string, now: Date) {
	const [row] = await db
		.select({ n: count() })
		.from(events)
		.where(and(eq(events.seasonId, seasonId), isNull(events.cancelledAt), lt(events.endsAt, now)));
	return row?.n ?? 0;
}

/**
 * The members of a season (decided or active) one page at a time, by name, each with its
 * people's sign-ups and attendance over the season's events.
 */
export async function seasonParticipation(
	db: Db,
	seasonId: string,
	requestedPage: number,
	now: Date,
	perPage = PARTICIPATION_PAGE_SIZE
) {
	const where = and(eq(memberships.seasonId, seasonId), inArray(memberships.state, memberStates));
	const [[total], held] = await Promise.all([
		db.select({ n: count() }).from(memberships).where(where),
		heldEvents(db, seasonId, now)
	]);
	const { page, pages, offset } = numberedPage(total?.n ?? 0, requestedPage, perPage);
	const members = await db
		.select({
			code: municipalities.code,
			nameFi: municipalities.nameFi,
			nameSv: municipalities.nameSv,
			state: memberships.state
		})
		.from(memberships)
		.innerJoin(municipalities, eq(municipalities.code, memberships.municipalityCode))
		.where(where)
		.orderBy(asc(municipalities.nameFi), asc(municipalities.code))
		.limit(perPage)
		.offset(offset);
	const counts = await countsFor(
		db,
		seasonId,
		members.map((m) => m.code)
	);
	return {
		page,
		pages,
		total: total?.n ?? 0,
		heldEvents: held,
		rows: members.map((m) => ({ ...m, ...(counts.get(m.code) ?? NONE) }))
	};
}

export async function exportSeasonParticipation(
	db: Db,
	season: { id: string; number: number; networkShortName: string },
	locale: Locale,
	now: Date
): Promise<ExportTable> {
	const t = serverTranslator(locale);
	const { rows, heldEvents: held } = await seasonParticipation(
		db,
		season.id,
		1,
		now,
		MAX_EXPORT_ROWS
	);
	return {
		title: `${season.networkShortName} ${season.number}`,
		columns: [
			{ header: t('participation.code'), width: 8 },
			{ header: t('events.municipality'), width: 24 },
			{ header: t('participation.people'), numeric: true },
			{ header: t('participation.confirmed'), numeric: true },
			{ header: t('participation.waiting'), numeric: true },
			{ header: t('participation.attended'), numeric: true },
			{ header: t('participation.eventsAttended'), numeric: true }
		],
		rows: rows.map((r) => [
			r.code,
			locale === 'sv' ? r.nameSv : r.nameFi,
			r.people,
			r.confirmed,
			r.waiting,
			r.attended,
			r.eventsAttended
		]),
		notes: [t('participation.heldEvents', { count: held })]
	};
}

/**
 * The seasons a municipality takes or took part in (any membership state), newest first, and
 * the one its page opens on: the season running today, else the latest started, else the next.
 */
export async function municipalitySeasons(db: Db, code: string, now: Date) {
	const rows = await db
		.select({
			id: seasons.id,
			number: seasons.number,
			startsOn: seasons.startsOn,
			endsOn: seasons.endsOn,
			networkId: seasons.networkId,
			networkShortName: networks.shortName
		})
		.from(memberships)
		.innerJoin(seasons, eq(seasons.id, memberships.seasonId))
		.innerJoin(networks, eq(networks.id, seasons.networkId))
		.where(eq(memberships.municipalityCode, code))
		.orderBy(desc(seasons.startsOn), asc(networks.shortName))
		.limit(200);
	const current = currentOrLatestSeasons(rows, helsinkiDate(now))[0] ?? null;
	return { seasons: rows, current };
}

/**
 * A municipality's sign-ups over one season, one page in time order: the event, the person,
 * the mode, the state and whether they attended. Only the municipality's own people.
 */
export async function municipalityParticipation(
	db: Db,
	code: string,
	seasonId: string,
	requestedPage: number,
	now: Date,
	perPage = PARTICIPATION_PAGE_SIZE
) {
	const where = and(eq(eventSignUps.municipalityCode, code), eq(events.seasonId, seasonId));
	const [counts, held] = await Promise.all([
		countsFor(db, seasonId, [code]),
		heldEvents(db, seasonId, now)
	]);
	const [total] = await db
		.select({ n: count() })
		.from(eventSignUps)
		.innerJoin(events, eq(events.id, eventSignUps.eventId))
		.where(where);
	const { page, pages, offset } = numberedPage(total?.n ?? 0, requestedPage, perPage);
	const rows = await db
		.select({
			signUpId: eventSignUps.id,
			eventId: events.id,
			titleFi: events.titleFi,
			titleSv: events.titleSv,
			titleEn: events.titleEn,
			type: events.type,
			startsAt: events.startsAt,
			endsAt: events.endsAt,
			eventCancelled: sql<boolean>`${events.cancelledAt} is not null`,
			name: users.name,
			erased: sql<boolean>`${users.erasedAt} is not null`,
			mode: eventSignUps.mode,
			state: eventSignUps.state,
			attended: eventSignUps.attended
		})
		.from(eventSignUps)
		.innerJoin(events, eq(events.id, eventSignUps.eventId))
		.innerJoin(users, eq(users.id, eventSignUps.userId))
		.where(where)
		.orderBy(asc(events.startsAt), asc(events.id), asc(users.name), asc(eventSignUps.id))
		.limit(perPage)
		.offset(offset);
	return {
		page,
		pages,
		total: total?.n ?? 0,
		heldEvents: held,
		counts: counts.get(code) ?? NONE,
		rows: rows.map((r) => ({ ...r, name: r.erased ? '' : r.name }))
	};
}

export async function exportMunicipalityParticipation(
	db: Db,
	code: string,
	season: { id: string; number: number; networkShortName: string },
	locale: Locale,
	now: Date
): Promise<ExportTable> {
	const t = serverTranslator(locale);
	const { rows } = await municipalityParticipation(db, code, season.id, 1, now, MAX_EXPORT_ROWS);
	const attended = (v: boolean | null) =>
		v === null ? '' : v ? t('events.attendedYes') : t('events.attendedNo');
	return {
		title: `${season.networkShortName} ${season.number}`,
		columns: [
			{ header: t('events.startsAt'), width: 18 },
			{ header: t('events.title'), width: 40 },
			{ header: t('events.type'), width: 22 },
			{ header: t('people.name'), width: 28 },
			{ header: t('events.mode'), width: 14 },
			{ header: t('participation.state'), width: 14 },
			{ header: t('events.attended'), width: 14 }
		],
		rows: rows.map((r) => [
			formatDateTime(locale, r.startsAt),
			localized(r, 'title', locale),
			t(`events.type.${r.type}`),
			r.erased ? t('participation.erased') : r.name,
			t(`events.mode.${r.mode}`),
			r.eventCancelled ? t('events.phase.cancelled') : t(`events.state.${r.state}`),
			attended(r.attended)
		])
	};
}

export const FEEDBACK_EVENTS_PAGE_SIZE = 25;

/**
 * Feedback across a season: per question the distribution and average over every answer, and
 * for one page of the season's events (time order) their answers and averages. Counted by the
 * database as score counts per question (and per event on the page), so the cost grows with
 * neither the answers nor the season's events.
 */
export async function seasonFeedback(db: Db, seasonId: string, requestedPage: number) {
	const question = sql<string>`q.key`;
	const score = sql<number>`(q.value)::int`;
	const eachScore = sql`jsonb_each_text(${eventFeedback.scores}) as q(key, value)`;
	const inSeason = and(eq(events.seasonId, seasonId), isNull(events.cancelledAt));
	const [seasonCounts, [eventTotal], [answerTotal], [attendedTotal]] = await Promise.all([
		db
			.select({ question, score, n: sql<number>`count(*)::int` })
			.from(eventFeedback)
			.innerJoin(events, eq(events.id, eventFeedback.eventId))
			.innerJoin(eachScore, sql`true`)
			.where(inSeason)
			.groupBy(question, score),
		db.select({ n: count() }).from(events).where(inSeason),
		db
			.select({ n: count() })
			.from(eventFeedback)
			.innerJoin(events, eq(events.id, eventFeedback.eventId))
			.where(inSeason),
		db
			.select({ n: count() })
			.from(eventSignUps)
			.innerJoin(events, eq(events.id, eventSignUps.eventId))
			.where(and(inSeason, eq(eventSignUps.attended, true)))
	]);
	const totals = {
		events: eventTotal?.n ?? 0,
		answers: answerTotal?.n ?? 0,
		attended: attendedTotal?.n ?? 0
	};
	const { page, pages, offset } = numberedPage(
		totals.events,
		requestedPage,
		FEEDBACK_EVENTS_PAGE_SIZE
	);
	const found = await db
		.select({
			id: events.id,
			titleFi: events.titleFi,
			titleSv: events.titleSv,
			titleEn: events.titleEn,
			type: events.type,
			startsAt: events.startsAt,
			endsAt: events.endsAt
		})
		.from(events)
		.where(inSeason)
		.orderBy(asc(events.startsAt), asc(events.id))
		.limit(FEEDBACK_EVENTS_PAGE_SIZE)
		.offset(offset);
	// answers and attendance of this page's events only, not of every row the offset skips
	const ids = found.map((e) => e.id);
	const [answerCounts, attendedCounts] = ids.length
		? await Promise.all([
				db
					.select({ eventId: eventFeedback.eventId, n: count() })
					.from(eventFeedback)
					.where(inArray(eventFeedback.eventId, ids))
					.groupBy(eventFeedback.eventId),
				db
					.select({ eventId: eventSignUps.eventId, n: count() })
					.from(eventSignUps)
					.where(and(inArray(eventSignUps.eventId, ids), eq(eventSignUps.attended, true)))
					.groupBy(eventSignUps.eventId)
			])
		: [[], []];
	const byEvent = (list: { eventId: string; n: number }[]) =>
		new Map(list.map((r) => [r.eventId, r.n]));
	const answersOf = byEvent(answerCounts);
	const attendedOf = byEvent(attendedCounts);
	const onPage = found.map((e) => ({
		...e,
		answers: answersOf.get(e.id) ?? 0,
		attended: attendedOf.get(e.id) ?? 0
	}));
	const eventCounts = onPage.length
		? await db
				.select({ eventId: eventFeedback.eventId, question, score, n: sql<number>`count(*)::int` })
				.from(eventFeedback)
				.innerJoin(eachScore, sql`true`)
				.where(
					inArray(
						eventFeedback.eventId,
						onPage.map((e) => e.id)
					)
				)
				.groupBy(eventFeedback.eventId, question, score)
		: [];
	const tally = (rows: { question: string; score: number; n: number }[]) => {
		const lists = new Map<string, number[]>(
			FEEDBACK_QUESTIONS.map((q) => [q, SCORES.map(() => 0)])
		);
		for (const r of rows) {
			const list = lists.get(r.question);
			if (list && r.score >= 1 && r.score <= 5) list[r.score - 1]! += r.n;
		}
		return FEEDBACK_QUESTIONS.map((questionId) => ({
			questionId,
			summary: summariseDistribution(lists.get(questionId)!) as ScoreSummary
		}));
	};
	return {
		...totals,
		questions: tally(seasonCounts),
		page,
		pages,
		rows: onPage.map((e) => ({
			...e,
			questions: tally(eventCounts.filter((c) => c.eventId === e.id))
		}))
	};
}
