import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db/client';
import { users } from '../db/schema';
import { DEMO_COORDINATOR } from '../demo/seed-demo';
import { getAccount } from './get-account';

let database: Database;
const DURING_USO7 = new Date('2024-03-01T10:00:00Z');

const idOf = async (where: { email?: string; name?: string }) => {
	const [row] = await database.db
		.select({ id: users.id })
		.from(users)
		.where(where.email ? eq(users.email, where.email) : eq(users.name, where.name!));
	return row!.id;
};

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
});
afterAll(() => database?.close());

describe('the account page’s data', () => {
	it('tells a Vaala board member that Vaala is in USO 7 and that they may attend on site', async () => {
		const account = await getAccount(
			database.db,
			await idOf({ email: 'osallistuja-785@example.fi' }),
			DURING_USO7
		);
		expect(account?.person).toMatchObject({
			name: 'Mikko Mäkelä',
			municipalityCode: '785',
			municipalityNameFi: 'Vaala',
			positions: ['board_member']
		});
		expect(account?.person).not.toHaveProperty('passwordHash');
		expect(account?.memberships).toHaveLength(1);
		expect(account?.memberships[0]).toMatchObject({
			networkShortName: 'USO',
			seasonNumber: 7,
			state: 'active',
			isMember: true,
			mayAttendOnSite: true,
			admittedAs: ['board']
		});
	});

	it('tells a Vaala developer that the decision does not let them attend on site', async () => {
		const account = await getAccount(
			database.db,
			await idOf({ name: 'Riikka Rautio' }),
			DURING_USO7
		);
		expect(account?.memberships[0]).toMatchObject({
			isMember: true,
			mayAttendOnSite: false,
			admittedAs: []
		});
	});

	it('shows a municipality that declined as declined, with no attendance', async () => {
		const account = await getAccount(
			database.db,
			await idOf({ email: 'osallistuja-235@example.fi' }),
			DURING_USO7
		);
		expect(account?.memberships[0]).toMatchObject({
			state: 'declined',
			isMember: false,
			mayAttendOnSite: false
		});
	});

	it('shows no membership to network staff, and nothing for an unknown person', async () => {
		const account = await getAccount(database.db, await idOf({ email: DEMO_COORDINATOR }));
		expect(account?.person.municipalityCode).toBeNull();
		expect(account?.memberships).toEqual([]);
		expect(await getAccount(database.db, crypto.randomUUID())).toBeNull();
	});

	it('after USO 7 shows it as the latest season, and the next season once it has begun', async () => {
		// the seeded demo's USO 8 runs from 1.1.2026 to 31.12.2027 (DEMO_LOADED)
		const vaala = await idOf({ email: 'osallistuja-785@example.fi' });
		const between = await getAccount(database.db, vaala, new Date('2025-06-01T12:00:00Z'));
		expect(between?.memberships.map((m) => m.seasonNumber)).toEqual([7]);
		const during8 = await getAccount(database.db, vaala, new Date('2026-02-01T12:00:00Z'));
		expect(during8?.memberships.map((m) => [m.seasonNumber, m.state])).toEqual([[8, 'active']]);
		expect(during8?.memberships[0]?.mayAttendOnSite).toBe(true);
		// Lahti is invited to USO 8 again and has not decided
		const lahti = await idOf({ email: 'osallistuja-398@example.fi' });
		const invited = await getAccount(database.db, lahti, new Date('2026-02-01T12:00:00Z'));
		expect(invited?.memberships.map((m) => [m.seasonNumber, m.state])).toEqual([[8, 'invited']]);
		expect(invited?.memberships[0]?.mayAttendOnSite).toBe(false);
	});
});
