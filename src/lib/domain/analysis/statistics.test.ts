import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fiveNumberSummary, mean, quantile, weightedMean } from './statistics';

describe('quantile (type 7)', () => {
	// Known vectors: R's quantile(x) (type 7 by default) and PostgreSQL's percentile_cont give
	// these; the six-value one is not symmetric, so an off-by-one in h shows.
	it.each([
		[[1, 2, 3, 4], 1.75, 2.5, 3.25],
		[[1, 2, 3, 4, 5], 2, 3, 4],
		[[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3.25, 5.5, 7.75],
		[[7, 15, 36, 39, 40, 41], 20.25, 37.5, 39.75],
		[[42], 42, 42, 42],
		[[0, 100], 25, 50, 75]
	])('quartiles of %j are %d, %d, %d', (values, q1, median, q3) => {
		expect(quantile(values, 0.25)).toBe(q1);
		expect(quantile(values, 0.5)).toBe(median);
		expect(quantile(values, 0.75)).toBe(q3);
	});

	it('gives the least and greatest value at 0 and 1', () => {
		expect(quantile([3, 1, 2], 0)).toBe(1);
		expect(quantile([3, 1, 2], 1)).toBe(3);
	});

	it('refuses no values, a p outside [0, 1] and values that are not finite', () => {
		expect(() => quantile([], 0.5)).toThrow(RangeError);
		expect(() => quantile([1], 1.5)).toThrow(RangeError);
		expect(() => quantile([1], Number.NaN)).toThrow(RangeError);
		expect(() => quantile([1, Number.NaN], 0.5)).toThrow(RangeError);
	});
});

const scores = fc.array(fc.double({ min: 0, max: 100, noNaN: true }), {
	minLength: 1,
	maxLength: 40
});

describe('fiveNumberSummary', () => {
	it('has nothing to summarise without values', () => {
		expect(fiveNumberSummary([])).toBeNull();
	});

	it('is ordered and does not depend on the order of the values', () => {
		fc.assert(
			fc.property(
				scores.chain((v) =>
					fc.tuple(fc.constant(v), fc.shuffledSubarray(v, { minLength: v.length }))
				),
				([values, shuffled]) => {
					const s = fiveNumberSummary(values)!;
					expect(fiveNumberSummary(shuffled)).toEqual(s);
					expect(s.n).toBe(values.length);
					expect(s.min).toBeLessThanOrEqual(s.lowerQuartile);
					expect(s.lowerQuartile).toBeLessThanOrEqual(s.median);
					expect(s.median).toBeLessThanOrEqual(s.upperQuartile);
					expect(s.upperQuartile).toBeLessThanOrEqual(s.max);
					expect(s.min).toBe(Math.min(...values));
					expect(s.max).toBe(Math.max(...values));
				}
			)
		);
	});
});

describe('mean and weightedMean', () => {
	it('averages, or has no mean without values', () => {
		expect(mean([1, 2, 3, 4])).toBe(2.5);
		expect(mean([])).toBeNull();
		expect(weightedMean([])).toBeNull();
		expect(
			weightedMean([
				{ value: 100, weight: 1 },
				{ value: 50, weight: 3 }
			])
		).toBe(62.5);
	});

	it('keeps the mean of equal values equal to them', () => {
		expect(mean([0.1, 0.1, 0.1])).toBe(0.1);
		expect(0.1 + 0.1 + 0.1).not.toBe(0.3); // why it has to
	});

	it('refuses a weight that is not above 0', () => {
		expect(() => weightedMean([{ value: 1, weight: 0 }])).toThrow(RangeError);
	});

	it('stays within the range and ignores order', () => {
		fc.assert(
			fc.property(
				scores.chain((v) =>
					fc.tuple(fc.constant(v), fc.shuffledSubarray(v, { minLength: v.length }))
				),
				([values, shuffled]) => {
					const m = mean(values)!;
					expect(mean(shuffled)).toBe(m);
					expect(m).toBeGreaterThanOrEqual(Math.min(...values));
					expect(m).toBeLessThanOrEqual(Math.max(...values));
				}
			)
		);
	});
});
