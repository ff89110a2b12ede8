import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db';
import { workshopFeedback, workshopParticipants } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import { isUniqueViolation } from '../db/errors';
import {
	checkFeedbackWindow,
	type EventSchedule,
	type FeedbackRefusal
} from '$lib/domain/events/deadlines';
import type { FeedbackQuestion } from '$lib/domain/events/feedback';
import { lockWorkshop, type WorkshopRow } from './workshop-rows';

export type GiveWorkshopFeedbackResult =
	{ ok: true } | { ok: false; error: 'not_found' | 'not_held' | FeedbackRefusal };

/**
 * A held workshop as the events' feedback window sees it: its participants marked as attending
 * answer once, from its end for 30 days (lib/domain/events/deadlines.ts). Null before it is held.
 */
export function feedbackSchedule(
	workshop: Pick<WorkshopRow, 'state' | 'startsAt' | 'endsAt'>
): EventSchedule | null {
	if (workshop.state !== 'held' || !workshop.startsAt || !workshop.endsAt) return null;
	return {
		startsAt: workshop.startsAt,
		endsAt: workshop.endsAt,
		signUpOpensAt: null,
		signUpClosesAt: null,
		cancellationDeadline: null,
		cancelled: false
	};
}

/** Did the person attend the workshop, and have they answered its feedback form? */
export async function feedbackStandingOf(db: DbOrTx, workshopId: string, userId: string) {
	const [row] = await db
		.select({ attended: workshopParticipants.attended, answered: workshopFeedback.id })
		.from(workshopParticipants)
		.leftJoin(
			workshopFeedback,
			and(
				eq(workshopFeedback.workshopId, workshopParticipants.workshopId),
				eq(workshopFeedback.userId, workshopParticipants.userId)
			)
		)
		.where(
			and(eq(workshopParticipants.workshopId, workshopId), eq(workshopParticipants.userId, userId))
		)
		.limit(1);
	return { attended: row?.attended === true, answered: !!row?.answered };
}

/**
 * A participant who attended answers the workshop's feedback form, once: scores 1–5 per
 * question (any may be left out) and a comment. The audit log records only that they answered.
 */
export async function giveWorkshopFeedback(
	db: Db,
	actor: Actor & { userId: string },
	input: {
		workshopId: string;
		scores: Partial<Record<FeedbackQuestion, number>>;
		comment: string;
	},
	now: Date = new Date()
): Promise<GiveWorkshopFeedbackResult> {
	try {
		return await db.transaction(async (tx): Promise<GiveWorkshopFeedbackResult> => {
			const locked = await lockWorkshop(tx, input.workshopId);
			if (!locked) return { ok: false, error: 'not_found' };
			const schedule = feedbackSchedule(locked.workshop);
			if (!schedule) return { ok: false, error: 'not_held' };
			const standing = await feedbackStandingOf(tx, locked.workshop.id, actor.userId);
			const window = checkFeedbackWindow(schedule, now, standing);
			if (!window.ok) return { ok: false, error: window.reason };
			await tx.insert(workshopFeedback).values({
				workshopId: locked.workshop.id,
				userId: actor.userId,
				scores: input.scores,
				comment: input.comment,
				createdAt: now
			});
			await recordAudit(tx, actor, {
				action: 'workshop.feedback',
				entityType: 'workshop',
				entityId: locked.workshop.id,
				after: { answered: true }
			});
			return { ok: true };
		});
	} catch (e) {
		if (isUniqueViolation(e)) return { ok: false, error: 'already_answered' };
		throw e;
	}
}
