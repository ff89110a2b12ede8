/**
 * The few statistics the analysis needs, written so that the order of the values never
 * changes a result: every function works on the values sorted.
 *
 * Quantiles are Hyndman and Fan's type 7 (R's default, NumPy's `linear`, Excel's
 * `QUARTILE.INC`): for p in [0, 1] and n sorted values x₀…xₙ₋₁, h = (n − 1)·p and the quantile
 * is x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋). It is what PostgreSQL's `percentile_cont` computes, with
 * the same arithmetic, so figures aggregated in the database agree with these.
 */

function sortedFinite(values: readonly number[]): number[] {
	for (const v of values) {
		if (!Number.isFinite(v)) throw new RangeError(`not a finite number: ${v}`);
	}
	return [...values].sort((a, b) => a - b);
}

/** Type 7 quantile of values sorted in ascending order; p in [0, 1]. */
export function quantileOfSorted(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) throw new RangeError('no values');
	if (!(p >= 0 && p <= 1)) throw new RangeError(`not a probability: ${p}`);
	const h = (sorted.length - 1) * p;
	const below = Math.floor(h);
	const lo = sorted[below]!;
	const hi = sorted[Math.ceil(h)]!;
	return lo + (hi - lo) * (h - below);
}

/** Type 7 quantile of values in any order. */
export function quantile(values: readonly number[], p: number): number {
	return quantileOfSorted(sortedFinite(values), p);
}

export interface FiveNumberSummary {
	n: number;
	min: number;
	lowerQuartile: number;
	median: number;
	upperQuartile: number;
	max: number;
}

/** Count, range and type 7 quartiles; null without values. */
export function fiveNumberSummary(values: readonly number[]): FiveNumberSummary | null {
	if (values.length === 0) return null;
	const sorted = sortedFinite(values);
	return {
		n: sorted.length,
		min: sorted[0]!,
		lowerQuartile: quantileOfSorted(sorted, 0.25),
		median: quantileOfSorted(sorted, 0.5),
		upperQuartile: quantileOfSorted(sorted, 0.75),
		max: sorted.at(-1)!
	};
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * Arithmetic mean; null without values. Summed in ascending order so the order given does not
 * change the last bit, and kept within the values' range, where rounding could otherwise put
 * the mean of equal values a hair outside it (0.1 + 0.1 + 0.1 = 0.30000000000000004).
 */
export function mean(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	const sorted = sortedFinite(values);
	let sum = 0;
	for (const v of sorted) sum += v;
	return clamp(sum / sorted.length, sorted[0]!, sorted.at(-1)!);
}

/** Σ wᵢxᵢ / Σ wᵢ over weights above 0, kept within the values' range; null without any. */
export function weightedMean(items: readonly { value: number; weight: number }[]): number | null {
	let sum = 0;
	let weights = 0;
	let lo = Number.POSITIVE_INFINITY;
	let hi = Number.NEGATIVE_INFINITY;
	for (const { value, weight } of items) {
		if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
		if (!(Number.isFinite(weight) && weight > 0)) throw new RangeError(`not a weight: ${weight}`);
		sum += weight * value;
		weights += weight;
		lo = Math.min(lo, value);
		hi = Math.max(hi, value);
	}
	return weights === 0 ? null : clamp(sum / weights, lo, hi);
}
