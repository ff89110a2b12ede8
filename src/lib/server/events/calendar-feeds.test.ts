import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/setup/test-db';
import { withoutDemoWorkshops } from '../../../../tests/factories/workshops';
import { parseIcs, type ParsedEvent } from '../../../../tests/support/parse-ics';
import { userActor, type Actor } from '../actor';
import type { Database } from '../db/client';
import {
	auditLog,
	calendarFeeds,
	eventFeedback,
	events,
	eventSignUps,
	networks,
	seasons,
	users
} from '../db/schema';
import { DEMO_COORDINATOR, DEMO_EXPERT } from '../demo/seed-demo';
import {
	getOrCreateFeed,
	listCalendarFeeds,
	listFeedNetworks,
	renderFeed,
	renewFeed,
	resolveFeed
} from './calendar-feeds';
import { FEED_MAX_EVENTS, listNetworkFeedEvents } from './list-feed-events';
import { serverTranslator } from '$lib/i18n/catalogue';

/**
 * Calendar feeds on either database: addresses made, renewed and revoked; a person's feed with
 * their own events only, the online link only for a confirmed seat; a network's feed with the
 * network's events and never a link; cancelled events kept, marked and with a raised SEQUENCE.
 */

const NOW = new Date('2024-06-01T09:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const LINK = 'https://teams.example/l/meetup-join/uso';
const eventUrl = (id: string) => `https://verkosto.example/events/${id}`;

let database: Database;
let usoId: string;
let uso7Id: string;
let otherSeasonId: string;
let otherNetworkId: string;
/** Vaala's participant: Vaala is an active member of USO 7. */
let vaala: { id: string; actor: Actor };
/** Kajaani's participant, who reads Swedish. */
let kajaani: { id: string; actor: Actor };
/** Lahti's contact person: Lahti is only invited to USO 7. */
let lahti: { id: string; actor: Actor };
let expert: { id: string; actor: Actor };

async function person(email: string) {
	const [row] = await database.db
		.select({ id: users.id, email: users.email })
		.from(users)
		.where(eq(users.email, email));
	return { id: row!.id, actor: userActor(row!) };
}

interface NewEvent {
	title: string;
	titleSv?: string;
	startsInDays: number;
	seasonId?: string;
	cancelled?: boolean;
	sequence?: number;
}

async function addEvent(e: NewEvent): Promise<string> {
	const startsAt = new Date(NOW.getTime() + e.startsInDays * DAY);
	const [row] = await database.db
		.insert(events)
		.values({
			seasonId: e.seasonId ?? uso7Id,
			type: 'seminar',
			format: 'hybrid',
			titleFi: e.title,
			titleSv: e.titleSv ?? '',
			descriptionFi: `Kuvaus: ${e.title}`,
			startsAt,
			endsAt: new Date(startsAt.getTime() + 3 * 60 * 60 * 1000),
			venueName: 'Kuntatalo',
			venueAddress: 'Toinen linja 14, Helsinki',
			onlineUrl: LINK,
			sequence: e.sequence ?? 0,
			cancelledAt: e.cancelled ? new Date(NOW.getTime() - DAY) : null,
			cancellationReason: e.cancelled ? 'Puhuja sairastui' : ''
		})
		.returning({ id: events.id });
	return row!.id;
}

async function signUp(
	eventId: string,
	who: { id: string },
	municipalityCode: string,
	state: 'confirmed' | 'waiting' | 'cancelled',
	cancelledAt: Date | null = null
) {
	await database.db.insert(eventSignUps).values({
		eventId,
		userId: who.id,
		municipalityCode,
		mode: 'online',
		state,
		confirmedAt: state === 'confirmed' ? NOW : null,
		cancelledAt
	});
}

async function feedOf(token: string, now = NOW) {
	const source = await renderFeed(database.db, token, now, eventUrl);
	expect(source, 'the address answers').not.toBeNull();
	return { source: source!, calendar: parseIcs(source!) };
}

const titled = (list: ParsedEvent[], title: string) => list.find((e) => e.summary.includes(title));

const ids: Record<string, string> = {};

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	// the events' feeds: the demo's workshops, which the feeds hold too, have their own test
	await withoutDemoWorkshops(database.db);
	const db = database.db;
	// The feeds here hold this file's own events only: the demo's programme is set aside.
	await db.delete(eventFeedback);
	await db.delete(eventSignUps);
	await db.delete(events);
	const [uso] = await db.select({ id: networks.id }).from(networks).where(eq(networks.slug, 'uso'));
	usoId = uso!.id;
	const [uso7] = await db
		.select({ id: seasons.id })
		.from(seasons)
		.where(and(eq(seasons.networkId, usoId), eq(seasons.number, 7)));
	uso7Id = uso7!.id;
	const [other] = await db
		.insert(networks)
		.values({ slug: 'muu', shortName: 'MUU', nameFi: 'Muu', nameSv: 'Annat', nameEn: 'Other' })
		.returning({ id: networks.id });
	otherNetworkId = other!.id;
	const [otherSeason] = await db
		.insert(seasons)
		.values({
			networkId: otherNetworkId,
			number: 1,
			startsOn: '2024-01-01',
			endsOn: '2024-12-31',
			leadThemeFi: 'Muu teema',
			leadThemeSv: 'Annat tema',
			leadThemeEn: 'Other theme'
		})
		.returning({ id: seasons.id });
	otherSeasonId = otherSeason!.id;

	vaala = await person('osallistuja-785@example.fi');
	kajaani = await person('osallistuja-205@example.fi');
	lahti = await person('yhteys-398@example.fi');
	expert = await person(DEMO_EXPERT);
	await db.update(users).set({ locale: 'sv' }).where(eq(users.id, kajaani.id));

	ids.confirmed = await addEvent({ title: 'Kevätseminaari', startsInDays: 10 });
	ids.waiting = await addEvent({ title: 'Työseminaari', startsInDays: 20 });
	ids.cancelled = await addEvent({
		title: 'Peruttu seminaari',
		startsInDays: 30,
		cancelled: true,
		sequence: 2
	});
	ids.withdrawn = await addEvent({ title: 'Vertaiskeskustelu', startsInDays: 40 });
	ids.kajaanis = await addEvent({
		title: 'Ajankohtaiskatsaus',
		titleSv: 'Aktuell översikt',
		startsInDays: 15
	});
	ids.kajaanisNoSwedish = await addEvent({ title: 'Kehittämispäivä', startsInDays: 16 });
	ids.tooOld = await addEvent({ title: 'Talviseminaari', startsInDays: -100 });
	ids.recent = await addEvent({ title: 'Toukokuun seminaari', startsInDays: -30 });
	ids.cancelledPast = await addEvent({
		title: 'Peruttu ja mennyt',
		startsInDays: -10,
		cancelled: true,
		sequence: 1
	});
	ids.otherNetwork = await addEvent({
		title: 'Toisen verkoston päivä',
		startsInDays: 12,
		seasonId: otherSeasonId
	});

	await signUp(ids.confirmed, vaala, '785', 'confirmed');
	await signUp(ids.waiting, vaala, '785', 'waiting');
	// cancelled together with the event (the use case cancels its sign-ups in one go)
	const [cancelled] = await db
		.select({ at: events.cancelledAt })
		.from(events)
		.where(eq(events.id, ids.cancelled));
	await signUp(ids.cancelled, vaala, '785', 'cancelled', cancelled!.at);
	// Vaala's participant withdrew a week ago, then signed up again and withdrew for good
	await signUp(ids.withdrawn, vaala, '785', 'cancelled', new Date(NOW.getTime() - 7 * DAY));
	await signUp(ids.tooOld, vaala, '785', 'confirmed');
	await signUp(ids.recent, vaala, '785', 'confirmed');
	await signUp(ids.cancelledPast, vaala, '785', 'confirmed');
	await signUp(ids.otherNetwork, vaala, '785', 'confirmed');
	await signUp(ids.kajaanis, kajaani, '205', 'confirmed');
	await signUp(ids.kajaanisNoSwedish, kajaani, '205', 'waiting');
});
afterAll(() => database?.close());

