/**
 * The scale data set, as a list of generators. Each fills a database that the built app has
 * already migrated and loaded (registry, demo accounts, the USO network and its season 7) and
 * returns what it counts, for the report. Generators run in order, through Drizzle, on PGlite
 * and PostgreSQL alike, with `insert … select … from generate_series(…)` in batches.
 *
 * What grows with the scale is everything the measured pages do not show. What a page shows
 * is the same at every scale, so that the cost ratio full/small measures what the size of the
 * data costs, not a page with more rows on it: Vaala (785) has its ~100 people and its
 * memberships in all 11 seasons at every scale, and the newest season at least a full page
 * (50) of members, the same 50 first by name as at the full scale.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client';
import { FOCUS_MUNICIPALITY } from './config';

export interface DataSetContext {
	db: Db;
	/** 1 for the full data set, 0.01 for 1/100 of it. */
	scale: number;
	log: (message: string) => void;
	/** Ids that generators look up for the targets' paths (`{newestSeason}`); they add to it. */
	ids: Record<string, string>;
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

/** Full-scale sizes; generators multiply them by the scale where the data grows with use. */
export const FULL_SCALE = {
	people: 30_000,
	/** Seasons 8–17 of USO, after the demo's 7 (2023–2024): two years each, 2025–2044. */
	firstSeason: 8,
	seasons: 10,
	/** Every current municipality is a member of every generated season. */
	membersPerSeason: 308
} as const;

/** A page of the season members list (MEMBERS_PAGE_SIZE of season-queries.ts). */
const MEMBERS_PAGE = 50;

const LAST_SEASON = FULL_SCALE.firstSeason + FULL_SCALE.seasons - 1;

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

/** Job titles with the positions that go with them (1–2 each). */
const TITLES: [string, string][] = [
	['kunnanjohtaja', 'municipal_manager,management_team_member'],
	['kunnanhallituksen jäsen', 'board_member'],
	['kunnanvaltuutettu', 'council_member'],
	['kehittämispäällikkö', 'developer,management_team_member'],
	['kunnanvaltuuston puheenjohtaja', 'council_chair'],
	['sivistysjohtaja', 'management_team_member'],
	['kehittäjä', 'developer'],
	['kunnanhallituksen puheenjohtaja', 'board_chair'],
	['valtuuston varapuheenjohtaja', 'council_vice_chair,council_member'],
	['talousjohtaja', 'management_team_member,other']
];

/**
 * People: fictional users (bench-person-NNNNNN@example.fi, no password), each in a
 * municipality (`municipality_code`) with a title and 1–2 positions, and a role there. Vaala
 * gets its full-scale share (30,000 / 308 ≈ 97) at every scale, as persons 1–97, so that its
 * people page lists the same people at every scale; the rest go round-robin over the other
 * current municipalities. The first person of each municipality is its contact person
 * (position and role contact_person; the memberships name them), the others participants.
 */
const people: DataSet = {
	name: 'people',
	describe: (scale) =>
		`${Math.round(FULL_SCALE.people * scale).toLocaleString('en')} users in municipalities, ` +
		`${FOCUS_MUNICIPALITY} with its full-scale share at every scale; the first of each municipality its contact person`,
	async fill({ db, scale, log }) {
		const total = Math.round(FULL_SCALE.people * scale);
		const current = await countOf(
			db,
			sql`select count(*) as n from municipalities where abolished_on is null`
		);
		const focus = Math.min(total, Math.round(FULL_SCALE.people / current));
		const first = textArray(FIRST_NAMES);
		const last = textArray(LAST_NAMES);
		const titles = textArray(TITLES.map(([t]) => t));
		const positions = textArray(TITLES.map(([, p]) => `{${p}}`));
		for (let from = 1; from <= total; from += BATCH) {
			const to = Math.min(total, from + BATCH - 1);
			await db.execute(
				sql.raw(`
					with codes as (
						select array_agg(code order by code) as c, count(*)::int as n
						from municipalities
						where abolished_on is null and code <> '${FOCUS_MUNICIPALITY}'
					),
					numbered as (
						select i,
							case when i <= ${focus} then '${FOCUS_MUNICIPALITY}'
								else codes.c[1 + (i - ${focus} - 1) % codes.n] end as code,
							i = 1 or (i > ${focus} and i <= ${focus} + codes.n) as contact
						from generate_series(${from}, ${to}) as i, codes
					),
					added as (
						insert into users (email, name, locale, municipality_code, title, positions)
						select 'bench-person-' || lpad(i::text, 6, '0') || '@example.fi',
							(${first})[1 + i % ${FIRST_NAMES.length}] || ' ' ||
								(${last})[1 + (i / ${FIRST_NAMES.length}) % ${LAST_NAMES.length}],
							'fi',
							code,
							case when contact then 'hallintojohtaja'
								else (${titles})[1 + i % ${TITLES.length}] end,
							(case when contact then '{administrative_director,contact_person}'
								else (${positions})[1 + i % ${TITLES.length}] end)::person_position[]
						from numbered
						returning id, municipality_code, positions
					)
					insert into role_assignments (user_id, role, municipality_code)
					select id,
						(case when 'contact_person' = any(positions) then 'contact_person'
							else 'participant' end)::role,
						municipality_code
					from added
				`)
			);
			if (to === total || (to / BATCH) % 2 === 0) log(`people: ${to}/${total}`);
		}
		const bench = sql`email like 'bench-person-%'`;
		return {
			people: await countOf(db, sql`select count(*) as n from users where ${bench}`),
			contactPersons: await countOf(
				db,
				sql`select count(*) as n from users where ${bench} and 'contact_person' = any(positions)`
			),
			focusPeople: await countOf(
				db,
				sql`select count(*) as n from users
					where municipality_code = ${FOCUS_MUNICIPALITY} and erased_at is null`
			)
		};
	}
};

