import type { Tx } from '../db';
import { enqueueJob } from '../jobs/enqueue-job';

/**
 * What the workshop use cases tell people, enqueued in their transaction; the mail is composed
 * when the job runs (workshop-jobs.ts), with the workshop as it then is.
 *
 * - `invited`: these people, if they still take part, get the workshop as an invitation;
 * - `changed`: these people, if they still take part, get the update (a higher SEQUENCE);
 * - `removed`: these people, if they no longer take part, get the entry cancelled;
 * - `cancelled`: everyone taking part gets the cancellation with its reason.
 */
export type WorkshopNoticeKind = 'invited' | 'changed' | 'removed' | 'cancelled';

export async function noticeWorkshop(
	tx: Tx,
	workshopId: string,
	kind: WorkshopNoticeKind,
	userIds: readonly string[] = []
): Promise<void> {
	if (kind !== 'cancelled' && userIds.length === 0) return;
	await enqueueJob(tx, 'workshop_notice', { workshopId, kind, userIds: [...userIds] });
}

/** Hours after the end that a participant marked as attending is asked for feedback. */
export const WORKSHOP_FEEDBACK_HOURS_AFTER = 2;

export const workshopFeedbackKey = (workshopId: string, userId: string) =>
	`workshop_feedback_request:${workshopId}:${userId}`;

/**
 * What waits for the network's coordinators: a workshop a municipality proposed, a journey an
 * expert submitted (coordinator-notice-job.ts). Enqueued in the use case's transaction.
 */
export async function noticeCoordinators(
	tx: Tx,
	kind: 'workshop_proposed' | 'journey_submitted',
	id: string
): Promise<void> {
	await enqueueJob(tx, 'coordinator_notice', { kind, id });
}