describe('feed addresses', () => {
	it('makes a person’s address once and gives the same one again, logging it without the address', async () => {
		const first = await getOrCreateFeed(database.db, vaala.actor, vaala.id, 'personal', null, NOW);
		expect(first).toMatchObject({ ok: true, created: true });
		if (!first.ok) return;
		expect(first.token).toMatch(/^[a-z2-7]{32}$/);
		const again = await getOrCreateFeed(database.db, vaala.actor, vaala.id, 'personal', null, NOW);
		expect(again).toEqual({ ok: true, token: first.token, created: false });
		expect(await resolveFeed(database.db, first.token, NOW)).toMatchObject({
			kind: 'personal',
			userId: vaala.id,
			networkId: null,
			locale: 'fi'
		});
		const log = await database.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityId, vaala.id), eq(auditLog.action, 'calendar_feed.create')));
		expect(log).toHaveLength(1);
		expect(log[0]?.after).toEqual({ calendarFeed: 'personal', networkId: null });
		expect(JSON.stringify(log)).not.toContain(first.token);
	});

	it('renews an address: the old one stops at once, the new one works', async () => {
		const before = await getOrCreateFeed(database.db, vaala.actor, vaala.id, 'personal', null, NOW);
		const renewed = await renewFeed(database.db, vaala.actor, vaala.id, 'personal', null, NOW);
		expect(before.ok && renewed.ok).toBe(true);
		if (!before.ok || !renewed.ok) return;
		expect(renewed.token).not.toBe(before.token);
		expect(await resolveFeed(database.db, before.token, NOW)).toBeNull();
		expect(await renderFeed(database.db, before.token, NOW, eventUrl)).toBeNull();
		expect(await resolveFeed(database.db, renewed.token, NOW)).not.toBeNull();
		const [revoked] = await database.db
			.select({ revokedAt: calendarFeeds.revokedAt })
			.from(calendarFeeds)
			.where(eq(calendarFeeds.id, before.token));
		expect(revoked?.revokedAt).toEqual(NOW);
		const again = await getOrCreateFeed(database.db, vaala.actor, vaala.id, 'personal', null, NOW);
		expect(again).toEqual({ ok: true, token: renewed.token, created: false });
	});

	it('makes one address for two requests at once, and leaves one live address after two renewals at once', async () => {
		const make = () => getOrCreateFeed(database.db, lahti.actor, lahti.id, 'personal', null, NOW);
		const [a, b] = await Promise.all([make(), make()]);
		expect(a.ok && b.ok && a.token === b.token).toBe(true);
		const renew = () => renewFeed(database.db, lahti.actor, lahti.id, 'personal', null, NOW);
		// PGlite runs them one after the other (two renewals), PostgreSQL side by side (one)
		const renewed = await Promise.all([renew(), renew()]);
		const tokens = renewed.map((r) => (r.ok ? r.token : 'refused'));
		const live = await database.db
			.select({ id: calendarFeeds.id })
			.from(calendarFeeds)
			.where(and(eq(calendarFeeds.userId, lahti.id), isNull(calendarFeeds.revokedAt)));
		expect(live).toHaveLength(1);
		expect(tokens).toContain(live[0]?.id);
		expect(tokens).not.toContain(a.ok ? a.token : '');
	});

	it('answers nothing for an address that is unknown or not an address', async () => {
		expect(await resolveFeed(database.db, 'a'.repeat(32), NOW)).toBeNull();
		expect(await resolveFeed(database.db, "x' or '1'='1", NOW)).toBeNull();
		expect(await renderFeed(database.db, '', NOW, eventUrl)).toBeNull();
	});

	it('gives a network’s address to its members’ people and staff only', async () => {
		expect(
			await getOrCreateFeed(database.db, vaala.actor, vaala.id, 'network', usoId, NOW)
		).toMatchObject({ ok: true });
		expect(
			await getOrCreateFeed(database.db, expert.actor, expert.id, 'network', usoId, NOW)
		).toMatchObject({ ok: true });
		// Lahti is invited, not a member
		expect(
			await getOrCreateFeed(database.db, lahti.actor, lahti.id, 'network', usoId, NOW)
		).toEqual({
			ok: false,
			error: 'not_found'
		});
		expect(
			await getOrCreateFeed(database.db, vaala.actor, vaala.id, 'network', otherNetworkId, NOW)
		).toEqual({ ok: false, error: 'not_found' });
		expect(
			await renewFeed(database.db, vaala.actor, vaala.id, 'network', otherNetworkId, NOW)
		).toEqual({
			ok: false,
			error: 'not_found'
		});
		// a personal feed names no network
		expect(
			await getOrCreateFeed(database.db, vaala.actor, vaala.id, 'personal', usoId, NOW)
		).toEqual({
			ok: false,
			error: 'not_found'
		});
		expect((await listFeedNetworks(database.db, lahti.id, NOW)).map((n) => n.slug)).toEqual([]);
		expect((await listFeedNetworks(database.db, vaala.id, NOW)).map((n) => n.slug)).toEqual([
			'uso'
		]);
		const [coordinator] = await database.db
			.select({ id: users.id })
			.from(users)
			.where(eq(users.email, DEMO_COORDINATOR));
		expect((await listFeedNetworks(database.db, coordinator!.id, NOW)).map((n) => n.slug)).toEqual([
			'uso'
		]);
	});

	it('lists the person’s live addresses for the account page', async () => {
		const view = await listCalendarFeeds(database.db, vaala.id, NOW);
		const personal = await getOrCreateFeed(
			database.db,
			vaala.actor,
			vaala.id,
			'personal',
			null,
			NOW
		);
		const network = await getOrCreateFeed(
			database.db,
			vaala.actor,
			vaala.id,
			'network',
			usoId,
			NOW
		);
		expect(view).toEqual({
			personal: personal.ok ? personal.token : 'missing',
			networks: [
				expect.objectContaining({
					id: usoId,
					shortName: 'USO',
					token: network.ok ? network.token : 'missing'
				})
			]
		});
		expect((await listCalendarFeeds(database.db, lahti.id, NOW)).networks).toEqual([]);
	});

	it('stops a network’s address once the person no longer belongs to the network, and a disabled person’s every address', async () => {
		const network = await getOrCreateFeed(
			database.db,
			vaala.actor,
			vaala.id,
			'network',
			usoId,
			NOW
		);
		const personal = await getOrCreateFeed(
			database.db,
			vaala.actor,
			vaala.id,
			'personal',
			null,
			NOW
		);
		if (!network.ok || !personal.ok) throw new Error('no feeds');
		// USO 8, the demo's latest season, ended on 2027-12-31 (tests/setup/test-db.ts)
		const later = new Date('2028-02-01T09:00:00Z');
		expect(await resolveFeed(database.db, network.token, later)).toBeNull();
		expect(await resolveFeed(database.db, personal.token, later)).not.toBeNull();

		const kajaaniFeed = await getOrCreateFeed(
			database.db,
			kajaani.actor,
			kajaani.id,
			'personal',
			null,
			NOW
		);
		if (!kajaaniFeed.ok) throw new Error('no feed');
		await database.db.update(users).set({ disabledAt: NOW }).where(eq(users.id, kajaani.id));
		try {
			expect(await resolveFeed(database.db, kajaaniFeed.token, NOW)).toBeNull();
		} finally {
			await database.db.update(users).set({ disabledAt: null }).where(eq(users.id, kajaani.id));
		}
	});
});

