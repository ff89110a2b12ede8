import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/lib/server/db/client';
import { createThrowawayDatabase, testDatabaseUrl } from '../e2e/support/postgres';

export interface TestDatabase extends Database {
	/**
	 * PostgreSQL only: the address of this file's database, to open a second pool on it as a
	 * second app server would (the jobs tests run two "servers" against one database).
	 */
	url?: string;
}

/**
 * A fresh, migrated database for one test file: PGlite in memory by default, or a new
 * database on the PostgreSQL server that DATABASE_URL names (dropped afterwards). Both are
 * copies of the one migrated database that tests/setup/migrated-template.ts makes per run; the
 * migrations still run on open (finding nothing to do), so a missing template only costs time.
 * With VERKOSTO_REQUIRE_POSTGRES=1 and no DATABASE_URL it throws instead of falling back.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
	const url = testDatabaseUrl();
	if (!url) {
		const file = inject('pgliteTemplateFile');
		const template = file ? new Blob([await readFile(file)]) : undefined;
		return openDatabase({ kind: 'pglite', dataDir: null, template });
	}

	const throwaway = await createThrowawayDatabase(
		url,
		'verkosto_test',
		inject('postgresTemplate') || undefined
	);
	let database: Database;
	try {
		database = await openDatabase({ kind: 'postgres', url: throwaway.url, poolSize: 4 });
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
