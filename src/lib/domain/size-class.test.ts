import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIZE_CLASSES, sizeClassBounds, sizeClassOf } from './size-class';

describe('sizeClassOf', () => {
	it.each([
		[0, 1],
		[999, 1],
		[1_000, 2],
		[2_581, 2], // Vaala
		[2_999, 2],
		[3_000, 3],
		[8_999, 5],
		[9_000, 6],
		[11_999, 6],
		[12_000, 7],
		[49_999, 8],
		[50_000, 9],
		[99_999, 9],
		[100_000, 10],
		[684_018, 10] // Helsinki
	])('a population of %i is size class %i', (population, expected) => {
		expect(sizeClassOf(population)).toBe(expected);
	});

	it('refuses what is not a population', () => {
		expect(() => sizeClassOf(-1)).toThrow(RangeError);
		expect(() => sizeClassOf(1.5)).toThrow(RangeError);
		expect(() => sizeClassOf(Number.NaN)).toThrow(RangeError);
	});

	it('puts every population inside the bounds of its class', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 10_000_000 }), (population) => {
				const { min, max } = sizeClassBounds(sizeClassOf(population));
				expect(population).toBeGreaterThanOrEqual(min);
				if (max !== null) expect(population).toBeLessThanOrEqual(max);
			})
		);
	});

	it('never gives a smaller class to a larger population', () => {
		fc.assert(
			fc.property(fc.nat(2_000_000), fc.nat(2_000_000), (a, b) => {
				const [lo, hi] = a <= b ? [a, b] : [b, a];
				expect(sizeClassOf(lo)).toBeLessThanOrEqual(sizeClassOf(hi));
			})
		);
	});

	it('has classes that tile the numbers without gaps', () => {
		for (let i = 1; i < SIZE_CLASSES.length; i++) {
			expect(SIZE_CLASSES[i]!.min).toBe(SIZE_CLASSES[i - 1]!.max! + 1);
		}
	});
});
