import pg from 'pg';
import { openDatabase, type Database } from '../../src/lib/server/db/client';

/**
 * A fresh, migrated database for one test file: PGlite in memory by default, or a new
 * database on the PostgreSQL server that DATABASE_URL names (dropped afterwards).
 */
export async function createTestDatabase(): Promise<Database> {
	const url = process.env.DATABASE_URL;
	if (!url) return openDatabase({ kind: 'pglite', dataDir: null });

	const name = `verkosto_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
	const admin = new pg.Client({ connectionString: url });
	await admin.connect();
	try {
		await admin.query(`create database ${name}`);
	} finally {
		await admin.end();
	}
	const testUrl = new URL(url);
	testUrl.pathname = `/${name}`;
	const database = await openDatabase({ kind: 'postgres', url: testUrl.toString(), poolSize: 4 });
	return {
		...database,
		close: async () => {
			await database.close();
			const dropper = new pg.Client({ connectionString: url });
			await dropper.connect();
			try {
				await dropper.query(`drop database if exists ${name} with (force)`);
			} finally {
				await dropper.end();
			}
		}
	};
}
