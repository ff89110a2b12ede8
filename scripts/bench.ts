/**
 * `npm run bench`: builds the app, then for each database (PGlite; PostgreSQL too when
 * DATABASE_URL is set) and each scale of the data set, creates a database of its own, fills
 * it, serves the built app on it and loads its pages with autocannon, beside a bare node:http
 * server. Prints req/s, p99 and ratios, checks the aims and writes bench-results/*.json.
 *
 * Exits non-zero only when the run is broken (a server did not start, a page answered
 * anything but 2xx); missing an aim prints MISS. See docs/benchmarks.md.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/lib/server/db/client';
import {
	BARE,
	DEMO_CONTACT_PERSON,
	DEMO_EXPERT,
	DEMO_COORDINATOR,
	SIGN_UPS,
	readSettings,
	resolvePath,
	type MeasuredTarget,
	type PageTarget,
	type Scale,
	type Settings,
	type SignUpTarget
} from './bench/config';
import {
	createPgliteDatabase,
	createPostgresDatabase,
	KIND_LABEL,
	type BenchDatabase,
	type DatabaseKind
} from './bench/databases';
import { fillDatabase } from './bench/datasets';
import { measureJsWeight } from './bench/js-weight';
import { cpuMeasurable, cpuMeter, type CpuCost, type CpuMeter } from './bench/cpu';
import { fetchPage, measure, signIn, type Measurement } from './bench/load';
import { checkSignUps, formatSignUpChecks, postSignUps, type SignUpPost } from './bench/sign-ups';
import {
	snapshotBuild,
	startApp,
	startBareServer,
	type BuildSnapshot,
	type Child
} from './bench/processes';
import {
	checkAims,
	formatAims,
	formatBare,
	formatRun,
	formatScaling,
	pgliteRegistryShare,
	runTitle,
	type BenchResults,
	type RunResult,
	type TargetResult
} from './bench/report';

const projectRoot = path.resolve(import.meta.dirname, '..');
process.chdir(projectRoot);

const log = (message: string) => console.info(`[bench] ${message}`);

/** Things to undo on the way out, newest first: servers to stop, databases to drop. */
const cleanups: (() => Promise<void>)[] = [];

/** Undoes everything registered after the first `keep` items (all by default). */
async function cleanUp(keep = 0): Promise<void> {
	while (cleanups.length > keep) {
		const undo = cleanups.pop()!;
		await undo().catch((e: unknown) => console.warn(`[bench] clean-up: ${(e as Error).message}`));
	}
}

function deferred(undo: () => Promise<void>): () => Promise<void> {
	cleanups.push(undo);
	return async () => {
		const i = cleanups.indexOf(undo);
		if (i >= 0) cleanups.splice(i, 1);
		await undo();
	};
}

function notMeasured(reason: string, status = 0): Measurement {
	return {
		reqPerSec: 0,
		p50Ms: 0,
		p99Ms: 0,
		meanMs: 0,
		requests: 0,
		errors: status ? 0 : 1,
		timeouts: 0,
		non2xx: status ? 1 : 0,
		statusCodes: status ? { [String(status)]: 1 } : { [reason]: 1 },
		seconds: 0,
		connections: 0,
		ok: false
	};
}

async function measureBare(settings: Settings): Promise<TargetResult> {
	const server = await startBareServer();
	const stop = deferred(() => server.stop());
	try {
		const results: TargetResult[] = [];
		for (let round = 1; round <= settings.rounds; round++) {
			const measurement = await measure(`${server.url}/`, settings);
			log(
				`${BARE.name}: ${Math.round(measurement.reqPerSec)} req/s, p99 ${Math.round(measurement.p99Ms)} ms`
			);
			results.push({ target: BARE.name, path: null, measurement, js: null, serverStderrLines: 0 });
		}
		return best(results);
	} finally {
		await stop();
	}
}

async function createDatabase(kind: DatabaseKind, scale: Scale, settings: Settings) {
	return kind === 'postgres'
		? createPostgresDatabase(settings.databaseUrl!, scale.name)
		: createPgliteDatabase(scale.name);
}

