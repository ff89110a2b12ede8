import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, DEMO_LOADED } from '../../../../tests/setup/test-db';
import type { Database } from '../db/client';
import { memberships, networks, seasons, users } from '../db/schema';
import { createSession, validateSession, type SessionUser } from '../auth/session';
import { systemActor } from '../actor';
import { DEMO_COORDINATOR, DEMO_EXPERT } from '../demo/seed-demo';
import { USO7_MEMBERS } from '../demo/uso7';
import { createUser } from '../users/create-user';
import { getHomeSummary } from './get-home-summary';

let database: Database;
const DURING_USO7 = new Date('2024-03-01T10:00:00Z');
/** The seeded demo was loaded on DEMO_LOADED: its USO 8 runs from 1.1.2026 to 31.12.2027. */
/** USO 8 has USO 7's members in the same states, but Pertunmaa (merged into Mäntyharju). */
const USO8_MEMBERS = USO7_MEMBERS.filter((m) => m.code !== '588');

/** The person as the session hook sees them, roles included. */
async function signedIn(email: string): Promise<SessionUser> {
	const [user] = await database.db
		.select({ id: users.id })
		.from(users)
		.where(eq(users.email, email));
	const { token } = await createSession(database.db, user!.id);
	return (await validateSession(database.db, token))!.user;
}

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
});
afterAll(() => database?.close());

const ALL_DONE = [
	{ item: 'decision', done: true },
	{ item: 'contact_person', done: true },
	{ item: 'participants', done: true },
	{ item: 'on_site_groups', done: true, groupsWithoutPeople: [] }
];

describe('the front page of a coordinator', () => {
	it('counts USO 7’s municipalities by state, members being the decided and active ones', async () => {
		const summary = await getHomeSummary(
			database.db,
			await signedIn(DEMO_COORDINATOR),
			DURING_USO7
		);
		const inState = (state: string) => USO7_MEMBERS.filter((m) => m.state === state).length;
		// USO 8, not begun yet, is in view too: the next season is prepared while one runs
		expect(summary.coordinator.map((s) => s.number)).toEqual([8, 7]);
		expect(summary.coordinator[1]).toMatchObject({
			networkShortName: 'USO',
			networkSlug: 'uso',
			number: 7,
			leadTheme: { fi: 'Uudistuvien kuntien johtaminen' },
			byState: [
				{ state: 'invited', count: inState('invited') },
				{ state: 'decided', count: inState('decided') },
				{ state: 'active', count: inState('active') },
				{ state: 'declined', count: inState('declined') },
				{ state: 'withdrawn', count: 0 }
			],
			members: inState('decided') + inState('active'),
			total: USO7_MEMBERS.length
		});
		expect(summary.coordinator[1]?.byState.find((s) => s.state === 'active')?.count).toBe(11);
		expect(summary.expert).toEqual([]);
		expect(summary.municipalities).toEqual([]);
		// the network's next five events from that day, the earliest first
		const upcoming = summary.upcomingEvents;
		expect(upcoming).toHaveLength(5);
		expect(upcoming[0]?.titleFi).toBe('TE 2024 -uudistus: kunta työllisyyspalvelujen järjestäjänä');
		expect(upcoming.every((e) => e.startsAt > DURING_USO7 && !e.cancelled)).toBe(true);
		expect(upcoming.every((e, i) => i === 0 || upcoming[i - 1]!.startsAt <= e.startsAt)).toBe(true);
	});

	it('counts the current season’s municipalities by state once it runs, USO 7 out of view', async () => {
		const summary = await getHomeSummary(
			database.db,
			await signedIn(DEMO_COORDINATOR),
			DEMO_LOADED
		);
		const inState = (state: string) => USO8_MEMBERS.filter((m) => m.state === state).length;
		expect(summary.coordinator.map((s) => s.number)).toEqual([8]);
		expect(summary.coordinator[0]).toMatchObject({
			number: 8,
			startsOn: '2026-01-01',
			endsOn: '2027-12-31',
			byState: [
				{ state: 'invited', count: inState('invited') },
				{ state: 'decided', count: inState('decided') },
				{ state: 'active', count: inState('active') },
				{ state: 'declined', count: inState('declined') },
				{ state: 'withdrawn', count: 0 }
			],
			members: inState('decided') + inState('active'),
			total: USO8_MEMBERS.length
		});
		expect(summary.coordinator[0]?.byState.find((s) => s.state === 'active')?.count).toBe(10);
	});
});

