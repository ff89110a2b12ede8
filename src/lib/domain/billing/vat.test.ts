import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	checkVatSchedule,
	FINNISH_GENERAL_VAT,
	rateOn,
	vatOf,
	vatPercentDecimal,
	type VatRate
} from './vat';

describe('rateOn', () => {
	it('gives 24 % until 31.8.2024 and 25,5 % from 1.9.2024', () => {
		expect(rateOn(FINNISH_GENERAL_VAT, '2023-03-01')?.basisPoints).toBe(2400);
		expect(rateOn(FINNISH_GENERAL_VAT, '2024-08-31')?.basisPoints).toBe(2400);
		expect(rateOn(FINNISH_GENERAL_VAT, '2024-09-01')?.basisPoints).toBe(2550);
		expect(rateOn(FINNISH_GENERAL_VAT, '2026-12-01')?.basisPoints).toBe(2550);
	});

	it('has no rate before the schedule starts', () => {
		expect(rateOn(FINNISH_GENERAL_VAT, '2012-12-31')).toBeNull();
		expect(rateOn([], '2024-01-01')).toBeNull();
	});

	it('does not depend on the order the rates are given in', () => {
		const rates: VatRate[] = [
			{ validFrom: '2024-09-01', basisPoints: 2550 },
			{ validFrom: '2013-01-01', basisPoints: 2400 },
			{ validFrom: '2030-01-01', basisPoints: 2600 }
		];
		expect(rateOn(rates, '2029-12-31')?.basisPoints).toBe(2550);
		expect(rateOn(rates, '2030-01-01')?.basisPoints).toBe(2600);
	});
});

describe('checkVatSchedule', () => {
	it('finds nothing wrong with Finland’s general rate', () => {
		expect(checkVatSchedule(FINNISH_GENERAL_VAT)).toEqual([]);
	});

	it('names bad dates, bad rates and two rates from one day', () => {
		expect(
			checkVatSchedule([
				{ validFrom: '2024-02-30', basisPoints: 2400 },
				{ validFrom: '1.9.2024', basisPoints: 2550 },
				{ validFrom: '2025-01-01', basisPoints: 25.5 },
				{ validFrom: '2026-01-01', basisPoints: -1 },
				{ validFrom: '2027-01-01', basisPoints: 2550 },
				{ validFrom: '2027-01-01', basisPoints: 2600 }
			])
		).toEqual([
			{ kind: 'bad_date', validFrom: '2024-02-30' },
			{ kind: 'bad_date', validFrom: '1.9.2024' },
			{ kind: 'bad_rate', validFrom: '2025-01-01' },
			{ kind: 'bad_rate', validFrom: '2026-01-01' },
			{ kind: 'duplicate_start', validFrom: '2027-01-01' }
		]);
	});
});

describe('vatOf', () => {
	it('is exact for 25,5 %', () => {
		// Vaala's participation fee, 9 000 €: 2 295,00 € VAT at 25,5 %, 2 160,00 € at 24 %.
		expect(vatOf(900_000, 2550)).toBe(229_500);
		expect(vatOf(900_000, 2400)).toBe(216_000);
		// 0,01 € × 25,5 % = 0,00255 € → 0,00; 0,02 € → 0,0051 → 0,01.
		expect(vatOf(1, 2550)).toBe(0);
		expect(vatOf(2, 2550)).toBe(1);
	});

	it('rounds halves away from zero, so a credit mirrors its invoice', () => {
		// 0,10 € × 25 % = 0,025 € → 0,03; −0,10 € → −0,03.
		expect(vatOf(10, 2500)).toBe(3);
		expect(vatOf(-10, 2500)).toBe(-3);
		// 1,00 € × 25,5 % = 0,255 € → 0,26.
		expect(vatOf(100, 2550)).toBe(26);
		expect(vatOf(-100, 2550)).toBe(-26);
	});

	it('is within half a cent of the exact VAT, and odd in the amount', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: -1e11, max: 1e11 }),
				fc.integer({ min: 0, max: 10_000 }),
				(cents, bp) => {
					const vat = vatOf(cents, bp);
					const error = BigInt(vat) * 10_000n - BigInt(cents) * BigInt(bp);
					expect(2n * (error < 0n ? -error : error) <= 10_000n).toBe(true);
					expect(vatOf(-cents, bp) + vat).toBe(0);
				}
			)
		);
	});
});

describe('vatPercentDecimal', () => {
	it.each([
		[2550, '25.5'],
		[2400, '24'],
		[1350, '13.5'],
		[1000, '10'],
		[5, '0.05'],
		[0, '0'],
		[10_000, '100']
	])('%i basis points are %s %%', (bp, text) => {
		expect(vatPercentDecimal(bp)).toBe(text);
	});
});
