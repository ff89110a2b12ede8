/** The bench's results: their shape (also the JSON file's), the stdout tables and the aims. */
import { AIMS, BARE_TARGET, NO_DB_TARGET, type Scale } from './config';
import { KIND_LABEL, type DatabaseKind } from './databases';
import type { CpuCost } from './cpu';
import type { JsWeight } from './js-weight';
import type { Measurement } from './load';
import { formatSignUpChecks, type SignUpCheck } from './sign-ups';

export interface TargetResult {
	target: string;
	/** As configured, with `{id}` placeholders (the same at every scale); null for the bare server. */
	path: string | null;
	/** The path requested, ids filled in. */
	resolvedPath?: string;
	measurement: Measurement;
	/** Null for the bare server. */
	js: JsWeight | null;
	/** Bytes of the page's HTML (uncompressed), as fetched before the load. */
	htmlBytes?: number;
	/**
	 * Server CPU time per request (cpu.ts): of the measured run, or the least of the rounds
	 * when BENCH_ROUNDS > 1. Null where it cannot be read.
	 */
	cpu?: CpuCost | null;
	/** Lines the server wrote to stderr during this target's runs (errors logged under load). */
	serverStderrLines: number;
	/** req/s of every measured round, in order, when BENCH_ROUNDS > 1; `measurement` is the best. */
	rounds?: number[];
	/** CPU ms per request of every round, in order, when BENCH_ROUNDS > 1. */
	cpuRounds?: (number | null)[];
}

export interface RunResult {
	database: DatabaseKind;
	/** "15.18" for PostgreSQL, the package version for PGlite. */
	databaseVersion: string;
	scale: Scale;
	where: string;
	setupSeconds: number;
	/** Row counts the data-set generators report. */
	counts: Record<string, number>;
	/** Ids the generators looked up for the targets' paths (the newest season's). */
	ids?: Record<string, string>;
	targets: TargetResult[];
	/** The seats of the events the sign-up targets posted to, checked afterwards. */
	signUpChecks?: SignUpCheck[];
	/** Set when the run broke before or while measuring. */
	error?: string;
}

export interface AimCheck {
	status: 'PASS' | 'MISS' | 'SKIP';
	aim: string;
	detail: string;
}

export interface BenchResults {
	startedAt: string;
	finishedAt: string;
	machine: {
		cpus: number;
		cpuModel: string;
		totalMemoryGb: number;
		node: string;
		platform: string;
		release: string;
		/** os.loadavg() before the first run: above about half the CPUs, others were busy. */
		loadAverageAtStart: number[];
	};
	settings: { seconds: number; warmupSeconds: number; connections: number; rounds: number };
	bare: TargetResult | null;
	runs: RunResult[];
	aims: AimCheck[];
	/** Why the run counts as broken (non-2xx, a server that did not start); empty when fine. */
	broken: string[];
	/** Valid figures worth a look: timeouts, errors the server logged under load. */
	warnings: string[];
}

const int = (n: number) => Math.round(n).toLocaleString('en');
const ratio = (n: number) => (n >= 0.1 ? n.toFixed(2) : n.toPrecision(2));

