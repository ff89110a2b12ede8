import { z } from 'zod';
import { defineJob } from '../jobs/define-job';
import { checkFeedbackWindow } from '$lib/domain/events/deadlines';
import { feedbackStandingOf, feedbackSchedule } from './give-workshop-feedback';
import {
	loadWorkshopForMail,
	peopleByIds,
	queueWorkshopMail,
	workshopPeople
} from './workshop-mail';
import { UUID_PATTERN } from '$lib/domain/uuid';

const uuid = z.string().regex(UUID_PATTERN);

/** Tells a workshop's people what happened to it (workshop-notices.ts). */
export const workshopNoticeJob = defineJob({
	label: 'jobs.kind.workshop_notice',
	payload: z.object({
		workshopId: uuid,
		kind: z.enum(['invited', 'changed', 'removed', 'cancelled']),
		userIds: z.array(uuid).max(1000)
	}),
	async run(tx, { workshopId, kind, userIds }, ctx) {
		const row = await loadWorkshopForMail(tx, workshopId);
		// a workshop never agreed has sent no invitation: there is nothing to take back
		if (!row || !row.workshop.startsAt) return;
		const state = row.workshop.state;
		if (kind === 'removed') {
			const still = new Set((await workshopPeople(tx, workshopId, userIds)).map((p) => p.userId));
			for (const person of await peopleByIds(tx, userIds)) {
				if (!still.has(person.userId)) {
					await queueWorkshopMail(tx, ctx, row, person, 'removed', 'CANCEL');
				}
			}
			return;
		}
		if (kind === 'cancelled') {
			if (state !== 'cancelled') return;
			for (const person of await workshopPeople(tx, workshopId)) {
				await queueWorkshopMail(tx, ctx, row, person, 'cancelled', 'CANCEL');
			}
			return;
		}
		if (state !== 'agreed') return;
		const people = await workshopPeople(tx, workshopId, userIds);
		for (const person of people) {
			await queueWorkshopMail(tx, ctx, row, person, kind, 'REQUEST');
		}
	}
});

/** Asks a participant marked as attending for feedback after the workshop, unless they answered. */
export const workshopFeedbackRequestJob = defineJob({
	label: 'jobs.kind.workshop_feedback_request',
	payload: z.object({ workshopId: uuid, userId: uuid }),
	async run(tx, { workshopId, userId }, ctx) {
		const row = await loadWorkshopForMail(tx, workshopId);
		if (!row) return;
		const [person] = await workshopPeople(tx, workshopId, [userId]);
		if (!person || person.role !== 'participant') return;
		const schedule = feedbackSchedule(row.workshop);
		const standing = await feedbackStandingOf(tx, workshopId, userId);
		if (!schedule || !checkFeedbackWindow(schedule, ctx.now, standing).ok) return;
		await queueWorkshopMail(tx, ctx, row, person, 'feedback');
	}
});
