/**
 * When people may sign up for an event, cancel, be promoted from the waiting list, be marked
 * as attended and give feedback, and how long their special arrangements are kept. Every
 * window is half-open, [from, until): a sign-up closing at 12:00 is refused at 12:00:00.
 * These bind participants and contact persons; coordinators act outside them in the use cases.
 */

export interface EventSchedule {
	startsAt: Date;
	endsAt: Date;
	/** null: open as soon as the event is published. */
	signUpOpensAt: Date | null;
	/** null: open until the event starts. */
	signUpClosesAt: Date | null;
	/** Last moment a participant may cancel; null: until the event starts. */
	cancellationDeadline: Date | null;
	cancelled: boolean;
}

export type SignUpPhase = 'cancelled' | 'not_open' | 'open' | 'closed' | 'past';

export type DeadlineRefusal =
	| 'event_cancelled'
	/** The event has ended. */
	| 'event_past'
	| 'sign_up_not_open'
	| 'sign_up_closed'
	| 'cancellation_deadline_passed'
	| 'event_not_started'
	| 'event_not_ended'
	| 'feedback_closed'
	| 'not_attended'
	| 'already_answered';

export type DeadlineResult<R extends DeadlineRefusal> = { ok: true } | { ok: false; reason: R };

const DAY = 86_400_000;

/** Days after the end of an event that attendees may answer its feedback form. */
export const FEEDBACK_OPEN_DAYS = 30;
/** Days after the end of an event that sign-ups keep their special arrangements (diets, access). */
export const ARRANGEMENTS_KEPT_DAYS = 14;

const ms = (d: Date) => d.getTime();

/** Where the event's sign-up stands at a moment, for lists and the event page. */
export function signUpPhase(event: EventSchedule, now: Date): SignUpPhase {
	if (event.cancelled) return 'cancelled';
	if (ms(now) >= ms(event.endsAt)) return 'past';
	if (event.signUpOpensAt && ms(now) < ms(event.signUpOpensAt)) return 'not_open';
	if (ms(now) >= ms(event.signUpClosesAt ?? event.startsAt)) return 'closed';
	return 'open';
}

export type SignUpWindowRefusal = Extract<
	DeadlineRefusal,
	'event_cancelled' | 'event_past' | 'sign_up_not_open' | 'sign_up_closed'
>;

const PHASE_REFUSAL: Record<Exclude<SignUpPhase, 'open'>, SignUpWindowRefusal> = {
	cancelled: 'event_cancelled',
	past: 'event_past',
	not_open: 'sign_up_not_open',
	closed: 'sign_up_closed'
};

/** May someone sign up now? */
export function checkSignUpWindow(
	event: EventSchedule,
	now: Date
): DeadlineResult<SignUpWindowRefusal> {
	const phase = signUpPhase(event, now);
	return phase === 'open' ? { ok: true } : { ok: false, reason: PHASE_REFUSAL[phase] };
}

export type CancellationRefusal = Extract<
	DeadlineRefusal,
	'event_cancelled' | 'event_past' | 'cancellation_deadline_passed'
>;

/** May a participant (or their contact person) cancel a sign-up now, confirmed or waiting? */
export function checkCancellationWindow(
	event: EventSchedule,
	now: Date
): DeadlineResult<CancellationRefusal> {
	if (event.cancelled) return { ok: false, reason: 'event_cancelled' };
	if (ms(now) >= ms(event.endsAt)) return { ok: false, reason: 'event_past' };
	if (ms(now) >= ms(event.cancellationDeadline ?? event.startsAt)) {
		return { ok: false, reason: 'cancellation_deadline_passed' };
	}
	return { ok: true };
}

/**
 * Is the waiting list still promoted when a seat frees? Until the event starts, also after
 * sign-up has closed: those waiting still want to come, and a seat left empty helps no one.
 */
export function promotionOpen(event: EventSchedule, now: Date): boolean {
	return !event.cancelled && ms(now) < ms(event.startsAt);
}

export type AttendanceRefusal = Extract<DeadlineRefusal, 'event_cancelled' | 'event_not_started'>;

/** May attendance be marked now? From the start on, with no end: lists come in late. */
export function checkAttendanceWindow(
	event: EventSchedule,
	now: Date
): DeadlineResult<AttendanceRefusal> {
	if (event.cancelled) return { ok: false, reason: 'event_cancelled' };
	if (ms(now) < ms(event.startsAt)) return { ok: false, reason: 'event_not_started' };
	return { ok: true };
}

export type FeedbackRefusal = Extract<
	DeadlineRefusal,
	'event_cancelled' | 'event_not_ended' | 'feedback_closed' | 'not_attended' | 'already_answered'
>;

/** May this person answer the event's feedback form now? Once, if they attended. */
export function checkFeedbackWindow(
	event: EventSchedule,
	now: Date,
	person: { attended: boolean; answered: boolean }
): DeadlineResult<FeedbackRefusal> {
	if (event.cancelled) return { ok: false, reason: 'event_cancelled' };
	if (ms(now) < ms(event.endsAt)) return { ok: false, reason: 'event_not_ended' };
	if (ms(now) >= ms(event.endsAt) + FEEDBACK_OPEN_DAYS * DAY) {
		return { ok: false, reason: 'feedback_closed' };
	}
	if (!person.attended) return { ok: false, reason: 'not_attended' };
	if (person.answered) return { ok: false, reason: 'already_answered' };
	return { ok: true };
}

/** When a sign-up's special arrangements are erased: whole days of 24 h after the end. */
export function arrangementsEraseAt(event: Pick<EventSchedule, 'endsAt'>): Date {
	return new Date(ms(event.endsAt) + ARRANGEMENTS_KEPT_DAYS * DAY);
}