/** First start with DEMO=1 migrates and loads the registry and demo accounts; then the scale data. */
async function prepare(database: BenchDatabase, scale: Scale, build: BuildSnapshot) {
	const first = await startApp({
		databaseEnv: database.serverEnv,
		demo: true,
		projectRoot,
		build
	});
	await first.stop();
	const open = await openDatabase(database.target);
	try {
		const result = await open.db.execute(sql`select current_setting('server_version') as v`);
		const rows = (result as unknown as { rows: { v: string }[] }).rows;
		const filled = await fillDatabase(open.db, scale.factor, (m) => log(`  ${m}`));
		return { ...filled, version: rows[0]?.v ?? 'unknown' };
	} finally {
		await open.close();
	}
}

interface Problems {
	/** The run is not valid: a server did not start, a page answered non-2xx, a connection failed. */
	broken: string[];
	/** Valid but worth a look: requests that timed out, errors the server logged under load. */
	warnings: string[];
}

/** A scale's database, filled and served, with the sessions the targets send. */
interface Serving {
	run: RunResult;
	database: BenchDatabase | null;
	app: Child | null;
	/** The demo coordinator's session cookie. */
	cookie: string | null;
	/** Vaala's contact person's. */
	contactCookie: string | null;
	/** The demo expert's. */
	expertCookie: string | null;
	/** The sign-up targets' contenders', in order. */
	contenderCookies: string[];
	/** Ids the generators looked up, for the targets' paths. */
	ids: Record<string, string>;
	/** Reads the CPU time of the app and its database backends; null where it cannot. */
	cpu: CpuMeter | null;
	/** Sign-ups posted per event id (with a label), for the check at the end. */
	posted: Map<string, { label: string; posted: number }>;
	warmedUp: boolean;
}

/** Databases kept with BENCH_KEEP=1, for the closing lines. */
const kept: string[] = [];

async function setUpScale(
	kind: DatabaseKind,
	scale: Scale,
	settings: Settings,
	build: BuildSnapshot,
	problems: Problems
): Promise<Serving> {
	const started = performance.now();
	const run: RunResult = {
		database: kind,
		databaseVersion: '',
		scale,
		where: '',
		setupSeconds: 0,
		counts: {},
		targets: []
	};
	try {
		const database = await createDatabase(kind, scale, settings);
		if (settings.keep) kept.push(`${KIND_LABEL[kind]}, scale "${scale.name}": ${database.where}`);
		else deferred(() => database.drop());
		run.where = database.where;
		log(`${KIND_LABEL[kind]}, scale "${scale.name}": preparing ${database.where}`);
		const prepared = await prepare(database, scale, build);
		run.counts = prepared.counts;
		run.ids = prepared.ids;
		run.databaseVersion = prepared.version;
		const app = await startApp({
			databaseEnv: database.serverEnv,
			demo: false,
			projectRoot,
			build
		});
		deferred(() => app.stop());
		const cookie = await signIn(app.url, DEMO_COORDINATOR.email, DEMO_COORDINATOR.password);
		const contactCookie = await signIn(
			app.url,
			DEMO_CONTACT_PERSON.email,
			DEMO_CONTACT_PERSON.password
		);
		const expertCookie = await signIn(app.url, DEMO_EXPERT.email, DEMO_EXPERT.password);
		run.setupSeconds = Math.round((performance.now() - started) / 100) / 10;
		log(`${runTitle(run)}: serving on ${app.url} (set-up ${run.setupSeconds} s)`);
		const cpu = cpuMeasurable() ? cpuMeter(app.pid, database.backendPids) : null;
		return {
			run,
			database,
			app,
			cookie,
			contactCookie,
			expertCookie,
			contenderCookies: prepared.contenderCookies,
			ids: prepared.ids,
			cpu,
			posted: new Map(),
			warmedUp: false
		};
	} catch (e) {
		run.error = (e as Error).message;
		problems.broken.push(`${KIND_LABEL[kind]}, scale "${scale.name}": ${run.error}`);
		console.error(`[bench] !! ${KIND_LABEL[kind]}, scale "${scale.name}" broke: ${run.error}`);
		return {
			run,
			database: null,
			app: null,
			cookie: null,
			contactCookie: null,
			expertCookie: null,
			contenderCookies: [],
			ids: {},
			cpu: null,
			posted: new Map(),
			warmedUp: false
		};
	}
}

