import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	checkShares,
	MAX_SHARE_WEIGHT,
	sharesOfWorkshops,
	splitAmounts,
	splitCents,
	weighShares,
	type Share
} from './cost-split';

const equal = (...keys: string[]): Share[] => keys.map((key) => ({ key, weight: 1 }));

describe('splitting a journey', () => {
	it('halves a journey that served Vaala and Utajärvi', () => {
		expect(splitCents(61_674, equal('785', '889'))).toEqual([
			{ key: '785', cents: 30_837 },
			{ key: '889', cents: 30_837 }
		]);
	});

	it('gives the odd cent to the lowest municipality code, whatever the order given', () => {
		const expected = [
			{ key: '205', cents: 34 },
			{ key: '785', cents: 33 },
			{ key: '889', cents: 33 }
		];
		expect(splitCents(100, equal('785', '889', '205'))).toEqual(expected);
		expect(splitCents(100, equal('889', '205', '785'))).toEqual(expected);
		expect(splitCents(101, equal('785', '889', '205')).map((p) => p.cents)).toEqual([34, 34, 33]);
	});

	it('gives the leftover cents to the largest fractions first', () => {
		// 1,000 by 1:2:4 is 142.86 / 285.71 / 571.43: the 0.86 and the 0.71 get a cent each
		expect(
			splitCents(1_000, [
				{ key: '205', weight: 1 },
				{ key: '785', weight: 2 },
				{ key: '889', weight: 4 }
			]).map((p) => p.cents)
		).toEqual([143, 286, 571]);
	});

	it('weighs each workshop served the same by default', () => {
		expect(
			sharesOfWorkshops([
				{ municipalityCode: '785' },
				{ municipalityCode: '889' },
				{ municipalityCode: '785' }
			])
		).toEqual([
			{ key: '785', weight: 2 },
			{ key: '889', weight: 1 }
		]);
	});

	it('leaves a journey of one municipality whole', () => {
		expect(splitCents(12_345, equal('785'))).toEqual([{ key: '785', cents: 12_345 }]);
		expect(splitCents(0, equal('785', '889'))).toEqual([
			{ key: '785', cents: 0 },
			{ key: '889', cents: 0 }
		]);
	});

	it('splits the net and the VAT so that every column adds up', () => {
		const parts = splitAmounts(
			{ grossCents: 12_001, vatCents: 1_475, netCents: 10_526 },
			equal('785', '889')
		);
		expect(parts).toEqual([
			{ key: '785', netCents: 5_263, vatCents: 738, grossCents: 6_001 },
			{ key: '889', netCents: 5_263, vatCents: 737, grossCents: 6_000 }
		]);
		expect(() => splitAmounts({ grossCents: 10, vatCents: 1, netCents: 8 }, equal('785'))).toThrow(
			RangeError
		);
	});

	it('finds shares it cannot split by', () => {
		expect(checkShares([])).toEqual([{ kind: 'no_shares' }]);
		expect(
			checkShares([
				{ key: '785', weight: 0 },
				{ key: '889', weight: 1.5 },
				{ key: '889', weight: 1 }
			])
		).toEqual([
			{ kind: 'weight_not_positive', key: '785' },
			{ kind: 'weight_not_positive', key: '889' },
			{ kind: 'duplicate_key', key: '889' }
		]);
		expect(() => splitCents(100, [])).toThrow(RangeError);
		expect(() => splitCents(-1, equal('785'))).toThrow(RangeError);
		expect(() => splitCents(1.5, equal('785'))).toThrow(RangeError);
	});
});

