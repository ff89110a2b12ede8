import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db/client';
import { membershipDecisions, memberships, roleAssignments, users } from '../db/schema';
import { loadShippedRegistry } from '../registry/import-registry';
import { seedDemo } from './seed-demo';
import { USO7_MEMBERS } from './uso7';

let database: Database;

beforeAll(async () => {
	database = await createTestDatabase();
	await loadShippedRegistry(database.db);
	expect(await seedDemo(database.db)).toBe(true);
});
afterAll(() => database?.close());

describe('the demo story', () => {
	it('is loaded once', async () => {
		expect(await seedDemo(database.db)).toBe(false);
	});

	it('has Vaala in USO 7 with the board’s decision and the administrative director as contact person', async () => {
		const [vaala] = await database.db
			.select()
			.from(memberships)
			.where(eq(memberships.municipalityCode, '785'));
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
