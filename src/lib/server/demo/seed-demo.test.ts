import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db/client';
import { membershipDecisions, memberships, roleAssignments, seasons, users } from '../db/schema';
import { loadShippedRegistry } from '../registry/import-registry';
import { currentOrLatestSeasons } from '$lib/domain/current-season';
import { helsinkiDate } from '$lib/domain/helsinki-time';
import { seedDemo } from './seed-demo';
import { USO7_MEMBERS } from './uso7';

/**
 * The demo as loaded at one moment: a Sunday night in March when the clocks change, as
 * good a day as any.
 */
const LOADED = new Date('2027-03-28T00:30:00Z');

let database: Database;

beforeAll(async () => {
	database = await createTestDatabase();
	await loadShippedRegistry(database.db);
	expect(await seedDemo(database.db, LOADED)).toBe(true);
});
afterAll(() => database?.close());

describe('the demo story', () => {
	it('is loaded once', async () => {
		expect(await seedDemo(database.db)).toBe(false);
	});

	it('has Vaala in USO 7 with the board’s decision and the administrative director as contact person', async () => {
		const [vaala] = await database.db
			.select({ memberships })
			.from(memberships)
			.innerJoin(seasons, eq(seasons.id, memberships.seasonId))
			.where(and(eq(memberships.municipalityCode, '785'), eq(seasons.number, 7)))
			.then((rows) => rows.map((r) => r.memberships));
		expect(vaala?.state).toBe('active');
		expect(vaala?.onSiteGroups).toEqual(['board', 'council_presidium', 'management_team']);
		const [contact] = await database.db
			.select()
			.from(users)
			.where(eq(users.id, vaala!.contactPersonId!));
		expect(contact).toMatchObject({ email: 'yhteys-785@example.fi', title: 'hallintojohtaja' });
		const [decision] = await database.db
			.select()
			.from(membershipDecisions)
			.where(eq(membershipDecisions.membershipId, vaala!.id));
		expect(decision).toMatchObject({
			body: 'kunnanhallitus',
			presenterTitle: 'kunnanjohtaja',
			outcome: 'approved'
		});
		expect(decision?.proposal).toContain('Verkostoyhdyshenkilöksi nimetään hallintojohtaja');
	});

	it('has a contact person and a participant account for every member, all @example.fi', async () => {
		for (const member of USO7_MEMBERS) {
			for (const [email, role] of [
				[`yhteys-${member.code}@example.fi`, 'contact_person'],
				[`osallistuja-${member.code}@example.fi`, 'participant']
			] as const) {
				const [row] = await database.db
					.select({ n: count() })
					.from(users)
					.innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
					.where(
						and(
							eq(users.email, email),
							eq(roleAssignments.role, role),
							eq(roleAssignments.municipalityCode, member.code)
						)
					);
				expect(row?.n, email).toBe(1);
			}
		}
		const all = await database.db.select({ email: users.email }).from(users);
		expect(all.every((u) => u.email.endsWith('@example.fi'))).toBe(true);
	});

	it('has thirteen other members of different sizes and language status, one of them abolished since', async () => {
		expect(USO7_MEMBERS.length).toBeGreaterThanOrEqual(13);
		const codes = USO7_MEMBERS.map((m) => m.code);
		expect(codes).toContain('588'); // Pertunmaa, merged into Mäntyharju in 2025
		expect(new Set(USO7_MEMBERS.map((m) => m.state))).toEqual(
			new Set(['active', 'declined', 'invited', 'decided'])
		);
	});
});

async function seasonRows() {
	const rows = await database.db.select().from(seasons).orderBy(asc(seasons.number));
	const current = currentOrLatestSeasons(rows, helsinkiDate(LOADED));
	return { uso7: rows.find((r) => r.number === 7)!, current };
}

describe('the current season', () => {
	it('has a current season at the load day, with USO 7’s members in the same states, their decisions and contact persons', async () => {
		const { uso7, current } = await seasonRows();
		expect(current).toHaveLength(1);
		const uso8 = current[0]!;
		expect(uso8).toMatchObject({ number: 8, seminars: 4, workSeminars: 4 });
		const members = await database.db
			.select()
			.from(memberships)
			.where(inArray(memberships.seasonId, [uso7.id, uso8.id]));
		const of = (seasonId: string) => members.filter((m) => m.seasonId === seasonId);
		// all but Pertunmaa, merged into Mäntyharju since
		const continuing = of(uso7.id).filter((m) => m.municipalityCode !== '588');
		const facts = (m: (typeof members)[number]) => [
			m.municipalityCode,
			m.state,
			m.contactPersonId,
			m.onSiteGroups
		];
		expect(of(uso8.id).map(facts).sort()).toEqual(continuing.map(facts).sort());
		expect(of(uso8.id).filter((m) => m.state === 'active')).toHaveLength(10);
		const decisions = await database.db
			.select()
			.from(membershipDecisions)
			.where(
				inArray(
					membershipDecisions.membershipId,
					of(uso8.id).map((m) => m.id)
				)
			);
		expect(decisions).toHaveLength(
			USO7_MEMBERS.filter((m) => m.decision && m.code !== '588').length
		);
		for (const d of decisions) {
			expect(d.meetingDate >= uso8.startsOn && d.meetingDate <= uso8.endsOn).toBe(true);
			expect(d.proposal).toContain('8. kaudelle');
		}
	});
});
