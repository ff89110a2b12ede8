/**
 * ISO 7064 MOD 97-10, shared by IBAN (ISO 13616) and the RF creditor reference (ISO 11649):
 * letters become two digits (A = 10 … Z = 35) and the whole number, read as one integer,
 * leaves 1 when divided by 97.
 */

/** Letters as their two-digit values, digits as they are; only 0-9 and A-Z are expected. */
export function expandAlphanumeric(text: string): string {
	let digits = '';
	for (const ch of text) {
		const code = ch.charCodeAt(0);
		digits += code >= 65 && code <= 90 ? String(code - 55) : ch;
	}
	return digits;
}

/** The remainder of a (long) decimal number written as digits, divided by 97. */
export function mod97(digits: string): number {
	let remainder = 0;
	for (const ch of digits) remainder = (remainder * 10 + (ch.charCodeAt(0) - 48)) % 97;
	return remainder;
}

/**
 * The two check digits that make `body` (letters and digits) followed by `prefix` and the
 * check digits pass MOD 97-10: 98 − ((body + prefix + "00") mod 97), always two digits.
 */
export function mod97CheckDigits(body: string, prefix: string): string {
	const remainder = mod97(expandAlphanumeric(`${body}${prefix}00`));
	return String(98 - remainder).padStart(2, '0');
}

/**
 * True when a code laid out as two letters, two check digits and a body (an IBAN, an RF
 * reference) passes: the first four characters moved to the end, the rest leaves 1.
 */
export function passesMod97(code: string): boolean {
	return mod97(expandAlphanumeric(code.slice(4) + code.slice(0, 4))) === 1;
}
