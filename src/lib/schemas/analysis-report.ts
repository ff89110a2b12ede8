import { z } from 'zod';
import { text } from './fields';
import { OPTIONAL_UUID_PATTERN } from '$lib/domain/uuid';

/** The expert's summary of an analysis (ADR 027); blank removes it. */
export const summaryFormSchema = z.object({
	text: text({ max: 10_000, optional: true, multiline: true }).prefault('')
});

/** A recommended workshop theme as the expert writes it. */
export const recommendationFormSchema = z.object({
	recommendationId: z
		.string()
		.trim()
		.regex(OPTIONAL_UUID_PATTERN, 'error.invalidChoice')
		.prefault('')
		.transform((v) => (v === '' ? null : v)),
	position: z
		.string()
		.trim()
		.regex(/^\d{1,2}$/, 'error.invalid')
		.refine((v) => +v >= 1 && +v <= 99, 'error.invalid')
		.transform(Number),
	title: text({ max: 300 }),
	text: text({ max: 4000, optional: true, multiline: true }).prefault(''),
	focusAreaId: z
		.string()
		.trim()
		.regex(OPTIONAL_UUID_PATTERN, 'error.invalidChoice')
		.prefault('')
		.transform((v) => (v === '' ? null : v))
});
