import { fail, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { notFound, requireUser } from '$lib/server/auth/guard';
import { userActor } from '$lib/server/actor';
import { db } from '$lib/server/db';
import { parseForm, parseQuery, readFormData } from '$lib/server/http/parse';
import { getEventPage, listMunicipalityPeopleForEvent } from '$lib/server/events/event-queries';
import { signUpForEvent, type SignUpAuthority } from '$lib/server/events/sign-up-for-event';
import { cancelSignUp } from '$lib/server/events/cancel-sign-up';
import { cancelEvent } from '$lib/server/events/cancel-event';
import { cancelEventSchema, signUpSelfSchema, uuidSchema } from '$lib/schemas/event';
import { choice, wholeNumber } from '$lib/schemas/fields';
import { ATTENDANCE_MODES } from '$lib/domain/events/event-types';
import { ARRANGEMENTS_KEPT_DAYS } from '$lib/domain/events/deadlines';
import type { Actions, PageServerLoad } from './$types';

/** The event as this person may see it; anyone else (another network, a non-member) gets 404. */
async function viewEvent(event: RequestEvent<{ id: string }>) {
	const user = requireUser(event);
	const page = await getEventPage(db(), user, event.params.id, new Date());
	if (!page) notFound(event);
	return { user, page };
}

export const load: PageServerLoad = async (event) => {
	const { page } = await viewEvent(event);
	const { values } = parseQuery(
		event.url.searchParams,
		{ page: wholeNumber(1, 100_000), municipality: z.string().regex(/^\d{3}$/) },
		{ page: 1, municipality: null as string | null }
	);
	const managed = page.viewer.managedMunicipalities;
	const municipality =
		values.municipality && managed.includes(values.municipality)
			? values.municipality
			: (managed[0] ?? null);
	const people = municipality
		? await listMunicipalityPeopleForEvent(db(), page.event, municipality, values.page)
		: null;
	return {
		...page,
		municipality,
		people,
		arrangementsKeptDays: ARRANGEMENTS_KEPT_DAYS,
		done: event.url.searchParams.get('done')
	};
};

function authorityOf(viewer: {
	coordinator: boolean;
	managedMunicipalities: string[];
}): SignUpAuthority {
	if (viewer.coordinator) return { as: 'coordinator' };
	return { as: 'contact_person', municipalityCodes: viewer.managedMunicipalities };
}

const signUpPeopleSchema = z.object({ mode: choice(ATTENDANCE_MODES) });
const cancelSignUpSchema = z.object({ signUpId: uuidSchema });

export const actions: Actions = {
	/** A person signs themselves up. */
	signUp: async (event) => {
		const { user, page } = await viewEvent(event);
		const form = await parseForm(event.request, signUpSelfSchema);
		if (!form.ok) return fail(400, { signUp: form });
		const result = await signUpForEvent(
			db(),
			userActor(user),
			{ as: 'self' },
			{
				eventId: page.event.id,
				people: [{ userId: user.id, mode: form.data.mode, arrangements: form.data.arrangements }]
			}
		);
		if (!result.ok) {
			const reason = result.error === 'people' ? result.refusals[0]!.reason : result.error;
			return fail(400, {
				signUp: {
					errors: { _form: { key: `events.refusal.${reason}` as const } },
					values: { mode: form.data.mode, arrangements: form.data.arrangements }
				}
			});
		}
		const placed = result.placed[0]!;
		return { signedUp: { state: placed.state, position: placed.waitingPosition } };
	},

	/** A contact person (or the coordinator) signs up several of a municipality's people. */
	signUpPeople: async (event) => {
		const { user, page } = await viewEvent(event);
		if (!page.viewer.coordinator && page.viewer.managedMunicipalities.length === 0) {
			return fail(403, {});
		}
		const data = await readFormData(event.request);
		const form = await parseForm(data, signUpPeopleSchema);
		const people = data
			.getAll('person')
			.filter((v): v is string => typeof v === 'string' && uuidSchema.safeParse(v).success)
			.slice(0, 200);
		if (!form.ok)
			return fail(400, { people: { errors: form.errors, refusals: [], selected: people } });
		const result = await signUpForEvent(db(), userActor(user), authorityOf(page.viewer), {
			eventId: page.event.id,
			people: people.map((userId) => ({ userId, mode: form.data.mode, arrangements: '' }))
		});
		if (!result.ok) {
			return fail(400, {
				people: {
					errors:
						result.error === 'people'
							? {}
							: { _form: { key: `events.refusal.${result.error}` as const } },
					refusals: result.error === 'people' ? result.refusals : [],
					selected: people,
					mode: form.data.mode
				}
			});
		}
		return { peopleSignedUp: result.placed.length };
	},

	/** Cancels a sign-up: one's own, or (contact person, coordinator) one they manage. */
	cancelSignUp: async (event) => {
		const { user, page } = await viewEvent(event);
		const form = await parseForm(event.request, cancelSignUpSchema);
		if (!form.ok) return fail(400, { cancel: { errors: form.errors } });
		const own = page.ownSignUp?.id === form.data.signUpId;
		const authority: SignUpAuthority = own ? { as: 'self' } : authorityOf(page.viewer);
		const result = await cancelSignUp(db(), userActor(user), authority, {
			eventId: page.event.id,
			signUpId: form.data.signUpId
		});
		if (!result.ok) {
			return fail(400, {
				cancel: { errors: { _form: { key: `events.refusal.${result.error}` as const } } }
			});
		}
		return { signUpCancelled: true };
	},

	/** The coordinator cancels the event. */
	cancelEvent: async (event) => {
		const { user, page } = await viewEvent(event);
		if (!page.viewer.coordinator) return fail(403, {});
		const form = await parseForm(event.request, cancelEventSchema);
		if (!form.ok) return fail(400, { cancelEvent: form });
		const result = await cancelEvent(db(), userActor(user), {
			eventId: page.event.id,
			reason: form.data.reason
		});
		if (!result.ok) {
			return fail(400, {
				cancelEvent: {
					errors: { reason: { key: `events.refusal.${result.error}` as const } },
					values: { reason: form.data.reason }
				}
			});
		}
		return { eventCancelled: true };
	}
};
