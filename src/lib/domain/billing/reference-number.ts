import { mod97CheckDigits, passesMod97 } from './check-digits';
import { accept, refuse, type Checked } from './result';

/**
 * Payment references. The Finnish national creditor reference (viitenumero) is 4–20 digits,
 * the last a check digit: the base's digits are weighted 7, 3, 1, 7, 3, 1 … from the right,
 * and the check digit takes the sum up to the next multiple of ten. Leading zeros carry no
 * meaning and are not printed; banks print it in groups of five counted from the right.
 * Source: Finance Finland, "Forming a Finnish reference number" (Kotimaisen viitteen
 * rakenneohje).
 *
 * The international RF creditor reference (ISO 11649) is "RF", two check digits (ISO 7064
 * MOD 97-10) and up to 21 letters or digits; in Finland it is made from a national reference,
 * which stays whole inside it. Printed in groups of four. Sources: ISO 11649:2009; Finance
 * Finland, "Introduction of the Global Structured Creditor Reference in Finnish Companies"
 * (Kansainvälisen viitteen rakenneohje).
 */

export type NationalReferenceProblem =
	'empty' | 'not_digits' | 'leading_zero' | 'too_short' | 'too_long' | 'check_digit';

export type RfReferenceProblem =
	'empty' | 'not_rf' | 'bad_characters' | 'too_short' | 'too_long' | 'check_digits';

export type PaymentReference = { kind: 'national'; value: string } | { kind: 'rf'; value: string };

const WEIGHTS = [7, 3, 1] as const;

/** Removes the spaces people and banks put in references (also no-break spaces). */
function compact(text: string): string {
	return text.replace(/[\s\u00a0\u202f]/g, '');
}

/** The check digit for a base of digits (weights 7-3-1 from the right). */
export function nationalCheckDigit(base: string): number {
	let sum = 0;
	for (let i = 0; i < base.length; i++) {
		sum += (base.charCodeAt(base.length - 1 - i) - 48) * WEIGHTS[i % 3]!;
	}
	return (10 - (sum % 10)) % 10;
}

/**
 * A national reference made from a base (a customer or invoice number): 3–19 digits, no
 * leading zero (it would not be printed, so two bases would share a reference).
 */
export function createNationalReference(base: string): Checked<string, NationalReferenceProblem> {
	const digits = compact(base);
	if (digits === '') return refuse('empty');
	if (!/^\d+$/.test(digits)) return refuse('not_digits');
	if (digits.startsWith('0')) return refuse('leading_zero');
	if (digits.length < 3) return refuse('too_short');
	if (digits.length > 19) return refuse('too_long');
	return accept(`${digits}${nationalCheckDigit(digits)}`);
}

/**
 * A national reference as typed, printed or sent by a bank ("1234 561", "00001234561") in its
 * normal form: digits only, no leading zeros, check digit right.
 */
export function parseNationalReference(text: string): Checked<string, NationalReferenceProblem> {
	const compacted = compact(text);
	if (compacted === '') return refuse('empty');
	if (!/^\d+$/.test(compacted)) return refuse('not_digits');
	const digits = compacted.replace(/^0+/, '');
	if (digits.length < 4) return refuse('too_short');
	if (digits.length > 20) return refuse('too_long');
	if (nationalCheckDigit(digits.slice(0, -1)) !== Number(digits.at(-1))) {
		return refuse('check_digit');
	}
	return accept(digits);
}

/** Groups of five counted from the right, as banks print it: "69 87567 20834 35364". */
export function formatNationalReference(reference: string): string {
	const groups: string[] = [];
	for (let end = reference.length; end > 0; end -= 5) {
		groups.unshift(reference.slice(Math.max(0, end - 5), end));
	}
	return groups.join(' ');
}

/** The RF reference made from a national reference (given in any printed form). */
export function createRfReference(national: string): Checked<string, NationalReferenceProblem> {
	const parsed = parseNationalReference(national);
	if (!parsed.ok) return parsed;
	return accept(`RF${mod97CheckDigits(parsed.value, 'RF')}${parsed.value}`);
}

/** An RF reference as typed or printed ("rf33 2348 236") in its normal form, check digits right. */
export function parseRfReference(text: string): Checked<string, RfReferenceProblem> {
	const value = compact(text).toUpperCase();
	if (value === '') return refuse('empty');
	if (!/^RF\d{2}/.test(value)) return refuse('not_rf');
	if (!/^RF\d{2}[0-9A-Z]*$/.test(value)) return refuse('bad_characters');
	if (value.length < 5) return refuse('too_short');
	if (value.length > 25) return refuse('too_long');
	if (!passesMod97(value)) return refuse('check_digits');
	return accept(value);
}

/** Groups of four from the left, as ISO 11649 prints it: "RF33 2348 236". */
export function formatRfReference(reference: string): string {
	return reference.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * The national reference inside an RF reference made in Finland, or null when its reference
 * part is not one (letters, or a wrong 7-3-1 check digit).
 */
export function nationalFromRf(rf: string): string | null {
	const parsed = parseRfReference(rf);
	if (!parsed.ok) return null;
	const national = parseNationalReference(parsed.value.slice(4));
	return national.ok ? national.value : null;
}

/**
 * Either kind of reference as a payer typed it or a bank sent it. Anything starting with RF
 * is read as an RF reference; everything else as a national one.
 */
export function parsePaymentReference(
	text: string
): Checked<PaymentReference, NationalReferenceProblem | RfReferenceProblem> {
	if (/^RF/i.test(compact(text))) {
		const rf = parseRfReference(text);
		return rf.ok ? accept({ kind: 'rf', value: rf.value }) : rf;
	}
	const national = parseNationalReference(text);
	return national.ok ? accept({ kind: 'national', value: national.value }) : national;
}
