/**
 * Participation fees by municipality size. A network's fee schedule is a set of tiers
 * (population bounds and a yearly fee) valid from a date; the schedule in force on a day is
 * the set with the latest start on or before that day.
 */
export type VatTreatment = 'vat_exempt' | 'vat_standard';

export interface FeeTier {
	name: string;
	/** Inclusive lower bound of population. */
	minPopulation: number;
	/** Inclusive upper bound, or null for no upper bound. */
	maxPopulation: number | null;
	yearlyFeeCents: number;
	/** yyyy-mm-dd */
	validFrom: string;
	vatTreatment: VatTreatment;
}

export type FeeScheduleProblem =
	| { kind: 'gap'; after: number; validFrom: string }
	| { kind: 'overlap'; at: number; validFrom: string }
	| { kind: 'no_lower_start'; validFrom: string }
	| { kind: 'not_open_ended'; validFrom: string }
	| { kind: 'bad_bounds'; name: string; validFrom: string }
	| { kind: 'negative_fee'; name: string; validFrom: string };

/** The tiers in force on a day: all tiers sharing the latest validFrom on or before it. */
export function scheduleOn<T extends FeeTier>(tiers: readonly T[], day: string): T[] {
	const starts = [...new Set(tiers.map((t) => t.validFrom))].filter((d) => d <= day).sort();
	const start = starts.at(-1);
	if (!start) return [];
	return tiers
		.filter((t) => t.validFrom === start)
		.sort((a, b) => a.minPopulation - b.minPopulation);
}

/** The tier a municipality of this population falls in on that day, or null if none. */
export function feeTierFor<T extends FeeTier>(
	tiers: readonly T[],
	population: number,
	day: string
): T | null {
	return (
		scheduleOn(tiers, day).find(
			(t) =>
				population >= t.minPopulation && (t.maxPopulation === null || population <= t.maxPopulation)
		) ?? null
	);
}

/**
 * Checks that each schedule (tiers sharing a validFrom) covers every population from 0
 * upwards exactly once, so every municipality has one fee.
 */
export function checkFeeSchedule(tiers: readonly FeeTier[]): FeeScheduleProblem[] {
	const problems: FeeScheduleProblem[] = [];
	for (const validFrom of [...new Set(tiers.map((t) => t.validFrom))].sort()) {
		const set = tiers
			.filter((t) => t.validFrom === validFrom)
			.sort((a, b) => a.minPopulation - b.minPopulation);
		for (const t of set) {
			if (t.minPopulation < 0 || (t.maxPopulation !== null && t.maxPopulation < t.minPopulation)) {
				problems.push({ kind: 'bad_bounds', name: t.name, validFrom });
			}
			if (t.yearlyFeeCents < 0) problems.push({ kind: 'negative_fee', name: t.name, validFrom });
		}
		if (set[0] && set[0].minPopulation !== 0) problems.push({ kind: 'no_lower_start', validFrom });
		for (let i = 1; i < set.length; i++) {
			const prev = set[i - 1]!;
			const next = set[i]!;
			if (prev.maxPopulation === null || prev.maxPopulation >= next.minPopulation) {
				problems.push({ kind: 'overlap', at: next.minPopulation, validFrom });
			} else if (prev.maxPopulation + 1 < next.minPopulation) {
				problems.push({ kind: 'gap', after: prev.maxPopulation, validFrom });
			}
		}
		const last = set.at(-1);
		if (last && last.maxPopulation !== null) problems.push({ kind: 'not_open_ended', validFrom });
	}
	return problems;
}

/** VAT rates in Finland by the day they came into force (general rate). */
export const FINNISH_GENERAL_VAT = [
	{ from: '2013-01-01', basisPoints: 2400 },
	{ from: '2024-09-01', basisPoints: 2550 }
] as const;

/** The general VAT rate in force on a day, in basis points (2550 = 25.5 %). */
export function generalVatOn(day: string): number {
	let rate: number = FINNISH_GENERAL_VAT[0].basisPoints;
	for (const r of FINNISH_GENERAL_VAT) if (r.from <= day) rate = r.basisPoints;
	return rate;
}
