import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../../tests/setup/test-db';
import { coordinatorActor, demoExpert } from '../../../../../tests/factories/workshops';
import {
	approvedJourney,
	carTrip,
	heldWorkshop,
	submittedJourney,
	trainTicket
} from '../../../../../tests/factories/travel';
import { toCsv } from '../../export/table-export';
import { getReceipt } from './journey-queries';
import {
	getMunicipalityReceipt,
	listMunicipalityCosts,
	municipalityCostTotal
} from './municipality-costs';
import { exportMunicipalityCosts } from './export-municipality-costs';

/**
 * A municipality's approved travel costs: its part of each approved journey with the lines,
 * the receipts of a journey wholly its own, and nothing of journeys not approved or of other
 * municipalities' journeys.
 */
let database: TestDatabase;
let shared: string;
let own: string;
let submitted: string;
const ALL = { from: null, to: null };

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	const expert = await demoExpert(database.db);
	const coordinator = await coordinatorActor(database.db);
	const vaala = await heldWorkshop(database.db, '785', new Date('2024-04-10T07:00:00Z'), expert);
	const kajaani = await heldWorkshop(database.db, '205', new Date('2024-04-11T07:00:00Z'), expert);
	shared = await approvedJourney(
		database.db,
		expert,
		coordinator,
		[vaala, kajaani],
		[carTrip(), trainTicket()],
		{ from: 'Helsinki', to: 'Vaala, Kajaani' }
	);
	own = await approvedJourney(
		database.db,
		expert,
		coordinator,
		[vaala],
		[trainTicket({ date: '2024-04-10', description: 'Helsinki–Vaala' })]
	);
	submitted = await submittedJourney(database.db, expert, [vaala], [carTrip({ distanceKm: 50 })]);
});
afterAll(() => database?.close());

describe('a municipality’s approved travel costs', () => {
	it('are its parts of approved journeys, with the lines, and no journey not yet approved', async () => {
		const costs = await listMunicipalityCosts(database.db, '785', ALL, 1, 1000);
		const ids = costs.rows.map((r) => r.journeyId);
		expect(ids).toEqual(expect.arrayContaining([shared, own]));
		expect(ids).not.toContain(submitted);

		// 11 207 c net and 417 c VAT in halves: Vaala (785) after Kajaani (205) gets the lesser
		const half = costs.rows.find((r) => r.journeyId === shared)!;
		expect(half).toMatchObject({
			shared: true,
			weight: 1,
			totalWeight: 2,
			netCents: 5603,
			vatCents: 208,
			grossCents: 5811,
			journeyGrossCents: 11624,
			expertName: 'Antti Asiantuntija'
		});
		expect(half.lines.map((l) => [l.kind, l.grossCents, l.vatCents])).toEqual([
			['own_car', 7034, 0],
			['train', 4590, 417]
		]);
		expect(half.workshops).toHaveLength(1);
		// a shared journey's receipts are not Vaala's to read
		expect(half.lines.every((l) => l.receiptName === null)).toBe(true);

		const whole = costs.rows.find((r) => r.journeyId === own)!;
		expect(whole).toMatchObject({ shared: false, grossCents: 4590, vatCents: 417 });
		expect(whole.lines[0]!.receiptName).toBe('kuitti.pdf');
	});

	it('add up to the total, and another municipality sees only its own parts', async () => {
		const costs = await listMunicipalityCosts(database.db, '785', ALL, 1, 1000);
		const total = await municipalityCostTotal(database.db, '785', ALL);
		expect(total.journeys).toBe(costs.total);
		expect(total.grossCents).toBe(costs.rows.reduce((s, r) => s + r.grossCents, 0));
		expect(total.netCents + total.vatCents).toBe(total.grossCents);

		const kajaani = await listMunicipalityCosts(database.db, '205', ALL, 1, 1000);
		expect(kajaani.rows.map((r) => r.journeyId)).toContain(shared);
		expect(kajaani.rows.map((r) => r.journeyId)).not.toContain(own);
		expect(kajaani.rows.find((r) => r.journeyId === shared)).toMatchObject({
			netCents: 5604,
			vatCents: 209
		});
	});

	it('are narrowed by the day of approval', async () => {
		const on = await municipalityCostTotal(database.db, '785', {
			from: '2024-04-12',
			to: '2024-04-12'
		});
		const later = await municipalityCostTotal(database.db, '785', {
			from: '2024-04-13',
			to: null
		});
		expect(on.journeys).toBeGreaterThanOrEqual(2);
		expect(later.journeys + on.journeys).toBeLessThanOrEqual(
			(await municipalityCostTotal(database.db, '785', ALL)).journeys
		);
	});

	it('give the receipts of a journey wholly the municipality’s, and no other', async () => {
		const costs = await listMunicipalityCosts(database.db, '785', ALL, 1, 1000);
		const ownLine = costs.rows.find((r) => r.journeyId === own)!.lines[0]!;
		const sharedLine = costs.rows.find((r) => r.journeyId === shared)!.lines[1]!;
		expect(await getMunicipalityReceipt(database.db, '785', own, ownLine.id)).toMatchObject({
			name: 'kuitti.pdf',
			contentType: 'application/pdf'
		});
		// the shared journey has a receipt, but neither municipality gets it here
		expect(await getReceipt(database.db, shared, sharedLine.id)).not.toBeNull();
		expect(await getMunicipalityReceipt(database.db, '785', shared, sharedLine.id)).toBeNull();
		expect(await getMunicipalityReceipt(database.db, '205', shared, sharedLine.id)).toBeNull();
		// Kajaani asking for Vaala's receipt, a line of another journey, a bad id
		expect(await getMunicipalityReceipt(database.db, '205', own, ownLine.id)).toBeNull();
		expect(await getMunicipalityReceipt(database.db, '785', shared, ownLine.id)).toBeNull();
		expect(await getMunicipalityReceipt(database.db, '785', 'x', ownLine.id)).toBeNull();
	});

	it('are written as CSV in euros, with a total row', async () => {
		const table = await exportMunicipalityCosts(
			database.db,
			{ code: '785', nameFi: 'Vaala', nameSv: 'Vaala' },
			ALL,
			'fi'
		);
		const csv = toCsv(table).toString('utf8');
		expect(csv).toContain('Antti Asiantuntija;Helsinki;Vaala, Kajaani;1;2;56,03;2,08;58,11;116,24');
		expect(csv.trim().split('\r\n').at(-1)).toMatch(/^Yhteensä;;;;;;/);
	});
});
