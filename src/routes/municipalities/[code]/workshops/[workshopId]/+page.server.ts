import { fail, type RequestEvent } from '@sveltejs/kit';
import { forbidden, notFound, requireUser } from '$lib/server/auth/guard';
import { userActor } from '$lib/server/actor';
import { db } from '$lib/server/db';
import { formValues, parseForm, readFormData, readPdfUpload } from '$lib/server/http/parse';
import { viewWorkshop } from '$lib/server/workshops/view-workshop';
import { listNetworkExperts } from '$lib/server/workshops/workshop-rows';
import {
	hasGivenWorkshopFeedback,
	listWorkshopCandidates,
	workshopFeedbackResults
} from '$lib/server/workshops/workshop-queries';
import { scheduleWorkshop } from '$lib/server/workshops/schedule-workshop';
import { cancelWorkshop } from '$lib/server/workshops/cancel-workshop';
import { recordWorkshop } from '$lib/server/workshops/record-workshop';
import { addWorkshopMaterial } from '$lib/server/workshops/add-workshop-material';
import {
	feedbackSchedule,
	giveWorkshopFeedback
} from '$lib/server/workshops/give-workshop-feedback';
import {
	cancelWorkshopSchema,
	recordFormSchema,
	repeatedIds,
	scheduleFormSchema,
	workshopFeedbackSchema
} from '$lib/schemas/workshop';
import { localInput } from '$lib/schemas/fields';
import type { FieldErrors } from '$lib/schemas/errors';
import { checkFeedbackWindow } from '$lib/domain/events/deadlines';
import { FEEDBACK_QUESTIONS } from '$lib/domain/events/feedback';
import { lateCancellationFrom } from '$lib/domain/workshops/late-cancellation';
import type { Actions, PageServerLoad } from './$types';

type Event = RequestEvent<{ code: string; workshopId: string }>;

/** The workshop as this person may see it; 403 or 404 otherwise (view-workshop.ts). */
async function view(event: Event) {
	const user = requireUser(event);
	if (!/^\d{3}$/.test(event.params.code)) notFound(event);
	const result = await viewWorkshop(db(), user, event.params.code, event.params.workshopId);
	if (!result.ok) {
		if (result.status === 404) notFound(event);
		forbidden(event);
	}
	return { user, page: result.page, viewer: result.viewer };
}

/** The role the person acts in, for an action only some may take; 403 for those who only read. */
async function acting(event: Event) {
	const seen = await view(event);
	if (!seen.viewer.actor) forbidden(event);
	return { ...seen, actor: seen.viewer.actor };
}

const refusal = (error: string): FieldErrors => ({
	_form: { key: `workshops.refusal.${error}` as FieldErrors[string]['key'] }
});

function fieldErrors(fields: Record<string, string>): FieldErrors {
	return Object.fromEntries(
		Object.entries(fields).map(([field, code]) => [
			field,
			{ key: `error.workshop.${code}` as FieldErrors[string]['key'] }
		])
	);
}

export const load: PageServerLoad = async (event) => {
	const { user, page, viewer } = await view(event);
	const w = page.workshop;
	const now = new Date();
	const open = w.state === 'proposed' || w.state === 'agreed';
	const recorder = viewer.coordinator || viewer.assignedExpert;
	const schedule = feedbackSchedule(w);
	const participant = page.participants.find((p) => p.id === user.id);
	const answered = participant ? await hasGivenWorkshopFeedback(db(), w.id, user.id) : false;
	const mayAnswer =
		!!schedule &&
		!!participant &&
		checkFeedbackWindow(schedule, now, { attended: participant.attended === true, answered }).ok;
	const seesLink =
		viewer.coordinator || viewer.assignedExpert || viewer.contactPerson || !!participant;
	return {
		page: { ...page, workshop: { ...w, onlineUrl: seesLink ? w.onlineUrl : null } },
		viewer,
		started: !!w.startsAt && w.startsAt.getTime() <= now.getTime(),
		lateFrom:
			w.state === 'agreed' && w.startsAt
				? lateCancellationFrom(w.startsAt, page.season.lateCancellationDays)
				: null,
		may: {
			schedule: viewer.coordinator && open,
			cancel: (viewer.coordinator || viewer.contactPerson) && open,
			record: recorder && (w.state === 'agreed' || w.state === 'held'),
			addMaterial: recorder && w.state !== 'cancelled',
			answerFeedback: mayAnswer
		},
		answered,
		experts:
			viewer.coordinator && open ? await listNetworkExperts(db(), page.season.networkId) : [],
		candidates:
			viewer.coordinator && open ? await listWorkshopCandidates(db(), page.municipality.code) : [],
		scheduleValues: {
			format: w.format,
			startsAt: localInput(w.startsAt),
			endsAt: localInput(w.endsAt),
			place: w.place,
			onlineUrl: w.onlineUrl ?? ''
		},
		questions: FEEDBACK_QUESTIONS,
		feedback: recorder ? await workshopFeedbackResults(db(), w.id) : null
	};
};

