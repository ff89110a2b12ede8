import { and, asc, eq, exists, gte, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, DbOrTx } from '../db';
import {
	calendarFeeds,
	memberships,
	networks,
	roleAssignments,
	seasons,
	users
} from '../db/schema';
import type { Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { generateToken, isWellFormedToken } from '../auth/tokens';
import {
	FEED_MAX_EVENTS,
	listNetworkFeedEvents,
	listPersonalFeedEvents,
	type FeedTexts
} from './list-feed-events';
import { listPersonalFeedWorkshops } from '../workshops/list-feed-workshops';
import { workshopPath } from '../workshops/workshop-mail';
import { renderCalendar } from './render-event-ics';
import { helsinkiDate } from '$lib/domain/helsinki-time';
import { isMember, MEMBERSHIP_STATES } from '$lib/domain/membership';
import { serverTranslator } from '$lib/i18n/catalogue';
import type { Locale } from '$lib/i18n/locales';
import { choice } from '$lib/schemas/fields';

/**
 * Calendar feeds at secret addresses (docs/decisions/020-calendar-feeds.md): a person's own
 * events, and each network's events for the people of that network. Calendar programs fetch
 * them without signing in, so the address is the credential: 160 random bits, kept so that
 * the person can copy it again to another device, and renewed (the old one revoked at once)
 * when it has gone astray. Who may have a network's feed is asked again on every fetch.
 */

export const FEED_KINDS = ['personal', 'network'] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

/**
 * Which feed a form on the account's calendar page means: the person's own (no network) or a
 * network's; `confirm` is the second step of a renewal.
 */
export const feedFormSchema = z
	.object({
		kind: choice(FEED_KINDS),
		network: z
			.union([z.literal(''), z.uuid({ error: 'error.invalid' })])
			.optional()
			.transform((v) => v || null),
		confirm: z.literal('yes').optional()
	})
	.refine((f) => (f.kind === 'network') === (f.network !== null), {
		message: 'error.invalid',
		path: ['network']
	});
export type FeedForm = z.output<typeof feedFormSchema>;

/** The anchor and notice key of a feed on the account page. */
export function feedKey(kind: FeedKind, networkId: string | null): string {
	return kind === 'network' && networkId ? `network-${networkId}` : 'personal';
}

/** How often a subscribing program should fetch a feed again (ADR 015). */
export const FEED_REFRESH_HOURS = 1;

export interface FeedNetwork {
	id: string;
	slug: string;
	shortName: string;
	nameFi: string;
	nameSv: string;
	nameEn: string;
}

export type FeedResult =
	{ ok: true; token: string; created: boolean } | { ok: false; error: 'not_found' };

const MEMBER_STATES = MEMBERSHIP_STATES.filter(isMember);

/**
 * Does the person belong to the network (given as a column or an id) on `today`? Its
 * coordinators and experts do by their role; contact persons and participants through their
 * municipality's membership (decided or active) in one of its seasons that has not ended.
 */
function belongsToNetwork(
	db: DbOrTx,
	userId: string | SQL | typeof calendarFeeds.userId,
	networkId: string | typeof networks.id,
	today: string
): SQL {
	const byRole = db
		.select({ one: sql`1` })
		.from(roleAssignments)
		.where(
			and(
				eq(roleAssignments.userId, userId),
				inArray(roleAssignments.role, ['coordinator', 'expert']),
				eq(roleAssignments.networkId, networkId)
			)
		);
	const byMembership = db
		.select({ one: sql`1` })
		.from(roleAssignments)
		.innerJoin(memberships, eq(memberships.municipalityCode, roleAssignments.municipalityCode))
		.innerJoin(seasons, eq(seasons.id, memberships.seasonId))
		.where(
			and(
				eq(roleAssignments.userId, userId),
				inArray(roleAssignments.role, ['contact_person', 'participant']),
				eq(seasons.networkId, networkId),
				inArray(memberships.state, MEMBER_STATES),
				gte(seasons.endsOn, today)
			)
		);
	return or(exists(byRole), exists(byMembership))!;
}

/** The networks whose feed the person may have, by short name. */
export async function listFeedNetworks(db: DbOrTx, userId: string, now = new Date()) {
	return db
		.select({
			id: networks.id,
			slug: networks.slug,
			shortName: networks.shortName,
			nameFi: networks.nameFi,
			nameSv: networks.nameSv,
			nameEn: networks.nameEn
		})
		.from(networks)
		.where(belongsToNetwork(db, userId, networks.id, helsinkiDate(now)))
		.orderBy(asc(networks.shortName));
}

/** Is this a feed the person may have: their own, or a network's they belong to? */
async function mayHave(
	db: DbOrTx,
	userId: string,
	kind: FeedKind,
	networkId: string | null,
	now: Date
): Promise<boolean> {
	if (kind === 'personal') return networkId === null;
	if (!networkId) return false;
	const [row] = await db
		.select({ id: networks.id })
		.from(networks)
		.where(
			and(eq(networks.id, networkId), belongsToNetwork(db, userId, networks.id, helsinkiDate(now)))
		);
	return !!row;
}

const liveFeed = (userId: string, kind: FeedKind, networkId: string | null) =>
	and(
		eq(calendarFeeds.userId, userId),
		eq(calendarFeeds.kind, kind),
		networkId === null ? isNull(calendarFeeds.networkId) : eq(calendarFeeds.networkId, networkId),
		isNull(calendarFeeds.revokedAt)
	);

async function findLive(tx: DbOrTx, userId: string, kind: FeedKind, networkId: string | null) {
	const [row] = await tx
		.select({ token: calendarFeeds.id })
		.from(calendarFeeds)
		.where(liveFeed(userId, kind, networkId));
	return row?.token ?? null;
}

/**
 * A new address, or null when another request made the person's live one first (the unique
 * index keeps one live feed per person, kind and network).
 */
async function insertFeed(
	tx: DbOrTx,
	userId: string,
	kind: FeedKind,
	networkId: string | null
): Promise<string | null> {
	const [row] = await tx
		.insert(calendarFeeds)
		.values({ id: generateToken(), kind, userId, networkId })
		.onConflictDoNothing()
		.returning({ token: calendarFeeds.id });
	return row?.token ?? null;
}

/** Logged without the address: the log is read by others, the address is the credential. */
function auditFeed(
	tx: DbOrTx,
	actor: Actor,
	action: 'create' | 'renew',
	userId: string,
	kind: FeedKind,
	networkId: string | null
) {
	return recordAudit(tx, actor, {
		action: `calendar_feed.${action}`,
		entityType: 'user',
		entityId: userId,
		after: { calendarFeed: kind, networkId }
	});
}

/**
 * The person's live address for the feed, made on first use. `not_found` for a network the
 * person does not belong to (or a personal feed with a network).
 */
export async function getOrCreateFeed(
	db: Db,
	actor: Actor,
	userId: string,
	kind: FeedKind,
	networkId: string | null,
	now = new Date()
): Promise<FeedResult> {
	return db.transaction(async (tx) => {
		if (!(await mayHave(tx, userId, kind, networkId, now)))
			return { ok: false, error: 'not_found' };
		const live = await findLive(tx, userId, kind, networkId);
		if (live) return { ok: true, token: live, created: false };
		const token = await insertFeed(tx, userId, kind, networkId);
		if (!token) {
			const theirs = await findLive(tx, userId, kind, networkId);
			return theirs
				? { ok: true, token: theirs, created: false }
				: { ok: false, error: 'not_found' };
		}
		await auditFeed(tx, actor, 'create', userId, kind, networkId);
		return { ok: true, token, created: true };
	});
}

/**
 * A new address for the feed; the old one answers 404 from the moment this commits. With two
 * renewals at once (a double click), one live address remains.
 */
export async function renewFeed(
	db: Db,
	actor: Actor,
	userId: string,
	kind: FeedKind,
	networkId: string | null,
	now = new Date()
): Promise<FeedResult> {
	return db.transaction(async (tx) => {
		if (!(await mayHave(tx, userId, kind, networkId, now)))
			return { ok: false, error: 'not_found' };
		const revoked = await tx
			.update(calendarFeeds)
			.set({ revokedAt: now })
			.where(liveFeed(userId, kind, networkId))
			.returning({ createdAt: calendarFeeds.createdAt });
		const token = await insertFeed(tx, userId, kind, networkId);
		if (!token) {
			const theirs = await findLive(tx, userId, kind, networkId);
			return theirs
				? { ok: true, token: theirs, created: false }
				: { ok: false, error: 'not_found' };
		}
		await auditFeed(tx, actor, revoked.length ? 'renew' : 'create', userId, kind, networkId);
		return { ok: true, token, created: true };
	});
}

export interface ResolvedFeed {
	kind: FeedKind;
	userId: string;
	networkId: string | null;
	networkShortName: string | null;
	/** The feed owner's language: a calendar program sends none we could use. */
	locale: Locale;
}

/**
 * The feed an address names, or null: unknown, renewed, its owner disabled or erased, or a
 * network feed whose owner no longer belongs to the network.
 */
export async function resolveFeed(
	db: DbOrTx,
	token: string,
	now = new Date()
): Promise<ResolvedFeed | null> {
	if (!isWellFormedToken(token)) return null;
	const [row] = await db
		.select({
			kind: calendarFeeds.kind,
			userId: calendarFeeds.userId,
			networkId: calendarFeeds.networkId,
			networkShortName: networks.shortName,
			locale: users.locale
		})
		.from(calendarFeeds)
		.innerJoin(users, eq(users.id, calendarFeeds.userId))
		.leftJoin(networks, eq(networks.id, calendarFeeds.networkId))
		.where(
			and(
				eq(calendarFeeds.id, token),
				isNull(calendarFeeds.revokedAt),
				isNull(users.disabledAt),
				isNull(users.erasedAt),
				or(
					eq(calendarFeeds.kind, 'personal'),
					belongsToNetwork(db, calendarFeeds.userId, networks.id, helsinkiDate(now))
				)
			)
		);
	return row ?? null;
}

/** The account page's view: the live addresses of the person's feeds, null where none is made. */
export async function listCalendarFeeds(db: Db, userId: string, now = new Date()) {
	const [feedNetworks, live] = await Promise.all([
		listFeedNetworks(db, userId, now),
		db
			.select({
				kind: calendarFeeds.kind,
				networkId: calendarFeeds.networkId,
				token: calendarFeeds.id
			})
			.from(calendarFeeds)
			.where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
	]);
	return {
		personal: live.find((f) => f.kind === 'personal')?.token ?? null,
		networks: feedNetworks.map((network) => ({
			...network,
			token: live.find((f) => f.kind === 'network' && f.networkId === network.id)?.token ?? null
		}))
	};
}

/**
 * The calendar file an address answers with, or null (404). `eventUrl` makes an event's page
 * address absolute, from the origin the request came to; a workshop's page address is made
 * absolute against the same origin. A personal feed holds the person's events and their
 * workshops (as an expert or a participant), in time order.
 */
export async function renderFeed(
	db: Db,
	token: string,
	now: Date,
	eventUrl: FeedTexts['eventUrl']
): Promise<string | null> {
	const feed = await resolveFeed(db, token, now);
	if (!feed) return null;
	const t = serverTranslator(feed.locale);
	const texts: FeedTexts = { locale: feed.locale, t, eventUrl };
	const workshopUrl = (code: string, id: string) =>
		new URL(workshopPath(code, id), eventUrl(id)).toString();
	const events =
		feed.kind === 'network' && feed.networkId
			? await listNetworkFeedEvents(db, feed.networkId, now, texts)
			: [
					...(await listPersonalFeedEvents(db, feed.userId, now, texts)),
					...(await listPersonalFeedWorkshops(db, feed.userId, now, { ...texts, workshopUrl }))
				]
					.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id))
					.slice(0, FEED_MAX_EVENTS);
	return renderCalendar({
		name:
			feed.kind === 'network'
				? t('calendars.feed.networkName', { network: feed.networkShortName ?? '' })
				: t('calendars.feed.personalName'),
		refreshHours: FEED_REFRESH_HOURS,
		onlineLabel: t('calendars.feed.online'),
		stamp: now,
		events
	});
}
