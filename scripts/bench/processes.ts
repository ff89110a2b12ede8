/**
 * Child processes of the bench: the built app (`node build`) and a bare node:http server.
 * Both run apart from autocannon, which runs in the bench process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface Child {
	name: string;
	url: string;
	pid: number;
	/** The last lines it printed, for error reports. */
	output(): string;
	/** Lines it printed on stderr since it started (errors logged under load show here). */
	stderrLines(): number;
	/** SIGTERM, then SIGKILL after a grace period; resolves when it has exited. */
	stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

const KEEP_LINES = 200;

function track(name: string, child: ChildProcess, url: string): Child {
	const lines: string[] = [];
	let stderr = 0;
	const collect = (isErr: boolean) => (chunk: Buffer) => {
		for (const line of chunk.toString('utf8').split('\n')) {
			if (!line.trim()) continue;
			if (isErr) stderr++;
			lines.push(line);
			if (lines.length > KEEP_LINES) lines.shift();
		}
	};
	child.stdout?.on('data', collect(false));
	child.stderr?.on('data', collect(true));
	const exited = new Promise<void>((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) resolve();
		else child.once('exit', () => resolve());
	});
	return {
		name,
		url,
		pid: child.pid ?? -1,
		output: () => lines.join('\n'),
		stderrLines: () => stderr,
		async stop() {
			if (child.exitCode !== null || child.signalCode !== null) return;
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
			await exited;
			clearTimeout(timer);
		}
	};
}

async function waitUntilReady(
	child: ChildProcess,
	tracked: Child,
	probe: string,
	timeoutMs: number
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let exit: string | null = null;
	child.once('exit', (code, signal) => {
		exit = `exited with ${signal ?? code}`;
	});
	while (Date.now() < deadline) {
		if (exit) break;
		if (child.exitCode !== null || child.signalCode !== null) {
			exit = `exited with ${child.signalCode ?? child.exitCode}`;
			break;
		}
		try {
			const res = await fetch(probe, { signal: AbortSignal.timeout(2000) });
			await res.arrayBuffer();
			if (res.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	await tracked.stop();
	throw new Error(
		`${tracked.name} did not start (${exit ?? `no answer from ${probe} in ${timeoutMs / 1000} s`}). ` +
			`Its output:\n${tracked.output() || '(nothing)'}`
	);
}

/** Variables of the parent that must not leak into the app under test. */
const APP_VARIABLES = [
	'DATABASE_URL',
	'VERKOSTO_DATA_DIR',
	'VERKOSTO_REGISTRY_DIR',
	'SMTP_URL',
	'PORT',
	'HOST',
	'ORIGIN',
	'DEMO',
	'LOG_MAIL',
	'VERKOSTO_MIGRATIONS_DIR'
];

export interface AppOptions {
	/** DATABASE_URL or VERKOSTO_DATA_DIR of the bench database. */
	databaseEnv: Record<string, string>;
	/** Load the demo accounts on the first start. */
	demo: boolean;
	projectRoot: string;
	/** The built app to run (a copy of build/, see snapshotBuild) and its migrations. */
	build: BuildSnapshot;
}

export interface BuildSnapshot {
	/** The folder `node` runs (index.js and its chunks). */
	appDir: string;
	/** The drizzle/ migrations of the same moment (VERKOSTO_MIGRATIONS_DIR). */
	migrationsDir: string;
	/** Removes the copy. */
	remove(): void;
}

/**
 * Copies build/ and drizzle/ to bench-results/.build-<pid>/ (inside the project, so that the
 * app still finds node_modules): the app loads a page's chunks on its first request, minutes
 * into a run, and a `npm run build` elsewhere meanwhile (e2e tests) would replace them.
 */
export function snapshotBuild(projectRoot: string, resultsDir: string): BuildSnapshot {
	const dir = path.join(projectRoot, resultsDir, `.build-${process.pid}`);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const appDir = path.join(dir, 'build');
	const migrationsDir = path.join(dir, 'drizzle');
	cpSync(path.join(projectRoot, 'build'), appDir, { recursive: true });
	cpSync(path.join(projectRoot, 'drizzle'), migrationsDir, { recursive: true });
	return {
		appDir,
		migrationsDir,
		remove: () => rmSync(dir, { recursive: true, force: true })
	};
}

/**
 * Starts `node build` on a free loopback port; resolves when /healthz answers 200. Unlike a
 * newcomer's `npm start` (server.js, nothing set; tests/e2e/newcomer-start.e2e.ts), it runs as
 * a deployment is configured — ORIGIN set, demo off after the first start — since that is
 * what the figures are for.
 */
export async function startApp(options: AppOptions): Promise<Child> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const env: NodeJS.ProcessEnv = { ...process.env };
	for (const name of APP_VARIABLES) delete env[name];
	Object.assign(env, options.databaseEnv, {
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: url,
		DEMO: options.demo ? '1' : '0',
		LOG_MAIL: '0',
		NODE_ENV: 'production',
		VERKOSTO_MIGRATIONS_DIR: options.build.migrationsDir
	});
	const child = spawn(process.execPath, [options.build.appDir], {
		cwd: options.projectRoot,
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const tracked = track('the app (node build)', child, url);
	await waitUntilReady(child, tracked, `${url}/healthz`, 120_000);
	return tracked;
}

/** The smallest useful HTTP server: what Node itself can do on this machine. */
const BARE_SERVER = `
const http = require('node:http');
const body = Buffer.from('Hello, world!');
const server = http.createServer((req, res) => {
	res.writeHead(200, { 'content-type': 'text/plain', 'content-length': body.length });
	res.end(body);
});
server.listen(Number(process.env.PORT), '127.0.0.1');
process.on('SIGTERM', () => process.exit(0));
`;

export async function startBareServer(): Promise<Child> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, ['-e', BARE_SERVER], {
		env: { PATH: process.env.PATH ?? '', PORT: String(port) },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	const tracked = track('the bare node:http server', child, url);
	await waitUntilReady(child, tracked, `${url}/`, 10_000);
	return tracked;
}