async function measureTarget(
	serving: Serving,
	target: MeasuredTarget,
	round: number,
	settings: Settings,
	problems: Problems
): Promise<TargetResult | null> {
	return target.kind === 'sign-up'
		? measureSignUps(serving, target, round, settings, problems)
		: measurePage(serving, target, settings, problems);
}

function sessionOf(serving: Serving, target: PageTarget): string | null {
	if (target.session === 'coordinator') return serving.cookie;
	if (target.session === 'contact person') return serving.contactCookie;
	if (target.session === 'expert') return serving.expertCookie;
	return null;
}

async function measurePage(
	serving: Serving,
	target: PageTarget,
	settings: Settings,
	problems: Problems
): Promise<TargetResult> {
	const app = serving.app!;
	const title = `${KIND_LABEL[serving.run.database]}, scale "${serving.run.scale.name}", ${target.name} ${target.path}`;
	let resolved: string;
	try {
		resolved = resolvePath(target.path, serving.ids);
	} catch (e) {
		problems.broken.push(`${title}: ${(e as Error).message}`);
		console.error(`[bench] !! ${title}: ${(e as Error).message}`);
		return {
			target: target.name,
			path: target.path,
			measurement: notMeasured('no path'),
			js: null,
			serverStderrLines: 0
		};
	}
	const url = `${app.url}${resolved}`;
	const sent = sessionOf(serving, target);
	const page = await fetchPage(url, sent);
	if (page.status !== 200) {
		const why = `${title}: answered HTTP ${page.status} before the load`;
		problems.broken.push(why);
		console.error(`[bench] !! ${why}`);
		return {
			target: target.name,
			path: target.path,
			resolvedPath: resolved,
			measurement: notMeasured('precheck', page.status),
			js: null,
			serverStderrLines: 0
		};
	}
	const js = await measureJsWeight(url, page);
	const stderrBefore = app.stderrLines();
	const measurement = await measure(url, {
		...settings,
		headers: sent ? { cookie: sent } : {},
		cpu: serving.cpu
	});
	const stderrLines = app.stderrLines() - stderrBefore;
	const cpu = measurement.cpu;
	log(
		`  ${title}: ${Math.round(measurement.reqPerSec)} req/s, p99 ${Math.round(measurement.p99Ms)} ms, ` +
			(cpu
				? `CPU ${cpu.msPerRequest.toFixed(2)} ms/req` +
					(cpu.databaseMsPerRequest !== null
						? ` (app ${cpu.appMsPerRequest.toFixed(2)} + db ${cpu.databaseMsPerRequest.toFixed(2)})`
						: '') +
					', '
				: '') +
			`JS ${js.kbGzip.toFixed(1)} KB gz, HTML ${(Buffer.byteLength(page.html, 'utf8') / 1024).toFixed(1)} KB`
	);
	if (!measurement.ok) {
		const why =
			measurement.requests === 0
				? `${title}: no request completed within the ${settings.seconds} s run`
				: `${title}: non-2xx ${measurement.non2xx}, connection errors ${measurement.errors - measurement.timeouts}`;
		problems.broken.push(why);
		console.error(`[bench] !! FAILED MEASUREMENT ${why}`);
	}
	if (measurement.timeouts > 0) {
		const why = `${title}: ${measurement.timeouts} requests got no answer within 10 s (not counted in p99)`;
		problems.warnings.push(why);
		console.warn(`[bench] !! SLOW ${why}`);
	}
	if (stderrLines > 0) {
		problems.warnings.push(`${title}: the server wrote ${stderrLines} lines to stderr under load`);
		console.warn(
			`[bench] the server wrote ${stderrLines} lines to stderr under load; the last of its output:\n` +
				app.output().split('\n').slice(-10).join('\n')
		);
	}
	return {
		target: target.name,
		path: target.path,
		resolvedPath: resolved,
		measurement,
		js,
		htmlBytes: Buffer.byteLength(page.html, 'utf8'),
		cpu: measurement.cpu ?? null,
		serverStderrLines: stderrLines
	};
}

