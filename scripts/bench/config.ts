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
	/** Targets to measure (BENCH_TARGETS, comma-separated names, default all). */
	targets: PageTarget[];
	/** A PostgreSQL server to create the bench databases on (DATABASE_URL). */
	databaseUrl: string | null;
	/** Skip PGlite (BENCH_DATABASES=postgres, with DATABASE_URL): measure PostgreSQL alone. */
	postgresOnly: boolean;
	/**
	 * Keep the bench databases at the end (BENCH_KEEP=1) to look into them, for example with
	 * `psql` and EXPLAIN ANALYZE; the run prints where they are. Drop them by hand afterwards.
	 */
	keep: boolean;
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
			/**
			 * The path; `{name}` stands for an id that the data-set generators look up after
			 * filling (DataSetContext.ids), e.g. `/seasons/{newestSeason}`.
			 */
			path: string;
			/** Requests carry the demo coordinator's session cookie. */
			signIn: boolean;
			/** Whether the page reads the database; the page without is the baseline for ratios. */
			database: boolean;
			/** What the page reads, for the reader (docs/benchmarks.md has the same in its table). */
			reads: string;
	  };

export type PageTarget = Extract<Target, { kind: 'page' }>;

/** The baseline of the "× no-DB" column. */
export const NO_DB_TARGET = 'no-DB page';
export const BARE_TARGET = 'bare node:http';

/** Vaala: a member in every season (the demo's 7 and the generated 8–17). */
export const FOCUS_MUNICIPALITY = '785';

/**
 * What is measured on each app server, in this order. A page that needs data adds a
 * generator in datasets.ts.
 */
export const PAGE_TARGETS: PageTarget[] = [
	{
		name: NO_DB_TARGET,
		kind: 'page',
		path: '/signin',
		signIn: false,
		database: false,
		reads: 'nothing: a SvelteKit page (layout, i18n, SSR) without any query'
	},
	{
		name: 'registry',
		kind: 'page',
		path: '/registry',
		signIn: true,
		database: true,
		reads: 'session; 50 municipalities with their total; filter choices (cached 60 s)'
	},
	{
		name: 'registry entry',
		kind: 'page',
		path: `/registry/${FOCUS_MUNICIPALITY}`,
		signIn: true,
		database: true,
		reads: 'session; one municipality by code'
	},
	{
		name: 'season members',
		kind: 'page',
		path: '/seasons/{newestSeason}',
		signIn: true,
		database: true,
		reads: 'session; season with network, focus areas, fee tiers; member count; 50 members by name'
	},
	{
		name: 'municipality page',
		kind: 'page',
		path: `/municipalities/${FOCUS_MUNICIPALITY}`,
		signIn: true,
		database: true,
		reads: "session; municipality; its memberships over seasons (Vaala's 11)"
	},
	{
		name: 'municipality people',
		kind: 'page',
		path: `/municipalities/${FOCUS_MUNICIPALITY}/people`,
		signIn: true,
		database: true,
		reads: 'session; municipality; people count; 50 people by name'
	}
];

/** A target's path with the generated ids filled in. */
export function resolvePath(path: string, ids: Record<string, string>): string {
	return path.replace(/\{(\w+)\}/g, (_, name: string) => {
		const id = ids[name];
		if (!id) throw new Error(`${path}: no id "${name}" from the data-set generators`);
		return encodeURIComponent(id);
	});
}

export const BARE: Target = { name: BARE_TARGET, kind: 'bare' };

/** The demo accounts the app creates on its first start with DEMO=1 (seed-demo.ts). */
export const DEMO_COORDINATOR = { email: 'koordinaattori@example.fi', password: 'verkosto-demo' };

export const AIMS = {
	/** The registry serves at least this share of the no-database page's req/s on PostgreSQL. */
	registryShareOfNoDb: 0.5,
	/** Gzipped JavaScript a page loads, in KB (1024 bytes). */
	maxJsKbGzip: 40,
	/** Per-request cost at the full scale over the cost at 1/100 of the data. */
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
	const wantedTargets = process.env.BENCH_TARGETS?.trim();
	let targets = PAGE_TARGETS;
	if (wantedTargets) {
		const names = wantedTargets.split(',').map((s) => s.trim());
		const unknown = names.filter((n) => !PAGE_TARGETS.some((t) => t.name === n));
		if (unknown.length > 0) {
			throw new Error(
				`BENCH_TARGETS: unknown ${unknown.join(', ')}; choose from ${PAGE_TARGETS.map((t) => t.name).join(', ')}`
			);
		}
		// the no-DB page stays: it is the baseline of the ratios
		targets = PAGE_TARGETS.filter((t) => t.name === NO_DB_TARGET || names.includes(t.name));
	}
	const databaseUrl = process.env.DATABASE_URL?.trim() || null;
	if (databaseUrl && !/^postgres(ql)?:\/\/.+/.test(databaseUrl)) {
		throw new Error(
			'DATABASE_URL must be a PostgreSQL URL such as postgres://user:pass@host:5432/db'
		);
	}
	const databases = process.env.BENCH_DATABASES?.trim().toLowerCase() || 'all';
	if (!['all', 'postgres'].includes(databases)) {
		throw new Error(`BENCH_DATABASES=${JSON.stringify(databases)}: use all (default) or postgres`);
	}
	if (databases === 'postgres' && !databaseUrl) {
		throw new Error('BENCH_DATABASES=postgres needs DATABASE_URL');
	}
	return {
		postgresOnly: databases === 'postgres',
		seconds: positive('BENCH_SECONDS', 10),
		warmupSeconds: 2,
		rounds: Math.round(positive('BENCH_ROUNDS', 1)),
		connections: Math.round(positive('BENCH_CONNECTIONS', 50)),
		scales,
		targets,
		databaseUrl,
		keep: ['1', 'true', 'yes'].includes(process.env.BENCH_KEEP?.trim().toLowerCase() ?? ''),
		resultsDir: 'bench-results'
	};
}
