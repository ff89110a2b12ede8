import { fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { forbidden, notFound, requireUser } from '$lib/server/auth/guard';
import { userActor } from '$lib/server/actor';
import { db } from '$lib/server/db';
import { formValues, parseForm, readFormData } from '$lib/server/http/parse';
import { viewJourney } from '$lib/server/workshops/travel/view-journey';
import { listClaimableWorkshops } from '$lib/server/workshops/travel/journey-queries';
import { updateJourney } from '$lib/server/workshops/travel/save-journey';
import { addCostLine, removeCostLine } from '$lib/server/workshops/travel/cost-lines';
import { moveJourney } from '$lib/server/workshops/travel/review-journey';
import { costLineSchema, journeyHeaderSchema, returnJourneySchema } from '$lib/schemas/travel';
import { repeatedIds } from '$lib/schemas/workshop';
import { uuidSchema } from '$lib/schemas/event';
import type { FieldErrors } from '$lib/schemas/errors';
import { MAX_RECEIPT_BYTES } from '$lib/domain/workshops/travel-costs';
import type { Actions, PageServerLoad } from './$types';

type Event = RequestEvent<{ journeyId: string }>;

const removeLineSchema = z.object({ lineId: uuidSchema });

/**
 * The split's weights typed in the approval form, `weight.<municipality code>`: a whole number
 * as typed ("12"), else NaN, which the rule refuses with a message next to the field.
 */
function weightsOf(data: FormData): Record<string, number> {
	const weights: Record<string, number> = {};
	for (const [name, value] of data) {
		const code = /^weight\.(\d{3})$/.exec(name)?.[1];
		if (!code || typeof value !== 'string') continue;
		const typed = value.trim();
		weights[code] = /^-?\d{1,9}$/.test(typed) ? Number(typed) : Number.NaN;
	}
	return weights;
}

/** The journey as this person may see it (view-journey.ts); 403 or 404 otherwise. */
async function view(event: Event) {
	const user = requireUser(event);
	const result = await viewJourney(db(), user, event.params.journeyId);
	if (!result.ok) {
		if (result.status === 404) notFound(event);
		forbidden(event);
	}
	return { user, page: result.page, as: result.as };
}

const refusal = (error: string): FieldErrors => ({
	_form: { key: `travel.refusal.${error}` as FieldErrors[string]['key'] }
});

const fieldErrors = (fields: Record<string, string | undefined>): FieldErrors =>
	Object.fromEntries(
		Object.entries(fields)
			.filter(([, code]) => code)
			.map(([field, code]) => [
				field,
				{ key: `error.travel.${code}` as FieldErrors[string]['key'] }
			])
	);

export const load: PageServerLoad = async (event) => {
	const { user, page, as } = await view(event);
	const own = as.role === 'expert';
	const editable = own && (page.journey.state === 'draft' || page.journey.state === 'returned');
	return {
		page,
		own,
		editable,
		reviewer: as.role === 'coordinator' && page.journey.state === 'submitted',
		claimable: editable ? await listClaimableWorkshops(db(), user.id) : [],
		maxReceiptMb: MAX_RECEIPT_BYTES / 1024 / 1024
	};
};

export const actions: Actions = {
	/** The expert changes the places and workshops. */
	header: async (event) => {
		const { user, page, as } = await view(event);
		const data = await readFormData(event.request);
		const form = await parseForm(data, journeyHeaderSchema);
		const workshops = repeatedIds(data, 'workshopIds', 50);
		const kept = { values: formValues(data, ['workshopIds']), workshopIds: workshops.ids };
		if (!form.ok || workshops.invalid) {
			const errors: FieldErrors = form.ok ? {} : { ...form.errors };
			if (workshops.invalid) errors.workshopIds = { key: 'error.travel.invalidChoice' };
			return fail(400, { header: { errors, ...kept } });
		}
		const result = await updateJourney(db(), userActor(user), as, page.journey.id, {
			...form.data,
			workshopIds: workshops.ids
		});
		if (!result.ok) {
			const errors = result.error === 'fields' ? fieldErrors(result.fields) : refusal(result.error);
			return fail(400, { header: { errors, ...kept } });
		}
		return { saved: true };
	},

	/** The expert adds a cost, with its receipt. */
	addLine: async (event) => {
		const { user, page, as } = await view(event);
		const data = await readFormData(event.request);
		const form = await parseForm(data, costLineSchema);
		const values = formValues(data);
		if (!form.ok) return fail(400, { line: { errors: form.errors, values } });
		const file = data.get('receipt');
		const receipt =
			file instanceof File && (file.size > 0 || file.name)
				? { name: file.name || 'kuitti', bytes: new Uint8Array(await file.arrayBuffer()) }
				: null;
		const { vatRate, date, ...line } = form.data;
		const result = await addCostLine(db(), userActor(user), as, {
			journeyId: page.journey.id,
			line: {
				...line,
				date,
				vatBasisPoints: vatRate === 'several' ? null : Number(vatRate)
			},
			receipt
		});
		if (!result.ok) {
			const errors = result.error === 'fields' ? fieldErrors(result.fields) : refusal(result.error);
			return fail(400, { line: { errors, values } });
		}
		return { lineAdded: true };
	},

	removeLine: async (event) => {
		const { user, page, as } = await view(event);
		const form = await parseForm(event.request, removeLineSchema);
		if (!form.ok) return fail(400, { lines: { errors: form.errors } });
		const result = await removeCostLine(db(), userActor(user), as, {
			journeyId: page.journey.id,
			lineId: form.data.lineId
		});
		if (!result.ok) return fail(400, { lines: { errors: refusal(result.error) } });
		return { lineRemoved: true };
	},

	submit: async (event) => {
		const { user, page, as } = await view(event);
		const result = await moveJourney(db(), userActor(user), as, {
			journeyId: page.journey.id,
			action: { kind: 'submit' }
		});
		if (!result.ok) return fail(400, { move: { errors: refusal(result.error) } });
		return { moved: result.state };
	},

	/** The coordinator approves, with their own weights for a shared journey's split. */
	approve: async (event) => {
		const { user, page, as } = await view(event);
		const data = await readFormData(event.request);
		const weights = weightsOf(data);
		const values = formValues(data);
		const result = await moveJourney(db(), userActor(user), as, {
			journeyId: page.journey.id,
			action: { kind: 'approve' },
			weights
		});
		if (!result.ok) {
			if (result.error === 'weights') {
				const errors: FieldErrors = Object.fromEntries(
					Object.entries(result.problems).map(([code, problem]) => [
						`weight.${code}`,
						{ key: `error.travel.${problem}` as FieldErrors[string]['key'] }
					])
				);
				if (result.unknown.length > 0) errors._form = { key: 'error.travel.invalidChoice' };
				return fail(400, { approveForm: { errors, values } });
			}
			return fail(400, { move: { errors: refusal(result.error) } });
		}
		return { moved: result.state };
	},

	return: async (event) => {
		const { user, page, as } = await view(event);
		const form = await parseForm(event.request, returnJourneySchema);
		if (!form.ok) return fail(400, { returnForm: form });
		const result = await moveJourney(db(), userActor(user), as, {
			journeyId: page.journey.id,
			action: { kind: 'return', reason: form.data.reason }
		});
		if (!result.ok) {
			return fail(400, {
				returnForm: { errors: refusal(result.error), values: { reason: form.data.reason } }
			});
		}
		return { moved: result.state };
	}
};