/** Reports a broken or slow measurement as measurePage does. */
function judge(title: string, measurement: Measurement, problems: Problems) {
	if (!measurement.ok) {
		const codes = Object.entries(measurement.statusCodes)
			.map(([code, n]) => `${code}×${n}`)
			.join(' ');
		const why =
			measurement.requests === 0
				? `${title}: no request completed`
				: `${title}: non-2xx ${measurement.non2xx} (${codes}), connection errors ${measurement.errors - measurement.timeouts}`;
		problems.broken.push(why);
		console.error(`[bench] !! FAILED MEASUREMENT ${why}`);
	}
	if (measurement.timeouts > 0) {
		const why = `${title}: ${measurement.timeouts} requests got no answer within 10 s (not counted in p99)`;
		problems.warnings.push(why);
		console.warn(`[bench] !! SLOW ${why}`);
	}
}

/**
 * One round of a sign-up target: every contender posts the signUp action once, to the round's
 * own event (`one`) or to one of the spread events, a different one each round (`spread`).
 * The first sign-up run of a server is preceded by an unmeasured warm-up on an event of its own.
 */
async function measureSignUps(
	serving: Serving,
	target: SignUpTarget,
	round: number,
	settings: Settings,
	problems: Problems
): Promise<TargetResult | null> {
	const app = serving.app!;
	const title = `${KIND_LABEL[serving.run.database]}, scale "${serving.run.scale.name}", ${target.name}`;
	if (round > SIGN_UPS.rounds) {
		log(`  ${title}: round ${round} skipped (the data set has events for ${SIGN_UPS.rounds})`);
		return null;
	}
	const cookies = serving.contenderCookies;
	const record = (key: string, label: string, n: number) => {
		const id = serving.ids[key]!;
		const seen = serving.posted.get(id) ?? { label, posted: 0 };
		seen.posted += n;
		serving.posted.set(id, seen);
		return id;
	};
	if (!serving.warmedUp) {
		serving.warmedUp = true;
		const warmUp = cookies.slice(0, SIGN_UPS.warmUp);
		const eventId = record('signUpWarmUp', 'warm-up', warmUp.length);
		const m = await postSignUps(
			app.url,
			warmUp.map((cookie) => ({ eventId, cookie })),
			settings.connections
		);
		judge(`${title} (warm-up)`, m, problems);
	}
	let posts: SignUpPost[];
	if (target.events === 'one') {
		const eventId = record(`contention${round}`, `one event, round ${round}`, cookies.length);
		posts = cookies.map((cookie) => ({ eventId, cookie }));
	} else {
		posts = cookies.map((cookie, i) => {
			const n = ((i + round - 1) % SIGN_UPS.spreadEvents) + 1;
			return { eventId: record(`spread${n}`, `spread event ${n}`, 1), cookie };
		});
	}
	const stderrBefore = app.stderrLines();
	const measurement = await postSignUps(app.url, posts, settings.connections, serving.cpu);
	const stderrLines = app.stderrLines() - stderrBefore;
	const cpu = measurement.cpu;
	log(
		`  ${title} (round ${round}): ${posts.length} sign-ups in ${measurement.seconds.toFixed(1)} s, ` +
			`${measurement.reqPerSec.toFixed(1)} req/s, p99 ${Math.round(measurement.p99Ms)} ms` +
			(cpu
				? `, CPU ${cpu.msPerRequest.toFixed(2)} ms/sign-up` +
					(cpu.databaseMsPerRequest !== null
						? ` (app ${cpu.appMsPerRequest.toFixed(2)} + db ${cpu.databaseMsPerRequest.toFixed(2)})`
						: '')
				: '')
	);
	judge(title, measurement, problems);
	if (stderrLines > 0) {
		problems.warnings.push(`${title}: the server wrote ${stderrLines} lines to stderr under load`);
		console.warn(
			`[bench] the server wrote ${stderrLines} lines to stderr under load; the last of its output:\n` +
				app.output().split('\n').slice(-10).join('\n')
		);
	}
	return {
		target: target.name,
		path: target.path,
		measurement,
		js: null,
		cpu: measurement.cpu ?? null,
		serverStderrLines: stderrLines
	};
}

/**
 * After the measurements: stops the app (PGlite lets one process in) and checks from the
 * database that every event posted to has its capacity confirmed, counted so on the row, the
 * rest waiting, seats to the first to arrive.
 */
