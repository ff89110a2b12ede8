import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/setup/test-db';
import { systemActor, userActor } from '../actor';
import type { Database } from '../db/client';
import { memberships, municipalities, networks, seasons, users } from '../db/schema';
import { DEMO_COORDINATOR } from '../demo/seed-demo';
import { USO7_MEMBERS } from '../demo/uso7';
import { createUser } from '../users/create-user';
import { erasePerson } from './erase-person';
import {
	exportNetworkPeople,
	listNetworkPeople,
	NETWORK_PEOPLE_PAGE_SIZE,
	networkPeopleCondition,
	networkPeopleOrder,
	networkPeopleQueryDefaults,
	parseNetworkPeopleQuery,
	type NetworkPeopleQuery
} from './list-network-people';
import { demoExtraRespondents } from '../demo/seed-analysis';

let database: Database;
let uso: string;
let keha: string;
let uso7: string;
let uso8: string;
let coordinator: { id: string; email: string };

/** A member's demo people: its own, and those the situation analysis's demo added as respondents. */
const peopleOf = (m: (typeof USO7_MEMBERS)[number]) =>
	m.people.length + (m.state === 'active' ? demoExtraRespondents(m.code) : 0);
const DEMO_PEOPLE = USO7_MEMBERS.reduce((sum, m) => sum + peopleOf(m), 0);
const q = (over: Partial<NetworkPeopleQuery> = {}) => ({ ...networkPeopleQueryDefaults, ...over });

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	const db = database.db;
	uso = (await db.select({ id: networks.id }).from(networks))[0]!.id;
	const seasonIds = await db.select({ id: seasons.id, number: seasons.number }).from(seasons);
	uso7 = seasonIds.find((s) => s.number === 7)!.id;
	uso8 = seasonIds.find((s) => s.number === 8)!.id;
	coordinator = (await db.select().from(users).where(eq(users.email, DEMO_COORDINATOR)))[0]!;

	// a second network with Oulu as its only member: USO's coordinator must not see Oulu's people
	const [other] = await db
		.insert(networks)
		.values({ slug: 'keha', shortName: 'KEHA', nameFi: 'Kehä', nameSv: 'Kehä', nameEn: 'Kehä' })
		.returning();
	keha = other!.id;
	const [season] = await db
		.insert(seasons)
		.values({
			networkId: keha,
			number: 1,
			startsOn: '2025-01-01',
			endsOn: '2026-12-31',
			leadThemeFi: 'x',
			leadThemeSv: 'x',
			leadThemeEn: 'x'
		})
		.returning();
	await db.insert(memberships).values({ seasonId: season!.id, municipalityCode: '564' });
	await createUser(db, systemActor, {
		email: 'olli.oulu@example.fi',
		name: 'Olli Oululainen',
		municipalityCode: '564',
		positions: ['board_member']
	});
	// someone of a municipality in no network at all
	await createUser(db, systemActor, {
		email: 'nobody@example.fi',
		name: 'Nimetön Naapuri',
		municipalityCode: '091'
	});
});
afterAll(() => database?.close());