describe('the front page of an expert', () => {
	it('shows the seasons of the expert’s network, without counting its members', async () => {
		const summary = await getHomeSummary(database.db, await signedIn(DEMO_EXPERT), DURING_USO7);
		expect(summary.coordinator).toEqual([]);
		expect(summary.expert.map((s) => [s.networkShortName, s.number])).toEqual([
			['USO', 8],
			['USO', 7]
		]);
		expect(summary.expert[0]).not.toHaveProperty('byState');
	});
});

describe('the front page of a municipality’s people', () => {
	it('tells Vaala’s contact person that Vaala is in USO 7 with nothing missing', async () => {
		const summary = await getHomeSummary(
			database.db,
			await signedIn('yhteys-785@example.fi'),
			DURING_USO7
		);
		expect(summary.coordinator).toEqual([]);
		expect(summary.municipalities).toHaveLength(1);
		const vaala = summary.municipalities[0]!;
		expect(vaala).toMatchObject({ code: '785', nameFi: 'Vaala', canManage: true });
		// in USO 7 and, already decided, in USO 8 to come
		expect(vaala.seasons.map((s) => s.number)).toEqual([8, 7]);
		for (const season of vaala.seasons) {
			expect(season).toMatchObject({
				networkSlug: 'uso',
				membership: {
					state: 'active',
					isMember: true,
					contactName: 'Helena Hallila',
					checks: ALL_DONE
				}
			});
		}
	});

	it('asks an invited municipality for its decision and its contact person', async () => {
		const summary = await getHomeSummary(
			database.db,
			await signedIn('yhteys-398@example.fi'),
			DURING_USO7
		);
		const seasons = summary.municipalities[0]!.seasons;
		// Lahti, invited to USO 7, is invited to USO 8 too
		expect(seasons.map((s) => s.number)).toEqual([8, 7]);
		expect(seasons.find((s) => s.number === 7)?.membership).toMatchObject({
			state: 'invited',
			isMember: false,
			contactName: null,
			checks: [
				{ item: 'decision', done: false },
				{ item: 'contact_person', done: false },
				// two people named, neither of them yet as the contact person
				{ item: 'participants', done: true }
			]
		});
	});

	it('names the on-site group that has no one in it', async () => {
		// Raasepori decided with the leaders on site, but has no one in the council's presidium
		const summary = await getHomeSummary(
			database.db,
			await signedIn('yhteys-710@example.fi'),
			DURING_USO7
		);
		const checks = summary.municipalities[0]?.seasons.find((s) => s.number === 7)?.membership
			?.checks;
		expect(checks?.find((c) => c.item === 'on_site_groups')).toEqual({
			item: 'on_site_groups',
			done: false,
			groupsWithoutPeople: ['council_presidium']
		});
	});

	it('tells a declined municipality’s contact person that nothing is needed', async () => {
		const summary = await getHomeSummary(
			database.db,
			await signedIn('yhteys-235@example.fi'),
			DURING_USO7
		);
		expect(
			summary.municipalities[0]?.seasons.find((s) => s.number === 7)?.membership
		).toMatchObject({
			state: 'declined',
			isMember: false,
			checks: []
		});
	});

	it('shows Vaala’s participant the membership, but not what the contact person manages', async () => {
		const summary = await getHomeSummary(
			database.db,
			await signedIn('osallistuja-785@example.fi'),
			DURING_USO7
		);
		const vaala = summary.municipalities[0]!;
		expect(vaala.canManage).toBe(false);
		expect(vaala.seasons.find((s) => s.number === 7)?.membership).toEqual({
			id: expect.any(String),
			state: 'active',
			isMember: true,
			contactName: null,
			checks: []
		});
	});

	it('shows a municipality invited to nothing no season', async () => {
		await createUser(database.db, systemActor, {
			email: 'yhteys-091@example.fi',
			name: 'Hanna Helsinki',
			municipalityCode: '091',
			roles: [{ role: 'contact_person', networkId: null, municipalityCode: '091' }]
		});
		const summary = await getHomeSummary(
			database.db,
			await signedIn('yhteys-091@example.fi'),
			DURING_USO7
		);
		expect(summary.municipalities).toEqual([
			{ code: '091', nameFi: 'Helsinki', nameSv: 'Helsingfors', canManage: true, seasons: [] }
		]);
	});
});

