import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/lib/server/db/client';
import { seedDemo } from '../../src/lib/server/demo/seed-demo';
import { loadShippedRegistry } from '../../src/lib/server/registry/import-registry';
import { createThrowawayDatabase, testDatabaseUrl } from '../e2e/support/postgres';

export interface TestDatabase extends Database {
	/**
	 * PostgreSQL only: the address of this file's database, to open a second pool on it as a
	 * second app server would (the jobs tests run two "servers" against one database).
	 */
	url?: string;
}

/**
 * When the seeded test database's demo was loaded: a fixed day, so that tests know where the
 * demo's current season lies (USO 8 from 1.1.2026 to 31.12.2027, src/lib/server/demo/uso8.ts)
 * and which of its events are past, whatever day they run on.
 */
export const DEMO_LOADED = new Date('2026-12-01T10:00:00Z');

/** What a seeded test database holds: the shipped municipality registry and the demo data. */
export async function seedTestDatabase(database: Database): Promise<void> {
	await loadShippedRegistry(database.db);
	await seedDemo(database.db, DEMO_LOADED);
}

/**
 * A fresh, migrated database for one test file: PGlite in memory by default, or a new
 * database on the PostgreSQL server that DATABASE_URL names (dropped afterwards). Both are
 * copies of the one migrated database that tests/setup/migrated-template.ts makes per run; the
 * migrations still run on open (finding nothing to do), so a missing template only costs time.
 * With VERKOSTO_REQUIRE_POSTGRES=1 and no DATABASE_URL it throws instead of falling back.
 */
export async function createTestDatabase(
	options: {
		/** Start from the template with the registry and the demo data (migrated-template.ts). */
		seeded?: boolean;
	} = {}
): Promise<TestDatabase> {
	const url = testDatabaseUrl();
	if (!url) {
		const file = inject(options.seeded ? 'pgliteSeededFile' : 'pgliteTemplateFile');
		const template = file ? new Blob([await readFile(file)]) : undefined;
		const database = await openDatabase({ kind: 'pglite', dataDir: null, template });
		if (options.seeded && !file) await seedTestDatabase(database);
		return database;
	}

	const template = inject(options.seeded ? 'postgresSeededTemplate' : 'postgresTemplate');
	const throwaway = await createThrowawayDatabase(url, 'verkosto_test', template || undefined);
	let database: Database;
	try {
		database = await openDatabase({ kind: 'postgres', url: throwaway.url, poolSize: 4 });
		if (options.seeded && !template) await seedTestDatabase(database);
	} catch (error) {
		await throwaway.drop();
		throw error;
	}
	return {
		...database,
		url: throwaway.url,
		close: async () => {
			try {
				await database.close();
			} finally {
				await throwaway.drop();
			}
		}
	};
}
