import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGE_BUCKETS, ageBucket } from './receivable-age';

describe('receivables by age', () => {
	it('puts the days past due into their bucket', () => {
		expect([-5, 0, 1, 30, 31, 60, 61, 90, 91, 4000].map(ageBucket)).toEqual([
			'not_due',
			'not_due',
			'd1_30',
			'd1_30',
			'd31_60',
			'd31_60',
			'd61_90',
			'd61_90',
			'over_90',
			'over_90'
		]);
	});

	it('every day falls in exactly one bucket', () => {
		fc.assert(
			fc.property(fc.integer({ min: -10_000, max: 10_000 }), (days) => {
				const fits = AGE_BUCKETS.filter(
					(b) =>
						(b.fromDays === null || days >= b.fromDays) && (b.toDays === null || days <= b.toDays)
				);
				expect(fits).toHaveLength(1);
			})
		);
	});
});
