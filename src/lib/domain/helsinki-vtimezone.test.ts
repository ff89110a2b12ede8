import { describe, expect, it } from 'vitest';
import { helsinkiOffsetMinutes } from './helsinki-time';
import { HELSINKI_VTIMEZONE } from './helsinki-vtimezone';

/** The last Sunday of a month at 01:00 UTC, when the EU rule changes the clocks. */
function lastSundayAtOneUtc(year: number, month: number): Date {
	const last = new Date(Date.UTC(year, month, 0, 1));
	return new Date(last.getTime() - last.getUTCDay() * 86_400_000);
}

describe('HELSINKI_VTIMEZONE', () => {
	it('starts its rules on the last Sundays of March and October 1996', () => {
		expect(lastSundayAtOneUtc(1996, 3).toISOString()).toBe('1996-03-31T01:00:00.000Z');
		expect(lastSundayAtOneUtc(1996, 10).toISOString()).toBe('1996-10-27T01:00:00.000Z');
		expect(HELSINKI_VTIMEZONE).toContain('DTSTART:19960331T030000\r\n');
		expect(HELSINKI_VTIMEZONE).toContain('DTSTART:19961027T040000\r\n');
	});

	it('agrees with the platform’s time-zone data in every year from 1996 to 2100', () => {
		for (let year = 1996; year <= 2100; year++) {
			const spring = lastSundayAtOneUtc(year, 3).getTime();
			const autumn = lastSundayAtOneUtc(year, 10).getTime();
			expect([
				helsinkiOffsetMinutes(new Date(spring - 1000)),
				helsinkiOffsetMinutes(new Date(spring)),
				helsinkiOffsetMinutes(new Date(autumn - 1000)),
				helsinkiOffsetMinutes(new Date(autumn))
			]).toEqual([120, 180, 180, 120]);
		}
	});

	it('is lines of at most 75 octets joined by CRLF', () => {
		const lines = HELSINKI_VTIMEZONE.split('\r\n');
		expect(lines.every((l) => l.length <= 75 && !/[\r\n]/.test(l))).toBe(true);
		expect(lines[0]).toBe('BEGIN:VTIMEZONE');
		expect(lines.at(-1)).toBe('END:VTIMEZONE');
	});
});
