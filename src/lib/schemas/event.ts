import { z } from 'zod';
import { ATTENDANCE_MODES, EVENT_FORMATS, EVENT_TYPES } from '$lib/domain/events/event-types';
import { choice, helsinkiDateTime, httpsUrl, text } from './fields';
import { UUID_PATTERN } from '$lib/domain/uuid';

/** A count of seats: empty for none (no limit), else a whole number. */
const seats = z
	.string()
	.trim()
	.regex(/^\d{0,5}$/, 'error.wholeNumber')
	.transform((v) => (v === '' ? null : Number(v)));

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

export const uuidSchema = z.string().regex(UUID_PATTERN, 'error.invalidChoice');