/** The USO network that the demo created (DEMO=1 on the first start). */
const USO = `(select id from networks where slug = 'uso')`;

/**
 * Seasons 8–17 of USO (2025–2026 … 2043–2044), with three focus areas each: the same at every
 * scale (a network has a season every year or two). The newest is the season members target.
 */
const seasons: DataSet = {
	name: 'seasons',
	describe: () =>
		`${FULL_SCALE.seasons} seasons of USO (${FULL_SCALE.firstSeason}–${LAST_SEASON}), 3 focus areas each`,
	async fill({ db, ids }) {
		if (
			(await countOf(db, sql.raw(`select count(*) as n from networks where slug = 'uso'`))) !== 1
		) {
			throw new Error('No USO network: did the app load the demo (DEMO=1) on its first start?');
		}
		await db.execute(
			sql.raw(`
				insert into seasons (network_id, number, starts_on, ends_on,
					lead_theme_fi, lead_theme_sv, lead_theme_en,
					description_fi, description_sv, description_en, seminars, work_seminars)
				select ${USO}, n,
					make_date(2025 + 2 * (n - ${FULL_SCALE.firstSeason}), 1, 1),
					make_date(2026 + 2 * (n - ${FULL_SCALE.firstSeason}), 12, 31),
					'Kausi ' || n || ': kuntien uudistuva johtaminen',
					'Period ' || n || ': ledarskap i kommuner som förnyas',
					'Season ' || n || ': leadership of renewing municipalities',
					'Kauden ' || n || ' kuvaus.', 'Beskrivning av period ' || n || '.',
					'Description of season ' || n || '.',
					4, 4
				from generate_series(${FULL_SCALE.firstSeason}, ${LAST_SEASON}) as n
			`)
		);
		await db.execute(
			sql.raw(`
				insert into season_focus_areas (season_id, position, text_fi, text_sv, text_en)
				select s.id, p, 'Painopiste ' || p, 'Fokusområde ' || p, 'Focus area ' || p
				from seasons s, generate_series(1, 3) as p
				where s.network_id = ${USO}
					and s.number between ${FULL_SCALE.firstSeason} and ${LAST_SEASON}
			`)
		);
		const result = await db.execute(
			sql.raw(`select id from seasons where network_id = ${USO} and number = ${LAST_SEASON}`)
		);
		const newest = (result as unknown as { rows: { id: string }[] }).rows[0]?.id;
		if (!newest) throw new Error(`season ${LAST_SEASON} was not created`);
		ids.newestSeason = newest;
		return {
			seasons: await countOf(
				db,
				sql.raw(`select count(*) as n from seasons where network_id = ${USO}`)
			)
		};
	}
};

/**
 * Memberships of the generated seasons. At the full scale every current municipality in every
 * season (308 × 10 = 3,080). Below it, in each season the first round(308 × scale)
 * municipalities by Finnish name (3 at 1/100), Vaala in every season, and the newest season
 * filled to a full page of members (the 50 first by name, as on the full scale's first page):
 * 87 memberships at 1/100. States are mixed by a hash of code and season: 60 % active, 15 %
 * decided, 10 % invited, 10 % declined, 5 % withdrawn; decided and active ones name the
 * municipality's contact person (where it has people) and have an approved decision.
 */
