import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	compareSeasons,
	groupDistribution,
	MIN_GROUP_SIZE,
	positionIn,
	seasonChange,
	suppressSmallGroup,
	type GroupDistribution
} from './distribution';
import { fiveNumberSummary } from './statistics';

const score = fc.oneof(
	fc.double({ min: 0, max: 100, noNaN: true }),
	fc.integer({ min: 0, max: 4 }).map((i) => i * 25)
);

describe('groupDistribution', () => {
	it('gives count, range and type 7 quartiles of a group of five or more', () => {
		expect(groupDistribution([50, 75, 25, 100, 0, 62.5])).toEqual({
			suppressed: false,
			n: 6,
			min: 0,
			lowerQuartile: 31.25,
			median: 56.25,
			upperQuartile: 71.875,
			max: 100
		});
	});

	it('counts only the municipalities with a score', () => {
		expect(groupDistribution([50, null, 75, 25, null, 100])).toEqual({ suppressed: true });
		expect(groupDistribution([50, null, 75, 25, 0, 100])).toMatchObject({ n: 5, median: 50 });
	});

	it(`shows nothing of a group of fewer than ${MIN_GROUP_SIZE}, whatever its scores`, () => {
		fc.assert(
			fc.property(fc.array(fc.option(score, { nil: null }), { maxLength: 12 }), (scores) => {
				const present = scores.filter((s) => s !== null).length;
				const result = groupDistribution(scores);
				if (present >= MIN_GROUP_SIZE) {
					expect(result).toMatchObject({ suppressed: false, n: present });
				} else {
					// no figure of any kind, not even the count
					expect(result).toStrictEqual({ suppressed: true });
					expect(JSON.stringify(result)).not.toMatch(/\d/);
					expect(positionIn(scores.find((s) => s !== null) ?? 50, result)).toBeNull();
				}
			})
		);
	});

	it('does not change when the members come in another order', () => {
		fc.assert(
			fc.property(
				fc
					.array(fc.option(score, { nil: null }), { maxLength: 30 })
					.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length }))),
				([scores, shuffled]) => {
					expect(groupDistribution(shuffled)).toEqual(groupDistribution(scores));
				}
			)
		);
	});

	it('applies the same rule to figures aggregated in the database', () => {
		const summary = fiveNumberSummary([1, 2, 3, 4])!;
		expect(suppressSmallGroup(summary)).toEqual({ suppressed: true });
		expect(suppressSmallGroup(null)).toEqual({ suppressed: true });
		const five = fiveNumberSummary([1, 2, 3, 4, 5])!;
		expect(suppressSmallGroup({ ...five, extra: 'row field' } as typeof five)).toEqual({
			suppressed: false,
			...five
		});
	});
});

describe('positionIn', () => {
	const group = groupDistribution([10, 20, 30, 40, 50, 60, 70, 80, 90]);
	// quartiles 30, 50, 70
	it.each([
		[10, 'below_lower_quartile'],
		[29.9, 'below_lower_quartile'],
		[30, 'lower_middle'],
		[49, 'lower_middle'],
		[50, 'at_median'],
		[51, 'upper_middle'],
		[70, 'upper_middle'],
		[70.1, 'above_upper_quartile'],
		[90, 'above_upper_quartile']
	])('puts %d in %s', (own, band) => {
		expect(positionIn(own, group)).toBe(band);
	});

	it('puts everyone at the median of a group of equal scores', () => {
		expect(positionIn(60, groupDistribution([60, 60, 60, 60, 60]))).toBe('at_median');
	});

	it('has no place without a score or in a suppressed group', () => {
		expect(positionIn(null, group)).toBeNull();
		expect(positionIn(50, { suppressed: true })).toBeNull();
	});

	it('gives a band consistent with the quartiles for any member of any group', () => {
		fc.assert(
			fc.property(
				fc.array(score, { minLength: MIN_GROUP_SIZE, maxLength: 30 }),
				fc.nat(),
				(scores, i) => {
					const group = groupDistribution(scores) as Extract<
						GroupDistribution,
						{ suppressed: false }
					>;
					const own = scores[i % scores.length]!;
					const band = positionIn(own, group);
					const { lowerQuartile: q1, median, upperQuartile: q3 } = group;
					const ok = {
						below_lower_quartile: own < q1,
						lower_middle: own >= q1 && own < median,
						at_median: own === median,
						upper_middle: own > median && own <= q3,
						above_upper_quartile: own > q3
					};
					expect(band && ok[band]).toBe(true);
				}
			)
		);
	});
});

describe('seasonChange and compareSeasons', () => {
	const at = (score: number | null, scoringFingerprint = 'f1') => ({ score, scoringFingerprint });

	it('gives the change where both seasons have a score decided alike', () => {
		expect(seasonChange(at(62.5), at(50))).toEqual({
			comparable: true,
			previous: 50,
			current: 62.5,
			change: 12.5
		});
	});

	it('says why there is no change to show', () => {
		expect(seasonChange(at(60), undefined)).toEqual({
			comparable: false,
			reason: 'not_in_previous'
		});
		expect(seasonChange(at(60), at(50, 'f2'))).toEqual({
			comparable: false,
			reason: 'scored_differently'
		});
		expect(seasonChange(at(60), at(null))).toEqual({
			comparable: false,
			reason: 'no_previous_score'
		});
		expect(seasonChange(at(null), at(50))).toEqual({
			comparable: false,
			reason: 'no_current_score'
		});
	});

	it('matches sections by key, in the order of the current season', () => {
		expect(
			compareSeasons(
				[
					{ section: 'vitality', ...at(70) },
					{ section: 'strategy', ...at(55) },
					{ section: 'climate', ...at(40) }
				],
				[
					{ section: 'strategy', ...at(60) },
					{ section: 'vitality', ...at(65, 'f0') }
				]
			)
		).toEqual([
			{ section: 'vitality', comparable: false, reason: 'scored_differently' },
			{ section: 'strategy', comparable: true, previous: 60, current: 55, change: -5 },
			{ section: 'climate', comparable: false, reason: 'not_in_previous' }
		]);
	});
});
