import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	addDays,
	daysBetween,
	DEFAULT_LATE_CANCELLATION_DAYS,
	isLateCancellation,
	lateCancellationFrom
} from './late-cancellation';

const at = (iso: string) => new Date(iso);

// A workshop in Vaala on Thursday 28 March 2024 at 9.00 (+02:00), three days before summer time.
const startsAt = at('2024-03-28T07:00:00Z');

describe('late cancellation', () => {
	it('defaults to 14 days', () => {
		expect(DEFAULT_LATE_CANCELLATION_DAYS).toBe(14);
	});

	it.each([
		['2024-03-01T10:00:00Z', false],
		['2024-03-14T21:59:59Z', false], // 23:59:59 on 14 March in Helsinki: 14 days before
		['2024-03-14T22:00:00Z', true], // 00:00 on 15 March in Helsinki
		['2024-03-27T12:00:00Z', true],
		['2024-03-28T08:00:00Z', true],
		['2024-04-02T08:00:00Z', true]
	])('a municipality cancelling at %s is late: %s', (cancelledAt, late) => {
		expect(isLateCancellation(startsAt, at(cancelledAt))).toBe(late);
	});

	it('says from when a cancellation is late, in Helsinki time', () => {
		expect(lateCancellationFrom(startsAt).toISOString()).toBe('2024-03-14T22:00:00.000Z');
		// across the change to summer time: midnight of 5 April is 21:00Z on the 4th
		expect(lateCancellationFrom(at('2024-04-18T06:00:00Z')).toISOString()).toBe(
			'2024-04-04T21:00:00.000Z'
		);
	});

	it('takes the number of days as a parameter; with 1 only the day itself is late', () => {
		expect(isLateCancellation(startsAt, at('2024-03-21T10:00:00Z'), 7)).toBe(false);
		expect(isLateCancellation(startsAt, at('2024-03-21T22:00:00Z'), 7)).toBe(true);
		expect(isLateCancellation(startsAt, at('2024-03-27T21:59:00Z'), 1)).toBe(false);
		expect(isLateCancellation(startsAt, at('2024-03-27T22:00:00Z'), 1)).toBe(true);
		expect(lateCancellationFrom(startsAt, 1).toISOString()).toBe('2024-03-27T22:00:00.000Z');
	});

	it('refuses fewer than one day or a fraction', () => {
		expect(() => isLateCancellation(startsAt, startsAt, 0)).toThrow(RangeError);
		expect(() => lateCancellationFrom(startsAt, 1.5)).toThrow(RangeError);
	});

	it('is late exactly from the moment lateCancellationFrom gives', () => {
		const instant = fc.date({
			min: at('2020-01-01T00:00:00Z'),
			max: at('2035-12-31T00:00:00Z'),
			noInvalidDate: true
		});
		fc.assert(
			fc.property(instant, instant, fc.integer({ min: 1, max: 60 }), (start, cancel, days) => {
				const from = lateCancellationFrom(start, days);
				expect(isLateCancellation(start, cancel, days)).toBe(cancel.getTime() >= from.getTime());
			})
		);
	});
});

describe('calendar days', () => {
	it('counts across a leap day and the clock changes', () => {
		expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
		expect(daysBetween('2024-03-30', '2024-04-01')).toBe(2);
		expect(addDays('2024-03-28', -14)).toBe('2024-03-14');
		expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
	});

	it('refuses what is not a date', () => {
		expect(() => daysBetween('2024-3-1', '2024-03-01')).toThrow(RangeError);
	});
});
