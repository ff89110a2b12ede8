import { and, asc, count, desc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { eventFeedback, eventSignUps, municipalities, users } from '../db/schema';
import { FEEDBACK_QUESTIONS, summariseFeedback } from '$lib/domain/events/feedback';

/** Comments shown on the results page, newest first; the figures count every answer. */
export const COMMENTS_SHOWN = 200;
/** A bound on the answers read for one event: more than any event has attendees. */
const MAX_ANSWERS = 5000;

/**
 * An event's feedback as the coordinator reads it: per question the number of answers, the
 * distribution of scores and the average; the comments without names.
 */
export async function eventFeedbackResults(db: Db, eventId: string) {
	const [answers, attended] = await Promise.all([
		db
			.select({ scores: eventFeedback.scores, comment: eventFeedback.comment })
			.from(eventFeedback)
			.where(eq(eventFeedback.eventId, eventId))
			.orderBy(desc(eventFeedback.createdAt), asc(eventFeedback.id))
			.limit(MAX_ANSWERS),
		db
			.select({ n: count() })
			.from(eventSignUps)
			.where(and(eq(eventSignUps.eventId, eventId), eq(eventSignUps.attended, true)))
	]);
	return {
		answers: answers.length,
		attended: attended[0]?.n ?? 0,
		questions: summariseFeedback(
			FEEDBACK_QUESTIONS,
			answers.map((a) => a.scores)
		),
		comments: answers
			.map((a) => a.comment.trim())
			.filter((c) => c !== '')
			.slice(0, COMMENTS_SHOWN)
	};
}

/** The confirmed sign-ups of an event for marking attendance, one page in name order. */
export async function listAttendance(db: Db, eventId: string, offset: number, limit: number) {
	const where = and(eq(eventSignUps.eventId, eventId), eq(eventSignUps.state, 'confirmed'));
	const [total] = await db.select({ n: count() }).from(eventSignUps).where(where);
	const rows = await db
		.select({
			signUpId: eventSignUps.id,
			name: users.name,
			municipality: municipalities.nameFi,
			municipalitySv: municipalities.nameSv,
			mode: eventSignUps.mode,
			attended: eventSignUps.attended
		})
		.from(eventSignUps)
		.innerJoin(users, eq(users.id, eventSignUps.userId))
		.innerJoin(municipalities, eq(municipalities.code, eventSignUps.municipalityCode))
		.where(where)
		.orderBy(asc(users.name), asc(eventSignUps.id))
		.limit(limit)
		.offset(offset);
	return { total: total?.n ?? 0, rows };
}
