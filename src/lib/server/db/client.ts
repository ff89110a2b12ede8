import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import * as schema from './schema';
import { acquireFolderLock, type FolderLock } from './folder-lock';

export type Schema = typeof schema;
/** One type for both drivers: use cases never know which database they run on. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle has the same query API. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type DatabaseTarget =
	| { kind: 'postgres'; url: string; poolSize?: number }
	| {
			kind: 'pglite';
			dataDir: string | null;
			/**
			 * A data folder dumped by `dumpDataDir` to start from instead of an empty cluster (tests
			 * load one migrated copy made once per run: initdb costs seconds, loading a fraction).
			 */
			template?: Blob;
	  };

export interface Database {
	db: Db;
	kind: DatabaseTarget['kind'];
	/** Checks that the database answers; used by /healthz. */
	ping(): Promise<void>;
	close(): Promise<void>;
	/** PGlite only: the whole data folder as a tar file (a template for tests). */
	dump?: () => Promise<Blob>;
}

export function migrationsFolder(): string {
	return process.env.VERKOSTO_MIGRATIONS_DIR ?? path.resolve('drizzle');
}

/** Opens the database and brings its schema up to date. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
	if (target.kind === 'postgres') return openPostgres(target.url, target.poolSize ?? 10);
	return openPglite(target.dataDir, target.template);
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
	const pool = new pg.Pool({ connectionString: url, max: poolSize });
	// An idle client losing its connection must not crash the server; the next query reconnects.
	pool.on('error', (err) => console.warn(`PostgreSQL pool: ${err.message}`));
	const db = drizzlePg(pool, { schema }) as unknown as Db;
	const client = await pool.connect();
	try {
		// Several app servers may start at once: one migrates, the others wait.
		await client.query('select pg_advisory_lock(7254001)');
		await migratePg(drizzlePg(client, { schema }), { migrationsFolder: migrationsFolder() });
	} finally {
		await client.query('select pg_advisory_unlock(7254001)').catch(() => undefined);
		client.release();
	}
	return {
		db,
		kind: 'postgres',
		ping: async () => {
			await db.execute(sql`select 1`);
		},
		close: () => pool.end()
	};
}

async function openPglite(dataDir: string | null, template?: Blob): Promise<Database> {
	let lock: FolderLock | undefined;
	if (dataDir) {
		mkdirSync(dataDir, { recursive: true });
		lock = acquireFolderLock(dataDir);
	}
	let client: PGlite;
	try {
		client = await PGlite.create(dataDir ?? undefined, {
			extensions: { pg_trgm },
			...(template ? { loadDataDir: template } : {})
		});
	} catch (e) {
		lock?.release();
		throw e;
	}
	const db = drizzlePglite(client, { schema }) as unknown as Db;
	await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: migrationsFolder() });
	let closed = false;
	return {
		db,
		kind: 'pglite',
		ping: async () => {
			if (closed) throw new Error('database closed');
			await client.query('select 1');
		},
		close: async () => {
			if (closed) return;
			closed = true;
			await client.close();
			lock?.release();
		},
		dump: () => client.dumpDataDir('none')
	};
}
