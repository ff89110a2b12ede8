import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFeeSchedule, feeTierFor, generalVatOn, scheduleOn, type FeeTier } from './fees';

const tier = (
	name: string,
	min: number,
	max: number | null,
	euros: number,
	validFrom = '2023-01-01'
): FeeTier => ({
	name,
	minPopulation: min,
	maxPopulation: max,
	yearlyFeeCents: euros * 100,
	validFrom,
	vatTreatment: 'vat_exempt'
});

// The USO 7 schedule: small 9,000 € (the seed); medium and large are demo amounts.
const uso7 = [
	tier('small', 0, 9_999, 9_000),
	tier('medium', 10_000, 49_999, 14_000),
	tier('large', 50_000, null, 22_000)
];

describe('feeTierFor', () => {
	it('gives Vaala (2,581 inhabitants) the small tier, 9,000 € a year', () => {
		expect(feeTierFor(uso7, 2_581, '2023-03-01')).toMatchObject({
			name: 'small',
			yearlyFeeCents: 900_000
		});
	});

	it.each([
		[0, 'small'],
		[9_999, 'small'],
		[10_000, 'medium'],
		[49_999, 'medium'],
		[50_000, 'large'],
		[684_018, 'large']
	])('a population of %i is in the %s tier', (population, name) => {
		expect(feeTierFor(uso7, population, '2024-01-01')?.name).toBe(name);
	});

	it('has no tier before the schedule starts', () => {
		expect(feeTierFor(uso7, 2_581, '2022-12-31')).toBeNull();
	});

	it('uses the newest schedule in force on the day', () => {
		const tiers = [
			...uso7,
			tier('small', 0, 9_999, 9_500, '2024-01-01'),
			tier('rest', 10_000, null, 15_000, '2024-01-01')
		];
		expect(feeTierFor(tiers, 2_581, '2023-12-31')?.yearlyFeeCents).toBe(900_000);
		expect(feeTierFor(tiers, 2_581, '2024-01-01')?.yearlyFeeCents).toBe(950_000);
		expect(scheduleOn(tiers, '2024-06-01').map((t) => t.name)).toEqual(['small', 'rest']);
	});

	it('finds exactly one tier for every population in a schedule without gaps or overlaps', () => {
		expect(checkFeeSchedule(uso7)).toEqual([]);
		fc.assert(
			fc.property(
				fc.uniqueArray(fc.integer({ min: 1, max: 1_000_000 }), { maxLength: 6 }),
				fc.integer({ min: 0, max: 2_000_000 }),
				(cuts, population) => {
					const bounds = [0, ...cuts.sort((a, b) => a - b)];
					const tiers = bounds.map((min, i) =>
						tier(`t${i}`, min, i + 1 < bounds.length ? bounds[i + 1]! - 1 : null, i * 1000)
					);
					expect(checkFeeSchedule(tiers)).toEqual([]);
					const matching = tiers.filter((t) => feeTierFor([t], population, '2030-01-01'));
					expect(matching).toHaveLength(1);
					expect(feeTierFor(tiers, population, '2030-01-01')).toBe(matching[0]);
				}
			)
		);
	});
});

describe('checkFeeSchedule', () => {
	it('finds gaps, overlaps, a closed top and a missing bottom', () => {
		const problems = checkFeeSchedule([
			tier('a', 100, 999, 1),
			tier('b', 900, 4_999, 1),
			tier('c', 6_000, 9_000, 1)
		]);
		expect(problems.map((p) => p.kind).sort()).toEqual([
			'gap',
			'no_lower_start',
			'not_open_ended',
			'overlap'
		]);
	});

	it('refuses inverted bounds and negative fees', () => {
		const problems = checkFeeSchedule([tier('a', 0, null, -1), tier('b', 10, 5, 1, '2025-01-01')]);
		expect(problems.map((p) => p.kind)).toEqual(
			expect.arrayContaining(['negative_fee', 'bad_bounds'])
		);
	});
});

describe('generalVatOn', () => {
	it('is 24 % before and 25.5 % from 1 September 2024', () => {
		expect(generalVatOn('2024-08-31')).toBe(2400);
		expect(generalVatOn('2024-09-01')).toBe(2550);
	});
});
