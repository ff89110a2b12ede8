import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	arrangementsEraseAt,
	checkAttendanceWindow,
	checkCancellationWindow,
	checkFeedbackWindow,
	checkSignUpWindow,
	promotionOpen,
	signUpPhase,
	type EventSchedule
} from './deadlines';

const at = (iso: string) => new Date(iso);

// A seminar on 2024-03-14 9.00–16.00 Helsinki time (+02:00).
const seminar: EventSchedule = {
	startsAt: at('2024-03-14T07:00:00Z'),
	endsAt: at('2024-03-14T14:00:00Z'),
	signUpOpensAt: at('2024-02-01T07:00:00Z'),
	signUpClosesAt: at('2024-03-07T22:00:00Z'),
	cancellationDeadline: at('2024-03-11T22:00:00Z'),
	cancelled: false
};

describe('sign-up window', () => {
	it.each([
		['2024-01-31T12:00:00Z', 'not_open'],
		['2024-02-01T07:00:00Z', 'open'],
		['2024-03-07T21:59:59Z', 'open'],
		['2024-03-07T22:00:00Z', 'closed'],
		['2024-03-14T08:00:00Z', 'closed'],
		['2024-03-14T14:00:00Z', 'past']
	] as const)('at %s the phase is %s', (now, phase) => {
		expect(signUpPhase(seminar, at(now))).toBe(phase);
	});

	it('gives a reason for each closed phase', () => {
		expect(checkSignUpWindow(seminar, at('2024-01-31T12:00:00Z'))).toEqual({
			ok: false,
			reason: 'sign_up_not_open'
		});
		expect(checkSignUpWindow(seminar, at('2024-03-08T12:00:00Z'))).toEqual({
			ok: false,
			reason: 'sign_up_closed'
		});
		expect(checkSignUpWindow(seminar, at('2024-03-15T12:00:00Z'))).toEqual({
			ok: false,
			reason: 'event_past'
		});
		expect(checkSignUpWindow({ ...seminar, cancelled: true }, at('2024-02-15T12:00:00Z'))).toEqual({
			ok: false,
			reason: 'event_cancelled'
		});
		expect(checkSignUpWindow(seminar, at('2024-02-15T12:00:00Z'))).toEqual({ ok: true });
	});

	it('stays open until the start when no opening or closing is set', () => {
		const open = { ...seminar, signUpOpensAt: null, signUpClosesAt: null };
		expect(signUpPhase(open, at('2020-01-01T00:00:00Z'))).toBe('open');
		expect(signUpPhase(open, at('2024-03-14T06:59:59Z'))).toBe('open');
		expect(signUpPhase(open, at('2024-03-14T07:00:00Z'))).toBe('closed');
	});
});

describe('cancellation window', () => {
	it('lets a participant cancel until the deadline', () => {
		expect(checkCancellationWindow(seminar, at('2024-03-11T21:59:59Z'))).toEqual({ ok: true });
		expect(checkCancellationWindow(seminar, at('2024-03-11T22:00:00Z'))).toEqual({
			ok: false,
			reason: 'cancellation_deadline_passed'
		});
		expect(checkCancellationWindow(seminar, at('2024-03-14T15:00:00Z'))).toEqual({
			ok: false,
			reason: 'event_past'
		});
		expect(
			checkCancellationWindow({ ...seminar, cancelled: true }, at('2024-03-01T00:00:00Z'))
		).toEqual({ ok: false, reason: 'event_cancelled' });
	});

	it('runs until the start without a deadline', () => {
		const noDeadline = { ...seminar, cancellationDeadline: null };
		expect(checkCancellationWindow(noDeadline, at('2024-03-14T06:59:59Z'))).toEqual({ ok: true });
		expect(checkCancellationWindow(noDeadline, at('2024-03-14T07:00:00Z')).ok).toBe(false);
	});
});

describe('after the sign-up', () => {
	it('promotes from the waiting list until the start, also after sign-up has closed', () => {
		expect(promotionOpen(seminar, at('2024-03-10T12:00:00Z'))).toBe(true);
		expect(promotionOpen(seminar, at('2024-03-14T07:00:00Z'))).toBe(false);
		expect(promotionOpen({ ...seminar, cancelled: true }, at('2024-03-10T12:00:00Z'))).toBe(false);
	});

	it('marks attendance from the start on', () => {
		expect(checkAttendanceWindow(seminar, at('2024-03-14T06:59:00Z'))).toEqual({
			ok: false,
			reason: 'event_not_started'
		});
		expect(checkAttendanceWindow(seminar, at('2024-03-14T07:00:00Z'))).toEqual({ ok: true });
		expect(checkAttendanceWindow(seminar, at('2024-09-01T00:00:00Z'))).toEqual({ ok: true });
	});

	it('takes feedback once from those who attended, for 30 days after the end', () => {
		const attended = { attended: true, answered: false };
		expect(checkFeedbackWindow(seminar, at('2024-03-14T13:00:00Z'), attended)).toEqual({
			ok: false,
			reason: 'event_not_ended'
		});
		expect(checkFeedbackWindow(seminar, at('2024-03-14T14:00:00Z'), attended)).toEqual({
			ok: true
		});
		expect(checkFeedbackWindow(seminar, at('2024-04-13T13:59:59Z'), attended)).toEqual({
			ok: true
		});
		expect(checkFeedbackWindow(seminar, at('2024-04-13T14:00:00Z'), attended)).toEqual({
			ok: false,
			reason: 'feedback_closed'
		});
		expect(
			checkFeedbackWindow(seminar, at('2024-03-15T00:00:00Z'), {
				attended: false,
				answered: false
			})
		).toEqual({ ok: false, reason: 'not_attended' });
		expect(
			checkFeedbackWindow(seminar, at('2024-03-15T00:00:00Z'), { attended: true, answered: true })
		).toEqual({ ok: false, reason: 'already_answered' });
	});

	it('erases special arrangements 14 days after the end', () => {
		expect(arrangementsEraseAt(seminar)).toEqual(at('2024-03-28T14:00:00Z'));
	});
});

describe('windows, for any schedule', () => {
	const schedule = fc
		.tuple(
			fc.integer({ min: 0, max: 1000 }),
			fc.integer({ min: 1, max: 100 }),
			fc.option(fc.integer({ min: 0, max: 1000 })),
			fc.option(fc.integer({ min: 0, max: 1000 })),
			fc.option(fc.integer({ min: 0, max: 1000 })),
			fc.boolean()
		)
		.map(([start, length, opens, closes, deadline, cancelled]): EventSchedule => ({
			startsAt: new Date(start * 60_000),
			endsAt: new Date((start + length) * 60_000),
			signUpOpensAt: opens === null ? null : new Date(opens * 60_000),
			signUpClosesAt: closes === null ? null : new Date(Math.min(closes, start) * 60_000),
			cancellationDeadline: deadline === null ? null : new Date(Math.min(deadline, start) * 60_000),
			cancelled
		}));

	it('never takes a sign-up after the start, nor for a cancelled event', () => {
		fc.assert(
			fc.property(schedule, fc.integer({ min: -10, max: 1200 }), (event, minute) => {
				const now = new Date(minute * 60_000);
				if (checkSignUpWindow(event, now).ok) {
					expect(event.cancelled).toBe(false);
					expect(now.getTime()).toBeLessThan(event.startsAt.getTime());
				}
				if (checkCancellationWindow(event, now).ok) {
					expect(now.getTime()).toBeLessThan(event.startsAt.getTime());
				}
			})
		);
	});
});
