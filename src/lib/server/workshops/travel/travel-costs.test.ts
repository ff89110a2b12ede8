import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../../tests/setup/test-db';
import { NOW } from '../../../../../tests/factories/events';
import {
	COORDINATOR,
	addExpert,
	contactOf,
	coordinatorActor,
	demoExpert,
	proposed,
	uso7Membership,
	withoutDemoWorkshops
} from '../../../../../tests/factories/workshops';
import { files, journeyLines, journeyShares, journeys, kilometreRates } from '../../db/schema';
import { systemActor, type Actor } from '../../actor';
import { FINNISH_KILOMETRE_RATES } from '$lib/domain/workshops/kilometre-allowances';
import type { WorkshopActor } from '$lib/domain/workshops/workshop-states';
import { recordWorkshop } from '../record-workshop';
import { scheduleWorkshop } from '../schedule-workshop';
import { addCostLine, type NewCostLine } from './cost-lines';
import { createJourney, updateJourney } from './save-journey';
import { moveJourney } from './review-journey';

/**
 * An expert's journey to Vaala and Kajaani, claimed at actual cost: lines by kilometres and by
 * receipt, refused field by field when they are wrong (nothing written), submitted, returned,
 * submitted again and approved, when its cents are fixed and split half and half to the cent.
 */
let database: TestDatabase;
let expert: { actor: Actor; as: WorkshopActor; person: { id: string } };
let coordinator: Actor;
let vaalaWorkshop: string;
let kajaaniWorkshop: string;
let proposalOnly: string;

const AFTER = new Date('2024-04-12T10:00:00Z');
const pdf = () => Buffer.from('%PDF-1.4\n% kuitti\n');

async function heldWorkshop(code: string, startsAt: Date) {
	const membership = await uso7Membership(database.db, code);
	const id = await proposed(database.db, membership.id);
	const scheduled = await scheduleWorkshop(
		database.db,
		systemActor,
		COORDINATOR,
		{
			workshopId: id,
			format: 'on_site',
			startsAt,
			endsAt: new Date(startsAt.getTime() + 3 * 3_600_000),
			place: 'Kunnantalo',
			onlineUrl: null,
			expertIds: [expert.person.id],
			participantIds: [],
			approveExtra: false
		},
		NOW
	);
	if (!scheduled.ok) throw new Error(JSON.stringify(scheduled));
	await recordWorkshop(
		database.db,
		systemActor,
		COORDINATOR,
		{ workshopId: id, notes: '', outcomes: '', nextSteps: '', attendance: [] },
		AFTER
	);
	return id;
}

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	await withoutDemoWorkshops(database.db);
	expert = await demoExpert(database.db);
	coordinator = await coordinatorActor(database.db);
	vaalaWorkshop = await heldWorkshop('785', new Date('2024-04-10T07:00:00Z'));
	kajaaniWorkshop = await heldWorkshop('205', new Date('2024-04-11T07:00:00Z'));
	proposalOnly = await proposed(database.db, (await uso7Membership(database.db, '785')).id);
});
afterAll(() => database?.close());

const car = (overrides: Partial<NewCostLine> = {}): NewCostLine => ({
	kind: 'own_car',
	date: '2024-04-10',
	distanceKm: 123.4,
	grossCents: null,
	vatCents: null,
	vatBasisPoints: null,
	description: '',
	...overrides
});
const train = (overrides: Partial<NewCostLine> = {}): NewCostLine => ({
	kind: 'train',
	date: '2024-04-11',
	distanceKm: null,
	grossCents: 4590,
	vatCents: 417,
	vatBasisPoints: 1000,
	description: 'Kajaani–Helsinki',
	...overrides
});

async function newJourney() {
	const result = await createJourney(
		database.db,
		expert.actor,
		expert.as,
		{ from: 'Helsinki', to: 'Vaala, Kajaani', workshopIds: [vaalaWorkshop, kajaaniWorkshop] },
		AFTER
	);
	if (!result.ok) throw new Error(JSON.stringify(result));
	return result.journeyId;
}

