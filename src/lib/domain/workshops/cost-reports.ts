import { splitAmounts, type Share } from './cost-split';
import { isInvoiceable, sumAmounts, type CostAmounts, type JourneyState } from './travel-costs';

/**
 * Approved travel costs grouped for the reports: per municipality (each journey's split
 * parts) and per expert (each journey whole). Journeys not approved are left out. Both add up
 * to the same total, to the cent.
 */

export interface ReportJourney {
	expertId: string;
	state: JourneyState;
	/** The journey's amounts as fixed at approval. */
	amounts: CostAmounts;
	/** Who pays which share (cost-split.ts). */
	shares: readonly Share[];
}

export interface CostTotal extends CostAmounts {
	/** Journeys that contributed. */
	journeys: number;
}

function addTo<K>(map: Map<K, CostTotal>, key: K, amounts: CostAmounts): void {
	const total = map.get(key) ?? { grossCents: 0, vatCents: 0, netCents: 0, journeys: 0 };
	map.set(key, { ...sumAmounts([total, amounts]), journeys: total.journeys + 1 });
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Approved costs per municipality, in ascending municipality code. */
export function approvedCostsByMunicipality(
	journeys: readonly ReportJourney[]
): (CostTotal & { municipalityCode: string })[] {
	const totals = new Map<string, CostTotal>();
	for (const journey of journeys) {
		if (!isInvoiceable(journey)) continue;
		for (const { key, ...part } of splitAmounts(journey.amounts, journey.shares)) {
			addTo(totals, key, part);
		}
	}
	return [...totals]
		.sort(([a], [b]) => byKey(a, b))
		.map(([municipalityCode, total]) => ({ municipalityCode, ...total }));
}

/** Approved costs per expert, in ascending expert id (the page sorts by name). */
export function approvedCostsByExpert(
	journeys: readonly ReportJourney[]
): (CostTotal & { expertId: string })[] {
	const totals = new Map<string, CostTotal>();
	for (const journey of journeys) {
		if (isInvoiceable(journey)) addTo(totals, journey.expertId, journey.amounts);
	}
	return [...totals]
		.sort(([a], [b]) => byKey(a, b))
		.map(([expertId, total]) => ({ expertId, ...total }));
}
