import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db';
import { eventFeedback, eventSignUps } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import { isUniqueViolation } from '../db/errors';
import { checkFeedbackWindow, type FeedbackRefusal } from '$lib/domain/events/deadlines';
import type { FeedbackQuestion } from '$lib/domain/events/feedback';
import { lockEvent } from './seats';

export type GiveFeedbackResult = { ok: true } | { ok: false; error: 'not_found' | FeedbackRefusal };

/** Whether the person may answer the event's feedback form now, and whether they have. */
export async function feedbackStanding(db: DbOrTx, eventId: string, userId: string) {
	const [row] = await db
		.select({ attended: eventSignUps.attended, answered: eventFeedback.id })
		.from(eventSignUps)
		.leftJoin(
			eventFeedback,
			and(
				eq(eventFeedback.eventId, eventSignUps.eventId),
				eq(eventFeedback.userId, eventSignUps.userId)
			)
		)
		.where(
			and(
				eq(eventSignUps.eventId, eventId),
				eq(eventSignUps.userId, userId),
				eq(eventSignUps.state, 'confirmed')
			)
		)
		.limit(1);
	return { attended: row?.attended === true, answered: !!row?.answered };
}

/**
 * Records one attendee's answers to the event's feedback form, once: scores 1–5 per question
 * (any may be left out) and a free comment. The audit log records only that the person
 * answered, never what: the answers are read as figures and unsigned comments.
 */
export async function giveFeedback(
	db: Db,
	actor: Actor & { userId: string },
	input: { eventId: string; scores: Partial<Record<FeedbackQuestion, number>>; comment: string },
	now: Date = new Date()
): Promise<GiveFeedbackResult> {
	try {
		return await db.transaction(async (tx): Promise<GiveFeedbackResult> => {
			const event = await lockEvent(tx, input.eventId);
			if (!event) return { ok: false, error: 'not_found' };
			const standing = await feedbackStanding(tx, event.id, actor.userId);
			const window = checkFeedbackWindow(
				{ ...event, cancelled: event.cancelledAt !== null },
				now,
				standing
			);
			if (!window.ok) return { ok: false, error: window.reason };
			await tx.insert(eventFeedback).values({
				eventId: event.id,
				userId: actor.userId,
				scores: input.scores,
				comment: input.comment
			});
			await recordAudit(tx, actor, {
				action: 'event.feedback',
				entityType: 'event',
				entityId: event.id,
				after: { answered: true }
			});
			return { ok: true };
		});
	} catch (e) {
		if (isUniqueViolation(e)) return { ok: false, error: 'already_answered' };
		throw e;
	}
}
