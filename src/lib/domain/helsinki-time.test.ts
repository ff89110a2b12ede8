import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	fromHelsinki,
	helsinkiDate,
	helsinkiOffsetMinutes,
	isInRepeatedHour,
	toHelsinki
} from './helsinki-time';

const instant = (date: string, time: string) => {
	const r = fromHelsinki(date, time);
	if (!r.ok) throw new Error(`${date} ${time}: ${r.reason}`);
	return r.instant.toISOString();
};

describe('fromHelsinki', () => {
	it('takes winter time as +02:00 and summer time as +03:00', () => {
		expect(instant('2024-01-15', '09:00')).toBe('2024-01-15T07:00:00.000Z');
		expect(instant('2024-06-12', '09:00')).toBe('2024-06-12T06:00:00.000Z');
	});

	it('refuses the hour the clock skips on 2024-03-31 (03:00 → 04:00)', () => {
		expect(instant('2024-03-31', '02:59')).toBe('2024-03-31T00:59:00.000Z');
		expect(fromHelsinki('2024-03-31', '03:00')).toEqual({ ok: false, reason: 'nonexistent' });
		expect(fromHelsinki('2024-03-31', '03:59')).toEqual({ ok: false, reason: 'nonexistent' });
		expect(instant('2024-03-31', '04:00')).toBe('2024-03-31T01:00:00.000Z');
	});

	it('takes the first, summer-time occurrence of the hour repeated on 2024-10-27 (04:00 → 03:00)', () => {
		expect(instant('2024-10-27', '02:59')).toBe('2024-10-26T23:59:00.000Z');
		expect(fromHelsinki('2024-10-27', '03:00')).toEqual({
			ok: true,
			instant: new Date('2024-10-27T00:00:00Z'),
			ambiguous: true
		});
		expect(instant('2024-10-27', '03:59')).toBe('2024-10-27T00:59:00.000Z');
		expect(fromHelsinki('2024-10-27', '04:00')).toEqual({
			ok: true,
			instant: new Date('2024-10-27T02:00:00Z'),
			ambiguous: false
		});
	});

	it('keeps an event lasting over the autumn change its real length', () => {
		const start = fromHelsinki('2024-10-27', '02:00');
		const end = fromHelsinki('2024-10-27', '05:00');
		expect(start.ok && end.ok).toBe(true);
		if (start.ok && end.ok) {
			expect(end.instant.getTime() - start.instant.getTime()).toBe(4 * 3_600_000);
		}
	});

	it.each([
		['2024-02-30', '10:00'],
		['2023-02-29', '10:00'],
		['2024-13-01', '10:00'],
		['2024-1-01', '10:00'],
		['2024-01-01', '24:00'],
		['2024-01-01', '9:00'],
		['2024-01-01', '09:60'],
		['2024-01-01', '09:00:00'],
		['', '']
	])('refuses %s %s as invalid', (date, time) => {
		expect(fromHelsinki(date, time)).toEqual({ ok: false, reason: 'invalid' });
	});

	it('accepts a leap day', () => {
		expect(instant('2024-02-29', '12:00')).toBe('2024-02-29T10:00:00.000Z');
	});
});

describe('toHelsinki', () => {
	it('reads both occurrences of the repeated hour as the same wall-clock time', () => {
		expect(toHelsinki(new Date('2024-10-27T00:30:00Z'))).toEqual({
			date: '2024-10-27',
			time: '03:30'
		});
		expect(toHelsinki(new Date('2024-10-27T01:30:00Z'))).toEqual({
			date: '2024-10-27',
			time: '03:30'
		});
		expect(isInRepeatedHour(new Date('2024-10-27T00:30:00Z'))).toBe(true);
		expect(isInRepeatedHour(new Date('2024-10-27T01:30:00Z'))).toBe(true);
		expect(isInRepeatedHour(new Date('2024-10-27T02:00:00Z'))).toBe(false);
	});

	it('gives the Helsinki day, which differs from the UTC day late in the evening', () => {
		expect(helsinkiDate(new Date('2024-05-31T21:30:00Z'))).toBe('2024-06-01');
		expect(helsinkiDate(new Date('2024-12-31T21:59:00Z'))).toBe('2024-12-31');
		expect(helsinkiDate(new Date('2024-12-31T22:00:00Z'))).toBe('2025-01-01');
	});

	it('drops seconds', () => {
		expect(toHelsinki(new Date('2024-01-15T07:00:59.999Z')).time).toBe('09:00');
	});

	it('knows the offset on each side of both changes', () => {
		expect(helsinkiOffsetMinutes(new Date('2024-03-31T00:59:59Z'))).toBe(120);
		expect(helsinkiOffsetMinutes(new Date('2024-03-31T01:00:00Z'))).toBe(180);
		expect(helsinkiOffsetMinutes(new Date('2024-10-27T00:59:59Z'))).toBe(180);
		expect(helsinkiOffsetMinutes(new Date('2024-10-27T01:00:00Z'))).toBe(120);
	});
});

// Whole minutes from 1990 to 2100.
const minuteInstant = fc
	.integer({ min: Date.UTC(1990, 0, 1) / 60_000, max: Date.UTC(2100, 0, 1) / 60_000 })
	.map((m) => new Date(m * 60_000));

describe('local ↔ instant', () => {
	it('gives back every instant read in Helsinki, but the second pass of the repeated hour', () => {
		fc.assert(
			fc.property(minuteInstant, (at) => {
				const local = toHelsinki(at);
				const back = fromHelsinki(local.date, local.time);
				expect(back.ok).toBe(true);
				if (!back.ok) return;
				if (back.ambiguous && back.instant.getTime() !== at.getTime()) {
					// the second pass reads back as the first, one hour earlier
					expect(at.getTime() - back.instant.getTime()).toBe(3_600_000);
					expect(helsinkiOffsetMinutes(at)).toBe(120);
				} else {
					expect(back.instant).toEqual(at);
				}
			}),
			{ numRuns: 2000 }
		);
	});

	it('gives back every local time that exists, and refuses only in the spring-forward hour', () => {
		fc.assert(
			fc.property(
				minuteInstant,
				fc.integer({ min: 0, max: 23 }),
				fc.integer({ min: 0, max: 59 }),
				(day, hour, minute) => {
					const date = day.toISOString().slice(0, 10);
					const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
					const r = fromHelsinki(date, time);
					if (r.ok) {
						expect(toHelsinki(r.instant)).toEqual({ date, time });
					} else {
						expect(r.reason).toBe('nonexistent');
						expect(hour).toBe(3);
						// the next hour exists and is summer time
						const after = fromHelsinki(date, '04:00');
						expect(after.ok && helsinkiOffsetMinutes(after.instant)).toBe(180);
					}
				}
			),
			{ numRuns: 2000 }
		);
	});

	it('finds exactly one skipped and one repeated hour in each year', () => {
		for (const year of [2023, 2024, 2025]) {
			let skipped = 0;
			let repeated = 0;
			for (let d = Date.UTC(year, 0, 1); d < Date.UTC(year + 1, 0, 1); d += 86_400_000) {
				const date = new Date(d).toISOString().slice(0, 10);
				for (const time of ['03:00', '03:30']) {
					const r = fromHelsinki(date, time);
					if (!r.ok) skipped++;
					else if (r.ambiguous) repeated++;
				}
			}
			expect([skipped, repeated]).toEqual([2, 2]);
		}
	});
});
