import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DEMO_LOADED } from '../../../../tests/setup/test-db';
import type { Database } from '../db/client';
import { events, memberships, networks, seasons, users } from '../db/schema';
import { USO7_MEMBERS } from '../demo/uso7';
import { listMemberMunicipalities } from '../seasons/season-queries';
import { getPublicNetwork } from './get-public-network';

let database: Database;
const DURING_USO7 = new Date('2024-03-01T10:00:00Z');
/** The seeded demo was loaded on DEMO_LOADED: its USO 8 runs from 1.1.2026 to 31.12.2027. */
const members = USO7_MEMBERS.filter((m) => m.state === 'active' || m.state === 'decided');

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
});
afterAll(() => database?.close());

describe('a network’s public page', () => {
	it('tells what USO is, its season’s theme and focus areas, and its member municipalities', async () => {
		const page = await getPublicNetwork(database.db, 'uso', { page: 1, now: DURING_USO7 });
		expect(page?.network).toMatchObject({
			slug: 'uso',
			shortName: 'USO',
			nameFi: 'Uuden sukupolven organisaatiot (USO) -verkosto',
			publicContactEmail: 'uso-verkosto@example.fi'
		});
		expect(page?.season).toMatchObject({
			number: 7,
			leadThemeFi: 'Uudistuvien kuntien johtaminen',
			leadThemeSv: 'Ledarskap i kommuner som förnyas'
		});
		expect(page?.season?.focusAreas.map((f) => f.textFi)).toEqual([
			'Strateginen johtaminen ja ennakointi',
			'Yhteistyömallien rakentaminen hyvinvointialueiden kanssa',
			'Työllisyys- ja elinvoimaekosysteemien johtaminen'
		]);
		expect(page?.season?.feeTiers.map((t) => t.yearlyFeeCents)).toEqual([
			900_000, 1_400_000, 2_200_000
		]);
		expect(page?.members?.total).toBe(members.length);
		const names = page?.members?.rows.map((r) => r.nameFi) ?? [];
		expect(names).toContain('Vaala');
		expect(names).toContain('Raasepori'); // decided
		expect(names).not.toContain('Kauniainen'); // declined
		expect(names).not.toContain('Lahti'); // only invited
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'fi')));
	});

	it('carries no personal data: no person’s name or address', async () => {
		const page = await getPublicNetwork(database.db, 'uso', { page: 1, now: DURING_USO7 });
		const text = JSON.stringify(page);
		const people = await database.db.select({ name: users.name, email: users.email }).from(users);
		expect(people.length).toBeGreaterThan(20);
		for (const person of people) {
			expect(text).not.toContain(person.email);
			expect(text).not.toContain(person.name);
		}
		expect(text.match(/[\w.+-]+@[\w.-]+/g)).toEqual(['uso-verkosto@example.fi']);
		expect(page?.members?.rows[0] && Object.keys(page.members.rows[0]).sort()).toEqual([
			'code',
			'nameFi',
			'nameSv'
		]);
	});

	it('pages a long member list by number, a page past the end being the last', async () => {
		const [season] = await database.db
			.select({ id: seasons.id })
			.from(seasons)
			.where(eq(seasons.number, 7));
		const first = await listMemberMunicipalities(database.db, season!.id, { page: 1, perPage: 5 });
		const pages = Math.ceil(members.length / 5);
		expect(first).toMatchObject({ total: members.length, page: 1, pages });
		expect(first.rows).toHaveLength(5);
		const last = await listMemberMunicipalities(database.db, season!.id, { page: 99, perPage: 5 });
		expect(last.page).toBe(pages);
		expect(last.rows).toHaveLength(members.length - 5 * (pages - 1));
		const all = [first, last].flatMap((p) => p.rows.map((r) => r.code));
		expect(new Set(all).size).toBe(all.length);
	});

	it('is not found for an unknown or malformed name', async () => {
		for (const slug of ['tuntematon', 'USO', '../uso', '', 'x'.repeat(41)]) {
			expect(await getPublicNetwork(database.db, slug, { page: 1 }), slug).toBeNull();
		}
	});

	it('of a network without seasons has no season and no members', async () => {
		await database.db.insert(networks).values({
			slug: 'uusi',
			shortName: 'UUSI',
			nameFi: 'Uusi verkosto',
			nameSv: 'Nytt nätverk',
			nameEn: 'New network'
		});
		const page = await getPublicNetwork(database.db, 'uusi', { page: 1 });
		expect(page).toMatchObject({
			network: { shortName: 'UUSI', publicContactEmail: null },
			season: null,
			members: null
		});
	});

	it('speaks of the season running today: the demo’s USO 8, with its own theme and members', async () => {
		const page = await getPublicNetwork(database.db, 'uso', { page: 1, now: DEMO_LOADED });
		expect(page?.season).toMatchObject({
			number: 8,
			startsOn: '2026-01-01',
			endsOn: '2027-12-31',
			leadThemeFi: 'Elinvoiman ja työllisyyden johtaminen muuttuvassa kunnassa'
		});
		expect(page?.season?.focusAreas.map((f) => f.textFi)).toContain(
			'Työllisyysalueen yhteistyö ja johtaminen'
		);
		const names = page?.members?.rows.map((r) => r.nameFi) ?? [];
		expect(names).toHaveLength(members.length - 1);
		expect(names).toContain('Vaala');
		expect(names).toContain('Raasepori'); // decided
		expect(names).not.toContain('Pertunmaa'); // merged into Mäntyharju in 2025
		expect(names).not.toContain('Lahti'); // only invited
	});

	it('lists the season’s coming events, the earliest first, without who comes, any link or a cancelled one', async () => {
		const page = await getPublicNetwork(database.db, 'uso', { page: 1, now: DEMO_LOADED });
		const all = await database.db
			.select({ id: events.id, endsAt: events.endsAt, cancelledAt: events.cancelledAt })
			.from(events)
			.innerJoin(seasons, eq(seasons.id, events.seasonId))
			.where(eq(seasons.number, 8));
		const coming = all.filter((e) => e.endsAt >= DEMO_LOADED && !e.cancelledAt);
		expect(coming.length, 'the demo has coming events in USO 8').toBeGreaterThan(3);
		expect(page?.events?.total).toBe(coming.length);
		const rows = page?.events?.rows ?? [];
		expect(rows.length).toBe(Math.min(coming.length, 10));
		expect(rows.every((r, i) => i === 0 || rows[i - 1]!.startsAt <= r.startsAt)).toBe(true);
		expect(Object.keys(rows[0]!).sort()).toEqual(
			[
				'endsAt',
				'format',
				'id',
				'startsAt',
				'titleEn',
				'titleFi',
				'titleSv',
				'type',
				'venueName'
			].sort()
		);
		const text = JSON.stringify(page);
		expect(text).not.toMatch(/https?:\/\//);
		const people = await database.db.select({ name: users.name }).from(users);
		for (const person of people) expect(text).not.toContain(person.name);
	});

	it('speaks of the season begun last when two overlap, and lists its own members', async () => {
		const [uso] = await database.db.select().from(networks).where(eq(networks.slug, 'uso'));
		const [uso9] = await database.db
			.insert(seasons)
			.values({
				networkId: uso!.id,
				number: 9,
				startsOn: '2027-06-01',
				endsOn: '2029-05-31',
				leadThemeFi: 'Yhdeksäs',
				leadThemeSv: 'Nionde',
				leadThemeEn: 'Ninth'
			})
			.returning();
		await database.db
			.insert(memberships)
			.values({ seasonId: uso9!.id, municipalityCode: '785', state: 'active' });
		// USO 8 runs until the end of 2027
		const page = await getPublicNetwork(database.db, 'uso', {
			page: 1,
			now: new Date('2027-09-01T10:00:00Z')
		});
		expect(page?.season?.number).toBe(9);
		expect(page?.season?.focusAreas).toEqual([]);
		expect(page?.members?.rows.map((r) => r.nameFi)).toEqual(['Vaala']);
	});
});