describe('a person’s own feed', () => {
	it('lists their sign-ups from 90 days ago on and no one else’s events', async () => {
		const result = await getOrCreateFeed(database.db, vaala.actor, vaala.id, 'personal', null, NOW);
		if (!result.ok) throw new Error('no feed');
		const { calendar } = await feedOf(result.token);
		expect(calendar.method).toBeNull();
		expect(calendar.name).toBe('Omat tapahtumat – Verkosto');
		expect(calendar.refreshInterval).toBe('PT1H');
		expect(calendar.events.map((e) => e.uid)).toEqual(
			[ids.recent, ids.confirmed, ids.otherNetwork, ids.waiting, ids.cancelled].map(
				(id) => `${id}@verkosto`
			)
		);
		// Kajaani's events, the one Vaala's participant withdrew from, the old and the past cancelled
		for (const title of [
			'Ajankohtaiskatsaus',
			'Kehittämispäivä',
			'Vertaiskeskustelu',
			'Talviseminaari',
			'Peruttu ja mennyt'
		]) {
			expect(titled(calendar.events, title), title).toBeUndefined();
		}
	});

	it('gives the online link for a confirmed seat only, and marks a waiting place', async () => {
		const result = await getOrCreateFeed(database.db, vaala.actor, vaala.id, 'personal', null, NOW);
		if (!result.ok) throw new Error('no feed');
		const { calendar } = await feedOf(result.token);
		const confirmed = titled(calendar.events, 'Kevätseminaari')!;
		expect(confirmed.summary).toBe('Kevätseminaari');
		expect(confirmed.description).toBe(`Kuvaus: Kevätseminaari\n\nEtäyhteys: ${LINK}`);
		expect(confirmed.location).toBe('Kuntatalo, Toinen linja 14, Helsinki');
		expect(confirmed.url).toBe(eventUrl(ids.confirmed!));
		expect(confirmed.status).toBe('CONFIRMED');
		const waiting = titled(calendar.events, 'Työseminaari')!;
		expect(waiting.summary).toBe('Työseminaari (jonossa)');
		expect(waiting.description).not.toContain(LINK);
		expect(waiting.description).toContain('Olet jonossa.');
		const links = calendar.events.filter((e) => e.description?.includes(LINK));
		expect(links.map((e) => e.uid).sort()).toEqual(
			[ids.confirmed, ids.recent, ids.otherNetwork].map((id) => `${id}@verkosto`).sort()
		);
	});

	it('keeps an event cancelled while the person was signed up, marked, with STATUS:CANCELLED and its raised SEQUENCE', async () => {
		const result = await getOrCreateFeed(database.db, vaala.actor, vaala.id, 'personal', null, NOW);
		if (!result.ok) throw new Error('no feed');
		const { calendar } = await feedOf(result.token);
		const cancelled = calendar.events.find((e) => e.uid === `${ids.cancelled}@verkosto`)!;
		expect(cancelled).toMatchObject({
			summary: 'PERUTTU: Peruttu seminaari',
			status: 'CANCELLED',
			sequence: 2
		});
		expect(cancelled.description).toBe(
			'Tapahtuma on peruttu: Puhuja sairastui\n\nKuvaus: Peruttu seminaari'
		);
		// once it is past, it leaves the feed
		const after = new Date(NOW.getTime() + 31 * DAY);
		const later = await feedOf(result.token, after);
		expect(
			later.calendar.events.find((e) => e.uid === `${ids.cancelled}@verkosto`)
		).toBeUndefined();
	});

	it('is written in the person’s language, titles falling back to Finnish', async () => {
		const result = await getOrCreateFeed(
			database.db,
			kajaani.actor,
			kajaani.id,
			'personal',
			null,
			NOW
		);
		if (!result.ok) throw new Error('no feed');
		const { calendar } = await feedOf(result.token);
		expect(calendar.name).toBe('Mina evenemang – Verkosto');
		expect(calendar.events.map((e) => e.summary)).toEqual([
			'Aktuell översikt',
			'Kehittämispäivä (i kö)'
		]);
		expect(calendar.events[0]?.description).toBe(
			`Kuvaus: Ajankohtaiskatsaus\n\nDistansanslutning: ${LINK}`
		);
	});
});

