import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from './client';
import { gatherPlannerStatistics } from './planner-statistics';

let database: Database;

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
});
afterAll(() => database?.close());

/** When the tables of events were last analysed, as PostgreSQL records it. */
async function lastAnalysed(): Promise<(string | null)[]> {
	const result = await database.db.execute(
		sql`select coalesce(last_analyze, last_autoanalyze)::text as at from pg_stat_user_tables
			where relname in ('events', 'event_sign_ups') order by relname`
	);
	const rows = (result as unknown as { rows?: { at: string | null }[] }).rows ?? [];
	return rows.map((r) => r.at);
}

describe('planner statistics', () => {
	it.runIf(!process.env.DATABASE_URL)(
		'are gathered on PGlite, which has no autovacuum to do it',
		async () => {
			await gatherPlannerStatistics(database);
			const analysed = await lastAnalysed();
			expect(analysed).toHaveLength(2);
			expect(analysed.every((at) => at !== null)).toBe(true);
		}
	);

	it.runIf(!!process.env.DATABASE_URL)(
		'are left to autovacuum on PostgreSQL: gathering does nothing there',
		async () => {
			const before = await lastAnalysed();
			await gatherPlannerStatistics(database);
			expect(await lastAnalysed()).toEqual(before);
		}
	);
});