async function checkSeats(serving: Serving, problems: Problems): Promise<void> {
	if (serving.posted.size === 0 || !serving.database || !serving.app) return;
	await serving.app.stop();
	const open = await openDatabase(serving.database.target);
	try {
		const checks = await checkSignUps(
			open.db,
			[...serving.posted].map(([id, { label, posted }]) => ({ id, label, posted }))
		);
		serving.run.signUpChecks = checks;
		const title = `${KIND_LABEL[serving.run.database]}, scale "${serving.run.scale.name}"`;
		for (const line of formatSignUpChecks(checks)) {
			log(`  ${title}, seats: ${line}`);
			if (line.startsWith('FAIL')) problems.broken.push(`${title}, seats: ${line}`);
		}
	} finally {
		await open.close();
	}
}

/**
 * The least disturbed of a target's rounds (the first failed one, if any failed): the one with
 * the most req/s, and the least CPU time per request of any round.
 */
function best(results: TargetResult[]): TargetResult {
	const failed = results.find((r) => !r.measurement.ok);
	const chosen =
		failed ?? results.reduce((a, b) => (b.measurement.reqPerSec > a.measurement.reqPerSec ? b : a));
	if (results.length === 1) return chosen;
	const costs = results.flatMap((r) => (r.measurement.ok && r.cpu ? [r.cpu] : []));
	return {
		...chosen,
		cpu: failed
			? null
			: costs.reduce<CpuCost | null>(
					(a, b) => (a === null || b.msPerRequest < a.msPerRequest ? b : a),
					null
				),
		serverStderrLines: results.reduce((n, r) => n + r.serverStderrLines, 0),
		rounds: results.map((r) => Math.round(r.measurement.reqPerSec)),
		cpuRounds: results.map((r) => (r.cpu ? Math.round(r.cpu.msPerRequest * 100) / 100 : null))
	};
}

/**
 * All scales of one database: each gets its own database and server, all served at once, and
 * each target is measured on them one right after the other, so that the scales' figures of a
 * page are taken close together in time (load from elsewhere drifts).
 */
async function runDatabase(
	kind: DatabaseKind,
	settings: Settings,
	build: BuildSnapshot,
	problems: Problems
) {
	const before = cleanups.length;
	const servings: Serving[] = [];
	for (const scale of settings.scales) {
		servings.push(await setUpScale(kind, scale, settings, build, problems));
	}
	for (const target of settings.targets) {
		const rounds = new Map<Serving, TargetResult[]>(servings.map((s) => [s, []]));
		for (let round = 1; round <= settings.rounds; round++) {
			for (const serving of servings) {
				if (!serving.app) continue;
				const result = await measureTarget(serving, target, round, settings, problems);
				if (result) rounds.get(serving)!.push(result);
			}
		}
		for (const [serving, results] of rounds) {
			if (results.length > 0) serving.run.targets.push(best(results));
		}
	}
	for (const serving of servings) {
		try {
			await checkSeats(serving, problems);
		} catch (e) {
			problems.broken.push(`checking the seats: ${(e as Error).message}`);
			console.error(`[bench] !! checking the seats: ${(e as Error).message}`);
		}
	}
	await cleanUp(before);
	return servings.map((s) => s.run);
}

