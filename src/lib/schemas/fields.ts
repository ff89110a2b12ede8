import { z } from 'zod';
import { fromHelsinki, toHelsinki } from '$lib/domain/helsinki-time';

/**
 * Field builders whose error messages are message-catalogue keys, so the server can answer
 * in the user's language. Used by forms, query strings and the API alike.
 */

// C0/C1 control characters other than tab and newlines: never meaningful in our text
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

export function text(options: {
	max: number;
	min?: number;
	optional?: boolean;
	multiline?: boolean;
}) {
	let s = z
		.string({ error: 'error.required' })
		.trim()
		.max(options.max, 'error.tooLong')
		.refine((v) => !CONTROL.test(v), 'error.controlChars');
	if (!options.multiline) s = s.refine((v) => !/[\r\n]/.test(v), 'error.controlChars');
	if (options.optional) return s;
	return s.refine((v) => v.length >= (options.min ?? 1), {
		message: options.min && options.min > 1 ? 'error.tooShort' : 'error.required',
		params: { min: options.min ?? 1 }
	});
}

export const email = () =>
	z
		.string({ error: 'error.required' })
		.trim()
		.min(1, 'error.required')
		.max(254, 'error.tooLong')
		.pipe(z.email('error.email'))
		.transform((v) => v.toLowerCase());

export const password = (min: number, max: number) =>
	z
		.string({ error: 'error.required' })
		.min(1, 'error.required')
		.min(min, 'error.tooShort')
		.max(max, 'error.tooLong');

/** A yyyy-mm-dd date that exists in the calendar. */
export const isoDate = () =>
	z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/, 'error.invalidDate')
		.refine((v) => {
			const d = new Date(`${v}T00:00:00Z`);
			return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
		}, 'error.invalidDate');

/** A whole number in a query string ("2"), refusing "-1", "1e9", "2.5", "0x10". */
export const wholeNumber = (min: number, max: number) =>
	z
		.string()
		.regex(/^\d{1,9}$/, 'error.invalid')
		.transform(Number)
		.pipe(z.number().int().min(min, 'error.invalid').max(max, 'error.invalid'));

export const choice = <T extends readonly [string, ...string[]]>(values: T) =>
	z.enum(values, { error: 'error.invalidChoice' });

/**
 * A Helsinki wall-clock time as a `datetime-local` field sends it ("2024-03-31T09:00"), to the
 * instant it names; refused when the clock skips it (spring). Empty is null when optional.
 */
export function helsinkiDateTime(optional: boolean) {
	return z
		.string({ error: 'error.required' })
		.trim()
		.transform((value, ctx) => {
			if (value === '') {
				if (!optional) ctx.addIssue({ code: 'custom', message: 'error.required' });
				return null;
			}
			const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::00)?$/.exec(value);
			const result = m ? fromHelsinki(m[1]!, m[2]!) : null;
			if (!result || !result.ok) {
				ctx.addIssue({
					code: 'custom',
					message:
						result && !result.ok && result.reason === 'nonexistent'
							? 'error.timeSkipped'
							: 'error.invalidDateTime'
				});
				return null;
			}
			return result.instant;
		});
}

/** An instant as a `datetime-local` field shows it, in Helsinki time: the inverse of the above. */
export function localInput(instant: Date | null): string {
	if (!instant) return '';
	const { date, time } = toHelsinki(instant);
	return `${date}T${time}`;
}

/** A web address (http or https), or null when empty. */
export const httpsUrl = z
	.string()
	.trim()
	.max(2000, 'error.tooLong')
	.refine((v) => {
		if (v === '') return true;
		try {
			const url = new URL(v);
			return url.protocol === 'https:' || url.protocol === 'http:';
		} catch {
			return false;
		}
	}, 'error.url')
	.transform((v) => (v === '' ? null : v));
