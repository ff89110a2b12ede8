import { z } from 'zod';
import { WORKSHOP_FORMATS } from '$lib/domain/workshops/workshop-states';
import { choice, helsinkiDateTime, httpsUrl, text } from './fields';
import { isUuid, OPTIONAL_UUID_PATTERN } from '$lib/domain/uuid';

/** A checkbox: present ("on") or not. */
const checkbox = z
	.string()
	.optional()
	.transform((v) => v !== undefined && v !== '');

/** A choice among ids, or none ('' → null); the use case checks that the id is one offered. */
const optionalId = z
	.string()
	.trim()
	.regex(OPTIONAL_UUID_PATTERN, 'error.invalidChoice')
	.transform((v) => (v === '' ? null : v));

/** A contact person's proposal; the participants (repeated `participantIds`) are read beside it. */
export const proposalFormSchema = z.object({
	focusAreaId: optionalId.prefault(''),
	need: text({ max: 4000, multiline: true }),
	goal: text({ max: 4000, multiline: true }),
	strategyLink: text({ max: 2000, optional: true, multiline: true }).default(''),
	preferredDates: text({ max: 500, optional: true, multiline: true }).default(''),
	format: choice(WORKSHOP_FORMATS),
	asExtra: checkbox
});

/** The coordinator's schedule; experts and participants (repeated) are read beside it. */
export const scheduleFormSchema = z.object({
	format: choice(WORKSHOP_FORMATS),
	startsAt: helsinkiDateTime(false),
	endsAt: helsinkiDateTime(false),
	place: text({ max: 300, optional: true }).default(''),
	onlineUrl: httpsUrl.prefault(''),
	approveExtra: checkbox
});

export const cancelWorkshopSchema = z.object({
	by: choice(['municipality', 'network'] as const).prefault('municipality'),
	reason: text({ max: 1000, multiline: true })
});

/** The expert's record; attendance (repeated `participant` and `attended`) is read beside it. */
export const recordFormSchema = z.object({
	notes: text({ max: 20000, optional: true, multiline: true }).default(''),
	outcomes: text({ max: 20000, optional: true, multiline: true }).default(''),
	nextSteps: text({ max: 20000, optional: true, multiline: true }).default('')
});

const score = z
	.string()
	.regex(/^[1-5]?$/, 'error.invalidChoice')
	.transform((v) => (v === '' ? undefined : Number(v)));

export const workshopFeedbackSchema = z.object({
	content: score.prefault(''),
	usefulness: score.prefault(''),
	arrangements: score.prefault(''),
	comment: text({ max: 2000, optional: true, multiline: true }).default('')
});

/**
 * Ids of a repeated field (checkboxes), at most `max`; `invalid` when a value is not an id at
 * all (a forged form), for the form to say so by the field.
 */
export function repeatedIds(
	form: FormData,
	name: string,
	max = 500
): { ids: string[]; invalid: boolean } {
	const values = form.getAll(name).slice(0, max);
	const ids = values.filter((v): v is string => typeof v === 'string' && isUuid(v));
	return { ids, invalid: ids.length !== values.length };
}
