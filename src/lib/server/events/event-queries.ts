import { and, asc, count, desc, eq, gte, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../db';
import {
	eventFocusAreas,
	eventSignUps,
	events,
	memberships,
	networks,
	seasonFocusAreas,
	seasons,
	users
} from '../db/schema';
import { numberedPage } from '../pagination';
import type { SessionUser } from '../auth/session';
import { eventProgress, programmeAgainstPlan } from '$lib/domain/events/programme';
import { signUpPhase, type EventSchedule } from '$lib/domain/events/deadlines';
import { waitingPosition } from '$lib/domain/events/capacity';
import type { EventType } from '$lib/domain/events/event-types';
import { activeSeats, attendeeFacts, modesFor, type EventRow } from './seats';
import { listEventMaterials } from './event-materials';
import { UUID_PATTERN } from '$lib/domain/uuid';

export const EVENTS_PAGE_SIZE = 25;
export const PEOPLE_PAGE_SIZE = 50;

const uuid = UUID_PATTERN;

/** What a viewer is to an event's network: staff see everything; members see their own. */
export interface EventViewer {
	staff: boolean;
	coordinator: boolean;
	/** Municipalities whose sign-ups the viewer manages (contact person). */
	managedMunicipalities: string[];
}

/**
 * Who may see an event: the coordinators and experts of its network, and the people of
 * municipalities with a membership of its season. Anyone else gets null (shown as 404).
 */
export async function eventViewer(
	db: Db,
	user: SessionUser,
	event: { seasonId: string; networkId: string }
): Promise<EventViewer | null> {
	const networkRoles = user.roles.filter((r) => r.networkId === event.networkId);
	const coordinator = networkRoles.some((r) => r.role === 'coordinator');
	const staff = coordinator || networkRoles.some((r) => r.role === 'expert');
	const codes = [
		...new Set(user.roles.map((r) => r.municipalityCode).filter((c): c is string => !!c))
	];
	let memberCodes: string[] = [];
	if (codes.length > 0) {
		const rows = await db
			.select({ code: memberships.municipalityCode })
			.from(memberships)
			.where(
				and(eq(memberships.seasonId, event.seasonId), inArray(memberships.municipalityCode, codes))
			);
		memberCodes = rows.map((r) => r.code);
	}
	if (!staff && memberCodes.length === 0) return null;
	const managedMunicipalities = user.roles
		.filter(
			(r) =>
				r.role === 'contact_person' &&
				r.municipalityCode &&
				memberCodes.includes(r.municipalityCode)
		)
		.map((r) => r.municipalityCode!);
	return { staff, coordinator, managedMunicipalities };
}

export async function getEventRow(db: Db, eventId: string) {
	if (!uuid.test(eventId)) return null;
	const [row] = await db
		.select({ event: events, season: seasons, network: networks })
		.from(events)
		.innerJoin(seasons, eq(seasons.id, events.seasonId))
		.innerJoin(networks, eq(networks.id, seasons.networkId))
		.where(eq(events.id, eventId))
		.limit(1);
	return row ?? null;
}

export function scheduleOf(event: EventRow): EventSchedule {
	return { ...event, cancelled: event.cancelledAt !== null };
}

/**
 * The event page for one viewer: the event, its focus areas, seats and waiting lists counted,
 * and the viewer's own sign-up and the modes open to them. The online link only for staff and
 * those holding a seat.
 */
export async function getEventPage(db: Db, user: SessionUser, eventId: string, now: Date) {
	const row = await getEventRow(db, eventId);
	if (!row) return null;
	const viewer = await eventViewer(db, user, {
		seasonId: row.season.id,
		networkId: row.network.id
	});
	if (!viewer) return null;
	const { event } = row;
	const [focusAreas, waitingCounts, own, materials] = await Promise.all([
		db
			.select({
				id: seasonFocusAreas.id,
				textFi: seasonFocusAreas.textFi,
				textSv: seasonFocusAreas.textSv,
				textEn: seasonFocusAreas.textEn
			})
			.from(eventFocusAreas)
			.innerJoin(seasonFocusAreas, eq(seasonFocusAreas.id, eventFocusAreas.focusAreaId))
			.where(eq(eventFocusAreas.eventId, event.id))
			.orderBy(asc(seasonFocusAreas.position)),
		db
			.select({ mode: eventSignUps.mode, n: count() })
			.from(eventSignUps)
			.where(and(eq(eventSignUps.eventId, event.id), eq(eventSignUps.state, 'waiting')))
			.groupBy(eventSignUps.mode),
		db
			.select()
			.from(eventSignUps)
			.where(
				and(
					eq(eventSignUps.eventId, event.id),
					eq(eventSignUps.userId, user.id),
					ne(eventSignUps.state, 'cancelled')
				)
			)
			.limit(1),
		listEventMaterials(db, event.id)
	]);
	const ownSignUp = own[0] ?? null;
	let position: number | null = null;
	if (ownSignUp?.state === 'waiting') {
		const [ahead] = await db
			.select({ n: count() })
			.from(eventSignUps)
			.where(
				and(
					eq(eventSignUps.eventId, event.id),
					eq(eventSignUps.state, 'waiting'),
					eq(eventSignUps.mode, ownSignUp.mode),
					sql`${eventSignUps.seq} <= ${ownSignUp.seq}`
				)
			);
		position = ahead?.n ?? null;
	}
	const modes = modesFor(event, (await attendeeFacts(db, event.seasonId, [user.id])).get(user.id));
	const waiting = { on_site: 0, online: 0 };
	for (const w of waitingCounts) waiting[w.mode] = w.n;
	const seesLink = viewer.staff || ownSignUp?.state === 'confirmed';
	return {
		event: { ...event, onlineUrl: seesLink ? event.onlineUrl : null },
		season: { id: row.season.id, number: row.season.number, networkId: row.network.id },
		network: {
			id: row.network.id,
			shortName: row.network.shortName,
			publicContactEmail: row.network.publicContactEmail
		},
		focusAreas,
		materials,
		viewer,
		phase: signUpPhase(scheduleOf(event), now),
		waiting,
		ownSignUp: ownSignUp
			? {
					id: ownSignUp.id,
					mode: ownSignUp.mode,
					state: ownSignUp.state,
					arrangements: ownSignUp.arrangements,
					waitingPosition: position,
					attended: ownSignUp.attended
				}
			: null,
		eligibleModes: modes
	};
}

/** One page of the municipality's people with their sign-up for the event and the modes open to them. */
export async function listMunicipalityPeopleForEvent(
	db: Db,
	event: EventRow,
	municipalityCode: string,
	requestedPage: number
) {
	const where = and(
		eq(users.municipalityCode, municipalityCode),
		isNull(users.erasedAt),
		isNull(users.disabledAt)
	);
	const [total] = await db.select({ n: count() }).from(users).where(where);
	const { page, pages, offset } = numberedPage(total?.n ?? 0, requestedPage, PEOPLE_PAGE_SIZE);
	const people = await db
		.select({ id: users.id, name: users.name, title: users.title })
		.from(users)
		.where(where)
		.orderBy(asc(users.name), asc(users.id))
		.limit(PEOPLE_PAGE_SIZE)
		.offset(offset);
	const ids = people.map((p) => p.id);
	const [facts, seats, signUps] = await Promise.all([
		attendeeFacts(db, event.seasonId, ids),
		activeSeats(db, event.id),
		ids.length
			? db
					.select({
						id: eventSignUps.id,
						userId: eventSignUps.userId,
						mode: eventSignUps.mode,
						state: eventSignUps.state
					})
					.from(eventSignUps)
					.where(
						and(
							eq(eventSignUps.eventId, event.id),
							inArray(eventSignUps.userId, ids),
							ne(eventSignUps.state, 'cancelled')
						)
					)
			: Promise.resolve([])
	]);
	const byUser = new Map(signUps.map((s) => [s.userId, s]));
	return {
		page,
		pages,
		total: total?.n ?? 0,
		rows: people.map((p) => {
			const s = byUser.get(p.id);
			return {
				...p,
				modes: modesFor(event, facts.get(p.id)),
				signUp: s ? { ...s, waitingPosition: waitingPosition(seats, s.id) } : null
			};
		})
	};
}

/** How many wait for each of these events (event_sign_ups_event_state). */
export async function waitingCounts(db: Db, eventIds: string[]): Promise<Map<string, number>> {
	if (eventIds.length === 0) return new Map();
	const rows = await db
		.select({ eventId: eventSignUps.eventId, n: count() })
		.from(eventSignUps)
		.where(and(inArray(eventSignUps.eventId, eventIds), eq(eventSignUps.state, 'waiting')))
		.groupBy(eventSignUps.eventId);
	return new Map(rows.map((r) => [r.eventId, r.n]));
}

/** A season's events in time order, one page, with seats taken and waiting. */
export async function listSeasonEvents(
	db: Db,
	seasonId: string,
	requestedPage: number,
	perPage = EVENTS_PAGE_SIZE
) {
	const [total] = await db.select({ n: count() }).from(events).where(eq(events.seasonId, seasonId));
	const { page, pages, offset } = numberedPage(total?.n ?? 0, requestedPage, perPage);
	// the page's ids first, from events_season_starts alone (an index-only scan); asked for the
	// whole rows at once, PGlite's planner walked events_starts through every earlier season
	const pageIds = db
		.select({ id: events.id })
		.from(events)
		.where(eq(events.seasonId, seasonId))
		.orderBy(asc(events.startsAt), asc(events.id))
		.limit(perPage)
		.offset(offset);
	const found = await db
		.select()
		.from(events)
		.where(inArray(events.id, pageIds))
		.orderBy(asc(events.startsAt), asc(events.id));
	// counted for this page's events only: a count in the select list would be computed for
	// every row the offset skips too
	const waiting = await waitingCounts(
		db,
		found.map((e) => e.id)
	);
	const rows = found.map((event) => ({ event, waiting: waiting.get(event.id) ?? 0 }));
	return { page, pages, total: total?.n ?? 0, rows };
}

/** The season's programme against its plan, counted by the database per type. */
export async function seasonProgramme(
	db: Db,
	season: Pick<
		typeof seasons.$inferSelect,
		| 'id'
		| 'seminars'
		| 'workSeminars'
		| 'contactPersonMeetings'
		| 'currentAffairsReviews'
		| 'peerDiscussions'
		| 'developmentEvents'
	>,
	now: Date
) {
	const rows = await db
		.select({
			type: events.type,
			cancelled: sql<number>`count(*) filter (where ${events.cancelledAt} is not null)::int`,
			held: sql<number>`count(*) filter (where ${events.cancelledAt} is null and ${events.endsAt} <= ${now})::int`,
			scheduled: sql<number>`count(*) filter (where ${events.cancelledAt} is null and ${events.endsAt} > ${now})::int`
		})
		.from(events)
		.where(eq(events.seasonId, season.id))
		.groupBy(events.type);
	// the domain rule counts events one by one; the counts stand in for them
	const items: { type: EventType; progress: ReturnType<typeof eventProgress> }[] = [];
	for (const r of rows) {
		for (const progress of ['held', 'scheduled', 'cancelled'] as const) {
			for (let i = 0; i < r[progress]; i++) items.push({ type: r.type, progress });
		}
	}
	return programmeAgainstPlan(
		{
			seminars: season.seminars,
			workSeminars: season.workSeminars,
			contactPersonMeetings: season.contactPersonMeetings,
			currentAffairsReviews: season.currentAffairsReviews,
			peerDiscussions: season.peerDiscussions,
			developmentEvents: season.developmentEvents
		},
		items
	);
}

/**
 * Upcoming events for a person: those of seasons their municipality is an active member of,
 * and of networks they coordinate or serve as an expert; with their own sign-up if any.
 */
export async function listUpcomingEvents(
	db: Db,
	user: SessionUser,
	now: Date,
	requestedPage: number,
	perPage = EVENTS_PAGE_SIZE
) {
	const codes = [
		...new Set(user.roles.map((r) => r.municipalityCode).filter((c): c is string => !!c))
	];
	const staffNetworks = [
		...new Set(
			user.roles
				.filter((r) => (r.role === 'coordinator' || r.role === 'expert') && r.networkId)
				.map((r) => r.networkId!)
		)
	];
	const memberSeasons = codes.length
		? db
				.select({ id: memberships.seasonId })
				.from(memberships)
				.where(and(inArray(memberships.municipalityCode, codes), eq(memberships.state, 'active')))
		: null;
	const visible = or(
		memberSeasons ? inArray(events.seasonId, memberSeasons) : undefined,
		staffNetworks.length ? inArray(seasons.networkId, staffNetworks) : undefined
	);
	if (!visible) return { page: 1, pages: 1, total: 0, rows: [] };
	const where = and(visible, gte(events.endsAt, now));
	const [total] = await db
		.select({ n: count() })
		.from(events)
		.innerJoin(seasons, eq(seasons.id, events.seasonId))
		.where(where);
	const { page, pages, offset } = numberedPage(total?.n ?? 0, requestedPage, perPage);
	const rows = await db
		.select({
			event: events,
			networkShortName: networks.shortName,
			seasonNumber: seasons.number,
			ownState: eventSignUps.state,
			ownMode: eventSignUps.mode
		})
		.from(events)
		.innerJoin(seasons, eq(seasons.id, events.seasonId))
		.innerJoin(networks, eq(networks.id, seasons.networkId))
		.leftJoin(
			eventSignUps,
			and(
				eq(eventSignUps.eventId, events.id),
				eq(eventSignUps.userId, user.id),
				ne(eventSignUps.state, 'cancelled')
			)
		)
		.where(where)
		.orderBy(asc(events.startsAt), asc(events.id))
		.limit(perPage)
		.offset(offset);
	return { page, pages, total: total?.n ?? 0, rows };
}

/** A person's own sign-ups, newest event first, with attendance once marked. */
export async function listOwnSignUps(db: Db, userId: string, requestedPage: number) {
	const where = and(eq(eventSignUps.userId, userId), ne(eventSignUps.state, 'cancelled'));
	const [total] = await db.select({ n: count() }).from(eventSignUps).where(where);
	const { page, pages, offset } = numberedPage(total?.n ?? 0, requestedPage, EVENTS_PAGE_SIZE);
	const rows = await db
		.select({
			signUpId: eventSignUps.id,
			state: eventSignUps.state,
			mode: eventSignUps.mode,
			attended: eventSignUps.attended,
			event: {
				id: events.id,
				titleFi: events.titleFi,
				titleSv: events.titleSv,
				titleEn: events.titleEn,
				startsAt: events.startsAt,
				endsAt: events.endsAt,
				cancelledAt: events.cancelledAt
			}
		})
		.from(eventSignUps)
		.innerJoin(events, eq(events.id, eventSignUps.eventId))
		.where(where)
		.orderBy(desc(events.startsAt), asc(eventSignUps.id))
		.limit(EVENTS_PAGE_SIZE)
		.offset(offset);
	return { page, pages, total: total?.n ?? 0, rows };
}

export const PUBLIC_EVENTS_PAGE_SIZE = 10;

/**
 * A season's coming events for the network's public page: what, when, how and where (the
 * venue's name), never who comes or the online link. Cancelled events are left out. Served by
 * events_season_starts, one page at a time.
 */
export async function listPublicSeasonEvents(
	db: Db,
	seasonId: string,
	now: Date,
	requestedPage: number
) {
	const where = and(
		eq(events.seasonId, seasonId),
		isNull(events.cancelledAt),
		gte(events.endsAt, now)
	);
	const [total] = await db.select({ n: count() }).from(events).where(where);
	const { page, pages, offset } = numberedPage(
		total?.n ?? 0,
		requestedPage,
		PUBLIC_EVENTS_PAGE_SIZE
	);
	const rows = await db
		.select({
			id: events.id,
			type: events.type,
			format: events.format,
			titleFi: events.titleFi,
			titleSv: events.titleSv,
			titleEn: events.titleEn,
			startsAt: events.startsAt,
			endsAt: events.endsAt,
			venueName: events.venueName
		})
		.from(events)
		.where(where)
		.orderBy(asc(events.startsAt), asc(events.id))
		.limit(PUBLIC_EVENTS_PAGE_SIZE)
		.offset(offset);
	return { page, pages, total: total?.n ?? 0, rows };
}