const countOf = async (table: typeof files | typeof journeyLines) =>
	(await database.db.select().from(table)).length;

describe('the kilometre rates', () => {
	it('are the Tax Administration’s, entered by the migration', async () => {
		const rows = await database.db.select().from(kilometreRates).orderBy(kilometreRates.validFrom);
		expect(rows.map((r) => ({ validFrom: r.validFrom, centsPerKm: r.centsPerKm }))).toEqual(
			FINNISH_KILOMETRE_RATES
		);
	});
});

describe('a journey claim', () => {
	it('is the expert’s, for workshops assigned to them that were agreed', async () => {
		const contact = await contactOf(database.db, '785');
		const header = { from: 'Helsinki', to: 'Vaala', workshopIds: [vaalaWorkshop] };
		expect(await createJourney(database.db, contact.actor, contact.as, header, AFTER)).toEqual({
			ok: false,
			error: 'role_not_allowed'
		});
		const other = await addExpert(database.db, 'matkat');
		expect(await createJourney(database.db, other.actor, other.as, header, AFTER)).toEqual({
			ok: false,
			error: 'fields',
			fields: { workshopIds: 'invalidChoice' }
		});
		expect(
			await createJourney(
				database.db,
				expert.actor,
				expert.as,
				{ from: ' ', to: 'Vaala', workshopIds: [proposalOnly] },
				AFTER
			)
		).toEqual({
			ok: false,
			error: 'fields',
			fields: { from: 'required', workshopIds: 'invalidChoice' }
		});
	});

	it('is split by default one share per workshop served, per municipality', async () => {
		const id = await newJourney();
		const shares = await database.db
			.select({ code: journeyShares.municipalityCode, weight: journeyShares.weight })
			.from(journeyShares)
			.where(eq(journeyShares.journeyId, id))
			.orderBy(journeyShares.municipalityCode);
		expect(shares).toEqual([
			{ code: '205', weight: 1 },
			{ code: '785', weight: 1 }
		]);
		const only = await updateJourney(
			database.db,
			expert.actor,
			expert.as,
			id,
			{ from: 'Helsinki', to: 'Vaala', workshopIds: [vaalaWorkshop] },
			AFTER
		);
		expect(only).toEqual({ ok: true, journeyId: id });
		expect(
			await database.db.select().from(journeyShares).where(eq(journeyShares.journeyId, id))
		).toMatchObject([{ municipalityCode: '785', weight: 1 }]);
	});

	it('refuses bad lines field by field and writes nothing: -5 km, 1e9 km, a future day, a receipt that is not a PDF or image, or too large', async () => {
		const id = await newJourney();
		const [lines, stored] = [await countOf(journeyLines), await countOf(files)];
		const add = (line: NewCostLine, receipt: Buffer | null = null) =>
			addCostLine(
				database.db,
				expert.actor,
				expert.as,
				{ journeyId: id, line, receipt: receipt && { name: 'kuitti', bytes: receipt } },
				AFTER
			);
		expect(await add(car({ distanceKm: -5 }))).toEqual({
			ok: false,
			error: 'fields',
			fields: { distanceKm: 'negative' }
		});
		expect(await add(car({ distanceKm: 1e9, date: '2024-05-01' }))).toEqual({
			ok: false,
			error: 'fields',
			fields: { distanceKm: 'unreasonable', date: 'in_future' }
		});
		expect(await add(train(), Buffer.from('GIF89a not a receipt'))).toEqual({
			ok: false,
			error: 'fields',
			fields: { receipt: 'not_pdf_or_image' }
		});
		expect(
			await add(train({ grossCents: -500 }), Buffer.alloc(10 * 1024 * 1024 + 1, 0x25))
		).toEqual({
			ok: false,
			error: 'fields',
			fields: { grossCents: 'negative', receipt: 'too_large' }
		});
		expect(await add(train({ vatCents: 900 }))).toEqual({
			ok: false,
			error: 'fields',
			fields: { vatCents: 'mismatch', receipt: 'required' }
		});
		expect([await countOf(journeyLines), await countOf(files)]).toEqual([lines, stored]);
	});

	it('goes draft → submitted → returned → submitted → approved; approval fixes the cents and splits them to the cent', async () => {
		const id = await newJourney();
		const add = (line: NewCostLine, receipt: Buffer | null = null) =>
			addCostLine(
				database.db,
				expert.actor,
				expert.as,
				{ journeyId: id, line, receipt: receipt && { name: 'kuitti.pdf', bytes: receipt } },
				AFTER
			);
		expect(await add(car())).toMatchObject({ ok: true });
		const move = (
			as: WorkshopActor,
			actor: Actor,
			action: Parameters<typeof moveJourney>[3]['action']
		) => moveJourney(database.db, actor, as, { journeyId: id, action }, AFTER);

		expect(await move(expert.as, expert.actor, { kind: 'submit' })).toEqual({
			ok: true,
			state: 'submitted'
		});
		expect(await add(train(), pdf())).toEqual({ ok: false, error: 'awaiting_review' });
		const contact = await contactOf(database.db, '785');
		expect(await move(contact.as, contact.actor, { kind: 'approve' })).toEqual({
			ok: false,
			error: 'role_not_allowed'
		});
		expect(await move(COORDINATOR, coordinator, { kind: 'return', reason: ' ' })).toEqual({
			ok: false,
			error: 'reason_missing'
		});
		expect(
			await move(COORDINATOR, coordinator, { kind: 'return', reason: 'Junalippu puuttuu' })
		).toEqual({ ok: true, state: 'returned' });

		expect(await add(train(), pdf())).toMatchObject({ ok: true });
		expect(await move(expert.as, expert.actor, { kind: 'submit' })).toEqual({
			ok: true,
			state: 'submitted'
		});
		expect(await move(COORDINATOR, coordinator, { kind: 'approve' })).toEqual({
			ok: true,
			state: 'approved'
		});

		// 123.4 km × 57 c (2024) = 7,033.8 → 7,034 c; the train 45,90 € with 4,17 € VAT
		const [journey] = await database.db.select().from(journeys).where(eq(journeys.id, id));
		expect(journey).toMatchObject({
			state: 'approved',
			grossCents: 7034 + 4590,
			vatCents: 417,
			netCents: 7034 + 4590 - 417,
			reviewedBy: coordinator.userId
		});
		const lines = await database.db
			.select()
			.from(journeyLines)
			.where(eq(journeyLines.journeyId, id))
			.orderBy(journeyLines.position);
		expect(lines.map((l) => [l.approvedGrossCents, l.approvedVatCents])).toEqual([
			[7034, 0],
			[4590, 417]
		]);
		// 11,207 c net and 417 c VAT in halves: the odd cent to Kajaani (205), first by code
		const parts = await database.db
			.select()
			.from(journeyShares)
			.where(eq(journeyShares.journeyId, id))
			.orderBy(journeyShares.municipalityCode);
		expect(parts.map((p) => [p.municipalityCode, p.netCents, p.vatCents, p.grossCents])).toEqual([
			['205', 5604, 209, 5813],
			['785', 5603, 208, 5811]
		]);

		// approved is locked
		expect(await add(car())).toEqual({ ok: false, error: 'locked' });
		expect(await move(COORDINATOR, coordinator, { kind: 'approve' })).toEqual({
			ok: false,
			error: 'locked'
		});
	});

	it('is not submitted with problems: a journey without costs is refused', async () => {
		const id = await newJourney();
		expect(
			await moveJourney(
				database.db,
				expert.actor,
				expert.as,
				{ journeyId: id, action: { kind: 'submit' } },
				AFTER
			)
		).toEqual({ ok: false, error: 'has_problems' });
	});
});
