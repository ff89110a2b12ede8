/**
 * EXPLAIN (ANALYZE, BUFFERS) of the statements behind the event, workshop, invoice and analysis targets, on a database that the
 * bench kept (`BENCH_KEEP=1`; see docs/benchmarks.md, "Looking into a slow page"):
 *
 *   npx tsx scripts/bench/explain.ts /tmp/verkosto-bench-full-…/pglite
 *   npx tsx scripts/bench/explain.ts postgres://…/bench_verkosto_full_<pid> [--plans]
 *
 * It runs the pages' own use cases once through a Drizzle that records every statement with its
 * parameters, then explains each one inside a transaction that it rolls back (the sign-up's
 * writes too), and prints one line per statement: the scans, the rows, the buffers, the time.
 * `--plans` prints the whole plans as well; `--repeat=N` explains each statement N times and
 * keeps the fastest (warm caches: on a loaded machine one run says little). A sequential scan
 * of a table that grows with the data is marked `!!`.
 */
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import * as schema from '../../src/lib/server/db/schema';
import type { Db } from '../../src/lib/server/db/client';
import type { RoleGrant, SessionUser } from '../../src/lib/server/auth/session';
import {
	getEventPage,
	listMunicipalityPeopleForEvent,
	listSeasonEvents,
	seasonProgramme
} from '../../src/lib/server/events/event-queries';
import { getSeason, listSeasonMembers } from '../../src/lib/server/seasons/season-queries';
import { signUpForEvent } from '../../src/lib/server/events/sign-up-for-event';
import {
	listExpertAssignments,
	listSeasonLedgers,
	listSeasonWorkshops
} from '../../src/lib/server/workshops/workshop-queries';
import { findMunicipalityAnalysis } from '../../src/lib/server/analysis/analysis-queries';
import { analysisReport } from '../../src/lib/server/analysis/analysis-report';
import { freeTextAnswers } from '../../src/lib/server/analysis/analysis-results';
import { groupDistributionsBy } from '../../src/lib/server/analysis/member-scores';
import {
	latestPublishedVersion,
	loadVersion
} from '../../src/lib/server/analysis/questionnaire-rows';
import { seasonResponseRates } from '../../src/lib/server/analysis/season-response-rates';
import { registryFacets } from '../../src/lib/server/registry/search-municipalities';
import { userActor } from '../../src/lib/server/actor';
import { coordinatedNetworks } from '../../src/lib/server/auth/session';
import {
	INVOICE_LIST_STATES,
	listMunicipalityInvoices,
	listNetworkInvoices,
	type InvoiceFilter
} from '../../src/lib/server/billing/invoice-queries';
import { receivablesByAge } from '../../src/lib/server/billing/billing-reports';
import { helsinkiDate } from '../../src/lib/domain/helsinki-time';
import {
	DEMO_CONTACT_PERSON,
	DEMO_COORDINATOR,
	DEMO_EXPERT,
	FOCUS_MUNICIPALITY,
	SIGN_UPS
} from './config';

/** Tables whose size grows with the scale: a sequential scan of one is worth a look. */
const GROWING = [
	'events',
	'event_sign_ups',
	'event_feedback',
	'event_focus_areas',
	'users',
	'memberships',
	'membership_decisions',
	'role_assignments',
	'sessions',
	'audit_log',
	'jobs',
	'invoices',
	'analyses',
	'analysis_invitations',
	'analysis_responses',
	'analysis_answers',
	'analysis_response_scores',
	'analysis_section_means'
];

interface Recorded {
	step: string;
	query: string;
	params: unknown[];
}

interface Explainer {
	db: Db;
	/** EXPLAIN's lines for a statement, run in a transaction that is rolled back. */
	explain(query: string, params: unknown[]): Promise<string[]>;
	close(): Promise<void>;
}

async function open(where: string, record: (query: string, params: unknown[]) => void) {
	const logger = { logQuery: record };
	const prefix = 'explain (analyze, buffers, costs off) ';
	if (/^postgres(ql)?:\/\//.test(where)) {
		const pool = new pg.Pool({ connectionString: where, max: 2 });
		return {
			db: drizzlePg(pool, { schema, logger }) as unknown as Db,
			async explain(query, params) {
				const client = await pool.connect();
				try {
					await client.query('begin');
					const r = await client.query<{ 'QUERY PLAN': string }>(prefix + query, params);
					return r.rows.map((row) => row['QUERY PLAN']);
				} finally {
					await client.query('rollback').catch(() => undefined);
					client.release();
				}
			},
			close: () => pool.end()
		} satisfies Explainer;
	}
	const client = await PGlite.create(where, { extensions: { pg_trgm } });
	return {
		db: drizzlePglite(client, { schema, logger }) as unknown as Db,
		async explain(query, params) {
			await client.query('begin');
			try {
				const r = await client.query<{ 'QUERY PLAN': string }>(prefix + query, params);
				return r.rows.map((row) => row['QUERY PLAN']);
			} finally {
				await client.query('rollback');
			}
		},
		close: () => client.close()
	} satisfies Explainer;
}

