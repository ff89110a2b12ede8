import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../../tests/setup/test-db';
import { uso7 } from '../../../../../tests/factories/events';
import {
	addExpert,
	coordinatorActor,
	demoExpert,
	uso7FocusAreas
} from '../../../../../tests/factories/workshops';
import {
	approvedJourney,
	carTrip,
	heldWorkshop,
	submittedJourney,
	trainTicket,
	type TestExpert
} from '../../../../../tests/factories/travel';
import { journeyShares, journeyWorkshops, journeys, memberships, workshops } from '../../db/schema';
import type { Actor } from '../../actor';
import { toCsv, toXlsx } from '../../export/table-export';
import {
	approvedCostsByExpert,
	approvedCostsByMunicipality,
	type ReportJourney
} from '$lib/domain/workshops/cost-reports';
import {
	approvedCostTotal,
	approvedCostsPerExpert,
	approvedCostsPerMunicipality,
	workshopsByFocusArea
} from './report-queries';
import { exportWorkshopReport } from './export-workshop-report';

/**
 * The season's reports summed by the database agree with the domain's rules over the same
 * journeys (cost-reports.ts), to the cent: a shared journey counts its parts per municipality
 * and whole per expert; journeys not approved, or approved outside the period, are left out.
 */
let database: TestDatabase;
let seasonId: string;
let expert: TestExpert;
let other: TestExpert;
let coordinator: Actor;
let shared: string;

const NO_PERIOD = { from: null, to: null };

/** Every approved journey of the season as the domain's report rules take them. */
async function domainJourneys(): Promise<ReportJourney[]> {
	const served = await database.db
		.selectDistinct({ id: journeyWorkshops.journeyId })
		.from(journeyWorkshops)
		.innerJoin(workshops, eq(workshops.id, journeyWorkshops.workshopId))
		.innerJoin(memberships, eq(memberships.id, workshops.membershipId))
		.where(eq(memberships.seasonId, seasonId));
	const ids = served.map((s) => s.id);
	if (ids.length === 0) return [];
	const rows = await database.db.select().from(journeys).where(inArray(journeys.id, ids));
	const shares = await database.db
		.select()
		.from(journeyShares)
		.where(inArray(journeyShares.journeyId, ids));
	return rows.map((j) => ({
		expertId: j.expertId,
		state: j.state,
		amounts: {
			grossCents: j.grossCents ?? 0,
			vatCents: j.vatCents ?? 0,
			netCents: j.netCents ?? 0
		},
		shares: shares
			.filter((s) => s.journeyId === j.id)
			.map((s) => ({ key: s.municipalityCode, weight: s.weight }))
	}));
}

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	seasonId = (await uso7(database.db)).seasonId;
	expert = await demoExpert(database.db);
	other = await addExpert(database.db, 'raportti');
	coordinator = await coordinatorActor(database.db);
	const [area] = await uso7FocusAreas(database.db);
	const vaala = await heldWorkshop(database.db, '785', new Date('2024-04-10T07:00:00Z'), expert, {
		focusAreaId: area!.id
	});
	const kajaani = await heldWorkshop(database.db, '205', new Date('2024-04-11T07:00:00Z'), expert);
	const vaalaAgain = await heldWorkshop(
		database.db,
		'785',
		new Date('2024-04-09T07:00:00Z'),
		other
	);
	// shared: 11 624 c in all, split half and half (ADR 018)
	shared = await approvedJourney(
		database.db,
		expert,
		coordinator,
		[vaala, kajaani],
		[carTrip(), trainTicket()]
	);
	await approvedJourney(
		database.db,
		other,
		coordinator,
		[vaalaAgain],
		[trainTicket({ date: '2024-04-09', description: 'Helsinki–Vaala' })]
	);
	// submitted, not approved: in no report
	await submittedJourney(database.db, expert, [vaala], [carTrip({ distanceKm: 10 })]);
});
afterAll(() => database?.close());

