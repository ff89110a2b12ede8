import { fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { notFound, requireUser } from '$lib/server/auth/guard';
import { userActor } from '$lib/server/actor';
import { db } from '$lib/server/db';
import { parseForm } from '$lib/server/http/parse';
import { getEventPage } from '$lib/server/events/event-queries';
import { eventFeedbackResults } from '$lib/server/events/feedback-results';
import { feedbackStanding, giveFeedback } from '$lib/server/events/give-feedback';
import { checkFeedbackWindow } from '$lib/domain/events/deadlines';
import { FEEDBACK_QUESTIONS } from '$lib/domain/events/feedback';
import { text } from '$lib/schemas/fields';
import type { Actions, PageServerLoad } from './$types';

async function viewEvent(event: RequestEvent<{ id: string }>) {
	const user = requireUser(event);
	const page = await getEventPage(db(), user, event.params.id, new Date());
	if (!page) notFound(event);
	return { user, page };
}

const score = z
	.string()
	.regex(/^[1-5]?$/, 'error.invalidChoice')
	.transform((v) => (v === '' ? undefined : Number(v)));

const feedbackSchema = z.object({
	content: score.prefault(''),
	usefulness: score.prefault(''),
	arrangements: score.prefault(''),
	comment: text({ max: 2000, optional: true, multiline: true }).default('')
});

export const load: PageServerLoad = async (event) => {
	const { user, page } = await viewEvent(event);
	const standing = await feedbackStanding(db(), page.event.id, user.id);
	const window = checkFeedbackWindow(
		{ ...page.event, cancelled: page.event.cancelledAt !== null },
		new Date(),
		standing
	);
	return {
		event: page.event,
		questions: FEEDBACK_QUESTIONS,
		mayAnswer: window.ok,
		refusal: window.ok ? null : window.reason,
		results: page.viewer.staff ? await eventFeedbackResults(db(), page.event.id) : null
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { user, page } = await viewEvent(event);
		const form = await parseForm(event.request, feedbackSchema);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const { comment, ...scores } = form.data;
		const result = await giveFeedback(
			db(),
			{ ...userActor(user), userId: user.id },
			{
				eventId: page.event.id,
				scores: Object.fromEntries(Object.entries(scores).filter(([, v]) => v !== undefined)),
				comment
			}
		);
		if (!result.ok) {
			return fail(400, {
				errors: { _form: { key: `events.refusal.${result.error}` as const } },
				values: form.data as unknown as Record<string, string>
			});
		}
		return { thanks: true };
	}
};
