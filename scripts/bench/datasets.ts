/**
 * The scale data set, as a list of generators. Each fills a database that the built app has
 * already migrated and loaded (registry, demo accounts, the USO network and its season 7) and
 * returns what it counts, for the report. Generators run in order, through Drizzle, on PGlite
 * and PostgreSQL alike, with `insert … select … from generate_series(…)` in batches.
 *
 * What grows with the scale is everything the measured pages do not show. What a page shows
 * is the same at every scale, so that the cost ratio full/small measures what the size of the
 * data costs, not a page with more rows on it: Vaala (785) has its ~100 people and its
 * memberships in all 12 seasons at every scale, the newest season at least a full page (50) of
 * members, the same 50 first by name as at the full scale, and the measured events (the event
 * page's, the sign-up targets') the same sign-ups.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client';
import { sessions } from '../../src/lib/server/db/schema';
import { SESSION_COOKIE, SESSION_LIFETIME_MS } from '../../src/lib/server/auth/session';
import { generateToken, tokenId } from '../../src/lib/server/auth/tokens';
import { FOCUS_MUNICIPALITY, SIGN_UPS } from './config';

export interface DataSetContext {
	db: Db;
	/** 1 for the full data set, 0.01 for 1/100 of it. */
	scale: number;
	log: (message: string) => void;
	/** Ids that generators look up for the targets' paths (`{newestSeason}`); they add to it. */
	ids: Record<string, string>;
	/**
	 * Session cookies (`verkosto_session=…`) of the sign-up targets' contenders, in order; kept
	 * out of the JSON results.
	 */
	contenderCookies: string[];
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
	/** Seasons 9–18 of USO, after the demo's 7 and 8: two years each, the newest running today. */
	firstSeason: 9,
	seasons: 10,
	/** Every current municipality is a member of every generated season. */
	membersPerSeason: 308,
	/**
	 * Events of each generated season: 100 × a season of the demo's size (USO 7 and 8 hold
	 * 10–20), each with 10–30 sign-ups of its members' people.
	 */
	eventsPerSeason: 2_000
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
 * The year the newest generated season starts: as the demo's USO 8 (uso8Period), so that today
 * lies at least six months from either end and the season has events behind and ahead.
 */
function newestSeasonStartYear(now = new Date()): number {
	return now.getUTCMonth() >= 6 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
}

/**
 * Seasons 9–18 of USO, with three focus areas each: the same at every scale (a network has a
 * season every year or two). They run back to back, two calendar years each, the newest around
 * today (as the demo's USO 8 does) and the first 18 years before it: a network's history, with
 * events held in the past ones. Their numbers only follow the demo's 7 and 8, which they
 * overlap in time. The newest is the season page target and holds the measured events.
 */
