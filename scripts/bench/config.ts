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
	targets: MeasuredTarget[];
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

/**
 * Whose session a page's requests carry: nobody's, the demo coordinator's, a contact person's or
 * the demo expert's.
 */
export type SessionOf = null | 'coordinator' | 'contact person' | 'expert';

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
			/** Whose session cookie the requests carry. */
			session: SessionOf;
			/** Whether the page reads the database; the page without is the baseline for ratios. */
			database: boolean;
			/** What the page reads, for the reader (docs/benchmarks.md has the same in its table). */
			reads: string;
	  }
	| {
			name: string;
			/**
			 * The signUp form action of event pages, posted as a browser without JavaScript does
			 * (form encoding, Origin), once by each of the contenders (SIGN_UPS.contenders), each
			 * with a session of their own, BENCH_CONNECTIONS at a time: a fixed number of requests,
			 * not a timed run, since a person signs up for an event once.
			 */
			kind: 'sign-up';
			/**
			 * `one`: all to one event (a fresh one each round), which the event row's lock
			 * serialises; `spread`: over SIGN_UPS.spreadEvents events, which should not wait for
			 * each other.
			 */
			events: 'one' | 'spread';
			path: string;
			reads: string;
	  };

export type PageTarget = Extract<Target, { kind: 'page' }>;
export type SignUpTarget = Extract<Target, { kind: 'sign-up' }>;
/** What the bench measures on the app servers. */
export type MeasuredTarget = PageTarget | SignUpTarget;

/** The baseline of the "× no-DB" column. */
export const NO_DB_TARGET = 'no-DB page';
export const BARE_TARGET = 'bare node:http';

/** Vaala: a member in every season (the demo's 7 and 8 and the generated 9–18). */
export const FOCUS_MUNICIPALITY = '785';

/**
 * The sign-up targets (datasets.ts makes their events and people the same at every scale):
 * `contenders` people of Kajaani, each with a session, sign up for one event of `capacity` seats
 * on site (a fresh one per round, up to `rounds`), or spread over `spreadEvents` events. Before
 * a server's first sign-up run, `warmUp` of them sign up for an event of their own, unmeasured.
 */
export const SIGN_UPS = {
	municipality: '205',
	contenders: 200,
	capacity: 50,
	rounds: 3,
	spreadEvents: 20,
	spreadCapacity: 25,
	warmUp: 20
} as const;

/**
 * What is measured on each app server, in this order. A page that needs data adds a
 * generator in datasets.ts.
 */
