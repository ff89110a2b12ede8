import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../../../tests/setup/test-db';
import { NOW, uso7 } from '../../../../tests/factories/events';
import {
	COORDINATOR,
	addExpert,
	demoExpert,
	proposal,
	proposed,
	uso7Membership,
	withoutDemoWorkshops
} from '../../../../tests/factories/workshops';
import { systemActor } from '../actor';
import { workshopExperts, workshops } from '../db/schema';
import { entitlementLedger } from '$lib/domain/workshops/entitlement';
import { cancelWorkshop } from './cancel-workshop';
import { proposeWorkshop } from './propose-workshop';
import { recordWorkshop } from './record-workshop';
import { scheduleWorkshop } from './schedule-workshop';
import { ledgerWorkshopsOf } from './workshop-rows';
import {
	getWorkshop,
	listExpertAssignments,
	listSeasonLedgers,
	listSeasonWorkshops,
	membershipLedgers
} from './workshop-queries';
import { exportSeasonWorkshops } from './export-season-workshops';

/**
 * What the pages read: ledgers counted by the database agree with the domain rule over the
 * same workshops; a workshop is found only through its own municipality's address; an expert's
 * assignments span municipalities.
 */
let database: TestDatabase;
let vaalaId: string;
let kajaaniId: string;
let agreedId: string;
let heldId: string;
let expertId: string;

const START = new Date('2024-04-10T07:00:00Z');
const END = new Date('2024-04-10T11:00:00Z');

async function agree(id: string, expertIds: string[], startsAt = START, endsAt = END) {
	const result = await scheduleWorkshop(
		database.db,
		systemActor,
		COORDINATOR,
		{
			workshopId: id,
			format: 'online',
			startsAt,
			endsAt,
			place: '',
			onlineUrl: 'https://meet.example.fi/w',
			expertIds,
			participantIds: [],
			approveExtra: true
		},
		NOW
	);
	if (!result.ok) throw new Error(JSON.stringify(result));
}

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	await withoutDemoWorkshops(database.db);
	vaalaId = (await uso7Membership(database.db, '785')).id;
	kajaaniId = (await uso7Membership(database.db, '205')).id;
	expertId = (await demoExpert(database.db)).person.id;
	// Vaala: one held, one agreed ahead, one late cancelled, one cancelled in time, one proposed
	heldId = await proposed(database.db, vaalaId);
	await agree(heldId, [expertId]);
	await recordWorkshop(
		database.db,
		systemActor,
		COORDINATOR,
		{ workshopId: heldId, notes: 'n', outcomes: 'o', nextSteps: 's', attendance: [] },
		new Date('2024-04-10T12:00:00Z')
	);
	agreedId = await proposed(database.db, vaalaId);
	await agree(
		agreedId,
		[expertId],
		new Date('2024-05-10T07:00:00Z'),
		new Date('2024-05-10T11:00:00Z')
	);
	const late = await proposed(database.db, vaalaId);
	await agree(late, [expertId]);
	await cancelWorkshop(
		database.db,
		systemActor,
		COORDINATOR,
		{ workshopId: late, by: 'municipality', reason: 'Myöhässä' },
		new Date('2024-04-05T10:00:00Z')
	);
	const inTime = await proposed(database.db, vaalaId);
	await cancelWorkshop(
		database.db,
		systemActor,
		COORDINATOR,
		{ workshopId: inTime, by: 'municipality', reason: 'Ajoissa' },
		NOW
	);
	await proposed(database.db, vaalaId);
	// Kajaani: one agreed with another expert
	const other = await addExpert(database.db, 'kajaani');
	const kajaani = await proposed(database.db, kajaaniId);
	await agree(kajaani, [other.person.id]);
});
afterAll(() => database?.close());