const seasons: DataSet = {
	name: 'seasons',
	describe: () =>
		`${FULL_SCALE.seasons} seasons of USO (${FULL_SCALE.firstSeason}–${LAST_SEASON}, ` +
		`${newestSeasonStartYear() - 2 * (FULL_SCALE.seasons - 1)}–${newestSeasonStartYear() + 1}), 3 focus areas each`,
	async fill({ db, ids }) {
		const newestStart = newestSeasonStartYear();
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
					make_date(${newestStart} - 2 * (${LAST_SEASON} - n), 1, 1),
					make_date(${newestStart} + 1 - 2 * (${LAST_SEASON} - n), 12, 31),
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
 * filled to a full page of members (the 50 first by name, as on the full scale's first page)
 * and Kajaani, whose people are the sign-up targets' contenders: 88 memberships at 1/100.
 * States are mixed by a hash of code and season: 60 % active, 15 % decided, 10 % invited, 10 %
 * declined, 5 % withdrawn, but Vaala and Kajaani are active in the newest season; decided and
 * active ones name the municipality's contact person (where it has people) and have an
 * approved decision.
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
							-- the measured events' people (Vaala's, Kajaani's) may sign up: active
							case when s.number = ${LAST_SEASON}
									and m.code in ('${FOCUS_MUNICIPALITY}', '${SIGN_UPS.municipality}') then 0
								else ((hashtext(m.code || ':' || s.number) % 20) + 20) % 20 end as h
						from seasons s, ranked m
						where s.network_id = ${USO} and s.number = ${n}
							and (m.r <= ${perSeason} or m.code = '${FOCUS_MUNICIPALITY}'
								or (s.number = ${LAST_SEASON}
									and (m.r <= ${MEMBERS_PAGE} or m.code = '${SIGN_UPS.municipality}')))
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

/**
 * The sign-up targets' contenders: SIGN_UPS.contenders people of Kajaani
 * (bench-contender-NNN@example.fi, participants, developers), the same at every scale, each with
 * a session made as the sign-in form makes one (`createSession`'s row: the token's SHA-256),
 * so that the bench need not sign 200 people in through argon2id first.
 */
const contenders: DataSet = {
	name: 'contenders',
	describe: () =>
		`${SIGN_UPS.contenders} people of ${SIGN_UPS.municipality} with a session each, at every scale`,
	async fill({ db, contenderCookies }) {
		const first = textArray(FIRST_NAMES);
		const last = textArray(LAST_NAMES);
		const result = await db.execute(
			sql.raw(`
				with added as (
					insert into users (email, name, locale, municipality_code, title, positions)
					select 'bench-contender-' || lpad(i::text, 3, '0') || '@example.fi',
						(${first})[1 + (i * 7) % ${FIRST_NAMES.length}] || ' ' ||
							(${last})[1 + (i * 3) % ${LAST_NAMES.length}] || ' ' || i,
						'fi', '${SIGN_UPS.municipality}', 'kehittäjä', '{developer}'::person_position[]
					from generate_series(1, ${SIGN_UPS.contenders}) as i
					returning id, email
				),
				roles as (
					insert into role_assignments (user_id, role, municipality_code)
					select id, 'participant', '${SIGN_UPS.municipality}' from added
				)
				select id, email from added order by email
			`)
		);
		const people = (result as unknown as { rows: { id: string }[] }).rows;
		const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
		const tokens = people.map(() => generateToken());
		await db
			.insert(sessions)
			.values(people.map((p, i) => ({ id: tokenId(tokens[i]!), userId: p.id, expiresAt })));
		contenderCookies.push(...tokens.map((t) => `${SESSION_COOKIE}=${t}`));
		return { contenders: people.length };
	}
};

/** Times of day in Helsinki, as UTC in winter: the rows need only be plausible. */
const AT_NINE = `interval '7 hours'`;

/** Positions that USO's seminar lets attend on site under the generated decisions (board, management team). */
const SEMINAR_ON_SITE = `'{board_chair,board_member,municipal_manager,administrative_director,management_team_member}'::person_position[]`;

/**
 * How a sign-up is placed, as the rule would have placed it (`placeSignUp`) in order of arrival
 * `j`, with those withdrawn (cancelled) left out: the first in each mode up to its capacity
 * hold a seat, the rest wait. `picked` must have: event columns (id, ends_at, cancelled_at,
 * capacity_on_site, capacity_online), j, user_id, municipality_code, mode, withdrawn, signed_at.
 */
function insertSignUps(picked: string): string {
	return `
		with picked as (${picked}),
		placed as (
			select picked.*,
				row_number() over (partition by id, mode, withdrawn order by j) as place
			from picked
		),
		stated as (
			select placed.*,
				case when withdrawn then 'cancelled'
					when place <= coalesce(case mode when 'on_site' then capacity_on_site
						else capacity_online end, 2147483647) then 'confirmed'
					else 'waiting' end as st
			from placed
		)
		insert into event_sign_ups (event_id, user_id, municipality_code, mode, state, created_at,
			confirmed_at, cancelled_at, attended, attendance_marked_at)
		select id, user_id, municipality_code, mode, st::sign_up_state, signed_at,
			case when st = 'confirmed' then signed_at end,
			case when st = 'cancelled' then least(now(), signed_at + interval '2 days') end,
			case when st = 'confirmed' and ends_at < now() and cancelled_at is null
				then hashtext(user_id::text || id::text) % 10 <> 0 end,
			case when st = 'confirmed' and ends_at < now() and cancelled_at is null
				then ends_at + interval '1 day' end
		from stated
		order by id, j`;
}

/** Sets the events' confirmed counts from their sign-ups, as `recountSeats` does. */
function recount(eventFilter: string): string {
	return `
		update events e set confirmed_on_site = c.on_site, confirmed_online = c.online
		from (
			select event_id,
				count(*) filter (where state = 'confirmed' and mode = 'on_site')::int as on_site,
				count(*) filter (where state = 'confirmed' and mode = 'online')::int as online
			from event_sign_ups
			where event_id in (select id from events where ${eventFilter})
			group by event_id
		) c
		where e.id = c.event_id`;
}

/** Events per statement when signing people up: about 5,000 sign-ups each. */
const EVENTS_BATCH = 250;

/** The measured events of the newest season, the same at every scale (see SIGN_UPS). */
function measuredEvents(): {
	key: string;
	title: string;
	type: string;
	format: string;
	onSite: number | null;
	online: number | null;
}[] {
	return [
		{
			key: 'eventPage',
			title: 'Penkkitesti: seminaari',
			type: 'seminar',
			format: 'hybrid',
			onSite: 25,
			online: 100
		},
		{
			key: 'signUpWarmUp',
			title: 'Penkkitesti: lämmittely',
			type: 'development_event',
			format: 'on_site',
			onSite: 10,
			online: null
		},
		...Array.from({ length: SIGN_UPS.rounds }, (_, i) => ({
			key: `contention${i + 1}`,
			title: `Penkkitesti: kilpailtu ${i + 1}`,
			type: 'development_event',
			format: 'on_site',
			onSite: SIGN_UPS.capacity,
			online: null
		})),
		...Array.from({ length: SIGN_UPS.spreadEvents }, (_, i) => ({
			key: `spread${i + 1}`,
			title: `Penkkitesti: hajautettu ${i + 1}`,
			type: 'development_event',
			format: 'on_site',
			onSite: SIGN_UPS.spreadCapacity,
			online: null
		}))
	];
}

/**
 * Events of the generated seasons with their sign-ups, attendance and feedback. Each season
 * gets round(2,000 × scale) events (20 at 1/100, as a season of the demo), spread over its two
 * years: seminars (hybrid), current-affairs reviews (online), peer discussions (on site) and
 * development events (hybrid), one in 37 cancelled. Sign-ups open 60 days before an event;
 * those open by now have 10–30 sign-ups of people whose municipality is an active member of
 * the season, in a mode the type admits them to (seminars on site for the decision's groups);
 * one in ten cancelled, the first up to the capacity of each mode confirmed, the rest waiting.
 * Events held get attendance (nine in ten of those confirmed) and feedback from half of those
 * who attended. The confirmed counts on the event rows are counted from the sign-ups.
 *
 * The newest season also has the measured events, the same at every scale: the event page's
 * hybrid seminar with 60 of Vaala's people signed up (25 seats on site, 100 online: some wait
 * on site), and the sign-up targets' events, open and empty (SIGN_UPS).
 */
const eventsData: DataSet = {
	name: 'events',
	describe: (scale) =>
		`${Math.round(FULL_SCALE.eventsPerSeason * scale).toLocaleString('en')} events in each generated season with sign-ups, ` +
		`attendance and feedback; the measured events of season ${LAST_SEASON} the same at every scale`,
	async fill({ db, scale, log, ids }) {
		const perSeason = Math.max(1, Math.round(FULL_SCALE.eventsPerSeason * scale));
		const generated = `season_id in (select id from seasons where network_id = ${USO}
			and number between ${FULL_SCALE.firstSeason} and ${LAST_SEASON})`;
		// the types and formats in turn; on-site seats few enough that some wait
		await db.execute(
			sql.raw(`
				insert into events (season_id, type, format, title_fi, title_sv, title_en,
					description_fi, starts_at, ends_at, venue_name, venue_address, online_url,
					capacity_on_site, capacity_online, sign_up_opens_at, sign_up_closes_at,
					cancellation_deadline, cancelled_at, cancellation_reason, created_at, updated_at)
				select s.id, t.type::event_type, t.format::event_format,
					t.fi || ' ' || k, t.sv || ' ' || k, t.en || ' ' || k,
					'Kauden ' || s.number || ' tapahtuma ' || k || '.',
					d.starts_at, d.starts_at + t.length,
					case when t.format <> 'online' then 'Kuntatalo' else '' end,
					case when t.format <> 'online' then 'Toinen linja 14, Helsinki' else '' end,
					case when t.format <> 'on_site' then 'https://meet.example.fi/uso-' || s.number || '-' || k end,
					t.on_site, t.online,
					d.starts_at - interval '60 days', d.starts_at - interval '7 days',
					d.starts_at - interval '7 days',
					case when k % 37 = 0 then least(now(), d.starts_at - interval '10 days') end,
					case when k % 37 = 0 then 'Peruttu vähäisen osallistujamäärän vuoksi.' else '' end,
					least(now(), d.starts_at - interval '90 days'),
					least(now(), d.starts_at - interval '90 days')
				from seasons s
				cross join generate_series(1, ${perSeason}) as k
				cross join lateral (
					select (s.starts_on + ((k - 1) * (s.ends_on - s.starts_on - 14)) / ${perSeason} + 7)::timestamp
						at time zone 'UTC' + ${AT_NINE} as starts_at
				) d
				cross join lateral (
					select * from (values
						(1, 'seminar', 'hybrid', 'Seminaari', 'Seminarium', 'Seminar', interval '6 hours', 12, 100),
						(2, 'current_affairs_review', 'online', 'Ajankohtaiskatsaus', 'Aktuell översikt',
							'Current affairs review', interval '2 hours', null, null),
						(3, 'peer_discussion', 'on_site', 'Vertaiskeskustelu', 'Kollegiala samtal',
							'Peer discussion', interval '3 hours', 10, null),
						(0, 'development_event', 'hybrid', 'Kehittämistilaisuus', 'Utvecklingsevenemang',
							'Development event', interval '4 hours', 15, 50)
					) as v (r, type, format, fi, sv, en, length, on_site, online)
					where v.r = k % 4
				) t
				where s.network_id = ${USO}
					and s.number between ${FULL_SCALE.firstSeason} and ${LAST_SEASON}
			`)
		);
		log(`events: ${perSeason} in each of ${FULL_SCALE.seasons} seasons`);
		// helpers for the sign-ups, dropped at the end: events numbered within their season,
		// and the people of each season's active members (not the contenders), numbered
		await db.execute(
			sql.raw(`drop table if exists bench_event_rank, bench_eligible, bench_season_people`)
		);
		await db.execute(
			sql.raw(`
				create table bench_event_rank as
				select id as event_id, season_id,
					row_number() over (partition by season_id order by starts_at, id)::int as k
				from events where ${generated}
			`)
		);
		await db.execute(sql.raw(`create index on bench_event_rank (season_id, k)`));
		await db.execute(
			sql.raw(`
				create table bench_eligible as
				select ms.season_id,
					row_number() over (partition by ms.season_id order by u.id)::int as r,
					u.id as user_id, u.municipality_code,
					u.positions && ${SEMINAR_ON_SITE} as seminar_on_site
				from memberships ms join users u on u.municipality_code = ms.municipality_code
				where ms.state = 'active' and ms.${generated}
					and u.email like 'bench-person-%'
			`)
		);
		await db.execute(sql.raw(`create index on bench_eligible (season_id, r)`));
		await db.execute(
			sql.raw(`
				create table bench_season_people as
				select season_id, count(*)::int as n from bench_eligible group by season_id
			`)
		);
		await db.execute(
			sql.raw(`
				insert into event_focus_areas (event_id, focus_area_id)
				select r.event_id, fa.id
				from bench_event_rank r
				join season_focus_areas fa on fa.season_id = r.season_id and fa.position = 1 + r.k % 3
			`)
		);
		const seasonRows = await db.execute(
			sql.raw(`select id, number from seasons where network_id = ${USO}
				and number between ${FULL_SCALE.firstSeason} and ${LAST_SEASON} order by number`)
		);
		for (const season of (seasonRows as unknown as { rows: { id: string; number: number }[] })
			.rows) {
			for (let from = 1; from <= perSeason; from += EVENTS_BATCH) {
				const to = Math.min(perSeason, from + EVENTS_BATCH - 1);
				await db.execute(
					sql.raw(
						insertSignUps(`
							select e.id, e.ends_at, e.cancelled_at, e.capacity_on_site, e.capacity_online,
								j, el.user_id, el.municipality_code,
								(case when e.format <> 'hybrid' then e.format::text
									when e.type = 'seminar' then
										case when el.seminar_on_site then 'on_site' else 'online' end
									when j % 3 = 0 then 'online' else 'on_site' end)::attendance_mode as mode,
								e.cancelled_at is not null or j % 10 = 0 as withdrawn,
								least(now(), e.sign_up_opens_at + j * interval '5 hours') as signed_at
							from bench_event_rank r
							join events e on e.id = r.event_id
							join bench_season_people c on c.season_id = r.season_id
							cross join lateral generate_series(1, least(c.n, 10 + (r.k * 7) % 21)) as j
							join bench_eligible el on el.season_id = r.season_id
								and el.r = 1 + (r.k * 37 + j) % c.n
							where r.season_id = '${season.id}' and r.k between ${from} and ${to}
								and e.sign_up_opens_at < now()
						`)
					)
				);
			}
			log(`events: sign-ups of season ${season.number}`);
		}
		await db.execute(sql.raw(`drop table bench_event_rank, bench_eligible, bench_season_people`));
		await db.execute(sql.raw(recount(generated)));
		await db.execute(
			sql.raw(`
				insert into event_feedback (event_id, user_id, scores, comment, created_at)
				select s.event_id, s.user_id,
					jsonb_build_object('content', 3 + h % 3, 'usefulness', 2 + h % 4,
						'arrangements', 5 - h % 3),
					case when h % 9 = 0 then 'Hyödyllinen päivä, kiitos.' else '' end,
					least(now(), e.ends_at + interval '2 days')
				from event_sign_ups s
				join events e on e.id = s.event_id
				cross join lateral (select abs(hashtext(s.id::text)::bigint) as h) x
				where s.attended and e.${generated} and h % 2 = 0
			`)
		);
		log('events: attendance and feedback');

		// the measured events: open for sign-up now, starting in 30 days
		const measured = measuredEvents();
		const newest = `(select id from seasons where network_id = ${USO} and number = ${LAST_SEASON})`;
		const values = measured
			.map(
				(m) =>
					`('${m.key}', '${m.title}', '${m.type}', '${m.format}', ${m.onSite ?? 'null'}, ${m.online ?? 'null'})`
			)
			.join(',\n');
		const added = await db.execute(
			sql.raw(`
				insert into events (season_id, type, format, title_fi, description_fi, starts_at, ends_at,
					venue_name, venue_address, online_url, capacity_on_site, capacity_online,
					sign_up_opens_at, sign_up_closes_at, cancellation_deadline, created_at, updated_at)
				select ${newest}, m.type::event_type, m.format::event_format, m.title,
					'Suorituskykytestin tapahtuma.',
					date_trunc('day', now()) + interval '30 days' + ${AT_NINE},
					date_trunc('day', now()) + interval '30 days' + ${AT_NINE} + interval '6 hours',
					'Kuntatalo', 'Toinen linja 14, Helsinki',
					case when m.format <> 'on_site' then 'https://meet.example.fi/penkkitesti' end,
					m.on_site, m.online,
					now() - interval '20 days', now() + interval '23 days', now() + interval '23 days',
					now() - interval '30 days', now() - interval '30 days'
				from (values ${values}) as m (key, title, type, format, on_site, online)
				returning id, title_fi
			`)
		);
		const byTitle = new Map(
			(added as unknown as { rows: { id: string; title_fi: string }[] }).rows.map((r) => [
				r.title_fi,
				r.id
			])
		);
		for (const m of measured) ids[m.key] = byTitle.get(m.title)!;
		await db.execute(
			sql.raw(`
				insert into event_focus_areas (event_id, focus_area_id)
				select '${ids.eventPage}', id from season_focus_areas
				where season_id = ${newest} and position <= 2
			`)
		);
		// the event page's: Vaala's people 1–60, as the generated events' sign-ups
		await db.execute(
			sql.raw(
				insertSignUps(`
					select e.id, e.ends_at, e.cancelled_at, e.capacity_on_site, e.capacity_online,
						j, u.id as user_id, u.municipality_code,
						(case when u.positions && ${SEMINAR_ON_SITE} then 'on_site'
							else 'online' end)::attendance_mode as mode,
						j % 10 = 0 as withdrawn,
						e.sign_up_opens_at + j * interval '5 hours' as signed_at
					from events e
					cross join generate_series(1, 60) as j
					join users u on u.email = 'bench-person-' || lpad(j::text, 6, '0') || '@example.fi'
					where e.id = '${ids.eventPage}' and u.municipality_code = '${FOCUS_MUNICIPALITY}'
				`)
			)
		);
		await db.execute(sql.raw(recount(`id = '${ids.eventPage}'`)));

		const counts = async (query: string) => countOf(db, sql.raw(query));
		return {
			events: await counts(`select count(*) as n from events where ${generated}`),
			newestSeasonEvents: await counts(
				`select count(*) as n from events where season_id = ${newest}`
			),
			signUps: await counts(
				`select count(*) as n from event_sign_ups s join events e on e.id = s.event_id where e.${generated}`
			),
			confirmedSignUps: await counts(
				`select count(*) as n from event_sign_ups s join events e on e.id = s.event_id where e.${generated} and s.state = 'confirmed'`
			),
			waitingSignUps: await counts(
				`select count(*) as n from event_sign_ups s join events e on e.id = s.event_id where e.${generated} and s.state = 'waiting'`
			),
			cancelledSignUps: await counts(
				`select count(*) as n from event_sign_ups s join events e on e.id = s.event_id where e.${generated} and s.state = 'cancelled'`
			),
			attended: await counts(
				`select count(*) as n from event_sign_ups s join events e on e.id = s.event_id where e.${generated} and s.attended`
			),
			feedback: await counts(
				`select count(*) as n from event_feedback f join events e on e.id = f.event_id where e.${generated}`
			),
			eventPageSignUps: await counts(
				`select count(*) as n from event_sign_ups where event_id = '${ids.eventPage}'`
			)
		};
	}
};

/** Experts of USO besides the demo's two at the full scale; at least 2 at any scale. */
const EXPERTS_FULL = 40;

/**
 * Workshops of the generated seasons, five per active membership, so their number follows the
 * memberships (and so the scale): in each past season four held (with notes) and one cancelled
 * late by the municipality; in the newest two held, one agreed ahead, one proposed and one
 * cancelled by the network — the season's ledger overview shows the same first page of members
 * (the 50 first by name) with the same counts at every scale. Each workshop with a time has one
 * expert: the demo's expert (Antti, the assignment list's target) for those of the newest
 * season's first 50 members by name at every scale and one in ten of the past seasons' (his
 * history grows with the data), the others round-robin over generated experts
 * (bench-expert-NN@example.fi, 40 × scale, at least 2). Every other held workshop has its
 * expert's journey, approved: one own-car line priced at 55 c/km, its totals and its one share
 * fixed as approval fixes them.
 */
const workshopsData: DataSet = {
	name: 'workshops',
	describe: (scale) =>
		`5 workshops per active membership of seasons ${FULL_SCALE.firstSeason}–${LAST_SEASON}; ` +
		`${Math.max(2, Math.round(EXPERTS_FULL * scale))} experts; an approved journey for every other held workshop`,
	async fill({ db, scale, log }) {
		const experts = Math.max(2, Math.round(EXPERTS_FULL * scale));
		await db.execute(
			sql.raw(`
				with added as (
					insert into users (email, name, locale, title)
					select 'bench-expert-' || lpad(i::text, 2, '0') || '@example.fi',
						'Asiantuntija ' || i, 'fi', 'erityisasiantuntija'
					from generate_series(1, ${experts}) as i
					returning id
				)
				insert into role_assignments (user_id, role, network_id)
				select id, 'expert', ${USO} from added
			`)
		);
		const antti = `(select id from users where email = 'asiantuntija@example.fi')`;
		for (let n = FULL_SCALE.firstSeason; n <= LAST_SEASON; n++) {
			const newest = n === LAST_SEASON;
			// slot 1–5 of each active membership: its state and time
			const state = newest
				? `case when slot <= 2 then 'held' when slot = 3 then 'agreed' when slot = 4 then 'proposed' else 'cancelled' end`
				: `case when slot <= 4 then 'held' else 'cancelled' end`;
			const startsAt = newest
				? `case when slot <= 2 then now() - (slot * 40 + k % 20) * interval '1 day'
					when slot = 3 then now() + (30 + k % 20) * interval '1 day'
					when slot = 5 then now() - interval '10 days' end`
				: `(starts_on + slot * 90 + k % 30)::timestamp + ${AT_NINE}`;
			await db.execute(
				sql.raw(`
					with ms as (
						select ms.id, ms.season_id, s.starts_on,
							row_number() over (order by ms.id)::int as k
						from memberships ms join seasons s on s.id = ms.season_id
						where s.network_id = ${USO} and s.number = ${n} and ms.state = 'active'
					),
					slotted as (
						select ms.*, slot, (${state})::workshop_state as st,
							date_trunc('hour', ${startsAt}) as starts_at
						from ms, generate_series(1, 5) as slot
					)
					insert into workshops (membership_id, season_id, focus_area_id, need, goal, format, state,
						starts_at, ends_at, place, held_at, cancellation, cancellation_reason,
						cancelled_at, notes, outcomes, next_steps, created_at, updated_at)
					select slotted.id, slotted.season_id, fa.id,
						'Kehittämistarve ' || slot, 'Tavoite ' || slot, 'on_site', st,
						case when st <> 'proposed' then starts_at end,
						case when st <> 'proposed' then starts_at + interval '3 hours' end,
						case when st <> 'proposed' then 'Kunnantalo' else '' end,
						case when st = 'held' then starts_at + interval '1 day' end,
						case when st <> 'cancelled' then null
							when ${newest} then 'network' else 'municipality_late' end::workshop_cancellation,
						case when st = 'cancelled' then 'Esteen vuoksi' else '' end,
						case when st = 'cancelled' then starts_at - interval '5 days' end,
						case when st = 'held' then 'Muistiinpanot työpajasta.' else '' end,
						case when st = 'held' then 'Sovitut tulokset.' else '' end,
						case when st = 'held' then 'Jatkotoimet.' else '' end,
						coalesce(starts_at, now()) - interval '60 days',
						coalesce(starts_at, now()) - interval '30 days'
					from slotted
					join season_focus_areas fa
						on fa.season_id = slotted.season_id and fa.position = 1 + slotted.slot % 3
				`)
			);
			await db.execute(
				sql.raw(`
					with ranked as (
						select code, row_number() over (order by name_fi, code) as r
						from municipalities where abolished_on is null
					),
					bench_experts as (
						select array_agg(id order by email) as e, count(*)::int as n
						from users where email like 'bench-expert-%'
					)
					insert into workshop_experts (workshop_id, user_id, assigned_at)
					select w.id,
						case when (${newest} and ranked.r <= ${MEMBERS_PAGE})
								or (not ${newest} and ((hashtext(w.id::text) % 10) + 10) % 10 = 0)
							then ${antti}
							else bench_experts.e[1 + ((hashtext(w.id::text) % bench_experts.n) + bench_experts.n) % bench_experts.n]
						end,
						w.created_at
					from workshops w
					join memberships ms on ms.id = w.membership_id
					join seasons s on s.id = ms.season_id
					join ranked on ranked.code = ms.municipality_code,
						bench_experts
					where s.network_id = ${USO} and s.number = ${n} and w.starts_at is not null
				`)
			);
			await db.execute(
				sql.raw(`
					with held as (
						select gen_random_uuid() as journey_id, w.id as workshop_id, we.user_id,
							ms.municipality_code, w.starts_at,
							1000 + ((hashtext(w.id::text) % 2000) + 2000) % 2000 as tenths
						from workshops w
						join workshop_experts we on we.workshop_id = w.id
						join memberships ms on ms.id = w.membership_id
						join seasons s on s.id = ms.season_id
						where s.network_id = ${USO} and s.number = ${n} and w.state = 'held'
							and ((hashtext(w.id::text || ':j') % 2) + 2) % 2 = 0
					),
					priced as (select held.*, (tenths * 55 + 5) / 10 as cents from held),
					journeys_added as (
						insert into journeys (id, expert_id, state, from_place, to_place, submitted_at,
							reviewed_by, reviewed_at, gross_cents, vat_cents, net_cents, created_at, updated_at)
						select journey_id, user_id, 'approved', 'Helsinki', municipality_code,
							starts_at + interval '1 day',
							(select id from users where email = 'koordinaattori@example.fi'),
							starts_at + interval '8 days', cents, 0, cents,
							starts_at + interval '1 day', starts_at + interval '8 days'
						from priced
					),
					links as (
						insert into journey_workshops (journey_id, workshop_id)
						select journey_id, workshop_id from priced
					),
					lines as (
						insert into journey_lines (journey_id, position, kind, day, distance_tenths,
							description, approved_gross_cents, approved_vat_cents)
						select journey_id, 1, 'own_car', (starts_at at time zone 'Europe/Helsinki')::date,
							tenths, 'Helsinki – ' || municipality_code, cents, 0
						from priced
					)
					insert into journey_shares (journey_id, municipality_code, weight, gross_cents,
						vat_cents, net_cents)
					select journey_id, municipality_code, 1, cents, 0, cents from priced
				`)
			);
		}
		log(`workshops: seasons ${FULL_SCALE.firstSeason}–${LAST_SEASON} filled`);
		const generated = `membership_id in (select ms.id from memberships ms join seasons s
			on s.id = ms.season_id where s.network_id = ${USO}
			and s.number between ${FULL_SCALE.firstSeason} and ${LAST_SEASON})`;
		return {
			workshops: await countOf(
				db,
				sql.raw(`select count(*) as n from workshops where ${generated}`)
			),
			experts,
			expertAssignments: await countOf(
				db,
				sql.raw(`select count(*) as n from workshop_experts
					where user_id = ${antti}`)
			),
			journeys: await countOf(db, sql`select count(*) as n from journeys`),
			newestSeasonActiveMembers: await countOf(
				db,
				sql.raw(`select count(*) as n from memberships where state = 'active' and season_id =
					(select id from seasons where network_id = ${USO} and number = ${LAST_SEASON})`)
			)
		};
	}
};

/** The situation analysis of the newest season: the issue's 308 members × 10 respondents × 60 questions. */
const ANALYSIS = { sections: 6, questionsPerSection: 10, respondents: 10 } as const;

/**
 * Respondents per member at a scale: 10 at the full scale, 3 (the fewest that give a member a
 * score, ADR 019) at 1/100. The members are the newest season's (308 at the full scale, 50 at
 * 1/100): the results page
 * and the overview show distributions over them, and what the comparison must not pay for is
 * the respondents and their answers (ADR 024: one means row per member and section).
 * BENCH_ANALYSIS_RESPONDENTS sets the number at every scale, to vary it alone (3, 10, 30).
 */
const analysisRespondents = (scale: number) =>
	Number(process.env.BENCH_ANALYSIS_RESPONDENTS) ||
	Math.max(3, Math.round(ANALYSIS.respondents * scale));

const analysisData: DataSet = {
	name: 'analysis',
	describe: (scale) =>
		`the newest season's questionnaire (${ANALYSIS.sections} sections × ${ANALYSIS.questionsPerSection} scale questions, published), ` +
		`every membership's analysis closed with ${analysisRespondents(scale)} respondents' answers, scores and means`,
	async fill({ db, scale, ids }) {
		const season = `'${ids.newestSeason}'`;
		const respondents = analysisRespondents(scale);
		const run = (text: string) => db.execute(sql.raw(text));
		await run(`
			with q as (insert into analysis_questionnaires (season_id) values (${season}) returning id)
			insert into analysis_versions (questionnaire_id, number, status, fingerprint, published_at)
			select id, 1, 'published', 'bench', now() - interval '100 days' from q`);
		const version = `(select v.id from analysis_versions v join analysis_questionnaires q
			on q.id = v.questionnaire_id where q.season_id = ${season} and v.number = 1)`;
		await run(`
			insert into analysis_sections (version_id, key, position, title_fi, weight, scoring_fingerprint)
			select ${version}, 's_bench' || lpad(i::text, 3, '0'), i, 'Osio ' || i, 1, 'bench-' || i
			from generate_series(1, ${ANALYSIS.sections}) as i`);
		await run(`
			insert into analysis_questions (version_id, section_id, key, position, kind, text_fi, required, weight)
			select s.version_id, s.id, 'q_bench' || lpad(s.position::text, 1, '0') || lpad(j::text, 2, '0'),
				j, 'scale', 'Väite ' || s.position || '.' || j, true, 1
			from analysis_sections s, generate_series(1, ${ANALYSIS.questionsPerSection}) as j
			where s.version_id = ${version}`);
		await run(`
			insert into analyses (membership_id, version_id, state, opened_at, closed_at)
			select ms.id, ${version}, 'closed', now() - interval '90 days', now() - interval '60 days'
			from memberships ms where ms.season_id = ${season}`);
		await run(`
			insert into analysis_invitations (analysis_id, user_id, token_hash, invited_at)
			select a.id, null, md5(a.id::text || ':' || r), now() - interval '90 days'
			from analyses a join memberships ms on ms.id = a.membership_id,
				generate_series(1, ${respondents}) as r
			where ms.season_id = ${season}`);
		await run(`
			insert into analysis_responses (invitation_id, analysis_id, version_id, complete)
			select i.id, i.analysis_id, ${version}, true
			from analysis_invitations i join analyses a on a.id = i.analysis_id
			where a.version_id = ${version}`);
		// answers 1–5 from a hash, leaning by member: in batches of responses for PGlite's memory
		const responses = await countOf(
			db,
			sql.raw(`select count(*) as n from analysis_responses where version_id = ${version}`)
		);
		const perBatch = Math.max(
			1,
			Math.floor(BATCH / (ANALYSIS.sections * ANALYSIS.questionsPerSection))
		);
		for (let offset = 0; offset < responses; offset += perBatch) {
			await run(`
				with batch as (
					select id, analysis_id from analysis_responses where version_id = ${version}
					order by id offset ${offset} limit ${perBatch}
				)
				insert into analysis_answers (response_id, question_id, version_id, value, answered_at)
				select b.id, q.id, q.version_id,
					jsonb_build_object('kind', 'scale', 'value',
						1 + ((hashtext(b.analysis_id::text) % 3 + 3) % 3)
							+ ((hashtext(b.id::text || q.key) % 3 + 3) % 3)),
					now() - interval '80 days'
				from batch b, analysis_questions q where q.version_id = ${version}`);
		}
		// every answer given with weight 1: a respondent's section score is the mean of (v − 1)·25
		await run(`
			insert into analysis_response_scores (response_id, section_id, analysis_id, score)
			select r.id, q.section_id, r.analysis_id, avg(((a.value->>'value')::int - 1) * 25.0)
			from analysis_responses r
			join analysis_answers a on a.response_id = r.id
			join analysis_questions q on q.id = a.question_id
			where r.version_id = ${version}
			group by r.id, q.section_id, r.analysis_id`);
		await run(`
			insert into analysis_section_means (analysis_id, section_id, respondents, mean)
			select analysis_id, section_id, count(*)::int, avg(score)
			from analysis_response_scores rs
			where rs.section_id in (select id from analysis_sections where version_id = ${version})
			group by analysis_id, section_id`);
		const [vaala] = (
			(await db.execute(
				sql.raw(`select a.id from analyses a join memberships ms on ms.id = a.membership_id
					where ms.season_id = ${season} and ms.municipality_code = '${FOCUS_MUNICIPALITY}'`)
			)) as unknown as { rows: { id: string }[] }
		).rows;
		if (!vaala) throw new Error('analysis: no analysis of the focus municipality');
		ids.focusAnalysis = vaala.id;
		return {
			analyses: await countOf(
				db,
				sql.raw(`select count(*) as n from analyses where version_id = ${version}`)
			),
			analysisAnswers: await countOf(
				db,
				sql.raw(`select count(*) as n from analysis_answers where version_id = ${version}`)
			)
		};
	}
};

/** Invoices at full scale: 100 times the 600 of the small one. */
const INVOICES_FULL = 60_000;

/**
 * Invoices of the generated seasons' memberships, as runs leave them: each membership's two
 * yearly fees first, then travel invoices, numbered in each year's series after the demo's
 * (which bills 2023 and 2024), four in five paid. The rows are what the invoice lists read; the
 * parties and VAT breakdown are placeholders, as no document is drawn from them here.
 */
const invoicesData: DataSet = {
	name: 'invoices',
	describe: (scale) =>
		`${Math.round(INVOICES_FULL * scale)} invoices of the memberships of seasons ${FULL_SCALE.firstSeason}–${LAST_SEASON}, Vaala's among them`,
	async fill({ db, scale }) {
		const total = Math.round(INVOICES_FULL * scale);
		await db.execute(
			sql.raw(`
				with ms as (
					select ms.id, ms.season_id, ms.municipality_code,
						extract(year from s.starts_on)::int as y0,
						-- Vaala first, so that its own list has invoices at every scale
						(row_number() over (order by ms.municipality_code <> '785', s.number, ms.municipality_code))::int - 1 as k,
						(count(*) over ())::int as m
					from memberships ms join seasons s on s.id = ms.season_id
					where s.network_id = ${USO} and s.number between ${FULL_SCALE.firstSeason} and ${LAST_SEASON}
				),
				picked as (
					select i, ms.*, i / ms.m as round
					from generate_series(0, ${total} - 1) as i join ms on ms.k = i % ms.m
				),
				numbered as (
					select picked.*, y0 + round % 2 as year,
						1000 + (row_number() over (partition by y0 + round % 2 order by i))::int as seq
					from picked
				)
				insert into invoices (network_id, season_id, membership_id, municipality_code, year,
					kind, sequence, number, issue_date, due_date, reference, rf_reference, language,
					delivery, buyer_reference, seller, buyer, net_cents, vat_cents, gross_cents,
					vat_breakdown, paid_cents)
				select ${USO}, season_id, id, municipality_code, year,
					(case when round < 2 then 'fee' else 'travel' end)::invoice_kind, seq,
					year || '-' || lpad(seq::text, 6, '0'),
					make_date(year, 3, 1) + seq % 250, make_date(year, 3, 1) + seq % 250 + 21,
					year || lpad(seq::text, 6, '0') || '0', 'RF00' || year || lpad(seq::text, 6, '0'),
					'fi', 'e_invoice', 'KUNTA-' || municipality_code,
					'{"name": "Suomen Kuntaliitto ry"}'::jsonb,
					jsonb_build_object('name', 'Kunta ' || municipality_code),
					900000, 229500, 1129500, '[]'::jsonb,
					case when i % 5 = 0 then 0 else 1129500 end
				from numbered
			`)
		);
		return {
			invoices: await countOf(db, sql`select count(*) as n from invoices`),
			vaalaInvoices: await countOf(
				db,
				sql`select count(*) as n from invoices where municipality_code = '785'`
			)
		};
	}
};

/**
 * Run in this order: memberships name people as contact persons; events sign up the people of
 * the seasons' members; workshops and invoices belong to the seasons' memberships.
 */
export const DATASETS: DataSet[] = [
	registry,
	people,
	contenders,
	seasons,
	membershipsData,
	eventsData,
	workshopsData,
	analysisData,
	invoicesData
];

/**
 * Runs every generator, then vacuums and analyses the tables, as a server in use has them:
 * PGlite's own maintenance does it a minute after start (db/pglite-maintenance.ts), PostgreSQL's
 * autovacuum after a bulk load; the measurements begin sooner.
 */
export async function fillDatabase(
	db: Db,
	scale: number,
	log: (message: string) => void
): Promise<{
	counts: Record<string, number>;
	ids: Record<string, string>;
	contenderCookies: string[];
}> {
	const counts: Record<string, number> = {};
	const ids: Record<string, string> = {};
	const contenderCookies: string[] = [];
	for (const dataset of DATASETS) {
		const started = performance.now();
		Object.assign(counts, await dataset.fill({ db, scale, log, ids, contenderCookies }));
		log(
			`${dataset.name}: ${dataset.describe(scale)} (${Math.round(performance.now() - started)} ms)`
		);
	}
	await db.execute(sql`vacuum (analyze)`);
	return { counts, ids, contenderCookies };
}
