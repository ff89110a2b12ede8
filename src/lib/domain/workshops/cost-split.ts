import type { CostAmounts } from './travel-costs';

/**
 * A journey that served the workshops of two or more municipalities is split between them
 * (ADR 018). By default each workshop the journey served weighs the same, so each
 * municipality's share is its number of those workshops: Helsinki → Vaala → Utajärvi →
 * Helsinki for one workshop in each is half and half. The coordinator may give other whole
 * weights (e.g. kilometres of each leg) where equal shares would be unfair.
 *
 * Cents are split by largest remainder: each part is the whole cents of its exact share, and
 * the cents left over go one each to the parts with the largest fractions; equal fractions
 * are settled by the key in ascending order (the municipality code, "205" before "785"), never
 * by the order the shares arrive in. So the parts always add up to the whole, each is within
 * one cent of its exact share, and the same journey always splits the same way.
 */

export interface Share {
	/** Who pays the part: a municipality code. */
	key: string;
	/** A whole number of at least 1. */
	weight: number;
}

export interface Part {
	key: string;
	cents: number;
}

export type ShareProblem =
	| { kind: 'no_shares' }
	| { kind: 'weight_not_positive'; key: string }
	| { kind: 'duplicate_key'; key: string };

/** Problems of a set of shares, e.g. weights a coordinator typed; empty when it can split. */
export function checkShares(shares: readonly Share[]): ShareProblem[] {
	const problems: ShareProblem[] = [];
	if (shares.length === 0) problems.push({ kind: 'no_shares' });
	const seen = new Set<string>();
	for (const { key, weight } of shares) {
		if (!Number.isSafeInteger(weight) || weight < 1) {
			problems.push({ kind: 'weight_not_positive', key });
		}
		if (seen.has(key)) problems.push({ kind: 'duplicate_key', key });
		seen.add(key);
	}
	return problems;
}

// code-unit order, the same on every machine and locale
const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `totalCents` split by the shares' weights, one part per share in ascending key order.
 * Throws a RangeError for a total that is not a whole number of cents ≥ 0, or for shares
 * `checkShares` finds problems in.
 */
export function splitCents(totalCents: number, shares: readonly Share[]): Part[] {
	if (!Number.isSafeInteger(totalCents) || totalCents < 0) {
		throw new RangeError(`not an amount of cents to split: ${totalCents}`);
	}
	const problems = checkShares(shares);
	if (problems.length) throw new RangeError(`shares: ${problems.map((p) => p.kind).join(', ')}`);

	// BigInt: total × weight may pass 2^53 with weights such as kilometres
	const total = BigInt(totalCents);
	const sum = shares.reduce((s, x) => s + BigInt(x.weight), 0n);
	const exact = [...shares]
		.sort((a, b) => byKey(a.key, b.key))
		.map(({ key, weight }) => {
			const product = total * BigInt(weight);
			return { key, cents: product / sum, remainder: product % sum };
		});
	let left = total - exact.reduce((s, x) => s + x.cents, 0n);
	const order = exact
		.map((_, i) => i)
		.sort((i, j) => {
			const a = exact[i]!;
			const b = exact[j]!;
			if (a.remainder !== b.remainder) return a.remainder > b.remainder ? -1 : 1;
			return byKey(a.key, b.key);
		});
	for (const i of order) {
		if (left === 0n) break;
		exact[i]!.cents += 1n;
		left -= 1n;
	}
	return exact.map(({ key, cents }) => ({ key, cents: Number(cents) }));
}

/** The default shares of a journey: one weight per workshop served, summed per municipality. */
export function sharesOfWorkshops(workshops: readonly { municipalityCode: string }[]): Share[] {
	const weights = new Map<string, number>();
	for (const { municipalityCode } of workshops) {
		weights.set(municipalityCode, (weights.get(municipalityCode) ?? 0) + 1);
	}
	return [...weights].map(([key, weight]) => ({ key, weight })).sort((a, b) => byKey(a.key, b.key));
}

export interface AmountPart extends CostAmounts {
	key: string;
}

/**
 * A journey's amounts split: the net (what is re-invoiced) and the VAT each by largest
 * remainder, the gross their sum. So every column adds up to the journey's, and no part's
 * net or VAT is negative.
 */
export function splitAmounts(total: CostAmounts, shares: readonly Share[]): AmountPart[] {
	if (total.grossCents !== total.netCents + total.vatCents) {
		throw new RangeError('gross is not net + VAT');
	}
	const net = splitCents(total.netCents, shares);
	const vat = splitCents(total.vatCents, shares);
	return net.map((part, i) => {
		const vatCents = vat[i]!.cents;
		return {
			key: part.key,
			netCents: part.cents,
			vatCents,
			grossCents: part.cents + vatCents
		};
	});
}

/** A weight beyond this is a typing error, not kilometres or workshops (a leg of 100,000 km). */
export const MAX_SHARE_WEIGHT = 100_000;

export type WeightProblem = 'weight_not_whole' | 'weight_not_positive' | 'weight_too_large';

export type WeighSharesResult =
	| { ok: true; shares: Share[] }
	| {
			ok: false;
			/** Each municipality's problem, by its key. */
			problems: Record<string, WeightProblem>;
			/** Keys given that the journey did not serve. */
			unknown: string[];
	  };

/**
 * The coordinator's own weights for a journey's split, given at approval (ADR 018): a whole
 * number from 1 to MAX_SHARE_WEIGHT for each municipality the journey served (e.g. the
 * kilometres of each leg); one not given keeps its weight; a key the journey did not serve is
 * refused. NaN stands for what was typed but is not a number.
 */
export function weighShares(
	served: readonly Share[],
	weights: Readonly<Record<string, number>>
): WeighSharesResult {
	const problems: Record<string, WeightProblem> = {};
	const keys = new Set(served.map((s) => s.key));
	const unknown = Object.keys(weights).filter((key) => !keys.has(key));
	const shares = served.map(({ key, weight }) => {
		const given = Object.hasOwn(weights, key) ? weights[key]! : weight;
		if (!Number.isInteger(given)) problems[key] = 'weight_not_whole';
		else if (given < 1) problems[key] = 'weight_not_positive';
		else if (given > MAX_SHARE_WEIGHT) problems[key] = 'weight_too_large';
		return { key, weight: given };
	});
	if (Object.keys(problems).length > 0 || unknown.length > 0 || shares.length === 0) {
		return { ok: false, problems, unknown };
	}
	return { ok: true, shares: shares.sort((a, b) => byKey(a.key, b.key)) };
}
