import { and, eq, isNotNull } from 'drizzle-orm';
import { checkFeedbackWindow } from '$lib/domain/events/deadlines';
import { feedbackStanding } from './give-feedback';
import { z } from 'zod';
import { eventSignUps } from '../db/schema';
import { defineJob } from '../jobs/define-job';
import { waitingPosition } from '$lib/domain/events/capacity';
import { activeSeats } from './seats';
import { loadEventForMail, queueEventMail, recipients } from './event-mail';
import { UUID_PATTERN } from '$lib/domain/uuid';

const uuid = z.string().regex(UUID_PATTERN);

/**
 * Tells people what happened to their sign-up or to the event (event-notices.ts enqueues it in
 * the use case's transaction). The mail goes to each person as their sign-up now stands: one
 * confirmed and then cancelled before this ran gets the cancellation only.
 */
export const eventNoticeJob = defineJob({
	label: 'jobs.kind.event_notice',
	payload: z.object({
		eventId: uuid,
		kind: z.enum(['signed_up', 'promoted', 'sign_up_cancelled', 'changed', 'event_cancelled']),
		signUpIds: z.array(uuid).max(1000)
	}),
	async run(tx, { eventId, kind, signUpIds }, ctx) {
		const row = await loadEventForMail(tx, eventId);
		if (!row) return;
		if (kind === 'sign_up_cancelled') {
			for (const person of await recipients(tx, eventId, { signUpIds, states: ['cancelled'] })) {
				await queueEventMail(tx, ctx, row, person, 'sign_up_cancelled', {
					calendar: person.confirmedAt ? 'CANCEL' : undefined
				});
			}
			return;
		}
		const people = await recipients(tx, eventId, {
			signUpIds: kind === 'signed_up' || kind === 'promoted' ? signUpIds : undefined,
			states: ['confirmed', 'waiting']
		});
		const seats = people.some((p) => p.state === 'waiting') ? await activeSeats(tx, eventId) : [];
		for (const person of people) {
			const confirmed = person.state === 'confirmed';
			if (kind === 'promoted' && !confirmed) continue;
			if (kind === 'event_cancelled') {
				await queueEventMail(tx, ctx, row, person, 'event_cancelled', {
					calendar: confirmed ? 'CANCEL' : undefined
				});
			} else if (kind === 'signed_up' && !confirmed) {
				await queueEventMail(tx, ctx, row, person, 'waiting', {
					position: waitingPosition(seats, person.signUpId)
				});
			} else {
				await queueEventMail(tx, ctx, row, person, kind, {
					calendar: confirmed ? 'REQUEST' : undefined
				});
			}
		}
	}
});

/** Reminds those holding a seat, two days before the event (event-notices.ts). */
export const eventReminderJob = defineJob({
	label: 'jobs.kind.event_reminder',
	payload: z.object({ eventId: uuid }),
	async run(tx, { eventId }, ctx) {
		const row = await loadEventForMail(tx, eventId);
		if (!row || row.event.cancelledAt || row.event.startsAt <= ctx.now) return;
		for (const person of await recipients(tx, eventId, { states: ['confirmed'] })) {
			await queueEventMail(tx, ctx, row, person, 'reminder');
		}
	}
});

/** Erases the special arrangements of an event's sign-ups some days after it (deadlines.ts). */
export const eraseArrangementsJob = defineJob({
	label: 'jobs.kind.erase_arrangements',
	payload: z.object({ eventId: uuid }),
	async run(tx, { eventId }, ctx) {
		await tx
			.update(eventSignUps)
			.set({ arrangements: null, arrangementsErasedAt: ctx.now })
			.where(and(eq(eventSignUps.eventId, eventId), isNotNull(eventSignUps.arrangements)));
	}
});

/** Asks one attendee for feedback after the event (mark-attendance.ts), unless they answered. */
export const eventFeedbackRequestJob = defineJob({
	label: 'jobs.kind.event_feedback_request',
	payload: z.object({ eventId: uuid, signUpId: uuid }),
	async run(tx, { eventId, signUpId }, ctx) {
		const row = await loadEventForMail(tx, eventId);
		if (!row) return;
		const [person] = await recipients(tx, eventId, {
			signUpIds: [signUpId],
			states: ['confirmed']
		});
		if (!person) return;
		const standing = await feedbackStanding(tx, eventId, person.userId);
		const schedule = { ...row.event, cancelled: row.event.cancelledAt !== null };
		if (!checkFeedbackWindow(schedule, ctx.now, standing).ok) return;
		await queueEventMail(tx, ctx, row, person, 'feedback');
	}
});
