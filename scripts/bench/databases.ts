/**
 * The bench's own databases: a fresh PGlite folder, or a fresh database on the PostgreSQL
 * server of DATABASE_URL, one per scale. Never the app's own data.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseTarget } from '../../src/lib/server/db/client';

export type DatabaseKind = 'pglite' | 'postgres';

export const KIND_LABEL: Record<DatabaseKind, string> = {
	pglite: 'PGlite',
	postgres: 'PostgreSQL'
};

export interface BenchDatabase {
	kind: DatabaseKind;
	/** Where it is, for the log (no password). */
	where: string;
	/** For openDatabase() in this process. */
	target: DatabaseTarget;
	/** Environment of the app server that uses it. */
	serverEnv: Record<string, string>;
	/** Removes it. Safe to call twice. */
	drop(): Promise<void>;
	/**
	 * The pids of the server processes that serve this database's connections, for their CPU
	 * time (cpu.ts); null when they are not processes of this machine (PGlite runs inside the
	 * app; a PostgreSQL elsewhere).
	 */
	backendPids: (() => Promise<number[]>) | null;
}

export function createPgliteDatabase(scaleName: string): BenchDatabase {
	const parent = mkdtempSync(path.join(os.tmpdir(), `verkosto-bench-${scaleName}-`));
	const dataDir = path.join(parent, 'pglite');
	let dropped = false;
	return {
		kind: 'pglite',
		where: dataDir,
		target: { kind: 'pglite', dataDir },
		serverEnv: { VERKOSTO_DATA_DIR: dataDir },
		backendPids: null,
		async drop() {
			if (dropped) return;
			dropped = true;
			rmSync(parent, { recursive: true, force: true });
		}
	};
}

function isPostgresProcess(pid: number): boolean {
	try {
		return /postgres/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
	} catch {
		return false;
	}
}

function withoutPassword(url: URL): string {
	const copy = new URL(url.href);
	if (copy.password) copy.password = '***';
	return copy.href;
}

async function admin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: serverUrl });
	await client.connect();
	try {
		return await work(client);
	} finally {
		await client.end();
	}
}

/** The server's version, e.g. "15.18", for the report. */
export async function postgresVersion(serverUrl: string): Promise<string> {
	return admin(serverUrl, async (c) => {
		const r = await c.query<{ v: string }>(`select current_setting('server_version') as v`);
		return r.rows[0]?.v ?? 'unknown';
	});
}

/** Creates `bench_verkosto_<scale>_<pid>` on the server of DATABASE_URL. */
export async function createPostgresDatabase(
	serverUrl: string,
	scaleName: string
): Promise<BenchDatabase> {
	const name = `bench_verkosto_${scaleName}_${process.pid}`;
	if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad database name ${name}`);
	try {
		await admin(serverUrl, async (c) => {
			await c.query(`drop database if exists ${name} with (force)`);
			await c.query(`create database ${name}`);
		});
	} catch (e) {
		// 42501: insufficient privilege
		const hint =
			(e as { code?: string }).code === '42501' ? ' The role of DATABASE_URL needs CREATEDB.' : '';
		throw new Error(
			`Could not create the bench database ${name} on ${withoutPassword(new URL(serverUrl))}: ` +
				`${(e as Error).message}.${hint}`
		);
	}
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	let dropped = false;
	const local = ['127.0.0.1', 'localhost', '[::1]', ''].includes(url.hostname);
	return {
		kind: 'postgres',
		where: withoutPassword(url),
		target: { kind: 'postgres', url: url.href },
		serverEnv: { DATABASE_URL: url.href },
		backendPids: local
			? () =>
					admin(serverUrl, async (c) => {
						const r = await c.query<{ pid: number }>(
							`select pid from pg_stat_activity where datname = $1 and backend_type = 'client backend'`,
							[name]
						);
						// a server in a container of its own has pids of another namespace
						return r.rows.map((row) => row.pid).filter((pid) => isPostgresProcess(pid));
					})
			: null,
		async drop() {
			if (dropped) return;
			dropped = true;
			await admin(serverUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
		}
	};
}