describe('the seasons in view', () => {
	it('after USO 8 still show it, with USO 9 once it is planned; Vaala’s USO 9 invitation asks for a decision and a contact person', async () => {
		const [uso] = await database.db.select().from(networks).where(eq(networks.slug, 'uso'));
		const [uso9] = await database.db
			.insert(seasons)
			.values({
				networkId: uso!.id,
				number: 9,
				startsOn: '2029-01-01',
				endsOn: '2030-12-31',
				leadThemeFi: 'Yhdeksäs',
				leadThemeSv: 'Nionde',
				leadThemeEn: 'Ninth'
			})
			.returning();
		// USO 8 ended with 2027
		const between = new Date('2028-12-01T10:00:00Z');
		const coordinator = await getHomeSummary(
			database.db,
			await signedIn(DEMO_COORDINATOR),
			between
		);
		expect(coordinator.coordinator.map((s) => [s.number, s.total])).toEqual([
			[9, 0],
			[8, USO8_MEMBERS.length]
		]);

		// Vaala is not invited to USO 9 yet: the season shows, without a membership
		let vaala = (
			await getHomeSummary(database.db, await signedIn('yhteys-785@example.fi'), between)
		).municipalities[0]!;
		expect(vaala.seasons.map((s) => [s.number, s.membership?.state ?? null])).toEqual([
			[9, null],
			[8, 'active']
		]);

		await database.db.insert(memberships).values({ seasonId: uso9!.id, municipalityCode: '785' });
		vaala = (await getHomeSummary(database.db, await signedIn('yhteys-785@example.fi'), between))
			.municipalities[0]!;
		expect(vaala.seasons[0]?.membership).toMatchObject({
			state: 'invited',
			contactName: null,
			checks: [
				{ item: 'decision', done: false },
				{ item: 'contact_person', done: false },
				{ item: 'participants', done: true }
			]
		});

		// once USO 9 runs, USO 8 is no longer in view
		const during9 = await getHomeSummary(
			database.db,
			await signedIn(DEMO_COORDINATOR),
			new Date('2029-03-01T10:00:00Z')
		);
		expect(during9.coordinator.map((s) => [s.number, s.total])).toEqual([[9, 1]]);
	});

	it('does not count a contact person whose data was erased as named', async () => {
		const [kajaani] = await database.db
			.select({ contactPersonId: memberships.contactPersonId })
			.from(memberships)
			.where(eq(memberships.municipalityCode, '205'));
		await database.db
			.update(users)
			.set({ erasedAt: sql`now()` })
			.where(eq(users.id, kajaani!.contactPersonId!));
		// another contact person of Kajaani looks at the front page
		const contact = await createUser(database.db, systemActor, {
			email: 'toinen-205@example.fi',
			name: 'Toinen Yhdyshenkilö',
			municipalityCode: '205',
			roles: [{ role: 'contact_person', networkId: null, municipalityCode: '205' }]
		});
		const asContact = await getHomeSummary(database.db, await signedIn(contact.email), DURING_USO7);
		const membership = asContact.municipalities[0]?.seasons.find((s) => s.number === 7)?.membership;
		expect(membership?.contactName).toBeNull();
		expect(membership?.checks.find((c) => c.item === 'contact_person')).toEqual({
			item: 'contact_person',
			done: false
		});
	});
});
