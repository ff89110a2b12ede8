import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summariseDistribution, summariseFeedback, summariseScores } from './feedback';

describe('summariseScores', () => {
	it('counts each score and averages to one decimal', () => {
		expect(summariseScores([5, 4, 4, 3, 5, 5])).toEqual({
			count: 6,
			distribution: [0, 0, 1, 2, 3],
			average: 4.3
		});
	});

	it('rounds half up, exactly', () => {
		// 4.25 and 4.35 are not exact in binary floating point; computed in integers they round up
		expect(summariseScores([4, 4, 5, 4]).average).toBe(4.3);
		expect(
			summariseScores([5, 4, 4, 4, 5, 4, 4, 5, 4, 4, 4, 5, 4, 4, 4, 5, 4, 4, 5, 5]).average
		).toBe(4.4);
		expect(summariseScores([1, 2]).average).toBe(1.5);
		expect(summariseScores([1, 1, 2]).average).toBe(1.3);
		expect(summariseScores([1, 2, 2]).average).toBe(1.7);
	});

	it('has no average without answers', () => {
		expect(summariseScores([])).toEqual({ count: 0, distribution: [0, 0, 0, 0, 0], average: null });
	});

	it.each([0, 6, 2.5, Number.NaN])('refuses %s as a score', (score) => {
		expect(() => summariseScores([3, score])).toThrow(RangeError);
	});

	it('adds up and stays between the lowest and highest score', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 200 }),
				(scores) => {
					const s = summariseScores(scores);
					expect(s.distribution.reduce((a, b) => a + b, 0)).toBe(scores.length);
					expect(s.count).toBe(scores.length);
					const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
					expect(Math.abs(s.average! - mean)).toBeLessThanOrEqual(0.05 + 1e-9);
					expect(s.average).toBeGreaterThanOrEqual(Math.min(...scores));
					expect(s.average).toBeLessThanOrEqual(Math.max(...scores));
					expect(Math.round(s.average! * 10) / 10).toBe(s.average);
				}
			)
		);
	});
});

describe('summariseDistribution', () => {
	it('gives from counts what the scores themselves give, for a season as for one event', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 300 }), (scores) => {
				const direct = summariseScores(scores);
				expect(summariseDistribution(direct.distribution)).toEqual(direct);
			})
		);
	});

	it('adds events up: the counts of two events summarise as their answers together', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 1, max: 5 })),
				fc.array(fc.integer({ min: 1, max: 5 })),
				(a, b) => {
					const sum = summariseScores(a).distribution.map(
						(n, i) => n + summariseScores(b).distribution[i]!
					);
					expect(summariseDistribution(sum)).toEqual(summariseScores([...a, ...b]));
				}
			)
		);
	});

	it.each([[[1, 2, 3, 4]], [[1, 2, 3, 4, 5, 6]], [[1, -1, 0, 0, 0]], [[0, 0.5, 0, 0, 0]]])(
		'refuses %j as counts',
		(counts) => {
			expect(() => summariseDistribution(counts)).toThrow(RangeError);
		}
	);
});

describe('summariseFeedback', () => {
	it('summarises each question over the answers given, skipping blanks', () => {
		const result = summariseFeedback(
			['useful', 'venue'],
			[{ useful: 5, venue: 4 }, { useful: 4, venue: null }, { useful: 3 }]
		);
		expect(result).toEqual([
			{ questionId: 'useful', summary: { count: 3, distribution: [0, 0, 1, 1, 1], average: 4 } },
			{ questionId: 'venue', summary: { count: 1, distribution: [0, 0, 0, 1, 0], average: 4 } }
		]);
	});
});