describe('the people of a coordinator’s networks', () => {
	it('lists every person of every municipality invited to the network, by municipality and name', async () => {
		const result = await listNetworkPeople(database.db, [uso], q());
		expect(result.total).toBe(DEMO_PEOPLE);
		expect(result.rows.map((r) => r.email)).not.toContain('olli.oulu@example.fi');
		expect(result.rows.map((r) => r.email)).not.toContain('nobody@example.fi');
		expect(result.rows.map((r) => r.email)).not.toContain(DEMO_COORDINATOR);
		// declined (235) and invited (398) municipalities are the network's too
		const codes = new Set(result.rows.map((r) => r.municipalityCode));
		expect(codes).toEqual(new Set(USO7_MEMBERS.map((m) => m.code)));
		const keys = result.rows.map((r) => [r.municipalityCode, r.name] as const);
		expect(keys).toEqual(
			[...keys].sort(([a, x], [b, y]) => a.localeCompare(b) || (x < y ? -1 : x > y ? 1 : 0))
		);
		// the demo's current season and USO 7, newest first
		expect(result.seasons.map((s) => s.number)).toEqual([8, 7]);
	});

	it('shows another network’s coordinator only their own members, and no network nothing', async () => {
		const other = await listNetworkPeople(database.db, [keha], q());
		expect(other.rows.map((r) => r.email)).toEqual(['olli.oulu@example.fi']);
		const none = await listNetworkPeople(database.db, [], q());
		expect(none).toMatchObject({ total: 0, rows: [], seasons: [] });
	});

	it('filters by municipality code or by part of its name in either language', async () => {
		const byCode = await listNetworkPeople(database.db, [uso], q({ municipality: '785' }));
		const vaala = USO7_MEMBERS.find((m) => m.code === '785')!;
		expect(byCode.total).toBe(vaala.people.length);
		expect(byCode.rows.every((r) => r.municipalityCode === '785')).toBe(true);
		const byName = await listNetworkPeople(database.db, [uso], q({ municipality: 'vaal' }));
		expect(byName.rows.map((r) => r.id)).toEqual(byCode.rows.map((r) => r.id));
		// the search key holds both names: "lovis" is in Lovisa, not in Loviisa
		const bySwedish = await listNetworkPeople(database.db, [uso], q({ municipality: 'Lovis' }));
		expect(bySwedish.rows.length).toBeGreaterThan(0);
		expect(bySwedish.rows.every((r) => r.municipalityCode === '434')).toBe(true);
		// a member of another network is not found by its code either
		const oulu = await listNetworkPeople(database.db, [uso], q({ municipality: '564' }));
		expect(oulu.total).toBe(0);
	});

	it('filters by position', async () => {
		const expected = USO7_MEMBERS.flatMap((m) => m.people)
			.filter((p) => p.positions.includes('board_member'))
			.map((p) => p.name)
			.sort();
		const result = await listNetworkPeople(database.db, [uso], q({ position: 'board_member' }));
		expect(result.rows.map((r) => r.name).sort()).toEqual(expected);
		expect(result.rows.every((r) => r.positions.includes('board_member'))).toBe(true);
	});

	it('filters by season, and reports a season not of the network', async () => {
		const inSeason = await listNetworkPeople(database.db, [uso], q({ season: uso7 }));
		expect(inSeason).toMatchObject({ total: DEMO_PEOPLE, unknownSeason: false });
		// Pertunmaa, merged into Mäntyharju, took part in USO 7 only
		const inUso8 = await listNetworkPeople(database.db, [uso], q({ season: uso8 }));
		const pertunmaa = peopleOf(USO7_MEMBERS.find((m) => m.code === '588')!);
		expect(inUso8).toMatchObject({ total: DEMO_PEOPLE - pertunmaa, unknownSeason: false });
		expect(inUso8.rows.map((r) => r.municipalityCode)).not.toContain('588');
		const [kehaSeason] = await database.db
			.select({ id: seasons.id })
			.from(seasons)
			.where(eq(seasons.networkId, keha));
		const foreign = await listNetworkPeople(database.db, [uso], q({ season: kehaSeason!.id }));
		expect(foreign.unknownSeason).toBe(true);
		// the unknown season is dropped, not used: the list is the unfiltered one
		expect(foreign.total).toBe(DEMO_PEOPLE);
	});

	it('searches names and addresses, taking % and _ literally', async () => {
		const byName = await listNetworkPeople(database.db, [uso], q({ q: 'Mäkelä' }));
		expect(byName.rows.map((r) => r.email)).toEqual(['osallistuja-785@example.fi']);
		const byEmail = await listNetworkPeople(database.db, [uso], q({ q: 'YHTEYS-785' }));
		expect(byEmail.rows.map((r) => r.name)).toEqual(['Helena Hallila']);
		for (const literal of ['%', '_', '\\']) {
			const none = await listNetworkPeople(database.db, [uso], q({ q: literal }));
			expect(none.total, literal).toBe(0);
		}
		const combined = await listNetworkPeople(
			database.db,
			[uso],
			q({ q: 'example.fi', municipality: '205', position: 'board_member' })
		);
		expect(combined.rows.map((r) => r.email)).toEqual(['osallistuja-205@example.fi']);
	});

	it('pages 50 at a time with the total, and a page past the end shows the last', async () => {
		for (let i = 0; i < 60; i++) {
			await createUser(database.db, systemActor, {
				email: `sivu-${String(i).padStart(2, '0')}@example.fi`,
				name: `Sivu ${String(i).padStart(2, '0')}`,
				municipalityCode: '140'
			});
		}
		const first = await listNetworkPeople(database.db, [uso], q({ municipality: '140' }));
		const people140 = peopleOf(USO7_MEMBERS.find((m) => m.code === '140')!) + 60;
		expect(first).toMatchObject({ total: people140, page: 1, pages: 2 });
		expect(first.rows).toHaveLength(NETWORK_PEOPLE_PAGE_SIZE);
		const second = await listNetworkPeople(database.db, [uso], q({ municipality: '140', page: 2 }));
		expect(second.rows).toHaveLength(people140 - NETWORK_PEOPLE_PAGE_SIZE);
		const ids = new Set([...first.rows, ...second.rows].map((r) => r.id));
		expect(ids.size).toBe(people140);
		const past = await listNetworkPeople(database.db, [uso], q({ municipality: '140', page: 99 }));
		expect(past.page).toBe(2);
		expect(past.rows.map((r) => r.id)).toEqual(second.rows.map((r) => r.id));
	});

	it('shows an erased person without name or address, and never finds them by text', async () => {
		const [oikarinen] = await database.db
			.select()
			.from(users)
			.where(eq(users.name, 'Olli Oikarinen'));
		expect((await erasePerson(database.db, userActor(coordinator), oikarinen!.id)).ok).toBe(true);
		const vaala = await listNetworkPeople(database.db, [uso], q({ municipality: '785' }));
		const row = vaala.rows.find((r) => r.id === oikarinen!.id);
		expect(row).toMatchObject({ erased: true, name: '', email: '', title: '', positions: [] });
		for (const text of ['Oikarinen', 'erased', 'invalid']) {
			const found = await listNetworkPeople(database.db, [uso], q({ q: text }));
			expect(
				found.rows.map((r) => r.id),
				text
			).not.toContain(oikarinen!.id);
		}
	});
});