export const actions: Actions = {
	/** The coordinator agrees the workshop, or changes it. */
	schedule: async (event) => {
		const { user, page, actor } = await acting(event);
		const data = await readFormData(event.request);
		const form = await parseForm(data, scheduleFormSchema);
		const experts = repeatedIds(data, 'expertIds', 20);
		const participants = repeatedIds(data, 'participantIds');
		const values = formValues(data, ['expertIds', 'participantIds']);
		const kept = { values, expertIds: experts.ids, participantIds: participants.ids };
		if (!form.ok || experts.invalid || participants.invalid) {
			const errors: FieldErrors = form.ok ? {} : { ...form.errors };
			if (experts.invalid) errors.expertIds = { key: 'error.invalidChoice' };
			if (participants.invalid) errors.participantIds = { key: 'error.invalidChoice' };
			return fail(400, { schedule: { errors, ...kept } });
		}
		const result = await scheduleWorkshop(db(), userActor(user), actor, {
			workshopId: page.workshop.id,
			...form.data,
			expertIds: experts.ids,
			participantIds: participants.ids
		});
		if (!result.ok) {
			const errors = result.error === 'fields' ? fieldErrors(result.fields) : refusal(result.error);
			return fail(400, { schedule: { errors, ...kept } });
		}
		return { scheduled: result.agreed ? 'agreed' : 'rescheduled' };
	},

	/** The contact person or the coordinator cancels. */
	cancel: async (event) => {
		const { user, page, actor } = await acting(event);
		const form = await parseForm(event.request, cancelWorkshopSchema);
		if (!form.ok) return fail(400, { cancel: form });
		const result = await cancelWorkshop(db(), userActor(user), actor, {
			workshopId: page.workshop.id,
			by: actor.role === 'coordinator' ? form.data.by : 'municipality',
			reason: form.data.reason
		});
		if (!result.ok) {
			const errors: FieldErrors =
				result.error === 'reason_missing'
					? { reason: { key: 'workshops.refusal.reason_missing' } }
					: refusal(result.error);
			return fail(400, {
				cancel: { errors, values: { by: form.data.by, reason: form.data.reason } }
			});
		}
		return { cancelled: result.cancellation };
	},

	/** The assigned expert (or the coordinator) records the workshop, marking it held. */
	record: async (event) => {
		const { user, page, actor } = await acting(event);
		const data = await readFormData(event.request);
		const form = await parseForm(data, recordFormSchema);
		const shown = repeatedIds(data, 'participant');
		const attended = repeatedIds(data, 'attended');
		const values = formValues(data, ['participant', 'attended']);
		if (!form.ok || shown.invalid || attended.invalid) {
			const errors: FieldErrors = form.ok ? {} : { ...form.errors };
			if (shown.invalid || attended.invalid) errors.attendance = { key: 'error.invalidChoice' };
			return fail(400, { record: { errors, values, attended: attended.ids } });
		}
		const result = await recordWorkshop(db(), userActor(user), actor, {
			workshopId: page.workshop.id,
			...form.data,
			attendance: shown.ids.map((userId) => ({ userId, attended: attended.ids.includes(userId) }))
		});
		if (!result.ok) {
			return fail(400, {
				record: { errors: refusal(result.error), values, attended: attended.ids }
			});
		}
		return { recorded: result.markedHeld ? 'held' : 'saved' };
	},

	/** The assigned expert (or the coordinator) adds a PDF. */
	material: async (event) => {
		const { user, page, actor } = await acting(event);
		const data = await readFormData(event.request);
		const upload = await readPdfUpload(data, 'file');
		if (!upload.ok || !upload.file) {
			const fileError = upload.ok ? { key: 'error.required' as const } : upload.error;
			return fail(400, { material: { errors: { file: fileError } } });
		}
		const result = await addWorkshopMaterial(db(), userActor(user), actor, {
			workshopId: page.workshop.id,
			file: { ...upload.file, contentType: 'application/pdf' }
		});
		if (!result.ok) return fail(400, { material: { errors: refusal(result.error) } });
		return { materialAdded: true };
	},

	/** A participant who attended answers the feedback form. */
	feedback: async (event) => {
		const { user, page } = await view(event);
		const form = await parseForm(event.request, workshopFeedbackSchema);
		if (!form.ok) return fail(400, { feedback: form });
		const { comment, ...scores } = form.data;
		const result = await giveWorkshopFeedback(
			db(),
			{ ...userActor(user), userId: user.id },
			{
				workshopId: page.workshop.id,
				scores: Object.fromEntries(Object.entries(scores).filter(([, v]) => v !== undefined)),
				comment
			}
		);
		if (!result.ok) {
			return fail(400, {
				feedback: {
					errors: refusal(result.error),
					values: {
						...Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, v ? String(v) : ''])),
						comment
					}
				}
			});
		}
		return { feedbackGiven: true };
	}
};
