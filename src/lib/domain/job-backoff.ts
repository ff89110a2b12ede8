/**
 * How long a failed background job waits before its next attempt (ADR 016): 30 s after the
 * first failure, doubling each time up to an hour, spread ± 20 % so that jobs that failed
 * together (a mail server down for a minute) do not all come back in the same second.
 */

export const FIRST_RETRY_MS = 30_000;
export const MAX_RETRY_MS = 60 * 60_000;
export const RETRY_JITTER = 0.2;

/** The delay before jitter: min(1 h, 30 s · 2^(attempts − 1)). */
export function baseRetryDelayMs(attempts: number): number {
	if (!Number.isInteger(attempts) || attempts < 1) {
		throw new RangeError(`attempts must be a whole number ≥ 1, was ${attempts}`);
	}
	// 2^(attempts − 1) grows past the cap at 8 attempts; Infinity for huge counts still caps
	return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (attempts - 1));
}

/**
 * The delay in milliseconds after `attempts` attempts have failed. `random` returns a number in
 * [0, 1) (Math.random by default; tests pass their own); a value outside that range is clamped,
 * so the delay always lies within ± 20 % of the base delay.
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
	const base = baseRetryDelayMs(attempts);
	const r = Math.min(1, Math.max(0, random()));
	const factor = 1 + (2 * (Number.isNaN(r) ? 0.5 : r) - 1) * RETRY_JITTER;
	return Math.round(base * factor);
}
