import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divideHalfAwayFromZero, toSafeNumber } from './rounding';

describe('divideHalfAwayFromZero', () => {
	it.each([
		[0n, 10n, 0n],
		[4n, 10n, 0n],
		[5n, 10n, 1n],
		[6n, 10n, 1n],
		[15n, 10n, 2n],
		[25n, 10n, 3n],
		[-4n, 10n, 0n],
		[-5n, 10n, -1n],
		[-25n, 10n, -3n],
		[229_500_000n, 10_000n, 22_950n],
		[12_345n * 2_550n, 10_000n, 3_148n]
	])('%i / %i = %i', (n, d, q) => {
		expect(divideHalfAwayFromZero(n, d)).toBe(q);
	});

	it('is never more than half away, and a negated numerator gives the negated result', () => {
		fc.assert(
			fc.property(
				fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
				fc.bigInt({ min: 1n, max: 10n ** 9n }),
				(n, d) => {
					const q = divideHalfAwayFromZero(n, d);
					const error = q * d - n;
					expect(2n * (error < 0n ? -error : error) <= d).toBe(true);
					expect(divideHalfAwayFromZero(-n, d)).toBe(-q);
				}
			)
		);
	});

	it('refuses a denominator that is not positive', () => {
		expect(() => divideHalfAwayFromZero(1n, 0n)).toThrow(RangeError);
	});
});

describe('toSafeNumber', () => {
	it('passes safe integers and stops the rest', () => {
		expect(toSafeNumber(9_007_199_254_740_991n)).toBe(Number.MAX_SAFE_INTEGER);
		expect(() => toSafeNumber(9_007_199_254_740_992n)).toThrow(RangeError);
	});
});
