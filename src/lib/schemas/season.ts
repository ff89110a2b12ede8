import { z } from 'zod';
import { isoDate, text } from './fields';
import { DEFAULT_LATE_CANCELLATION_DAYS } from '$lib/domain/workshops/late-cancellation';
import { UUID_PATTERN } from '$lib/domain/uuid';

const count = z
	.string()
	.trim()
	.regex(/^\d{0,2}$/, 'error.invalid')
	.transform((v) => (v === '' ? null : Number(v)));

const entitlement = z
	.string({ error: 'error.required' })
	.trim()
	.regex(/^\d{1,2}$/, 'error.invalid')
	.transform(Number);

/** Days before a workshop's day from which a municipality's cancellation is late (ADR 018). */
export const MAX_LATE_CANCELLATION_DAYS = 90;

/** A form without the field (one made before it existed) keeps the default, 14. */
const lateCancellationDays = z
	.string()
	.trim()
	.regex(/^\d{1,2}$/, 'error.lateCancellationDays')
	.transform(Number)
	.pipe(
		z
			.number()
			.min(1, 'error.lateCancellationDays')
			.max(MAX_LATE_CANCELLATION_DAYS, 'error.lateCancellationDays')
	)
	.optional()
	.transform((days) => days ?? DEFAULT_LATE_CANCELLATION_DAYS);

export const MAX_FOCUS_AREAS = 8;

/** Focus areas, one a line, in one language. */
const focusLines = text({ max: 8 * 300, optional: true, multiline: true })
	.default('')
	.transform((v) =>
		v
			.split(/\r?\n/)
			.map((l) => l.trim())
			.filter(Boolean)
	)
	.refine((lines) => lines.length <= MAX_FOCUS_AREAS, {
		message: 'error.tooManyLines',
		params: { max: MAX_FOCUS_AREAS }
	})
	.refine((lines) => lines.every((l) => l.length <= 300), {
		message: 'error.tooLong',
		params: { max: 300 }
	});

/** The season form: everything a coordinator sets for a season. */
export const seasonFormSchema = z
	.object({
		networkId: z.string().regex(UUID_PATTERN, 'error.invalidChoice'),
		number: z
			.string()
			.trim()
			.regex(/^\d{1,3}$/, 'error.invalid')
			.transform(Number)
			.pipe(z.number().min(1, 'error.invalid')),
		startsOn: isoDate(),
		endsOn: isoDate(),
		leadThemeFi: text({ max: 300 }),
		leadThemeSv: text({ max: 300 }),
		leadThemeEn: text({ max: 300 }),
		descriptionFi: text({ max: 4000, optional: true, multiline: true }).default(''),
		descriptionSv: text({ max: 4000, optional: true, multiline: true }).default(''),
		descriptionEn: text({ max: 4000, optional: true, multiline: true }).default(''),
		seminars: count,
		workSeminars: count,
		contactPersonMeetings: count,
		currentAffairsReviews: count,
		peerDiscussions: count,
		developmentEvents: count,
		workshopsPerMunicipality: entitlement,
		situationAnalysesPerMunicipality: entitlement,
		lateCancellationDays,
		focusFi: focusLines,
		focusSv: focusLines,
		focusEn: focusLines
	})
	.refine((s) => s.startsOn < s.endsOn, { message: 'error.periodOrder', path: ['endsOn'] })
	.refine((s) => s.focusSv.length === s.focusFi.length, {
		message: 'error.sameLineCount',
		path: ['focusSv']
	})
	.refine((s) => s.focusEn.length === s.focusFi.length, {
		message: 'error.sameLineCount',
		path: ['focusEn']
	});

export type SeasonForm = z.output<typeof seasonFormSchema>;

export function focusAreasOf(form: SeasonForm) {
	return form.focusFi.map((textFi, i) => ({
		textFi,
		textSv: form.focusSv[i] ?? '',
		textEn: form.focusEn[i] ?? ''
	}));
}

export const PROGRAMME_FIELDS = [
	'seminars',
	'workSeminars',
	'contactPersonMeetings',
	'currentAffairsReviews',
	'peerDiscussions',
	'developmentEvents'
] as const;