async function one<T>(db: Db, query: ReturnType<typeof sql>): Promise<T> {
	const result = await db.execute(query);
	return (result as unknown as { rows: T[] }).rows[0]!;
}

async function sessionUser(db: Db, email: string): Promise<SessionUser> {
	const row = await one<{ id: string; email: string; name: string; roles: RoleGrant[] | string }>(
		db,
		sql`select u.id, u.email, u.name,
			coalesce((select json_agg(json_build_object('role', r.role, 'networkId', r.network_id,
				'municipalityCode', r.municipality_code)) from role_assignments r where r.user_id = u.id),
				'[]'::json) as roles
			from users u where u.email = ${email}`
	);
	const roles = typeof row.roles === 'string' ? (JSON.parse(row.roles) as RoleGrant[]) : row.roles;
	return { id: row.id, email: row.email, name: row.name, locale: 'fi', roles };
}

function executionMs(lines: string[]): number {
	const line = lines.find((l) => /Execution Time/.test(l)) ?? '';
	return Number(/([\d.]+) ms/.exec(line)?.[1] ?? Infinity);
}

/** "Index Scan using x on t" → the scans of a plan, with rows and loops. */
function summary(lines: string[]): string {
	const scans = lines
		.map((l) => l.trim().replace(/^->\s*/, ''))
		.filter((l) => /Scan/.test(l))
		.map((l) => {
			const what = l.replace(/\s*\(actual.*$/, '');
			const rows = /rows=([\d.]+) loops=(\d+)/.exec(l);
			const seq = /^Seq Scan on (\w+)/.exec(what);
			const mark = seq && GROWING.includes(seq[1]!) ? '!! ' : '';
			return `${mark}${what}${rows ? ` (${rows[1]} rows × ${rows[2]})` : ''}`;
		});
	const buffers = lines.find((l) => /^\s*Buffers:/.test(l))?.trim() ?? '';
	const time = lines.find((l) => /Execution Time/.test(l))?.trim() ?? '';
	const planning = lines.find((l) => /Planning Time/.test(l))?.trim() ?? '';
	return [scans.join('; ') || '(no scan)', buffers, planning, time].filter(Boolean).join(' | ');
}

async function main() {
	const where = process.argv[2];
	const plans = process.argv.includes('--plans');
	const repeat = Math.max(
		1,
		Number(
			/^--repeat=(\d+)$/.exec(process.argv.find((a) => a.startsWith('--repeat=')) ?? '')?.[1] ?? 1
		)
	);
	if (!where) {
		console.error(
			'usage: tsx scripts/bench/explain.ts <PGlite folder | postgres://… URL> [--plans]'
		);
		process.exit(2);
	}
	const recorded: Recorded[] = [];
	let step = '';
	let recording = false;
	const db0 = await open(where, (query, params) => {
		if (recording) recorded.push({ step, query, params });
	});
	const { db } = db0;
	try {
		const ids = await one<{
			season: string;
			event_page: string;
			warm_up: string;
			analysis: string | null;
		}>(
			db,
			sql`select
				(select s.id from seasons s join networks n on n.id = s.network_id
					where n.slug = 'uso' order by s.number desc limit 1) as season,
				(select id from events where title_fi = 'Penkkitesti: seminaari') as event_page,
				(select id from events where title_fi = 'Penkkitesti: lämmittely') as warm_up,
				(select a.id from analyses a join memberships m on m.id = a.membership_id
					join seasons s on s.id = m.season_id join networks n on n.id = s.network_id
					where n.slug = 'uso' and m.municipality_code = ${FOCUS_MUNICIPALITY}
					order by s.number desc limit 1) as analysis`
		);
		const coordinator = await sessionUser(db, DEMO_COORDINATOR.email);
		const contact = await sessionUser(db, DEMO_CONTACT_PERSON.email);
		const expert = await sessionUser(db, DEMO_EXPERT.email);
		const contender = await sessionUser(
			db,
			`bench-contender-${String(SIGN_UPS.contenders).padStart(3, '0')}@example.fi`
		);
		const now = new Date();
		const run = async (name: string, work: () => Promise<unknown>) => {
			step = name;
			recording = true;
			try {
				await work();
			} finally {
				recording = false;
			}
		};
		await run('event page', () => getEventPage(db, coordinator, ids.event_page, now));
		await run('event page as contact', async () => {
			const page = await getEventPage(db, contact, ids.event_page, now);
			await listMunicipalityPeopleForEvent(db, page!.event, FOCUS_MUNICIPALITY, 1);
		});
		await run('season events', () => listSeasonEvents(db, ids.season, 1));
		await run('season page', async () => {
			const season = await getSeason(db, ids.season);
			await listSeasonMembers(db, season!, { page: 1, state: null });
			await seasonProgramme(db, season!, now);
		});
		await run('season workshops', async () => {
			const season = await getSeason(db, ids.season);
			await listSeasonLedgers(db, season!, 1, now);
			await listSeasonWorkshops(db, ids.season, { state: 'proposed', page: 1 });
		});
		await run('expert assignments', async () => {
			await listExpertAssignments(db, expert.id, { done: false, page: 1 });
			await listExpertAssignments(db, expert.id, { done: true, page: 1 });
		});
		// the coordinator's invoice list: the first page, an older and a newer one, each filter
		const networkIds = coordinatedNetworks(coordinator);
		const today = helsinkiDate(now);
		const filter = (more: Partial<InvoiceFilter> = {}) => ({
			...more,
			scope: { networkIds },
			today
		});
		const none = { before: null, after: null };
		await run('invoices', async () => {
			const first = await listNetworkInvoices(db, filter(), none);
			const older = await listNetworkInvoices(db, filter(), { before: first.older, after: null });
			await listNetworkInvoices(db, filter(), { before: null, after: older.newer });
		});
		const newest = await one<{ year: number }>(
			db,
			sql`select max(year) as year from invoices where season_id = ${ids.season}`
		);
		await run('invoices by season, year', async () => {
			await listNetworkInvoices(db, filter({ year: newest.year }), none);
			await listNetworkInvoices(db, filter({ seasonId: ids.season }), none);
			await listNetworkInvoices(db, filter({ seasonId: ids.season, year: newest.year }), none);
		});
		await run('invoices by state', async () => {
			for (const state of INVOICE_LIST_STATES) {
				await listNetworkInvoices(db, filter({ state }), none);
			}
		});
		await run('open receivables', () => receivablesByAge(db, networkIds, today, 1));
		await run('municipality invoices', () =>
			listMunicipalityInvoices(db, { scope: { municipalityCode: FOCUS_MUNICIPALITY }, today }, 1)
		);

		// as the results page loads for the coordinator (free text included) and the overview
		if (ids.analysis) {
			await run('analysis results', async () => {
				const analysis = (await findMunicipalityAnalysis(db, FOCUS_MUNICIPALITY, ids.analysis!))!;
				await analysisReport(db, analysis, 'fi');
				const version = (await loadVersion(db, analysis.analysis.versionId))!;
				await freeTextAnswers(db, analysis.analysis.id, version.version.id);
			});
			await run('analysis overview', async () => {
				const published = (await latestPublishedVersion(db, ids.season))!;
				await seasonResponseRates(db, ids.season, 1);
				await loadVersion(db, published.id);
				await groupDistributionsBy(db, {
					versionId: published.id,
					seasonId: ids.season,
					by: ['size_class', 'region']
				});
				await registryFacets(db);
			});
		}
		// the sign-up writes: recorded inside a transaction that is rolled back
		await run('sign-up', async () => {
			await db
				.transaction(async (tx) => {
					await signUpForEvent(
						tx as unknown as Db,
						userActor(contender),
						{ as: 'self' },
						{
							eventId: ids.warm_up,
							people: [{ userId: contender.id, mode: 'on_site', arrangements: '' }]
						}
					);
					throw new Error('rollback');
				})
				.catch((e: unknown) => {
					if ((e as Error).message !== 'rollback') throw e;
				});
		});
		let previous = '';
		let n = 0;
		for (const r of recorded) {
			if (/^(begin|commit|rollback|savepoint|release)/i.test(r.query.trim())) continue;
			if (r.step !== previous) {
				console.info(`\n== ${r.step}`);
				previous = r.step;
				n = 0;
			}
			n++;
			let lines = await db0.explain(r.query, r.params);
			for (let i = 1; i < repeat; i++) {
				const again = await db0.explain(r.query, r.params);
				if (executionMs(again) < executionMs(lines)) lines = again;
			}
			console.info(`${n}. ${r.query.replace(/\s+/g, ' ').slice(0, 140)}`);
			console.info(`   ${summary(lines)}`);
			if (plans) console.info(lines.map((l) => `     ${l}`).join('\n'));
		}
	} finally {
		await db0.close();
	}
}

main().catch((e: unknown) => {
	console.error(e);
	process.exit(1);
});
