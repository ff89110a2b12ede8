import { env } from '../env';
import { openDatabase, type Database, type Db } from './client';

export type { Db, DbOrTx, Tx } from './client';

let current: Database | undefined;
let opening: Promise<Database> | undefined;

/** Opens the app's database once per process, as the environment says. */
export function startDatabase(): Promise<Database> {
	opening ??= (async () => {
		const config = env();
		current = await openDatabase(
			config.DATABASE_URL
				? { kind: 'postgres', url: config.DATABASE_URL }
				: { kind: 'pglite', dataDir: config.VERKOSTO_DATA_DIR }
		);
		return current;
	})();
	return opening;
}

export function database(): Database {
	if (!current) throw new Error('The database is not open yet');
	return current;
}

export function db(): Db {
	return database().db;
}

export async function stopDatabase(): Promise<void> {
	const open = current;
	current = undefined;
	opening = undefined;
	await open?.close();
}

/**
 * Lends a database to the app's module for a test that calls a route's `load` or handler
 * directly (no module is mocked: test files share their worker's modules, ADR 013). Returns
 * the function that gives it back; call it in `afterAll`.
 */
export function lendDatabase(lent: Database): () => void {
	const before = current;
	current = lent;
	return () => {
		if (current === lent) current = before;
	};
}
