import { openDatabase, type Database } from '../../src/lib/server/db/client';
import { createThrowawayDatabase, testDatabaseUrl } from '../e2e/support/postgres';

/**
 * A fresh, migrated database for one test file: PGlite in memory by default, or a new
 * database on the PostgreSQL server that DATABASE_URL names (dropped afterwards).
 * With VERKOSTO_REQUIRE_POSTGRES=1 and no DATABASE_URL it throws instead of falling back.
 */
export async function createTestDatabase(): Promise<Database> {
	const url = testDatabaseUrl();
	if (!url) return openDatabase({ kind: 'pglite', dataDir: null });

	const throwaway = await createThrowawayDatabase(url);
	let database: Database;
	try {
		database = await openDatabase({ kind: 'postgres', url: throwaway.url, poolSize: 4 });
	} catch (error) {
		await throwaway.drop();
		throw error;
	}
	return {
		...database,
		close: async () => {
			try {
				await database.close();
			} finally {
				await throwaway.drop();
			}
		}
	};
}