describe('the split’s invariants', () => {
	const shares = fc
		.uniqueArray(fc.integer({ min: 1, max: 999 }), { minLength: 1, maxLength: 8 })
		.chain((codes) =>
			fc.tuple(
				...codes.map((code) =>
					fc.record({
						key: fc.constant(String(code).padStart(3, '0')),
						weight: fc.integer({ min: 1, max: 100_000 })
					})
				)
			)
		);
	const total = fc.integer({ min: 0, max: 100_000_000 });

	it('always adds up to the whole, to the cent, each part within a cent of its exact share', () => {
		fc.assert(
			fc.property(total, shares, (cents, given) => {
				const parts = splitCents(cents, given);
				expect(parts.reduce((s, p) => s + p.cents, 0)).toBe(cents);
				const sum = given.reduce((s, x) => s + x.weight, 0);
				for (const part of parts) {
					const weight = given.find((s) => s.key === part.key)!.weight;
					// |cents·sum − total·weight| < sum, in BigInt to stay exact
					const diff = BigInt(part.cents) * BigInt(sum) - BigInt(cents) * BigInt(weight);
					expect(diff > -BigInt(sum) && diff < BigInt(sum)).toBe(true);
				}
			})
		);
	});

	it('is the same whatever order the shares come in, in ascending key order', () => {
		fc.assert(
			fc.property(
				total,
				shares.chain((s) =>
					fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length }))
				),
				(cents, [given, shuffled]) => {
					const parts = splitCents(cents, given);
					expect(splitCents(cents, shuffled)).toEqual(parts);
					const keys = parts.map((p) => p.key);
					expect(keys).toEqual([...keys].sort());
				}
			)
		);
	});

	it('gives equal shares parts at most a cent apart, and a heavier share never less', () => {
		fc.assert(
			fc.property(total, shares, (cents, given) => {
				const parts = splitCents(cents, given);
				const weightOf = (key: string) => given.find((s) => s.key === key)!.weight;
				for (const a of parts) {
					for (const b of parts) {
						if (weightOf(a.key) > weightOf(b.key)) expect(a.cents).toBeGreaterThanOrEqual(b.cents);
					}
				}
				const even = splitCents(
					cents,
					given.map((s) => ({ key: s.key, weight: 1 }))
				);
				const amounts = even.map((p) => p.cents);
				expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThanOrEqual(1);
			})
		);
	});

	it('keeps net, VAT and gross adding up and never negative', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 10_000_000 }),
				fc.integer({ min: 0, max: 10_000_000 }),
				shares,
				(net, vat, given) => {
					const parts = splitAmounts(
						{ netCents: net, vatCents: vat, grossCents: net + vat },
						given
					);
					const sum = (k: 'netCents' | 'vatCents' | 'grossCents') =>
						parts.reduce((s, p) => s + p[k], 0);
					expect([sum('netCents'), sum('vatCents'), sum('grossCents')]).toEqual([
						net,
						vat,
						net + vat
					]);
					for (const p of parts) {
						expect(p.netCents).toBeGreaterThanOrEqual(0);
						expect(p.vatCents).toBeGreaterThanOrEqual(0);
						expect(p.grossCents).toBe(p.netCents + p.vatCents);
					}
				}
			)
		);
	});
});

describe('the coordinator’s own weights', () => {
	const served = equal('205', '785');

	it('replace the default, one municipality at a time, in ascending code', () => {
		expect(weighShares(served, { '785': 120, '205': 30 })).toEqual({
			ok: true,
			shares: [
				{ key: '205', weight: 30 },
				{ key: '785', weight: 120 }
			]
		});
		// a weight not given stays as it was
		expect(weighShares(served, { '785': 3 })).toEqual({
			ok: true,
			shares: [
				{ key: '205', weight: 1 },
				{ key: '785', weight: 3 }
			]
		});
	});

	it('are whole numbers from 1 up, for the municipalities the journey served only', () => {
		expect(weighShares(served, { '205': 0, '785': 1.5 })).toEqual({
			ok: false,
			problems: { '205': 'weight_not_positive', '785': 'weight_not_whole' },
			unknown: []
		});
		expect(weighShares(served, { '205': -2, '785': Number.NaN })).toMatchObject({
			ok: false,
			problems: { '205': 'weight_not_positive', '785': 'weight_not_whole' }
		});
		expect(weighShares(served, { '205': MAX_SHARE_WEIGHT + 1 })).toMatchObject({
			ok: false,
			problems: { '205': 'weight_too_large' }
		});
		expect(weighShares(served, { '889': 2 })).toEqual({
			ok: false,
			problems: {},
			unknown: ['889']
		});
		expect(weighShares([], {})).toEqual({ ok: false, problems: {}, unknown: [] });
	});

	it('always split the journey so that every part adds up to the whole, to the cent', () => {
		const journey = fc
			.uniqueArray(fc.integer({ min: 1, max: 999 }), { minLength: 1, maxLength: 8 })
			.chain((codes) =>
				fc.record({
					served: fc.constant(codes.map((c) => ({ key: String(c).padStart(3, '0'), weight: 1 }))),
					weights: fc.tuple(...codes.map(() => fc.integer({ min: 1, max: MAX_SHARE_WEIGHT })))
				})
			);
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 50_000_000 }),
				fc.integer({ min: 0, max: 10_000_000 }),
				journey,
				(net, vat, { served: given, weights }) => {
					const typed = Object.fromEntries(given.map((s, i) => [s.key, weights[i]!]));
					const weighed = weighShares(given, typed);
					if (!weighed.ok) throw new Error('valid weights refused');
					const parts = splitAmounts(
						{ netCents: net, vatCents: vat, grossCents: net + vat },
						weighed.shares
					);
					expect(parts.reduce((s, p) => s + p.netCents, 0)).toBe(net);
					expect(parts.reduce((s, p) => s + p.vatCents, 0)).toBe(vat);
					expect(parts.reduce((s, p) => s + p.grossCents, 0)).toBe(net + vat);
				}
			)
		);
	});

	it('refuse any weight that is not a whole number of at least 1', () => {
		fc.assert(
			fc.property(
				fc.oneof(fc.integer({ max: 0 }), fc.double({ noInteger: true }), fc.constant(Number.NaN)),
				(weight) => {
					expect(weighShares(served, { '785': weight }).ok).toBe(false);
				}
			)
		);
	});
});
