import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from './client';
import { maintainPglite } from './pglite-maintenance';

let database: Database;

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
});
afterAll(() => database?.close());

interface Maintained {
	vacuumed: string | null;
	analysed: string | null;
}

/** When the tables of events were last vacuumed and analysed, as PostgreSQL records it. */
async function lastMaintained(): Promise<Maintained[]> {
	const result = await database.db.execute(
		sql`select coalesce(last_vacuum, last_autovacuum)::text as vacuumed,
			coalesce(last_analyze, last_autoanalyze)::text as analysed
			from pg_stat_user_tables where relname in ('events', 'event_sign_ups') order by relname`
	);
	return (result as unknown as { rows?: Maintained[] }).rows ?? [];
}

describe('PGlite maintenance', () => {
	it.runIf(!process.env.DATABASE_URL)(
		'vacuums and analyses on PGlite, which has no autovacuum to do it',
		async () => {
			await maintainPglite(database);
			const maintained = await lastMaintained();
			expect(maintained).toHaveLength(2);
			for (const table of maintained) {
				expect(table.vacuumed).not.toBeNull();
				expect(table.analysed).not.toBeNull();
			}
		}
	);

	it.runIf(!!process.env.DATABASE_URL)(
		'is left to autovacuum on PostgreSQL: it does nothing there',
		async () => {
			const before = await lastMaintained();
			await maintainPglite(database);
			expect(await lastMaintained()).toEqual(before);
		}
	);
});
