/**
 * What `npm run bench` measures: the settings read from the environment, the pages (targets),
 * the data-set scales and the aims the report checks.
 */

export interface Settings {
	/** Seconds of each measured run (BENCH_SECONDS, default 10). */
	seconds: number;
	/** Seconds of the warm-up run before each measured run; its figures are thrown away. */
	warmupSeconds: number;
	/**
	 * Measured runs per target (BENCH_ROUNDS, default 1). With more, the scales take turns and
	 * the report keeps each target's best run: on a machine shared with other work, the best run
	 * is the one least disturbed. Every round is kept in the JSON.
	 */
	rounds: number;
	/** Concurrent connections of autocannon (BENCH_CONNECTIONS, default 50 as in STACK.md). */
	connections: number;
	/** Scales to run (BENCH_SCALES, comma-separated names, default all). */
	scales: Scale[];
	/** A PostgreSQL server to create the bench databases on (DATABASE_URL); PGlite always runs. */
	databaseUrl: string | null;
	/** Where the JSON results go. */
	resultsDir: string;
}

export interface Scale {
	/** Short name used in tables, database names and BENCH_SCALES. */
	name: string;
	/** Multiplies the size of every scalable data set (1 = the full scale data set). */
	factor: number;
}

/** The full scale data set and 1/100 of it: the report compares the cost per request. */
export const SCALES: Scale[] = [
	{ name: 'full', factor: 1 },
	{ name: 'small', factor: 0.01 }
];

export type Target =
	| { name: string; kind: 'bare' }
	| {
			name: string;
			kind: 'page';
			path: string;
			/** Requests carry the demo coordinator's session cookie. */
			signIn: boolean;
			/** Whether the page reads the database; the page without is the baseline for ratios. */
			database: boolean;
	  };

/** The baseline of the "× no-DB" column. */
export const NO_DB_TARGET = 'no-DB page';
export const BARE_TARGET = 'bare node:http';

/**
 * What is measured on each app server, in this order. Add the next pages (for example a
 * season's members page) here; a page that needs data adds a generator in datasets.ts.
 */
export const PAGE_TARGETS: Extract<Target, { kind: 'page' }>[] = [
	{ name: NO_DB_TARGET, kind: 'page', path: '/signin', signIn: false, database: false },
	{ name: 'registry', kind: 'page', path: '/registry', signIn: true, database: true },
	{ name: 'municipality', kind: 'page', path: '/registry/785', signIn: true, database: true }
];

export const BARE: Target = { name: BARE_TARGET, kind: 'bare' };

/** The demo accounts the app creates on its first start with DEMO=1 (seed-demo.ts). */
export const DEMO_COORDINATOR = { email: 'koordinaattori@example.fi', password: 'verkosto-demo' };

export const AIMS = {
	/** The registry serves at least this share of the no-database page's req/s on PostgreSQL. */
	registryShareOfNoDb: 0.5,
	/** Gzipped JavaScript a page loads, in KB (1024 bytes). */
	maxJsKbGzip: 40,
	/** Per-request cost at the full scale over the cost at 1/100 of the data (next issue's aim). */
	maxCostGrowth: 1.25
} as const;

function positive(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isFinite(value) || value <= 0) {
		throw new Error(`${name}=${JSON.stringify(raw)}: must be a positive number`);
	}
	return value;
}

export function readSettings(): Settings {
	const wanted = process.env.BENCH_SCALES?.trim();
	let scales = SCALES;
	if (wanted) {
		const names = wanted.split(',').map((s) => s.trim());
		const unknown = names.filter((n) => !SCALES.some((s) => s.name === n));
		if (unknown.length > 0) {
			throw new Error(
				`BENCH_SCALES: unknown ${unknown.join(', ')}; choose from ${SCALES.map((s) => s.name).join(', ')}`
			);
		}
		scales = SCALES.filter((s) => names.includes(s.name));
	}
	const databaseUrl = process.env.DATABASE_URL?.trim() || null;
	if (databaseUrl && !/^postgres(ql)?:\/\/.+/.test(databaseUrl)) {
		throw new Error(
			'DATABASE_URL must be a PostgreSQL URL such as postgres://user:pass@host:5432/db'
		);
	}
	return {
		seconds: positive('BENCH_SECONDS', 10),
		warmupSeconds: 2,
		rounds: Math.round(positive('BENCH_ROUNDS', 1)),
		connections: Math.round(positive('BENCH_CONNECTIONS', 50)),
		scales,
		databaseUrl,
		resultsDir: 'bench-results'
	};
}
