import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/setup/test-db';
import { NOW } from '../../../../tests/factories/events';
import {
	COORDINATOR,
	contactOf,
	proposal,
	proposed,
	uso7Membership,
	withoutDemoWorkshops
} from '../../../../tests/factories/workshops';
import { openDatabase, type Database } from '../db/client';
import { workshops } from '../db/schema';
import { systemActor } from '../actor';
import { proposeWorkshop } from './propose-workshop';

/**
 * The entitlement is kept by the database: proposals for one membership run one after another
 * on its row's lock, through two app servers (two pools) on PostgreSQL and through one on
 * PGlite, so no burst of proposals takes more than the season's five workshops.
 */
let database: TestDatabase;
let second: Database | null = null;

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	await withoutDemoWorkshops(database.db);
	if (database.url) {
		second = await openDatabase({ kind: 'postgres', url: database.url, poolSize: 10 });
	}
});
afterAll(async () => {
	await second?.close();
	await database?.close();
});

const servers = () => (second ? [database.db, second.db] : [database.db]);

async function workshopsOf(membershipId: string) {
	return database.db
		.select({ extra: workshops.extra })
		.from(workshops)
		.where(eq(workshops.membershipId, membershipId));
}

describe('concurrent proposals', () => {
	it('two contact persons proposing the last workshop at once: one has it, the other is refused', async () => {
		// three memberships side by side, each with one workshop left and two proposals racing
		const [a, b] = servers().length === 2 ? servers() : [database.db, database.db];
		await Promise.all(
			['205', '615', '140'].map(async (code) => {
				const membership = await uso7Membership(database.db, code);
				for (let i = 0; i < 4; i++) await proposed(database.db, membership.id);
				const contact = await contactOf(database.db, code);
				const results = await Promise.all([
					proposeWorkshop(a!, contact.actor, contact.as, proposal(membership.id), NOW),
					proposeWorkshop(b!, systemActor, COORDINATOR, proposal(membership.id), NOW)
				]);
				expect(results.filter((r) => r.ok)).toHaveLength(1);
				expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: 'entitlement_used' }]);
				expect(await workshopsOf(membership.id)).toHaveLength(5);
			})
		);
	});

	it('a burst of twelve on an empty ledger gives exactly five', async () => {
		const seinajoki = await uso7Membership(database.db, '743');
		const pools = servers();
		const results = await Promise.all(
			Array.from({ length: 12 }, (_, i) =>
				proposeWorkshop(
					pools[i % pools.length]!,
					systemActor,
					COORDINATOR,
					proposal(seinajoki.id),
					NOW
				)
			)
		);
		expect(results.filter((r) => r.ok)).toHaveLength(5);
		expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error === 'entitlement_used')).toBe(
			true
		);
		const rows = await workshopsOf(seinajoki.id);
		expect(rows).toHaveLength(5);
		expect(rows.every((r) => !r.extra)).toBe(true);
	});
});