async function main(): Promise<number> {
	const settings = readSettings();
	if (!existsSync(path.join(projectRoot, 'build', 'index.js'))) {
		console.error('[bench] No build/: run `npm run bench` (it builds first) or `npm run build`.');
		return 1;
	}
	const startedAt = new Date();
	const build = snapshotBuild(projectRoot, settings.resultsDir);
	deferred(async () => build.remove());
	// the bench's own openDatabase() migrates with the same files as the app it serves
	process.env.VERKOSTO_MIGRATIONS_DIR = build.migrationsDir;
	const kinds: DatabaseKind[] = settings.postgresOnly
		? ['postgres']
		: settings.databaseUrl
			? ['pglite', 'postgres']
			: ['pglite'];
	const pkg = JSON.parse(
		readFileSync(path.join(projectRoot, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')
	) as { version: string };
	log(
		`${os.cpus().length} CPUs, Node ${process.version}; ${settings.connections} connections, ` +
			`${settings.warmupSeconds} s warm-up + ${settings.seconds} s per target` +
			(settings.rounds > 1 ? ` × ${settings.rounds} rounds (best kept); ` : '; ') +
			`databases: ${kinds.map((k) => KIND_LABEL[k]).join(', ')}; scales: ${settings.scales.map((s) => s.name).join(', ')}; ` +
			`targets: ${settings.targets.map((t) => t.name).join(', ')}`
	);
	if (!settings.databaseUrl) log('DATABASE_URL is not set: PostgreSQL is not measured.');
	const loadAverage = os.loadavg().map((l) => Math.round(l * 100) / 100);
	if (loadAverage[0]! > os.cpus().length / 2) {
		console.warn(
			`[bench] The machine is busy before the bench starts (load average ${loadAverage.join(', ')} on ` +
				`${os.cpus().length} CPUs): absolute figures will be low; ratios suffer less.`
		);
	}

	const problems: Problems = { broken: [], warnings: [] };
	const { broken } = problems;
	const output: string[] = [];
	let bare: TargetResult | null = null;
	try {
		bare = await measureBare(settings);
		if (!bare.measurement.ok) broken.push(`${BARE.name}: the bare server's run failed`);
	} catch (e) {
		broken.push(`${BARE.name}: ${(e as Error).message}`);
		console.error(`[bench] !! ${(e as Error).message}`);
	}

	const runs: RunResult[] = [];
	for (const kind of kinds) {
		for (const run of await runDatabase(kind, settings, build, problems)) {
			if (kind === 'pglite') {
				run.databaseVersion = `${pkg.version} (PostgreSQL ${run.databaseVersion || '?'})`;
			}
			runs.push(run);
		}
	}

	const aims = checkAims(runs);
	output.push(
		`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, ` +
			`load average at start ${loadAverage.join(' ')}; ${settings.connections} connections, ` +
			`${settings.seconds} s per target after ${settings.warmupSeconds} s warm-up` +
			(settings.rounds > 1 ? `, best of ${settings.rounds} rounds` : '')
	);
	if (bare) output.push(formatBare(bare));
	for (const run of runs) output.push(formatRun(run, bare));
	const scaling = formatScaling(runs);
	if (scaling) output.push(scaling);
	const pgliteShare = pgliteRegistryShare(runs);
	output.push(formatAims(aims) + (pgliteShare ? `\n${pgliteShare}` : ''));

	const results: BenchResults = {
		startedAt: startedAt.toISOString(),
		finishedAt: new Date().toISOString(),
		machine: {
			cpus: os.cpus().length,
			cpuModel: os.cpus()[0]?.model ?? 'unknown',
			totalMemoryGb: Math.round(os.totalmem() / 2 ** 30),
			node: process.version,
			platform: process.platform,
			release: os.release(),
			loadAverageAtStart: loadAverage
		},
		settings: {
			seconds: settings.seconds,
			warmupSeconds: settings.warmupSeconds,
			connections: settings.connections,
			rounds: settings.rounds
		},
		bare,
		runs,
		aims,
		broken,
		warnings: problems.warnings
	};
	mkdirSync(settings.resultsDir, { recursive: true });
	const file = path.join(
		settings.resultsDir,
		`bench-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`
	);
	writeFileSync(file, JSON.stringify(results, null, '\t') + '\n');

	console.info('\n' + '='.repeat(72) + '\nSummary\n\n' + output.join('\n\n'));
	console.info(`\nResults: ${file}`);
	if (kept.length > 0) {
		console.info(
			`\nBENCH_KEEP: the bench databases are kept; drop them by hand when done ` +
				`(PostgreSQL: drop database <name>; PGlite: rm -r the folder's parent):\n` +
				kept.map((k) => `  ${k}`).join('\n')
		);
	}
	if (problems.warnings.length > 0) {
		console.warn(`\n!! ${problems.warnings.length} warning(s):`);
		for (const w of problems.warnings) console.warn(`!!   ${w}`);
	}
	if (broken.length > 0) {
		console.error(`\n!! BROKEN RUN: ${broken.length} problem(s); figures above are not valid:`);
		for (const b of broken) console.error(`!!   ${b}`);
		return 1;
	}
	return 0;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		console.error(`[bench] ${signal}: stopping servers and dropping bench databases`);
		void cleanUp().finally(() => process.exit(130));
	});
}

main()
	.then(async (code) => {
		await cleanUp();
		process.exit(code);
	})
	.catch(async (e: unknown) => {
		console.error('[bench] failed:', e);
		await cleanUp();
		process.exit(1);
	});
