import type { Db } from '../../src/lib/server/db';
import { systemActor, type Actor } from '../../src/lib/server/actor';
import {
	proposeWorkshop,
	type ProposalInput
} from '../../src/lib/server/workshops/propose-workshop';
import { recordWorkshop } from '../../src/lib/server/workshops/record-workshop';
import { scheduleWorkshop } from '../../src/lib/server/workshops/schedule-workshop';
import { addCostLine, type NewCostLine } from '../../src/lib/server/workshops/travel/cost-lines';
import { createJourney } from '../../src/lib/server/workshops/travel/save-journey';
import { moveJourney } from '../../src/lib/server/workshops/travel/review-journey';
import type { WorkshopActor } from '../../src/lib/domain/workshops/workshop-states';
import { NOW } from './events';
import { COORDINATOR, proposal, uso7Membership } from './workshops';

/**
 * Travel costs for tests, on the demo data: workshops of USO 7 held in April 2024 by an expert,
 * and journeys to them claimed, submitted and approved through the use cases.
 */

/** After the April workshops: the day journeys are claimed and approved. */
export const AFTER_WORKSHOPS = new Date('2024-04-12T10:00:00Z');

export interface TestExpert {
	actor: Actor;
	as: WorkshopActor;
	person: { id: string };
}

/**
 * A proposal for a municipality's USO 7 membership; beyond its entitlement (the demo may have
 * used it) an extra, so a test's own workshops never depend on what the demo holds.
 */
export async function proposedAnyway(
	db: Db,
	membershipId: string,
	overrides: Partial<ProposalInput> = {}
): Promise<{ id: string; extra: boolean }> {
	const result = await proposeWorkshop(
		db,
		systemActor,
		COORDINATOR,
		proposal(membershipId, overrides),
		NOW
	);
	if (result.ok) return { id: result.workshopId, extra: result.extra };
	if (result.error !== 'entitlement_used') throw new Error(JSON.stringify(result));
	const extra = await proposeWorkshop(
		db,
		systemActor,
		COORDINATOR,
		proposal(membershipId, { ...overrides, asExtra: true }),
		NOW
	);
	if (!extra.ok) throw new Error(JSON.stringify(extra));
	return { id: extra.workshopId, extra: true };
}

/** A workshop of a municipality's USO 7 membership, agreed with the expert (not yet held). */
export async function agreedWorkshop(
	db: Db,
	code: string,
	startsAt: Date,
	expert: TestExpert,
	overrides: { focusAreaId?: string | null; participantIds?: string[] } = {}
): Promise<string> {
	const membership = await uso7Membership(db, code);
	const { id, extra } = await proposedAnyway(db, membership.id, {
		focusAreaId: overrides.focusAreaId ?? null
	});
	const scheduled = await scheduleWorkshop(
		db,
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
			participantIds: overrides.participantIds ?? [],
			approveExtra: extra
		},
		NOW
	);
	if (!scheduled.ok) throw new Error(JSON.stringify(scheduled));
	return id;
}

/**
 * A workshop of a municipality's USO 7 membership, agreed with the expert and held; its
 * participants, if any, are marked as having attended.
 */
export async function heldWorkshop(
	db: Db,
	code: string,
	startsAt: Date,
	expert: TestExpert,
	overrides: { focusAreaId?: string | null; participantIds?: string[] } = {}
): Promise<string> {
	const id = await agreedWorkshop(db, code, startsAt, expert, overrides);
	const recorded = await recordWorkshop(
		db,
		systemActor,
		COORDINATOR,
		{
			workshopId: id,
			notes: '',
			outcomes: '',
			nextSteps: '',
			attendance: (overrides.participantIds ?? []).map((userId) => ({ userId, attended: true }))
		},
		AFTER_WORKSHOPS
	);
	if (!recorded.ok) throw new Error(JSON.stringify(recorded));
	return id;
}

/** A train ticket of 45,90 € with 4,17 € VAT at 10 %. */
export const trainTicket = (overrides: Partial<NewCostLine> = {}): NewCostLine => ({
	kind: 'train',
	date: '2024-04-11',
	distanceKm: null,
	grossCents: 4590,
	vatCents: 417,
	vatBasisPoints: 1000,
	description: 'Kajaani–Helsinki',
	...overrides
});

/** 123,4 km in one's own car on 10 April 2024 (7 034 c at 57 c/km). */
export const carTrip = (overrides: Partial<NewCostLine> = {}): NewCostLine => ({
	kind: 'own_car',
	date: '2024-04-10',
	distanceKm: 123.4,
	grossCents: null,
	vatCents: null,
	vatBasisPoints: null,
	description: '',
	...overrides
});

export const receiptPdf = () => Buffer.from('%PDF-1.4\n% kuitti\n');

/** A journey with its lines (receipts where a line needs one), submitted; its id. */
export async function submittedJourney(
	db: Db,
	expert: TestExpert,
	workshopIds: string[],
	lines: NewCostLine[],
	places: { from: string; to: string } = { from: 'Helsinki', to: 'Vaala' }
): Promise<string> {
	const created = await createJourney(
		db,
		expert.actor,
		expert.as,
		{ ...places, workshopIds },
		AFTER_WORKSHOPS
	);
	if (!created.ok) throw new Error(JSON.stringify(created));
	for (const line of lines) {
		const added = await addCostLine(
			db,
			expert.actor,
			expert.as,
			{
				journeyId: created.journeyId,
				line,
				receipt: line.kind === 'own_car' ? null : { name: 'kuitti.pdf', bytes: receiptPdf() }
			},
			AFTER_WORKSHOPS
		);
		if (!added.ok) throw new Error(JSON.stringify(added));
	}
	const submitted = await moveJourney(
		db,
		expert.actor,
		expert.as,
		{ journeyId: created.journeyId, action: { kind: 'submit' } },
		AFTER_WORKSHOPS
	);
	if (!submitted.ok) throw new Error(JSON.stringify(submitted));
	return created.journeyId;
}

/** A journey submitted and approved by the coordinator; its id. */
export async function approvedJourney(
	db: Db,
	expert: TestExpert,
	coordinator: Actor,
	workshopIds: string[],
	lines: NewCostLine[],
	places?: { from: string; to: string },
	at: Date = AFTER_WORKSHOPS
): Promise<string> {
	const id = await submittedJourney(db, expert, workshopIds, lines, places);
	const approved = await moveJourney(
		db,
		coordinator,
		COORDINATOR,
		{ journeyId: id, action: { kind: 'approve' } },
		at
	);
	if (!approved.ok) throw new Error(JSON.stringify(approved));
	return id;
}
