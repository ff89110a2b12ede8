import { z } from 'zod';
import { fromHelsinki } from '$lib/domain/helsinki-time';
import { ATTENDANCE_MODES, EVENT_FORMATS, EVENT_TYPES } from '$lib/domain/events/event-types';
import { choice, text } from './fields';

/**
 * A Helsinki wall-clock time as a `datetime-local` field sends it ("2024-03-31T09:00"), to the
 * instant it names; refused when the clock skips it (spring). Empty is null when optional.
 */
function helsinkiDateTime(optional: boolean) {
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

/** A count of seats: empty for none (no limit), else a whole number. */
const seats = z
	.string()
	.trim()
	.regex(/^\d{0,5}$/, 'error.wholeNumber')
	.transform((v) => (v === '' ? null : Number(v)));

const httpsUrl = z
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

/** The event form of a coordinator: what the event is, when, where, and its seats. */
export const eventFormSchema = z.object({
	type: choice(EVENT_TYPES),
	format: choice(EVENT_FORMATS),
	titleFi: text({ max: 200 }),
	titleSv: text({ max: 200, optional: true }).default(''),
	titleEn: text({ max: 200, optional: true }).default(''),
	descriptionFi: text({ max: 8000, optional: true, multiline: true }).default(''),
	descriptionSv: text({ max: 8000, optional: true, multiline: true }).default(''),
	descriptionEn: text({ max: 8000, optional: true, multiline: true }).default(''),
	startsAt: helsinkiDateTime(false),
	endsAt: helsinkiDateTime(false),
	venueName: text({ max: 200, optional: true }).default(''),
	venueAddress: text({ max: 300, optional: true }).default(''),
	onlineUrl: httpsUrl.prefault(''),
	capacityOnSite: seats.prefault(''),
	capacityOnline: seats.prefault(''),
	perMunicipalityOnSite: seats.prefault(''),
	signUpOpensAt: helsinkiDateTime(true).prefault(''),
	signUpClosesAt: helsinkiDateTime(true).prefault(''),
	cancellationDeadline: helsinkiDateTime(true).prefault('')
});

export type EventForm = z.output<typeof eventFormSchema>;

/** The coordinator cancels an event, saying why (sent to those signed up). */
export const cancelEventSchema = z.object({
	reason: text({ max: 1000, multiline: true })
});

/** A person signs themselves up. */
export const signUpSelfSchema = z.object({
	mode: choice(ATTENDANCE_MODES),
	arrangements: text({ max: 500, optional: true, multiline: true }).default('')
});

export const uuidSchema = z.string().regex(/^[0-9a-f-]{36}$/, 'error.invalidChoice');