describe('the people list as a file', () => {
	it('holds every person the filtered list has, every page, in its order, and no erased one', async () => {
		const query = q({ position: 'board_member' });
		const shown = [];
		for (let page = 1; ; page++) {
			const result = await listNetworkPeople(database.db, [uso], { ...query, page });
			shown.push(...result.rows.filter((r) => !r.erased));
			if (page >= result.pages) break;
		}
		const table = await exportNetworkPeople(database.db, [uso], query, 'sv');
		expect(table.columns.map((c) => c.header)).toEqual([
			'Namn',
			'E-post',
			'Kommunnummer',
			'Kommun',
			'Titel',
			'Ställning'
		]);
		expect(table.rows.map((r) => [r[1], r[2]])).toEqual(
			shown.map((p) => [p.email, p.municipalityCode])
		);
		expect(table.rows.length).toBeGreaterThan(5);
		expect(table.rows.every((r) => String(r[5]).includes('kommunstyrelseledamot'))).toBe(true);
		expect(table.rows.flat()).not.toContain('olli.oulu@example.fi');
	});
});

describe('the query string', () => {
	it('takes good values and reports bad ones next to their field', () => {
		const good = parseNetworkPeopleQuery(
			new URLSearchParams({ municipality: ' 785 ', position: 'developer', season: uso7, page: '2' })
		);
		expect(good.errors).toEqual({});
		expect(good.values).toMatchObject({ municipality: '785', position: 'developer', page: 2 });
		const bad = parseNetworkPeopleQuery(
			new URLSearchParams({
				municipality: 'x'.repeat(101),
				position: 'king',
				season: "1' or '1'='1",
				q: 'a\u0000b',
				page: '-1'
			})
		);
		expect(Object.keys(bad.errors).sort()).toEqual([
			'municipality',
			'page',
			'position',
			'q',
			'season'
		]);
		expect(bad.values).toEqual(networkPeopleQueryDefaults);
	});
});

describe('the indexes', () => {
	// with sequential scans priced out, a plan that still has one has no index to use instead
	it.each([
		['no filter', {}, ''],
		['municipality code', { municipality: '785' }, ''],
		['municipality name', { municipality: 'vaala' }, ''],
		['position and text', { position: 'developer' as const, q: 'riikka' }, ''],
		['season', {}, 'season']
	])('answers a query by %s without scanning a table', async (_label, filter, season) => {
		const condition = networkPeopleCondition(database.db, [uso], season ? uso7 : '', q(filter));
		const query = database.db
			.select({ id: users.id })
			.from(users)
			.innerJoin(municipalities, eq(municipalities.code, users.municipalityCode))
			.where(condition)
			.orderBy(...networkPeopleOrder())
			.limit(NETWORK_PEOPLE_PAGE_SIZE);
		const plan = await database.db.transaction(async (tx) => {
			await tx.execute(sql`set local enable_seqscan = off`);
			const result = await tx.execute(sql`explain ${query}`);
			return (result as unknown as { rows: Record<string, string>[] }).rows
				.map((r) => Object.values(r)[0])
				.join('\n');
		});
		expect(plan).not.toMatch(/Seq Scan/);
	});
});
