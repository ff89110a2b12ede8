import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	checkKilometreRates,
	FINNISH_KILOMETRE_RATES,
	isKilometres,
	kilometreCents,
	kilometreRateOn,
	parseKilometres
} from './kilometre-allowances';

const rateOn = (day: string) => kilometreRateOn(FINNISH_KILOMETRE_RATES, day)?.centsPerKm ?? null;

describe('the kilometre allowance in force', () => {
	it.each([
		['2022-12-31', null],
		['2023-01-01', 53],
		['2023-12-31', 53],
		['2024-01-01', 57],
		['2024-12-31', 57],
		['2025-06-30', 59],
		['2026-01-01', 55],
		['2026-12-02', 55]
	])('on %s is %s c/km', (day, cents) => {
		expect(rateOn(day)).toBe(cents);
	});

	it('does not depend on the order the rates are kept in', () => {
		const reversed = [...FINNISH_KILOMETRE_RATES].reverse();
		expect(kilometreRateOn(reversed, '2024-07-01')?.centsPerKm).toBe(57);
	});

	it('keeps the Tax Administration’s rates as valid data', () => {
		expect(checkKilometreRates(FINNISH_KILOMETRE_RATES)).toEqual([]);
	});

	it('finds bad dates, a start given twice and rates that are not whole cents above zero', () => {
		expect(
			checkKilometreRates([
				{ validFrom: '2027-02-30', centsPerKm: 56 },
				{ validFrom: '2027-01-01', centsPerKm: 0 },
				{ validFrom: '2027-01-01', centsPerKm: 56.5 }
			]).map((p) => p.kind)
		).toEqual(['invalid_date', 'not_positive', 'duplicate_start', 'not_positive']);
	});
});

describe('kilometreCents', () => {
	it.each([
		[100, 53, 5_300],
		[123.4, 57, 7_034], // 7,033.8 rounds up
		[0.1, 55, 6], // 5.5 rounds half up
		[0.1, 53, 5], // 5.3 rounds down
		[412.5, 59, 24_338], // 24,337.5 rounds half up
		[0, 57, 0]
	])('%s km at %s c/km is %s c', (km, rate, cents) => {
		expect(kilometreCents(km, rate)).toBe(cents);
	});

	it('refuses a distance with more than one decimal, or negative', () => {
		expect(() => kilometreCents(12.34, 57)).toThrow(RangeError);
		expect(() => kilometreCents(-1, 57)).toThrow(RangeError);
		expect(isKilometres(Number.NaN)).toBe(false);
	});

	it('is within half a cent of the exact amount, and whole distances are exact', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 30_000 }),
				fc.integer({ min: 1, max: 200 }),
				(tenths, rate) => {
					const cents = kilometreCents(tenths / 10, rate);
					expect(Number.isInteger(cents)).toBe(true);
					// compare in tenths of a cent to stay in integers
					const error = cents * 10 - tenths * rate;
					expect(error).toBeGreaterThan(-5);
					expect(error).toBeLessThanOrEqual(5);
					if (tenths % 10 === 0) expect(cents).toBe((tenths / 10) * rate);
				}
			)
		);
	});
});

describe('parseKilometres', () => {
	it.each([
		['123', 123],
		['123,4', 123.4],
		['1 234.5', 1234.5],
		['12 km', 12],
		['0,1', 0.1]
	])('%j is %s km', (text, km) => {
		expect(parseKilometres(text)).toBe(km);
	});

	it.each(['', '-5', '12,34', '1e9', 'abc', '12,'])('%j is not a distance', (text) => {
		expect(parseKilometres(text)).toBeNull();
	});

	it('reads any distance of one decimal back as the rules take it', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 99_999_999 }), (tenths) => {
				const text = `${Math.trunc(tenths / 10)},${tenths % 10}`;
				const km = parseKilometres(text);
				expect(km).not.toBeNull();
				expect(isKilometres(km!)).toBe(true);
				expect(Math.round(km! * 10)).toBe(tenths);
			})
		);
	});
});
