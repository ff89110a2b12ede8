/**
 * What a check of one value gives back: the value in its normal form, or the one reason it
 * was refused as a code the UI translates. Nothing in the billing rules throws for bad input.
 */
export type Checked<T, P extends string> = { ok: true; value: T } | { ok: false; problem: P };

export const accept = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const refuse = <P extends string>(problem: P): { ok: false; problem: P } => ({
	ok: false,
	problem
});