export const PAGE_TARGETS: PageTarget[] = [
	{
		name: NO_DB_TARGET,
		kind: 'page',
		path: '/signin',
		session: null,
		database: false,
		reads: 'nothing: a SvelteKit page (layout, i18n, SSR) without any query'
	},
	{
		name: 'registry',
		kind: 'page',
		path: '/registry',
		session: 'coordinator',
		database: true,
		reads: 'session; 50 municipalities with their total; filter choices (cached 60 s)'
	},
	{
		name: 'registry entry',
		kind: 'page',
		path: `/registry/${FOCUS_MUNICIPALITY}`,
		session: 'coordinator',
		database: true,
		reads: 'session; one municipality by code'
	},
	{
		name: 'season page',
		kind: 'page',
		path: '/seasons/{newestSeason}',
		session: 'coordinator',
		database: true,
		reads:
			'session; season with network, focus areas, fee tiers; member count; 50 members by name; programme counted by type'
	},
	{
		name: 'municipality page',
		kind: 'page',
		path: `/municipalities/${FOCUS_MUNICIPALITY}`,
		session: 'coordinator',
		database: true,
		reads: "session; municipality; its memberships over seasons (Vaala's 11)"
	},
	{
		name: 'municipality people',
		kind: 'page',
		path: `/municipalities/${FOCUS_MUNICIPALITY}/people`,
		session: 'coordinator',
		database: true,
		reads: 'session; municipality; people count; 50 people by name'
	},
	{
		name: 'season events',
		kind: 'page',
		path: '/seasons/{newestSeason}/events',
		session: 'coordinator',
		database: true,
		reads:
			"session; season; the season's event count; 25 events by time, each with its waiting count"
	},
	{
		name: 'event page',
		kind: 'page',
		path: '/events/{eventPage}',
		session: 'coordinator',
		database: true,
		reads:
			'session; event with season, network; focus areas ‖ waiting counts ‖ own sign-up; own facts'
	},
	{
		name: 'event page as contact',
		kind: 'page',
		path: '/events/{eventPage}',
		session: 'contact person',
		database: true,
		reads:
			"as the event page, and the membership; the municipality's people count, 50 people, their facts ‖ the event's seats ‖ their sign-ups"
	},
	{
		name: 'season workshops',
		kind: 'page',
		path: '/seasons/{newestSeason}/workshops',
		session: 'coordinator',
		database: true,
		reads:
			"session; season; active members' count and a page of them by name with their ledgers (one grouped query) ‖ the season's proposals, a page"
	},
	{
		name: 'analysis results',
		kind: 'page',
		path: `/municipalities/${FOCUS_MUNICIPALITY}/analysis/{focusAnalysis}/results`,
		session: 'coordinator',
		database: true,
		reads:
			"session; the analysis with membership, season, municipality; the version (4 reads); its own respondents' section scores; the network's and the size classes' distributions (one aggregate query over one means row per member and section)"
	},
	{
		name: 'analysis overview',
		kind: 'page',
		path: '/seasons/{newestSeason}/analysis/overview',
		session: 'coordinator',
		database: true,
		reads:
			'session; season; response rates (a page of members); section distributions across members by size class and region (one aggregate query over the means rows)'
	},
	{
		name: 'expert assignments',
		kind: 'page',
		path: '/workshops',
		session: 'expert',
		database: true,
		reads: "session; the expert's workshops ahead or to record, and those done: a page of each"
	},
	{
		name: 'invoices',
		kind: 'page',
		path: '/billing/invoices',
		session: 'coordinator',
		database: true,
		reads: "session; the network's seasons ‖ its newest 50 invoices by key (no count)"
	},
	{
		name: 'municipality invoices',
		kind: 'page',
		path: '/municipalities/785/invoices',
		session: 'contact person',
		database: true,
		reads: "session; the municipality; its invoices' count and the newest 50"
	},
	{
		name: 'billing reports',
		kind: 'page',
		path: '/billing/reports',
		session: 'coordinator',
		database: true,
		reads:
			'session; the season totals kept by trigger, counted and a page ‖ open receivables by age: a summary and a page grouped per member over the unpaid invoices (invoices_open)'
	}
];

/** The sign-up targets, measured after the pages (they add sign-ups). */
export const SIGN_UP_TARGETS: SignUpTarget[] = [
	{
		name: 'sign-up one event',
		kind: 'sign-up',
		events: 'one',
		path: 'POST /events/{contention<round>}?/signUp',
		reads:
			'session; the event page; under the event row lock: facts, existing sign-up, seats, insert, recount, audit, notice job; the event page again'
	},
	{
		name: 'sign-up spread',
		kind: 'sign-up',
		events: 'spread',
		path: 'POST /events/{spread<n>}?/signUp',
		reads: `as sign-up one event; over ${SIGN_UPS.spreadEvents} events, 10 a round each`
	}
];

/** Every target but the bare server, in the order measured. */
export const ALL_TARGETS: MeasuredTarget[] = [...PAGE_TARGETS, ...SIGN_UP_TARGETS];

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
/** Vaala's contact person in the demo: the event page lists Vaala's people to them. */
export const DEMO_CONTACT_PERSON = {
	email: `yhteys-${FOCUS_MUNICIPALITY}@example.fi`,
	password: 'verkosto-demo'
};

/** The demo's expert (Antti): the assignment list is theirs. */
export const DEMO_EXPERT = { email: 'asiantuntija@example.fi', password: 'verkosto-demo' };

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
	let targets = ALL_TARGETS;
	if (wantedTargets) {
		const names = wantedTargets.split(',').map((s) => s.trim());
		const unknown = names.filter((n) => !ALL_TARGETS.some((t) => t.name === n));
		if (unknown.length > 0) {
			throw new Error(
				`BENCH_TARGETS: unknown ${unknown.join(', ')}; choose from ${ALL_TARGETS.map((t) => t.name).join(', ')}`
			);
		}
		// the no-DB page stays: it is the baseline of the ratios
		targets = ALL_TARGETS.filter((t) => t.name === NO_DB_TARGET || names.includes(t.name));
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