describe('a network’s feed', () => {
	it('lists the network’s events from 90 days ago on, none of another network’s, and never an online link', async () => {
		const result = await getOrCreateFeed(
			database.db,
			expert.actor,
			expert.id,
			'network',
			usoId,
			NOW
		);
		if (!result.ok) throw new Error('no feed');
		const { source, calendar } = await feedOf(result.token);
		expect(calendar.name).toBe('USO – Verkosto');
		expect(calendar.events.map((e) => e.summary)).toEqual([
			'Toukokuun seminaari',
			'Kevätseminaari',
			'Ajankohtaiskatsaus',
			'Kehittämispäivä',
			'Työseminaari',
			'PERUTTU: Peruttu seminaari',
			'Vertaiskeskustelu'
		]);
		expect(source).not.toContain('teams.example');
		expect(source).not.toMatch(/jonossa/);
		const cancelled = calendar.events.find((e) => e.uid === `${ids.cancelled}@verkosto`);
		expect(cancelled).toMatchObject({ status: 'CANCELLED', sequence: 2 });
		expect(calendar.events.filter((e) => e.status === 'CONFIRMED')).toHaveLength(6);
	});

	it('holds at most the feed’s limit of events, the earliest first, however many there are', async () => {
		const texts = { locale: 'fi' as const, t: serverTranslator('fi'), eventUrl };
		const many = Array.from({ length: FEED_MAX_EVENTS + 10 }, (_, i) => {
			const startsAt = new Date(NOW.getTime() + (i + 1) * 60 * 60 * 1000);
			return {
				seasonId: otherSeasonId,
				type: 'peer_discussion' as const,
				format: 'online' as const,
				titleFi: `Vertaistunti ${i + 1}`,
				startsAt,
				endsAt: new Date(startsAt.getTime() + 30 * 60 * 1000)
			};
		});
		await database.db.insert(events).values(many);
		const listed = await listNetworkFeedEvents(database.db, otherNetworkId, NOW, texts);
		expect(listed).toHaveLength(FEED_MAX_EVENTS);
		expect(listed[0]?.summary).toBe('Vertaistunti 1');
		expect(listed.every((e, i) => i === 0 || listed[i - 1]!.startsAt <= e.startsAt)).toBe(true);
	});
});
