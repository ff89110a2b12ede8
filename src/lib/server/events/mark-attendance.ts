import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { eventSignUps } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import { checkAttendanceWindow, type AttendanceRefusal } from '$lib/domain/events/deadlines';
import { cancelPendingJobs, enqueueJob } from '../jobs/enqueue-job';
import { lockEvent } from './seats';

export type MarkAttendanceResult =
	{ ok: true; changed: number } | { ok: false; error: 'not_found' | AttendanceRefusal };

/** Hours after the end that an attendee is asked for feedback. */
export const FEEDBACK_REQUEST_HOURS_AFTER = 2;

export const feedbackRequestKey = (signUpId: string) => `event_feedback_request:${signUpId}`;

/**
 * Marks who attended among those holding a seat, from the start of the event on. Each person
 * marked as attended is asked for feedback by mail (after the event, or at once when marked
 * later); unmarking withdraws a request not yet sent.
 */
export async function markAttendance(
	db: Db,
	actor: Actor,
	input: { eventId: string; marks: readonly { signUpId: string; attended: boolean }[] },
	now: Date = new Date()
): Promise<MarkAttendanceResult> {
	return db.transaction(async (tx): Promise<MarkAttendanceResult> => {
		const event = await lockEvent(tx, input.eventId);
		if (!event) return { ok: false, error: 'not_found' };
		const window = checkAttendanceWindow({ ...event, cancelled: event.cancelledAt !== null }, now);
		if (!window.ok) return { ok: false, error: window.reason };
		const ids = input.marks.map((m) => m.signUpId);
		if (ids.length === 0) return { ok: true, changed: 0 };
		const current = await tx
			.select({ id: eventSignUps.id, userId: eventSignUps.userId, attended: eventSignUps.attended })
			.from(eventSignUps)
			.where(
				and(
					eq(eventSignUps.eventId, event.id),
					eq(eventSignUps.state, 'confirmed'),
					inArray(eventSignUps.id, ids)
				)
			);
		const byId = new Map(current.map((c) => [c.id, c]));
		const changes = input.marks.filter(
			(m) => byId.has(m.signUpId) && byId.get(m.signUpId)!.attended !== m.attended
		);
		for (const attended of [true, false]) {
			const these = changes.filter((c) => c.attended === attended).map((c) => c.signUpId);
			if (these.length === 0) continue;
			await tx
				.update(eventSignUps)
				.set({ attended, attendanceMarkedAt: sql`now()` })
				.where(inArray(eventSignUps.id, these));
		}
		const runAt = new Date(
			Math.max(now.getTime(), event.endsAt.getTime() + FEEDBACK_REQUEST_HOURS_AFTER * 3_600_000)
		);
		for (const change of changes) {
			if (change.attended) {
				await enqueueJob(
					tx,
					'event_feedback_request',
					{ eventId: event.id, signUpId: change.signUpId },
					{ runAt, dedupeKey: feedbackRequestKey(change.signUpId) }
				);
			}
		}
		await cancelPendingJobs(
			tx,
			changes.filter((c) => !c.attended).map((c) => feedbackRequestKey(c.signUpId))
		);
		if (changes.length > 0) {
			await recordAudit(tx, actor, {
				action: 'event.attendance',
				entityType: 'event',
				entityId: event.id,
				after: {
					attended: changes.filter((c) => c.attended).map((c) => byId.get(c.signUpId)!.userId),
					notAttended: changes.filter((c) => !c.attended).map((c) => byId.get(c.signUpId)!.userId)
				}
			});
		}
		return { ok: true, changed: changes.length };
	});
}
