import { fail } from '@sveltejs/kit';
import { formValues, parseForm, readFormData } from '$lib/server/http/parse';
import type { SaveEventResult } from '$lib/server/events/save-event';
import type { EventRow } from '$lib/server/events/seats';
import { eventFormSchema, type EventForm } from '$lib/schemas/event';
import { localInput } from '$lib/schemas/fields';
import type { FieldErrors } from '$lib/schemas/errors';

/** The form's fields for an event as saved, to edit it. */
export function eventFormValues(event: EventRow): Record<string, string> {
	const count = (n: number | null) => (n === null ? '' : String(n));
	return {
		type: event.type,
		format: event.format,
		titleFi: event.titleFi,
		titleSv: event.titleSv,
		titleEn: event.titleEn,
		descriptionFi: event.descriptionFi,
		descriptionSv: event.descriptionSv,
		descriptionEn: event.descriptionEn,
		startsAt: localInput(event.startsAt),
		endsAt: localInput(event.endsAt),
		venueName: event.venueName,
		venueAddress: event.venueAddress,
		onlineUrl: event.onlineUrl ?? '',
		capacityOnSite: count(event.capacityOnSite),
		capacityOnline: count(event.capacityOnline),
		perMunicipalityOnSite: count(event.perMunicipalityOnSite),
		signUpOpensAt: localInput(event.signUpOpensAt),
		signUpClosesAt: localInput(event.signUpClosesAt),
		cancellationDeadline: localInput(event.cancellationDeadline)
	};
}

/**
 * Reads the event form: its fields through the schema, the focus areas (repeated) beside it,
 * and the fields as typed, to give back with errors.
 */
export async function readEventForm(request: Request) {
	const data = await readFormData(request);
	const focusAreaIds = data
		.getAll('focusAreaIds')
		.filter((v): v is string => typeof v === 'string')
		.slice(0, 20);
	const form = await parseForm(data, eventFormSchema);
	return { form, focusAreaIds, values: formValues(data, ['focusAreaIds']) };
}

/** A refused plan as the form shows it: each field's first problem, the input kept. */
export function planFailure(
	result: Extract<SaveEventResult, { ok: false }>,
	values: Record<string, string>,
	focusAreaIds: string[]
) {
	const errors: FieldErrors = {};
	if (result.error === 'plan') {
		for (const [field, code] of Object.entries(result.errors)) {
			errors[field] = { key: `error.event.${code}` as FieldErrors[string]['key'] };
		}
	} else {
		errors._form = { key: `events.refusal.${result.error}` as FieldErrors[string]['key'] };
	}
	return fail(400, { errors, values, focusAreaIds });
}

export type { EventForm };
