import type { Tx } from '../db';
import { cancelPendingJobs, enqueueJob } from '../jobs/enqueue-job';
import { arrangementsEraseAt } from '$lib/domain/events/deadlines';
import type { EventRow } from './seats';

/**
 * What the event use cases tell people, enqueued in their transaction: the mail is composed
 * when the job runs (`event-notice-job.ts`), in each recipient's language and with the event
 * as it then is, so an update never carries an older SEQUENCE than the one it follows.
 */
export type SignUpNoticeKind = 'signed_up' | 'promoted' | 'sign_up_cancelled';
export type EventNoticeKind = SignUpNoticeKind | 'changed' | 'event_cancelled';

export interface EventNoticePayload {
	eventId: string;
	kind: EventNoticeKind;
	/** The sign-ups to tell; for `changed` and `event_cancelled`, everyone signed up. */
	signUpIds: string[];
}

/** Hours before the start that a reminder goes to those holding a seat. */
export const REMINDER_HOURS_BEFORE = 48;

const HOUR = 3_600_000;

export async function noticeSignUps(
	tx: Tx,
	event: EventRow,
	kind: SignUpNoticeKind,
	signUpIds: readonly string[]
): Promise<void> {
	if (signUpIds.length === 0) return;
	await enqueueJob(tx, 'event_notice', { eventId: event.id, kind, signUpIds: [...signUpIds] });
}

export async function noticeEventChanged(tx: Tx, event: EventRow): Promise<void> {
	await enqueueJob(tx, 'event_notice', { eventId: event.id, kind: 'changed', signUpIds: [] });
}

/** Tells everyone signed up, and drops the reminder that will not be needed. */
export async function noticeEventCancelled(tx: Tx, event: EventRow): Promise<void> {
	await cancelPendingJobs(tx, [reminderKey(event.id)]);
	await enqueueJob(tx, 'event_notice', {
		eventId: event.id,
		kind: 'event_cancelled',
		signUpIds: []
	});
}

const reminderKey = (eventId: string) => `event_reminder:${eventId}`;
const erasureKey = (eventId: string) => `erase_arrangements:${eventId}`;

/**
 * The event's timed jobs: the reminder and the erasure of special arrangements. One job each per event (dedupe keys), so moving the event moves them.
 */
export async function scheduleEventJobs(tx: Tx, event: EventRow): Promise<void> {
	await enqueueJob(
		tx,
		'event_reminder',
		{ eventId: event.id },
		{
			runAt: new Date(event.startsAt.getTime() - REMINDER_HOURS_BEFORE * HOUR),
			dedupeKey: reminderKey(event.id)
		}
	);
	await enqueueJob(
		tx,
		'erase_arrangements',
		{ eventId: event.id },
		{ runAt: arrangementsEraseAt(event), dedupeKey: erasureKey(event.id) }
	);
}
