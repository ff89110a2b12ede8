/**
 * Exact division of integers with the rounding money needs. Amounts are integer cents and
 * rates integer basis points, so every product is an exact integer; only the final division
 * rounds, once. BigInt keeps products of large amounts exact.
 */

/**
 * numerator / denominator rounded to the nearest integer, halves away from zero (1.5 → 2,
 * −1.5 → −2), so a negated amount rounds to the negated result: a credit note mirrors its
 * invoice to the cent. The denominator must be positive.
 */
export function divideHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
	if (denominator <= 0n) throw new RangeError('the denominator must be positive');
	const negative = numerator < 0n;
	const magnitude = negative ? -numerator : numerator;
	const quotient = (magnitude * 2n + denominator) / (denominator * 2n);
	return negative ? -quotient : quotient;
}

/** A BigInt known to fit, as a number; throws if an amount ever outgrew a safe integer. */
export function toSafeNumber(value: bigint): number {
	const n = Number(value);
	if (!Number.isSafeInteger(n)) throw new RangeError(`${value} is beyond a safe integer`);
	return n;
}