describe('the ledger', () => {
	it('counted by the database is the domain rule’s over the same workshops, before and after the start', async () => {
		for (const at of [NOW, new Date('2024-04-20T10:00:00Z'), new Date('2024-06-01T10:00:00Z')]) {
			const ledgers = await membershipLedgers(database.db, [{ id: vaalaId, entitlement: 5 }], at);
			const expected = entitlementLedger(5, await ledgerWorkshopsOf(database.db, vaalaId), at);
			expect(ledgers.get(vaalaId)).toEqual(expected);
		}
		const ledger = (
			await membershipLedgers(
				database.db,
				[{ id: vaalaId, entitlement: 5 }],
				new Date('2024-04-20T10:00:00Z')
			)
		).get(vaalaId)!;
		expect(ledger).toMatchObject({
			counts: { held: 1, awaitingRecord: 0, lateCancelled: 1, scheduled: 1, proposed: 1 },
			used: 2,
			planned: 2,
			left: 1
		});
	});

	it('gives back the place of a workshop cancelled in time: one more may be proposed, then none', async () => {
		expect(
			await proposeWorkshop(database.db, systemActor, COORDINATOR, proposal(vaalaId), NOW)
		).toMatchObject({ ok: true });
		expect(
			await proposeWorkshop(database.db, systemActor, COORDINATOR, proposal(vaalaId), NOW)
		).toEqual({ ok: false, error: 'entitlement_used' });
	});

	it('pages the season’s active members with their ledgers, and exports them', async () => {
		const { seasonId } = await uso7(database.db);
		const season = { id: seasonId, workshopsPerMunicipality: 5 };
		const list = await listSeasonLedgers(database.db, season, 1, NOW, 5);
		expect(list.total).toBe(11);
		expect(list.pages).toBe(3);
		expect(list.rows).toHaveLength(5);
		const all = await listSeasonLedgers(database.db, season, 1, NOW);
		const vaala = all.rows.find((r) => r.code === '785')!;
		expect(vaala.ledger.left).toBe(0);
		const table = await exportSeasonWorkshops(
			database.db,
			{ ...season, number: 7, networkShortName: 'USO' },
			'fi',
			NOW
		);
		expect(table.rows).toHaveLength(11);
		// at NOW: held 1, not recorded 0, late 1, scheduled 1 (May), proposed 2; used 2, planned 3
		expect(table.rows.find((r) => r[0] === '785')).toEqual([
			'785',
			'Vaala',
			5,
			1,
			0,
			1,
			1,
			2,
			2,
			3,
			0,
			0,
			0
		]);
	});

	it('lists the season’s proposals for the coordinator', async () => {
		const { seasonId } = await uso7(database.db);
		const list = await listSeasonWorkshops(database.db, seasonId, { state: 'proposed', page: 1 });
		expect(list.rows.every((r) => r.state === 'proposed')).toBe(true);
		expect(list.rows.filter((r) => r.municipality.code === '785')).toHaveLength(2);
	});
});

describe('a workshop page', () => {
	it('is found through its own municipality only', async () => {
		expect((await getWorkshop(database.db, '785', heldId))?.workshop.id).toBe(heldId);
		expect(await getWorkshop(database.db, '205', heldId)).toBeNull();
		expect(await getWorkshop(database.db, '785', 'not-a-uuid')).toBeNull();
	});

	it('lists an expert’s assignments ahead and done, and none of another expert’s', async () => {
		const ahead = await listExpertAssignments(database.db, expertId, { done: false, page: 1 });
		expect(ahead.rows.map((r) => r.id)).toEqual([agreedId]);
		const done = await listExpertAssignments(database.db, expertId, { done: true, page: 1 });
		expect(done.rows.map((r) => r.state).sort()).toEqual(['cancelled', 'held']);
		expect(done.rows.every((r) => r.municipality.code === '785')).toBe(true);
	});

	it('keeps every assignment’s copy of its workshop’s start and state (the database’s triggers)', async () => {
		const copies = await database.db
			.select({
				workshopId: workshopExperts.workshopId,
				done: workshopExperts.done,
				startsAt: workshopExperts.startsAt,
				state: workshops.state,
				workshopStartsAt: workshops.startsAt
			})
			.from(workshopExperts)
			.innerJoin(workshops, eq(workshops.id, workshopExperts.workshopId));
		// this file's assignments: scheduled, held and cancelled ones
		expect(copies.length).toBeGreaterThan(3);
		for (const c of copies) {
			expect(c.done, c.workshopId).toBe(c.state === 'held' || c.state === 'cancelled');
			expect(c.startsAt?.getTime(), c.workshopId).toBe(c.workshopStartsAt?.getTime());
		}
	});
});
