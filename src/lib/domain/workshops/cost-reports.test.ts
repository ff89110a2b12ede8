import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	approvedCostsByExpert,
	approvedCostsByMunicipality,
	type ReportJourney
} from './cost-reports';
import { JOURNEY_STATES, sumAmounts, type CostAmounts } from './travel-costs';

const amounts = (netCents: number, vatCents = 0) => ({
	netCents,
	vatCents,
	grossCents: netCents + vatCents
});

const journeys: ReportJourney[] = [
	// Helsinki → Vaala → Utajärvi → Helsinki by car and a hotel night, split half and half
	{
		expertId: 'expert-1',
		state: 'approved',
		amounts: amounts(72_200, 1_474),
		shares: [
			{ key: '785', weight: 1 },
			{ key: '889', weight: 1 }
		]
	},
	{
		expertId: 'expert-2',
		state: 'approved',
		amounts: amounts(8_051),
		shares: [{ key: '785', weight: 1 }]
	},
	{
		expertId: 'expert-2',
		state: 'submitted',
		amounts: amounts(99_999),
		shares: [{ key: '785', weight: 1 }]
	}
];

describe('approved costs', () => {
	it('per municipality takes each journey’s split part, approved ones only', () => {
		expect(approvedCostsByMunicipality(journeys)).toEqual([
			{ municipalityCode: '785', netCents: 44_151, vatCents: 737, grossCents: 44_888, journeys: 2 },
			{ municipalityCode: '889', netCents: 36_100, vatCents: 737, grossCents: 36_837, journeys: 1 }
		]);
	});

	it('per expert takes each approved journey whole', () => {
		expect(approvedCostsByExpert(journeys)).toEqual([
			{ expertId: 'expert-1', netCents: 72_200, vatCents: 1_474, grossCents: 73_674, journeys: 1 },
			{ expertId: 'expert-2', netCents: 8_051, vatCents: 0, grossCents: 8_051, journeys: 1 }
		]);
	});

	it('adds up to the same total both ways, to the cent', () => {
		const journey: fc.Arbitrary<ReportJourney> = fc.record({
			expertId: fc.constantFrom('expert-1', 'expert-2', 'expert-3'),
			state: fc.constantFrom(...JOURNEY_STATES),
			amounts: fc
				.tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 100_000 }))
				.map(([net, vat]) => amounts(net, vat)),
			shares: fc
				.uniqueArray(fc.constantFrom('091', '205', '785', '889'), { minLength: 1 })
				.chain((keys) =>
					fc.tuple(
						...keys.map((key) =>
							fc.record({ key: fc.constant(key), weight: fc.integer({ min: 1, max: 5 }) })
						)
					)
				)
		});
		fc.assert(
			fc.property(fc.array(journey, { maxLength: 12 }), (list) => {
				const strip = ({ grossCents, vatCents, netCents }: CostAmounts): CostAmounts => ({
					grossCents,
					vatCents,
					netCents
				});
				const expected = sumAmounts(
					list.filter((j) => j.state === 'approved').map((j) => j.amounts)
				);
				expect(strip(sumAmounts(approvedCostsByMunicipality(list)))).toEqual(expected);
				expect(strip(sumAmounts(approvedCostsByExpert(list)))).toEqual(expected);
			})
		);
	});
});
