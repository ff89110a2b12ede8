import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createThrowawayDatabase, testDatabaseUrl } from './postgres';
import type { Db } from '../../../src/lib/server/db/client';

/**
 * Starts the built app as `npm start` does (`node server.js`) as a child process on a free
 * loopback port, with demo data, mail printing off, and a database of its own: a PGlite folder,
 * or a database on the server DATABASE_URL names (dropped on stop). The database is a copy of
 * the one the e2e run's global setup started the app on (./seeded-template.ts), so each file
 * skips creating, migrating and loading it; `fresh: true` starts from nothing instead.
 *
 * What differs from a newcomer's start, and why:
 * - HOST is 127.0.0.1 (the default is 0.0.0.0): a test run opens no port to the network.
 *   newcomer-start.e2e.ts starts the app with nothing set.
 * - ORIGIN is not set, as for a newcomer; origin.e2e.ts tests the app with it.
 * - DEMO=1, LOG_MAIL=0, NODE_ENV=production: the demo data is what the stories read; mail is
 *   read from the outbox or an SMTP mailbox, not the log.
 */

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BUILD_ENTRY = path.join(ROOT, 'build', 'index.js');
const SERVER_ENTRY = path.join(ROOT, 'server.js');

/** Where the seeded template of this run is (set by ./seeded-template.ts), if anywhere. */
async function seededTemplate(): Promise<{ dataDir: string; database: string } | null> {
	if (!process.env.VITEST) return null;
	const { inject } = await import('vitest');
	const dataDir = inject('e2eTemplateDataDir') ?? '';
	const database = inject('e2eTemplateDatabase') ?? '';
	return dataDir || database ? { dataDir, database } : null;
}

export interface StartAppOptions {
	/** Extra environment for the app; wins over the defaults. `DATABASE_URL: ''` forces PGlite. */
	env?: Record<string, string>;
	/** Reuse this PGlite folder (kept on stop), e.g. to restart the app on the same data. */
	dataDir?: string;
	/** Use this PostgreSQL database (not dropped on stop) instead of creating a fresh one. */
	databaseUrl?: string;
	/** How long to wait for GET /healthz to answer 200. Default 60 s. */
	readyTimeoutMs?: number;
	/**
	 * Start on an empty database (created, migrated and loaded by the app itself) rather than a
	 * copy of the run's seeded one. Also implied by `DEMO` in `env`, `dataDir` and `databaseUrl`.
	 */
	fresh?: boolean;
	/**
	 * Changes the app's copy of the database before the app starts, e.g. a factory that takes
	 * away part of the demo (tests/factories/). Not with `dataDir` or `databaseUrl`: those are
	 * someone else's database.
	 */
	prepare?: (db: Db) => Promise<void>;
}

export interface StopResult {
	code: number | null;
	signal: NodeJS.Signals | null;
	/** Milliseconds from SIGTERM to the process's exit. */
	ms: number;
	/** True when it did not exit within 5 s of SIGTERM and was killed. */
	killed: boolean;
}

export interface AppServer {
	/** http://127.0.0.1:PORT, no trailing slash. */
	url: string;
	port: number;
	/** The PGlite folder, or null on PostgreSQL. */
	dataDir: string | null;
	/** The app's DATABASE_URL, or null on PGlite. */
	databaseUrl: string | null;
	child: ChildProcess;
	/** Everything the app printed to stdout so far. */
	stdout(): string;
	/** Everything the app printed to stderr so far (assert on it: no stack traces, no errors). */
	stderr(): string;
	/** Lines of stdout+stderr that look like a JavaScript stack trace ("    at fn (file:1:2)"). */
	stackTraces(): string[];
	/** Sends SIGTERM, awaits exit (SIGKILL after 5 s), then removes the app's database. */
	stop(): Promise<StopResult>;
}

/** The same thing under the name some tests use. */
export type RunningApp = AppServer;

const running = new Set<ChildProcess>();
process.once('exit', () => {
	for (const child of running) child.kill('SIGKILL');
});

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

const STACK_LINE = /^\s+at .+(:\d+:\d+\)?|\(native\)|\(<anonymous>\))\s*$/;

export function findStackTraces(text: string): string[] {
	return text.split('\n').filter((line) => STACK_LINE.test(line));
}

function tail(text: string, lines = 40): string {
	return text.trimEnd().split('\n').slice(-lines).join('\n');
}

