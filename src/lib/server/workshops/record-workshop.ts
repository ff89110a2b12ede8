import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db';
import { workshopParticipants, workshops } from '../db/schema';
import { changedFields, recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import { cancelPendingJobs, enqueueJob } from '../jobs/enqueue-job';
import {
	checkOutcomeRecording,
	transition,
	type OutcomeRefusal,
	type TransitionRefusal,
	type WorkshopActor
} from '$lib/domain/workshops/workshop-states';
import { lockWorkshop, toDomainWorkshop } from './workshop-rows';
import { WORKSHOP_FEEDBACK_HOURS_AFTER, workshopFeedbackKey } from './workshop-notices';
import { isUuid } from '$lib/domain/uuid';

export interface RecordInput {
	workshopId: string;
	notes: string;
	outcomes: string;
	nextSteps: string;
	/** Attendance of the workshop's participants; others are left as they are. */
	attendance: readonly { userId: string; attended: boolean }[];
}

export type RecordWorkshopResult =
	| { ok: true; markedHeld: boolean }
	| { ok: false; error: 'not_found' | TransitionRefusal | OutcomeRefusal };

/**
 * The assigned expert (or the coordinator) records a workshop: an agreed one is marked held
 * once its start has passed (never before; a held one is never un-held), and its notes,
 * outcomes, agreed next steps and attendance are saved, visible to the municipality. Each
 * participant marked as attending is asked for feedback by mail after the workshop (at once
 * when marked later); unmarking withdraws a request not yet sent.
 */
export async function recordWorkshop(
	db: Db,
	actor: Actor,
	as: WorkshopActor,
	input: RecordInput,
	now: Date = new Date()
): Promise<RecordWorkshopResult> {
	return db.transaction(async (tx): Promise<RecordWorkshopResult> => {
		const locked = await lockWorkshop(tx, input.workshopId);
		if (!locked) return { ok: false, error: 'not_found' };
		const domain = toDomainWorkshop(locked);
		const before = locked.workshop;
		let markedHeld = false;
		if (domain.state === 'agreed') {
			const held = transition(domain, { kind: 'mark_held' }, as, { now });
			if (!held.ok) return { ok: false, error: held.reason };
			markedHeld = true;
		}
		const refusal = checkOutcomeRecording(
			{ ...domain, state: markedHeld ? 'held' : domain.state },
			as
		);
		if (refusal) return { ok: false, error: refusal };

		const values = { notes: input.notes, outcomes: input.outcomes, nextSteps: input.nextSteps };
		const diff = changedFields(before as unknown as Record<string, unknown>, values);
		await tx
			.update(workshops)
			.set({
				...values,
				...(markedHeld ? { state: 'held' as const, heldAt: now } : {}),
				updatedAt: now
			})
			.where(eq(workshops.id, before.id));
		if (markedHeld) {
			await recordAudit(tx, actor, {
				action: 'workshop.hold',
				entityType: 'workshop',
				entityId: before.id,
				before: { state: 'agreed' },
				after: { state: 'held', heldAt: now }
			});
		}
		if (diff) {
			await recordAudit(tx, actor, {
				action: 'workshop.record',
				entityType: 'workshop',
				entityId: before.id,
				before: diff.before,
				after: diff.after
			});
		}
		await recordAttendance(tx, actor, before, input.attendance, now);
		return { ok: true, markedHeld };
	});
}

async function recordAttendance(
	tx: Tx,
	actor: Actor,
	workshop: typeof workshops.$inferSelect,
	marks: RecordInput['attendance'],
	now: Date
) {
	const ids = marks.map((m) => m.userId).filter((id) => isUuid(id));
	if (ids.length === 0) return;
	const current = await tx
		.select({ userId: workshopParticipants.userId, attended: workshopParticipants.attended })
		.from(workshopParticipants)
		.where(
			and(
				eq(workshopParticipants.workshopId, workshop.id),
				inArray(workshopParticipants.userId, ids)
			)
		);
	const was = new Map(current.map((c) => [c.userId, c.attended]));
	const changes = marks.filter((m) => was.has(m.userId) && was.get(m.userId) !== m.attended);
	if (changes.length === 0) return;
	for (const attended of [true, false]) {
		const these = changes.filter((c) => c.attended === attended).map((c) => c.userId);
		if (these.length === 0) continue;
		await tx
			.update(workshopParticipants)
			.set({ attended, attendanceMarkedAt: sql`now()` })
			.where(
				and(
					eq(workshopParticipants.workshopId, workshop.id),
					inArray(workshopParticipants.userId, these)
				)
			);
	}
	const runAt = new Date(
		Math.max(
			now.getTime(),
			(workshop.endsAt ?? now).getTime() + WORKSHOP_FEEDBACK_HOURS_AFTER * 3_600_000
		)
	);
	for (const change of changes.filter((c) => c.attended)) {
		await enqueueJob(
			tx,
			'workshop_feedback_request',
			{ workshopId: workshop.id, userId: change.userId },
			{ runAt, dedupeKey: workshopFeedbackKey(workshop.id, change.userId) }
		);
	}
	await cancelPendingJobs(
		tx,
		changes.filter((c) => !c.attended).map((c) => workshopFeedbackKey(workshop.id, c.userId))
	);
	await recordAudit(tx, actor, {
		action: 'workshop.attendance',
		entityType: 'workshop',
		entityId: workshop.id,
		after: {
			attended: changes.filter((c) => c.attended).map((c) => c.userId),
			notAttended: changes.filter((c) => !c.attended).map((c) => c.userId)
		}
	});
}