const membershipsData: DataSet = {
	name: 'memberships',
	describe: (scale) =>
		scale >= 1
			? `every current municipality in each of the ${FULL_SCALE.seasons} seasons, a decision for each decided/active one`
			: `${Math.round(FULL_SCALE.membersPerSeason * scale)} municipalities per season, ${FOCUS_MUNICIPALITY} in each, ` +
				`the newest season filled to ${MEMBERS_PAGE}; a decision for each decided/active one`,
	async fill({ db, scale, log }) {
		const perSeason = scale >= 1 ? 100_000 : Math.round(FULL_SCALE.membersPerSeason * scale);
		// one season per statement: at most 308 rows each
		for (let n = FULL_SCALE.firstSeason; n <= LAST_SEASON; n++) {
			await db.execute(
				sql.raw(`
					with ranked as (
						select code, row_number() over (order by name_fi, code) as r
						from municipalities where abolished_on is null
					),
					contacts as (
						select distinct on (municipality_code) municipality_code, id
						from users
						where email like 'bench-person-%' and 'contact_person' = any(positions)
						order by municipality_code, email
					),
					picked as (
						select s.id as season_id, s.starts_on, m.code,
							((hashtext(m.code || ':' || s.number) % 20) + 20) % 20 as h
						from seasons s, ranked m
						where s.network_id = ${USO} and s.number = ${n}
							and (m.r <= ${perSeason} or m.code = '${FOCUS_MUNICIPALITY}'
								or (s.number = ${LAST_SEASON} and m.r <= ${MEMBERS_PAGE}))
					),
					stated as (
						select picked.*,
							(case when h < 12 then 'active' when h < 15 then 'decided'
								when h < 17 then 'invited' when h < 19 then 'declined'
								else 'withdrawn' end)::membership_state as state
						from picked
					)
					insert into memberships (season_id, municipality_code, state, contact_person_id,
						on_site_groups, invited_at, state_changed_at)
					select season_id, code, state,
						case when state in ('decided', 'active') then contacts.id end,
						(case when state in ('decided', 'active') then '{board,management_team}'
							else '{}' end)::attendance_group[],
						(starts_on - 90)::timestamptz,
						(starts_on - 30)::timestamptz
					from stated left join contacts on contacts.municipality_code = stated.code
				`)
			);
		}
		log(`memberships: seasons ${FULL_SCALE.firstSeason}–${LAST_SEASON} filled`);
		await db.execute(
			sql.raw(`
				insert into membership_decisions (membership_id, body, meeting_date, section,
					presenter_title, proposal, decision, outcome)
				select ms.id, 'kunnanhallitus', s.starts_on - 45,
					'§ ' || (1 + ((hashtext(ms.id::text) % 80) + 80) % 80),
					'kunnanjohtaja',
					'Osallistuminen Uuden sukupolven organisaatiot (USO) -verkoston ' || s.number ||
						'. kaudelle ' || extract(year from s.starts_on) || '–' ||
						extract(year from s.ends_on) || '.',
					'Hyväksyttiin.', 'approved'
				from memberships ms join seasons s on s.id = ms.season_id
				where s.network_id = ${USO}
					and s.number between ${FULL_SCALE.firstSeason} and ${LAST_SEASON}
					and ms.state in ('decided', 'active')
			`)
		);
		const generated = `season_id in (select id from seasons where network_id = ${USO}
			and number between ${FULL_SCALE.firstSeason} and ${LAST_SEASON})`;
		return {
			memberships: await countOf(
				db,
				sql.raw(`select count(*) as n from memberships where ${generated}`)
			),
			allMemberships: await countOf(db, sql`select count(*) as n from memberships`),
			decisions: await countOf(db, sql`select count(*) as n from membership_decisions`),
			newestSeasonMembers: await countOf(
				db,
				sql.raw(`select count(*) as n from memberships
					where season_id = (select id from seasons where network_id = ${USO} and number = ${LAST_SEASON})`)
			),
			focusMemberships: await countOf(
				db,
				sql.raw(
					`select count(*) as n from memberships where municipality_code = '${FOCUS_MUNICIPALITY}'`
				)
			)
		};
	}
};

/** Run in this order: memberships name people as contact persons. */
export const DATASETS: DataSet[] = [registry, people, seasons, membershipsData];

/** Runs every generator, then refreshes the planner's statistics. */
export async function fillDatabase(
	db: Db,
	scale: number,
	log: (message: string) => void
): Promise<{ counts: Record<string, number>; ids: Record<string, string> }> {
	const counts: Record<string, number> = {};
	const ids: Record<string, string> = {};
	for (const dataset of DATASETS) {
		const started = performance.now();
		Object.assign(counts, await dataset.fill({ db, scale, log, ids }));
		log(
			`${dataset.name}: ${dataset.describe(scale)} (${Math.round(performance.now() - started)} ms)`
		);
	}
	await db.execute(sql`analyze`);
	return { counts, ids };
}
