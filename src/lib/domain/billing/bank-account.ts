import { passesMod97 } from './check-digits';
import { accept, refuse, type Checked } from './result';

/**
 * Bank account numbers (IBAN, ISO 13616) and bank identifier codes (BIC, ISO 9362). An IBAN
 * is a country code, two check digits (ISO 7064 MOD 97-10) and the national account number;
 * its length is fixed per country (Finland and Åland 18). Printed in groups of four.
 * Source: SWIFT, IBAN Registry; Finance Finland, "IBAN and BIC in payment transactions".
 */

export type IbanProblem = 'empty' | 'bad_format' | 'length' | 'check_digits';
export type BicProblem = 'empty' | 'bad_format';

/**
 * Lengths of the countries whose accounts we expect to meet (from the IBAN Registry); any
 * other country is held to the standard's bounds of 15–34 characters.
 */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
	AX: 18,
	DE: 22,
	DK: 18,
	EE: 20,
	FI: 18,
	NO: 15,
	SE: 24
};

function compact(text: string): string {
	return text.replace(/[\s\u00a0\u202f-]/g, '').toUpperCase();
}

/** An IBAN as typed or printed ("fi21 1234 5600 0007 85") in its electronic form. */
export function parseIban(text: string): Checked<string, IbanProblem> {
	const iban = compact(text);
	if (iban === '') return refuse('empty');
	if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return refuse('bad_format');
	const expected = IBAN_LENGTHS[iban.slice(0, 2)];
	if (expected !== undefined ? iban.length !== expected : iban.length < 15 || iban.length > 34) {
		return refuse('length');
	}
	if (!passesMod97(iban)) return refuse('check_digits');
	return accept(iban);
}

/** A Finnish IBAN only (FI, 18 characters): the bank bar code takes no other. */
export function parseFinnishIban(text: string): Checked<string, IbanProblem | 'not_finnish'> {
	const parsed = parseIban(text);
	if (parsed.ok && !parsed.value.startsWith('FI')) return refuse('not_finnish');
	return parsed;
}

/** The printed form: groups of four, "FI21 1234 5600 0007 85". */
export function formatIban(iban: string): string {
	return iban.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * A BIC: four letters for the institution, two for the country, two letters or digits for
 * the location and optionally three for the branch ("NDEAFIHH", "OKOYFIHHXXX").
 */
export function parseBic(text: string): Checked<string, BicProblem> {
	const bic = compact(text);
	if (bic === '') return refuse('empty');
	if (!/^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/.test(bic)) return refuse('bad_format');
	return accept(bic);
}

/**
 * Whether a BIC can belong to the bank of an IBAN: the same country (an Åland IBAN, AX, is
 * held by a Finnish bank). Says nothing of the bank itself.
 */
export function bicFitsIban(bic: string, iban: string): boolean {
	const ibanCountry = iban.slice(0, 2) === 'AX' ? 'FI' : iban.slice(0, 2);
	return bic.slice(4, 6) === ibanCountry;
}