function table(header: string[], rows: string[][], rightAligned: boolean[]): string {
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
	const line = (cells: string[]) =>
		cells
			.map((c, i) => (rightAligned[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
			.join('  ')
			.trimEnd();
	return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function failure(m: Measurement): string {
	if (m.requests === 0 && m.non2xx === 0 && m.errors === m.timeouts) {
		return `FAILED: no request completed within the ${m.seconds} s run`;
	}
	const codes = Object.entries(m.statusCodes)
		.map(([code, n]) => `${code}×${n}`)
		.join(' ');
	return `FAILED: non-2xx ${m.non2xx}, connection errors ${m.errors - m.timeouts} (${codes || 'no answers'})`;
}

/** p99 as measured, or "≥10,000" when more than 1 % of the requests timed out (they are not in it). */
function p99(m: Measurement): string {
	return m.timeouts / (m.requests + m.timeouts) > 0.01 ? '≥10,000' : int(m.p99Ms);
}

function notes(t: TargetResult): string {
	const out: string[] = [];
	if (t.measurement.timeouts > 0) out.push(`${t.measurement.timeouts} timed out (>10 s)`);
	if (t.serverStderrLines > 0) out.push(`${t.serverStderrLines} stderr lines`);
	if (t.rounds) out.push(`rounds ${t.rounds.map(int).join(' / ')}`);
	if (t.cpuRounds?.some((c) => c !== null)) {
		out.push(`CPU ${t.cpuRounds.map((c) => (c === null ? '–' : c.toFixed(2))).join(' / ')}`);
	}
	return out.join(', ');
}

export function runTitle(run: RunResult): string {
	const { people, memberships, seasons, events, signUps } = run.counts;
	const data = [
		run.counts.currentMunicipalities !== undefined
			? `${int(run.counts.currentMunicipalities)} municipalities`
			: null,
		people !== undefined ? `${int(people)} people` : null,
		seasons !== undefined ? `${int(seasons)} seasons` : null,
		memberships !== undefined ? `${int(memberships)} + demo memberships` : null,
		events !== undefined ? `${int(events)} events` : null,
		signUps !== undefined ? `${int(signUps)} sign-ups` : null
	]
		.filter(Boolean)
		.join(', ');
	const version = run.databaseVersion ? ` ${run.databaseVersion}` : '';
	return `${KIND_LABEL[run.database]}${version}, scale "${run.scale.name}" (×${run.scale.factor}${data ? `: ${data}` : ''})`;
}

function find(run: RunResult, name: string): TargetResult | undefined {
	return run.targets.find((t) => t.target === name);
}

export function formatRun(run: RunResult, bare: TargetResult | null): string {
	const noDb = find(run, NO_DB_TARGET);
	const rows = run.targets.map((t) => {
		const m = t.measurement;
		const base = [t.target, t.path ?? ''];
		if (!m.ok) return [...base, '–', '–', '–', '–', '–', '–', '–', failure(m)];
		return [
			...base,
			int(m.reqPerSec),
			p99(m),
			noDb?.measurement.ok ? ratio(m.reqPerSec / noDb.measurement.reqPerSec) : '–',
			bare?.measurement.ok ? ratio(m.reqPerSec / bare.measurement.reqPerSec) : '–',
			cpuCell(t.cpu),
			t.js ? t.js.kbGzip.toFixed(1) : '–',
			t.htmlBytes !== undefined ? (t.htmlBytes / 1024).toFixed(1) : '–',
			notes(t)
		];
	});
	const out = [
		`== ${runTitle(run)}`,
		table(
			[
				'target',
				'path',
				'req/s',
				'p99 ms',
				'× no-DB',
				'× bare',
				'CPU ms/req',
				'JS KB gz',
				'HTML KB'
			],
			rows,
			[false, false, true, true, true, true, true, true, true]
		)
	];
	if (run.signUpChecks?.length) {
		out.push(
			'Seats after the sign-ups:',
			...formatSignUpChecks(run.signUpChecks).map((line) => `  ${line}`)
		);
	}
	if (run.error) out.push(`!! ${run.error}`);
	return out.join('\n');
}

export function formatBare(bare: TargetResult): string {
	const m = bare.measurement;
	return m.ok
		? `== ${BARE_TARGET}: ${int(m.reqPerSec)} req/s, p99 ${int(m.p99Ms)} ms`
		: `== ${BARE_TARGET}: ${failure(m)}`;
}

function cpuCell(cpu: CpuCost | null | undefined): string {
	if (!cpu) return '–';
	const total = cpu.msPerRequest.toFixed(2);
	return cpu.databaseMsPerRequest === null
		? total
		: `${total} (db ${cpu.databaseMsPerRequest.toFixed(2)})`;
}

/** Per-request cost (1 / req/s) at the full scale over the cost at the small one. */
export function costGrowth(full: Measurement, small: Measurement): number {
	return small.reqPerSec / full.reqPerSec;
}

/**
 * The growth the aim is checked on: server CPU ms per request, full over small, where both
 * were read (other work on the machine disturbs it far less); else the req/s ratio.
 */
export function aimGrowth(
	full: TargetResult,
	small: TargetResult
): { growth: number; by: 'CPU' | 'req/s' } {
	if (full.cpu && small.cpu && small.cpu.msPerRequest > 0) {
		return { growth: full.cpu.msPerRequest / small.cpu.msPerRequest, by: 'CPU' };
	}
	return { growth: costGrowth(full.measurement, small.measurement), by: 'req/s' };
}

export function formatScaling(runs: RunResult[]): string | null {
	const rows: string[][] = [];
	for (const kind of ['pglite', 'postgres'] as const) {
		const full = runs.find((r) => r.database === kind && r.scale.name === 'full');
		const small = runs.find((r) => r.database === kind && r.scale.name === 'small');
		if (!full || !small) continue;
		for (const t of full.targets) {
			const s = find(small, t.target);
			if (!s || !t.measurement.ok || !s.measurement.ok) continue;
			const { growth, by } = aimGrowth(t, s);
			rows.push([
				KIND_LABEL[kind],
				t.target,
				int(s.measurement.reqPerSec),
				int(t.measurement.reqPerSec),
				ratio(costGrowth(t.measurement, s.measurement)),
				s.cpu ? s.cpu.msPerRequest.toFixed(2) : '–',
				t.cpu ? t.cpu.msPerRequest.toFixed(2) : '–',
				by === 'CPU' ? ratio(growth) : '–',
				t.target === NO_DB_TARGET
					? '(control)'
					: `${growth <= AIMS.maxCostGrowth ? 'PASS' : 'MISS'}${by === 'CPU' ? '' : ' (req/s)'}`
			]);
		}
	}
	if (rows.length === 0) return null;
	return [
		`== Cost per request at 100× the data, full over small (aim ≤ ${AIMS.maxCostGrowth}×, on CPU ms/req where read)`,
		table(
			[
				'database',
				'target',
				'req/s small',
				'req/s full',
				'req/s ×',
				'CPU small',
				'CPU full',
				'CPU ×',
				'aim'
			],
			rows,
			[false, false, true, true, true, true, true, true, false]
		)
	].join('\n');
}

export function checkAims(runs: RunResult[]): AimCheck[] {
	const checks: AimCheck[] = [];
	const share = AIMS.registryShareOfNoDb;

	// 1. The registry on PostgreSQL, full scale: at least half the req/s of the page without database.
	const aim1 = `registry ≥ ${share}× the req/s of the no-DB page on PostgreSQL (full scale)`;
	const pgFull = runs.find((r) => r.database === 'postgres' && r.scale.name === 'full');
	const registry = pgFull && find(pgFull, 'registry');
	const noDb = pgFull && find(pgFull, NO_DB_TARGET);
	if (!pgFull) {
		const detail = runs.some((r) => r.database === 'postgres')
			? 'no full-scale PostgreSQL run'
			: 'no PostgreSQL run: set DATABASE_URL';
		checks.push({ status: 'SKIP', aim: aim1, detail });
	} else if (!registry?.measurement.ok || !noDb?.measurement.ok) {
		checks.push({ status: 'SKIP', aim: aim1, detail: 'a measurement failed' });
	} else {
		const got = registry.measurement.reqPerSec / noDb.measurement.reqPerSec;
		checks.push({
			status: got >= share ? 'PASS' : 'MISS',
			aim: aim1,
			detail: `${int(registry.measurement.reqPerSec)} / ${int(noDb.measurement.reqPerSec)} req/s = ${ratio(got)}×`
		});
	}

	// 2. JavaScript per page (the same build on every run: take the first figure of each page).
	const js = new Map<string, { path: string; kb: number }>();
	for (const run of runs) {
		for (const t of run.targets) {
			if (t.js && t.path && !js.has(t.target)) js.set(t.target, { path: t.path, kb: t.js.kbGzip });
		}
	}
	for (const [target, { path, kb }] of js) {
		checks.push({
			status: kb < AIMS.maxJsKbGzip ? 'PASS' : 'MISS',
			aim: `JavaScript < ${AIMS.maxJsKbGzip} KB gzipped on ${target} (${path})`,
			detail: `${kb.toFixed(1)} KB`
		});
	}

	// 3. Per-request cost at 100× the data.
	for (const kind of ['pglite', 'postgres'] as const) {
		const full = runs.find((r) => r.database === kind && r.scale.name === 'full');
		const small = runs.find((r) => r.database === kind && r.scale.name === 'small');
		if (!full || !small) continue;
		for (const t of full.targets) {
			const s = find(small, t.target);
			if (t.target === NO_DB_TARGET || !s || !t.measurement.ok || !s.measurement.ok) continue;
			const { growth, by } = aimGrowth(t, s);
			const rate = ratio(costGrowth(t.measurement, s.measurement));
			checks.push({
				status: growth <= AIMS.maxCostGrowth ? 'PASS' : 'MISS',
				aim: `${t.target} on ${KIND_LABEL[kind]} costs ≤ ${AIMS.maxCostGrowth}× per request at 100× the data`,
				detail:
					by === 'CPU'
						? `${ratio(growth)}× CPU ms/req (${t.cpu!.msPerRequest.toFixed(2)} / ${s.cpu!.msPerRequest.toFixed(2)}); req/s ${rate}×`
						: `${ratio(growth)}× by req/s (CPU time not read)`
			});
		}
	}
	return checks;
}

export function formatAims(checks: AimCheck[]): string {
	return ['== Aims', ...checks.map((c) => `${c.status.padEnd(4)}  ${c.aim}: ${c.detail}`)].join(
		'\n'
	);
}

/** PGlite's registry share, for information: the aim is set on PostgreSQL only. */
export function pgliteRegistryShare(runs: RunResult[]): string | null {
	const run = runs.find((r) => r.database === 'pglite' && r.scale.name === 'full');
	const registry = run && find(run, 'registry');
	const noDb = run && find(run, NO_DB_TARGET);
	if (!registry?.measurement.ok || !noDb?.measurement.ok) return null;
	return `info  registry on PGlite (full scale): ${ratio(registry.measurement.reqPerSec / noDb.measurement.reqPerSec)}× the no-DB page (the aim is set on PostgreSQL)`;
}
