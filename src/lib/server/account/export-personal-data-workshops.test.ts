import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/setup/test-db';
import { NOW, personByEmail } from '../../../../tests/factories/events';
import {
	contactOf,
	coordinatorActor,
	demoExpert,
	proposal,
	uso7Membership
} from '../../../../tests/factories/workshops';
import {
	AFTER_WORKSHOPS,
	approvedJourney,
	carTrip,
	heldWorkshop,
	receiptPdf,
	trainTicket
} from '../../../../tests/factories/travel';
import { userActor } from '../actor';
import { giveWorkshopFeedback } from '../workshops/give-workshop-feedback';
import { proposeWorkshop } from '../workshops/propose-workshop';
import { exportPersonalData } from './export-personal-data';

/**
 * The personal data export holds a person's workshops (taking part, as the expert, proposed),
 * their workshop feedback, and their journeys with every line, a receipt by its name only.
 */
let database: TestDatabase;
let workshopId: string;
let journeyId: string;
let proposedId: string;
const MIKKO = 'osallistuja-785@example.fi';

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	const db = database.db;
	const expert = await demoExpert(db);
	const mikko = await personByEmail(db, MIKKO);
	workshopId = await heldWorkshop(db, '785', new Date('2024-04-10T07:00:00Z'), expert, {
		participantIds: [mikko.id]
	});
	const answered = await giveWorkshopFeedback(
		db,
		{ ...userActor(mikko), userId: mikko.id },
		{ workshopId, scores: { content: 5, usefulness: 4 }, comment: 'Selkeä toimeenpanon malli' },
		AFTER_WORKSHOPS
	);
	if (!answered.ok) throw new Error(JSON.stringify(answered));
	journeyId = await approvedJourney(
		db,
		expert,
		await coordinatorActor(db),
		[workshopId],
		[carTrip(), trainTicket({ date: '2024-04-10' })]
	);
	const contact = await contactOf(db, '785');
	const { id: membershipId } = await uso7Membership(db, '785');
	const propose = (asExtra: boolean) =>
		proposeWorkshop(
			db,
			contact.actor,
			contact.as,
			proposal(membershipId, { need: 'Osallisuusohjelman päivitys', asExtra }),
			NOW
		);
	let proposedResult = await propose(false);
	if (!proposedResult.ok && proposedResult.error === 'entitlement_used') {
		proposedResult = await propose(true);
	}
	if (!proposedResult.ok) throw new Error(JSON.stringify(proposedResult));
	proposedId = proposedResult.workshopId;
});
afterAll(() => database?.close());

describe('the personal data export of workshops and travel costs', () => {
	it('holds a participant’s workshops with their attendance, and their feedback', async () => {
		const mikko = await personByEmail(database.db, MIKKO);
		const data = (await exportPersonalData(database.db, mikko.id))!;
		expect(data.workshops.takingPart).toContainEqual(
			expect.objectContaining({
				workshopId,
				municipalityCode: '785',
				state: 'held',
				attended: true
			})
		);
		expect(data.workshopFeedback).toContainEqual(
			expect.objectContaining({
				workshopId,
				scores: { content: 5, usefulness: 4 },
				comment: 'Selkeä toimeenpanon malli'
			})
		);
		expect(data.journeys).toEqual([]);
	});

	it('holds an expert’s workshops and journeys with every line, the receipt by its name only', async () => {
		const expert = await demoExpert(database.db);
		const data = (await exportPersonalData(database.db, expert.person.id))!;
		expect(data.workshops.asExpert).toContainEqual(
			expect.objectContaining({ workshopId, municipalityCode: '785', state: 'held' })
		);
		const journey = data.journeys.find((j) => j.id === journeyId)!;
		expect(journey).toMatchObject({
			state: 'approved',
			from: 'Helsinki',
			to: 'Vaala',
			grossCents: 7034 + 4590
		});
		expect(journey.lines).toEqual([
			expect.objectContaining({
				kind: 'own_car',
				distanceTenths: 1234,
				approvedGrossCents: 7034,
				receiptFileName: null
			}),
			expect.objectContaining({
				kind: 'train',
				grossCents: 4590,
				vatCents: 417,
				receiptFileName: 'kuitti.pdf'
			})
		]);
		const json = JSON.stringify(data);
		expect(json).not.toContain('%PDF');
		expect(json).not.toContain(receiptPdf().toString('base64'));
		// the feedback is the participant's, not the expert's
		expect(json).not.toContain('Selkeä toimeenpanon malli');
	});

	it('holds the workshops a contact person proposed, and the journeys a coordinator reviewed', async () => {
		const helena = await personByEmail(database.db, 'yhteys-785@example.fi');
		const hers = (await exportPersonalData(database.db, helena.id))!;
		expect(hers.workshops.proposed).toContainEqual(
			expect.objectContaining({
				workshopId: proposedId,
				need: 'Osallisuusohjelman päivitys',
				state: 'proposed'
			})
		);
		const coordinator = await personByEmail(database.db, 'koordinaattori@example.fi');
		const theirs = (await exportPersonalData(database.db, coordinator.id))!;
		expect(theirs.journeysReviewed).toContainEqual(
			expect.objectContaining({ journeyId, state: 'approved' })
		);
		expect(theirs.journeys).toEqual([]);
	});
});
