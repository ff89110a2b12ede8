import { eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { journeyWorkshops, journeys } from '../../db/schema';
import { changedFields, recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../actor';
import { sharesOfWorkshops } from '$lib/domain/workshops/cost-split';
import { checkJourneyEdit, type JourneyRefusal } from '$lib/domain/workshops/travel-costs';
import type { WorkshopActor } from '$lib/domain/workshops/workshop-states';
import { claimableWorkshops, lockJourney, resetShares, workshopsForJourney } from './journey-rows';

export interface JourneyHeader {
	from: string;
	to: string;
	workshopIds: readonly string[];
}

export type JourneyHeaderField = 'from' | 'to' | 'workshopIds';

export type SaveJourneyResult =
	| { ok: true; journeyId: string }
	| { ok: false; error: 'not_found' | JourneyRefusal }
	| {
			ok: false;
			error: 'fields';
			fields: Partial<Record<JourneyHeaderField, 'required' | 'invalidChoice'>>;
	  };

function checkHeader(header: JourneyHeader, claimable: Set<string>) {
	const fields: Extract<SaveJourneyResult, { error: 'fields' }>['fields'] = {};
	if (header.from.trim() === '') fields.from = 'required';
	if (header.to.trim() === '') fields.to = 'required';
	const ids = [...new Set(header.workshopIds)];
	if (ids.length === 0) fields.workshopIds = 'required';
	else if (ids.some((id) => !claimable.has(id))) fields.workshopIds = 'invalidChoice';
	return fields;
}

/**
 * An expert starts a journey claim: from where, to where, and which of their workshops it
 * served (agreed ones, of one or more municipalities). The shares are one per workshop served
 * (cost-split.ts) until the coordinator approves.
 */
export async function createJourney(
	db: Db,
	actor: Actor,
	as: WorkshopActor,
	header: JourneyHeader,
	now: Date = new Date()
): Promise<SaveJourneyResult> {
	if (as.role !== 'expert') return { ok: false, error: 'role_not_allowed' };
	return db.transaction(async (tx): Promise<SaveJourneyResult> => {
		const claimable = await claimableWorkshops(tx, as.personId, header.workshopIds);
		const fields = checkHeader(header, claimable);
		if (Object.keys(fields).length > 0) return { ok: false, error: 'fields', fields };
		const workshopIds = [...new Set(header.workshopIds)];
		const [row] = await tx
			.insert(journeys)
			.values({
				expertId: as.personId,
				fromPlace: header.from.trim(),
				toPlace: header.to.trim(),
				createdAt: now,
				updatedAt: now
			})
			.returning({ id: journeys.id });
		await tx
			.insert(journeyWorkshops)
			.values(workshopIds.map((workshopId) => ({ journeyId: row!.id, workshopId })));
		await resetShares(tx, row!.id, sharesOfWorkshops(await workshopsForJourney(tx, workshopIds)));
		await recordAudit(tx, actor, {
			action: 'journey.create',
			entityType: 'journey',
			entityId: row!.id,
			after: { from: header.from.trim(), to: header.to.trim(), workshopIds }
		});
		return { ok: true, journeyId: row!.id };
	});
}

/** The expert changes a draft or returned journey's places and workshops. */
export async function updateJourney(
	db: Db,
	actor: Actor,
	as: WorkshopActor,
	journeyId: string,
	header: JourneyHeader,
	now: Date = new Date()
): Promise<SaveJourneyResult> {
	return db.transaction(async (tx): Promise<SaveJourneyResult> => {
		const locked = await lockJourney(tx, journeyId);
		if (!locked) return { ok: false, error: 'not_found' };
		const refusal = checkJourneyEdit(
			{ state: locked.journey.state, expertId: locked.journey.expertId },
			as
		);
		if (refusal) return { ok: false, error: refusal };
		const claimable = await claimableWorkshops(tx, locked.journey.expertId, header.workshopIds);
		const fields = checkHeader(header, claimable);
		if (Object.keys(fields).length > 0) return { ok: false, error: 'fields', fields };
		const workshopIds = [...new Set(header.workshopIds)];
		const values = { fromPlace: header.from.trim(), toPlace: header.to.trim() };
		const diff = changedFields(locked.journey as unknown as Record<string, unknown>, values);
		await tx
			.update(journeys)
			.set({ ...values, updatedAt: now })
			.where(eq(journeys.id, journeyId));
		await tx.delete(journeyWorkshops).where(eq(journeyWorkshops.journeyId, journeyId));
		await tx
			.insert(journeyWorkshops)
			.values(workshopIds.map((workshopId) => ({ journeyId, workshopId })));
		await resetShares(tx, journeyId, sharesOfWorkshops(await workshopsForJourney(tx, workshopIds)));
		await recordAudit(tx, actor, {
			action: 'journey.update',
			entityType: 'journey',
			entityId: journeyId,
			before: { ...(diff?.before ?? {}), workshopIds: locked.workshops.map((w) => w.id) },
			after: { ...(diff?.after ?? {}), workshopIds }
		});
		return { ok: true, journeyId };
	});
}