describe('approved travel costs of a season', () => {
	it('per municipality, are each journey’s parts summed, as the domain rule sums them', async () => {
		const expected = approvedCostsByMunicipality(await domainJourneys());
		const page = await approvedCostsPerMunicipality(database.db, seasonId, NO_PERIOD, 1, 1000);
		expect(page.total).toBe(expected.length);
		const byCode = new Map(page.rows.map((r) => [r.code, r]));
		for (const e of expected) {
			expect(byCode.get(e.municipalityCode)).toMatchObject({
				journeys: e.journeys,
				grossCents: e.grossCents,
				vatCents: e.vatCents,
				netCents: e.netCents
			});
		}
		// Kajaani's half of the shared journey: 5 604 c net and 209 c VAT (the odd cents by code)
		const kajaani = await database.db
			.select()
			.from(journeyShares)
			.where(eq(journeyShares.journeyId, shared));
		expect(kajaani.find((s) => s.municipalityCode === '205')).toMatchObject({
			netCents: 5604,
			vatCents: 209
		});
		expect(byCode.get('205')!.journeys).toBeGreaterThanOrEqual(1);
		expect(byCode.get('785')!.journeys).toBeGreaterThanOrEqual(2);
	});

	it('per expert, are the journeys whole, and both add up to the season’s total', async () => {
		const journeysOf = await domainJourneys();
		const expected = approvedCostsByExpert(journeysOf);
		const page = await approvedCostsPerExpert(database.db, seasonId, NO_PERIOD, 1, 1000);
		expect(page.rows.map((r) => [r.expertId, r.journeys, r.grossCents])).toEqual(
			expect.arrayContaining(expected.map((e) => [e.expertId, e.journeys, e.grossCents]))
		);
		expect(page.rows.find((r) => r.expertId === other.person.id)).toMatchObject({
			name: 'Asiantuntija raportti',
			journeys: 1,
			grossCents: 4590,
			vatCents: 417
		});
		const total = await approvedCostTotal(database.db, seasonId, NO_PERIOD);
		const municipalities = await approvedCostsPerMunicipality(
			database.db,
			seasonId,
			NO_PERIOD,
			1,
			1000
		);
		for (const column of ['grossCents', 'vatCents', 'netCents'] as const) {
			const byExpert = page.rows.reduce((s, r) => s + r[column], 0);
			const byMunicipality = municipalities.rows.reduce((s, r) => s + r[column], 0);
			expect(byExpert).toBe(total[column]);
			expect(byMunicipality).toBe(total[column]);
		}
		expect(total.journeys).toBe(journeysOf.filter((j) => j.state === 'approved').length);
	});

	it('are narrowed to the days of approval asked for, in Helsinki time', async () => {
		// approved at 12 April 2024 13.00 Helsinki time
		const on = await approvedCostTotal(database.db, seasonId, {
			from: '2024-04-12',
			to: '2024-04-12'
		});
		const before = await approvedCostTotal(database.db, seasonId, {
			from: null,
			to: '2024-04-11'
		});
		const after = await approvedCostTotal(database.db, seasonId, { from: '2024-04-13', to: null });
		expect(on.journeys).toBeGreaterThanOrEqual(2);
		expect(before.journeys + on.journeys + after.journeys).toBe(
			(await approvedCostTotal(database.db, seasonId, NO_PERIOD)).journeys
		);
	});

	it('pages the municipalities by name', async () => {
		const first = await approvedCostsPerMunicipality(database.db, seasonId, NO_PERIOD, 1, 1);
		const second = await approvedCostsPerMunicipality(database.db, seasonId, NO_PERIOD, 2, 1);
		expect(first.pages).toBe(first.total);
		expect(first.rows).toHaveLength(1);
		expect(first.rows[0]!.nameFi < second.rows[0]!.nameFi).toBe(true);
	});

	it('are written as CSV with euros and a total row, and as XLSX', async () => {
		const season = { id: seasonId, number: 7, networkShortName: 'USO' };
		const table = await exportWorkshopReport(database.db, season, 'experts', NO_PERIOD, 'fi');
		const csv = toCsv(table).toString('utf8');
		expect(csv).toContain('Asiantuntija raportti;1;41,73;4,17;45,90');
		expect(csv.trim().split('\r\n').at(-1)).toMatch(/^Yhteensä;\d+;/);
		expect((await toXlsx(table)).subarray(0, 2).toString()).toBe('PK');
		const sv = await exportWorkshopReport(database.db, season, 'municipalities', NO_PERIOD, 'sv');
		expect(toCsv(sv).toString('utf8')).toContain('205;Kajana;');
	});
});

describe('workshops per focus area', () => {
	it('counts the season’s workshops by area and state, and those without an area', async () => {
		const [area] = await uso7FocusAreas(database.db);
		const report = await workshopsByFocusArea(database.db, seasonId);
		const first = report.rows.find((r) => r.area?.id === area!.id)!;
		expect(first.held).toBeGreaterThanOrEqual(1);
		const none = report.rows.find((r) => r.area === null)!;
		expect(none.held).toBeGreaterThanOrEqual(2);
		const all = await database.db
			.select({ state: workshops.state })
			.from(workshops)
			.innerJoin(memberships, eq(memberships.id, workshops.membershipId))
			.where(eq(memberships.seasonId, seasonId));
		expect(report.total.total).toBe(all.length);
		expect(report.total.held).toBe(all.filter((w) => w.state === 'held').length);
		for (const row of report.rows) {
			expect(row.proposed + row.agreed + row.held + row.cancelled).toBe(row.total);
		}
	});
});
