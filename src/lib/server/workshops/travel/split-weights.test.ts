import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../../tests/setup/test-db';
import {
	COORDINATOR,
	coordinatorActor,
	demoExpert
} from '../../../../../tests/factories/workshops';
import {
	AFTER_WORKSHOPS,
	carTrip,
	heldWorkshop,
	submittedJourney,
	trainTicket,
	type TestExpert
} from '../../../../../tests/factories/travel';
import { auditLog, journeyLines, journeyShares, journeys } from '../../db/schema';
import type { Actor } from '../../actor';
import { moveJourney } from './review-journey';

/**
 * The coordinator's own weights for a shared journey (ADR 018): given at approval, checked
 * before anything is written, and the parts split by them still add up to the journey.
 */
let database: TestDatabase;
let expert: TestExpert;
let coordinator: Actor;
let vaala: string;
let kajaani: string;

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	expert = await demoExpert(database.db);
	coordinator = await coordinatorActor(database.db);
	vaala = await heldWorkshop(database.db, '785', new Date('2024-04-10T07:00:00Z'), expert);
	kajaani = await heldWorkshop(database.db, '205', new Date('2024-04-11T07:00:00Z'), expert);
});
afterAll(() => database?.close());

const sharedJourney = () =>
	submittedJourney(database.db, expert, [vaala, kajaani], [carTrip(), trainTicket()]);

const approve = (journeyId: string, weights?: Record<string, number>) =>
	moveJourney(
		database.db,
		coordinator,
		COORDINATOR,
		{ journeyId, action: { kind: 'approve' }, weights },
		AFTER_WORKSHOPS
	);

const partsOf = async (journeyId: string) =>
	(
		await database.db
			.select()
			.from(journeyShares)
			.where(eq(journeyShares.journeyId, journeyId))
			.orderBy(journeyShares.municipalityCode)
	).map((p) => [p.municipalityCode, p.weight, p.netCents, p.vatCents, p.grossCents]);

describe('the coordinator’s weights for a shared journey', () => {
	it('split the journey 1 : 3 when Kajaani’s leg was 30 km and Vaala’s 90 km', async () => {
		const id = await sharedJourney();
		expect(await approve(id, { '205': 30, '785': 90 })).toEqual({ ok: true, state: 'approved' });
		// 11 207 c net: 2 801,75 and 8 405,25; 417 c VAT: 104,25 and 312,75
		expect(await partsOf(id)).toEqual([
			['205', 30, 2802, 104, 2906],
			['785', 90, 8405, 313, 8718]
		]);
		const [journey] = await database.db.select().from(journeys).where(eq(journeys.id, id));
		expect(2906 + 8718).toBe(journey!.grossCents);
		const [entry] = await database.db
			.select({ after: auditLog.after })
			.from(auditLog)
			.where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'journey.approve')));
		expect(entry!.after).toMatchObject({ state: 'approved', weights: { '205': 30, '785': 90 } });
	});

	it('keep the default, one per workshop served, when none are given', async () => {
		const id = await sharedJourney();
		expect(await approve(id)).toEqual({ ok: true, state: 'approved' });
		expect(await partsOf(id)).toEqual([
			['205', 1, 5604, 209, 5813],
			['785', 1, 5603, 208, 5811]
		]);
	});

	it('are refused when not whole numbers from 1 up, or for a municipality not served, with nothing written', async () => {
		const id = await sharedJourney();
		expect(await approve(id, { '205': 0, '785': Number.NaN })).toEqual({
			ok: false,
			error: 'weights',
			problems: { '205': 'weight_not_positive', '785': 'weight_not_whole' },
			unknown: []
		});
		expect(await approve(id, { '889': 5 })).toEqual({
			ok: false,
			error: 'weights',
			problems: {},
			unknown: ['889']
		});
		const [journey] = await database.db.select().from(journeys).where(eq(journeys.id, id));
		expect(journey).toMatchObject({ state: 'submitted', grossCents: null });
		const lines = await database.db
			.select()
			.from(journeyLines)
			.where(eq(journeyLines.journeyId, id));
		expect(lines.every((l) => l.approvedGrossCents === null)).toBe(true);
		expect(await partsOf(id)).toEqual([
			['205', 1, null, null, null],
			['785', 1, null, null, null]
		]);
	});
});