export async function startApp(options: StartAppOptions = {}): Promise<AppServer> {
	if (!existsSync(BUILD_ENTRY)) {
		throw new Error(`${BUILD_ENTRY} is missing: run "npm run build" (npm run test:e2e does).`);
	}
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;

	const cleanups: Array<() => Promise<void>> = [];
	const cleanup = async () => {
		for (const step of cleanups.splice(0).reverse()) await step();
	};

	let dataDir: string | null = null;
	let databaseUrl: string | null = null;
	const explicitDatabaseUrl = options.env?.DATABASE_URL;
	const template = options.fresh || options.env?.DEMO !== undefined ? null : await seededTemplate();
	if (options.databaseUrl) {
		databaseUrl = options.databaseUrl;
	} else if (explicitDatabaseUrl !== undefined) {
		databaseUrl = explicitDatabaseUrl || null;
	} else {
		const server = testDatabaseUrl();
		if (server) {
			const created = await createThrowawayDatabase(
				server,
				'verkosto_e2e',
				template?.database || undefined
			);
			cleanups.push(() => created.drop());
			databaseUrl = created.url;
		}
	}
	if (!databaseUrl) {
		if (options.dataDir) {
			dataDir = options.dataDir;
		} else {
			const created = await mkdtemp(path.join(tmpdir(), 'verkosto-e2e-data-'));
			cleanups.push(() => rm(created, { recursive: true, force: true, maxRetries: 3 }));
			if (template?.dataDir) await cp(template.dataDir, created, { recursive: true });
			dataDir = created;
		}
	}

	if (options.prepare) {
		if (options.dataDir || options.databaseUrl) {
			await cleanup();
			throw new Error('startApp: prepare changes a copy, not a given dataDir or databaseUrl');
		}
		// the app takes the database only after this process has let it go; imported here, so
		// that the files that change nothing do not load the database's drivers
		try {
			const { openDatabase } = await import('../../../src/lib/server/db/client');
			const database = await openDatabase(
				databaseUrl
					? { kind: 'postgres', url: databaseUrl, poolSize: 1 }
					: { kind: 'pglite', dataDir }
			);
			try {
				await options.prepare(database.db);
			} finally {
				await database.close();
			}
		} catch (error) {
			await cleanup();
			throw error;
		}
	}

	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries(process.env)) {
		// Vitest's own variables and the test run's DATABASE_URL are not the app's business.
		if (value === undefined || key.startsWith('VITEST') || key === 'DATABASE_URL') continue;
		env[key] = value;
	}
	delete env.ORIGIN;
	Object.assign(env, {
		NODE_ENV: 'production',
		HOST: '127.0.0.1',
		PORT: String(port),
		DEMO: '1',
		LOG_MAIL: '0',
		VERKOSTO_DATA_DIR: dataDir ?? '',
		DATABASE_URL: databaseUrl ?? ''
	});
	Object.assign(env, options.env ?? {});
	env.DATABASE_URL = databaseUrl ?? '';

	const child = spawn(process.execPath, [SERVER_ENTRY], {
		cwd: ROOT,
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	running.add(child);
	let stdout = '';
	let stderr = '';
	child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
	child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
		child.once('exit', (code, signal) => {
			running.delete(child);
			resolve({ code, signal });
		});
	});
	// 'close' comes after 'exit' once stdout and stderr are drained.
	const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
	let exitInfo: { code: number | null; signal: NodeJS.Signals | null } | null = null;
	void exited.then((info) => (exitInfo = info));

	const stopChild = async (): Promise<StopResult> => {
		const started = performance.now();
		if (exitInfo) {
			await closed;
			return { ...exitInfo, ms: 0, killed: false };
		}
		child.kill('SIGTERM');
		let killed = false;
		const timer = setTimeout(() => {
			killed = true;
			child.kill('SIGKILL');
		}, 5_000);
		const info = await exited;
		const ms = performance.now() - started;
		clearTimeout(timer);
		await closed;
		return { ...info, ms, killed };
	};

	try {
		await waitForHealth(url, options.readyTimeoutMs ?? 60_000, () => exitInfo);
	} catch (error) {
		await stopChild();
		await cleanup();
		const reason = error instanceof Error ? error.message : String(error);
		throw new Error(
			`The app did not become ready: ${reason}\n--- stderr ---\n${tail(stderr)}\n` +
				`--- stdout ---\n${tail(stdout)}`
		);
	}

	let stopping: Promise<StopResult> | null = null;
	return {
		url,
		port,
		dataDir,
		databaseUrl,
		child,
		stdout: () => stdout,
		stderr: () => stderr,
		stackTraces: () => findStackTraces(`${stdout}\n${stderr}`),
		stop: () => {
			stopping ??= (async () => {
				const result = await stopChild();
				await cleanup();
				return result;
			})();
			return stopping;
		}
	};
}

/** Polls GET /healthz until it answers 200; throws when the process exits or time runs out. */
export async function waitForHealth(
	url: string,
	timeoutMs: number,
	exitInfo: () => { code: number | null; signal: NodeJS.Signals | null } | null
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let last = 'no answer yet';
	while (Date.now() < deadline) {
		const exit = exitInfo();
		if (exit) throw new Error(`it exited early (code ${exit.code}, signal ${exit.signal})`);
		try {
			const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) });
			await response.arrayBuffer();
			if (response.status === 200) return;
			last = `GET /healthz answered ${response.status}`;
		} catch (error) {
			last = error instanceof Error ? error.message : String(error);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`no 200 from /healthz within ${timeoutMs} ms (last: ${last})`);
}
