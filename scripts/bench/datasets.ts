/**
 * The scale data set, as a list of generators. Each fills a database that the built app has
 * already migrated and loaded (registry, demo accounts) and returns what it counts, for the
 * report. Generators run in order, through Drizzle, on PGlite and PostgreSQL alike.
 *
 * To add one (the next issue: 10 seasons of memberships of the 308 municipalities), append a
 * DataSet whose `fill` inserts with `insert … select … from generate_series(…)` in batches and
 * scales its row count by `ctx.scale` where the data grows with use.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client';

export interface DataSetContext {
	db: Db;
	/** 1 for the full data set, 0.01 for 1/100 of it. */
	scale: number;
	log: (message: string) => void;
}

export interface DataSet {
	name: string;
	/** What the generator makes at a scale, for the report. */
	describe(scale: number): string;
	/** Fills the database; returns row counts by name. */
	fill(ctx: DataSetContext): Promise<Record<string, number>>;
}

/** Rows per INSERT statement: large enough to be quick, small enough for PGlite's memory. */
const BATCH = 5000;

/** Full-scale sizes; generators multiply them by the scale. */
export const FULL_SCALE = {
	people: 30_000
} as const;

async function countOf(db: Db, query: ReturnType<typeof sql>): Promise<number> {
	const result = await db.execute<{ n: number | string }>(query);
	// node-postgres returns { rows }, PGlite returns { rows } too; Drizzle passes them through
	const rows = (result as unknown as { rows: { n: number | string }[] }).rows;
	return Number(rows[0]?.n ?? 0);
}

/** The municipality registry: always all of it, whatever the scale (the app loads it). */
const registry: DataSet = {
	name: 'registry',
	describe: () => 'all municipalities of data/ (308 current), loaded by the app on its first start',
	async fill({ db }) {
		const current = await countOf(
			db,
			sql`select count(*) as n from municipalities where abolished_on is null`
		);
		const all = await countOf(db, sql`select count(*) as n from municipalities`);
		if (current < 300) {
			throw new Error(
				`The registry holds ${current} current municipalities; expected all of data/ (308). ` +
					'Did the app load data/ on its first start?'
			);
		}
		return { municipalities: all, currentMunicipalities: current };
	}
};

const FIRST_NAMES = (
	'Aino Eino Helmi Väinö Lilja Onni Sofia Leo Ella Oliver ' +
	'Aada Elias Venla Toivo Iida Eetu Siiri Matias Kerttu Juho'
).split(' ');
const LAST_NAMES = (
	'Korhonen Virtanen Mäkinen Nieminen Mäkelä Hämäläinen Laine Heikkinen Koskinen Järvinen ' +
	'Lehtonen Lehtinen Saarinen Salminen Heinonen Niemi Heikkilä Kinnunen Salonen Turunen Salo'
).split(' ');

function textArray(values: string[]): string {
	return `array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]::text[]`;
}

/**
 * People: fictional users (bench-person-NNNNNN@example.fi, no password) each with a
 * participant role in a municipality picked by a hash of the address (spread evenly, the
 * same on every run).
 */
const people: DataSet = {
	name: 'people',
	describe: (scale) =>
		`${Math.round(FULL_SCALE.people * scale).toLocaleString('en')} users with a participant role in a municipality`,
	async fill({ db, scale, log }) {
		const total = Math.round(FULL_SCALE.people * scale);
		const first = textArray(FIRST_NAMES);
		const last = textArray(LAST_NAMES);
		for (let from = 1; from <= total; from += BATCH) {
			const to = Math.min(total, from + BATCH - 1);
			await db.execute(
				sql.raw(`
					with codes as (
						select array_agg(code order by code) as c, count(*)::int as n
						from municipalities where abolished_on is null
					),
					added as (
						insert into users (email, name, locale)
						select 'bench-person-' || lpad(i::text, 6, '0') || '@example.fi',
							(${first})[1 + i % ${FIRST_NAMES.length}] || ' ' ||
								(${last})[1 + (i / ${FIRST_NAMES.length}) % ${LAST_NAMES.length}],
							'fi'
						from generate_series(${from}, ${to}) as i
						returning id, email
					)
					insert into role_assignments (user_id, role, municipality_code)
					select added.id, 'participant'::role,
						codes.c[1 + ((hashtext(added.email)::bigint % codes.n) + codes.n) % codes.n]
					from added, codes
				`)
			);
			if (to === total || (to / BATCH) % 2 === 0) log(`people: ${to}/${total}`);
		}
		const users = await countOf(
			db,
			sql`select count(*) as n from users where email like 'bench-person-%'`
		);
		const roles = await countOf(
			db,
			sql`select count(*) as n from role_assignments where role = 'participant'`
		);
		return { people: users, participantRoles: roles };
	}
};

/** Run in this order. The next issue appends seasons and memberships here. */
export const DATASETS: DataSet[] = [registry, people];

/** Runs every generator, then refreshes the planner's statistics. */
export async function fillDatabase(
	db: Db,
	scale: number,
	log: (message: string) => void
): Promise<Record<string, number>> {
	const counts: Record<string, number> = {};
	for (const dataset of DATASETS) {
		const started = performance.now();
		Object.assign(counts, await dataset.fill({ db, scale, log }));
		log(
			`${dataset.name}: ${dataset.describe(scale)} (${Math.round(performance.now() - started)} ms)`
		);
	}
	await db.execute(sql`analyze`);
	return counts;
}
