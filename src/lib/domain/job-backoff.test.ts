import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	baseRetryDelayMs,
	FIRST_RETRY_MS,
	MAX_RETRY_MS,
	RETRY_JITTER,
	retryDelayMs
} from './job-backoff';

const attempts = fc.integer({ min: 1, max: 10_000 });
const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe('retryDelayMs', () => {
	it.each([
		[1, 30_000],
		[2, 60_000],
		[3, 120_000],
		[7, 1_920_000],
		[8, 3_600_000], // 3 840 000 capped at an hour
		[50, 3_600_000]
	])('waits %i attempts → %i ms without jitter', (n, expected) => {
		expect(baseRetryDelayMs(n)).toBe(expected);
		expect(retryDelayMs(n, () => 0.5)).toBe(expected);
	});

	it('spreads by 20 % either way', () => {
		expect(retryDelayMs(1, () => 0)).toBe(24_000);
		expect(retryDelayMs(1, () => 0.999_999_9)).toBe(36_000);
		expect(retryDelayMs(8, () => 0)).toBe(2_880_000);
	});

	it('refuses an attempt count that is not a whole number from 1', () => {
		for (const bad of [0, -1, 1.5, Number.NaN]) {
			expect(() => retryDelayMs(bad)).toThrow(RangeError);
		}
	});

	it('is never negative and never above an hour and a fifth, whatever the random source says', () => {
		fc.assert(
			fc.property(attempts, fc.double(), (n, r) => {
				const delay = retryDelayMs(n, () => r);
				expect(delay).toBeGreaterThanOrEqual(0);
				expect(delay).toBeLessThanOrEqual(MAX_RETRY_MS * (1 + RETRY_JITTER));
				expect(Number.isInteger(delay)).toBe(true);
			})
		);
	});

	it('stays within ± 20 % of the base delay', () => {
		fc.assert(
			fc.property(attempts, unit, (n, r) => {
				const base = baseRetryDelayMs(n);
				const delay = retryDelayMs(n, () => r);
				expect(delay).toBeGreaterThanOrEqual(Math.floor(base * (1 - RETRY_JITTER)));
				expect(delay).toBeLessThanOrEqual(Math.ceil(base * (1 + RETRY_JITTER)));
			})
		);
	});

	it('grows, in expectation, with every attempt (never shrinks)', () => {
		fc.assert(
			fc.property(attempts, (n) => {
				// the jitter is symmetric, so the expectation is the delay at r = 0.5
				expect(retryDelayMs(n + 1, () => 0.5)).toBeGreaterThanOrEqual(retryDelayMs(n, () => 0.5));
				expect(baseRetryDelayMs(n + 1)).toBeGreaterThanOrEqual(baseRetryDelayMs(n));
			})
		);
	});

	it('averages close to the base delay with Math.random', () => {
		for (const n of [1, 4, 9]) {
			const samples = Array.from({ length: 4000 }, () => retryDelayMs(n));
			const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
			expect(Math.abs(mean / baseRetryDelayMs(n) - 1)).toBeLessThan(0.02);
		}
		expect(FIRST_RETRY_MS).toBe(30_000);
	});
});
