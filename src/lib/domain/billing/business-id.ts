import { IBAN_LENGTHS, parseBic, parseIban } from './bank-account';
import { accept, refuse, type Checked } from './result';

/**
 * Finnish identifiers of an organisation and its e-invoice addresses.
 *
 * Business ID (Y-tunnus, FO-nummer): seven digits, a hyphen and a check digit. The digits are
 * weighted 7, 9, 10, 5, 8, 4, 2 from the left and the sum divided by 11: remainder 0 gives
 * check digit 0, remainder 1 is never issued, otherwise the check digit is 11 − remainder.
 * Old IDs of six digits take a leading zero. Source: Finnish Tax Administration and Finnish
 * Patent and Registration Office (YTJ), rule of the business ID check digit.
 *
 * VAT number: FI and the business ID's eight digits without the hyphen (FI01120389).
 *
 * EDI (OVT) code: 0037 (the ISO 6523 code of the Finnish business ID), the eight digits and
 * up to five letters or digits naming a unit. Source: TIEKE, OVT-tunnuksen rakenne.
 *
 * An e-invoice address (verkkolaskuosoite) is an OVT code, an IBAN, or a code given by the
 * e-invoice operator; the operator itself has an intermediator ID (välittäjätunnus): an OVT
 * code such as 003723327487, a bank's BIC such as NDEAFIHH, or the operator's own code.
 * Source: TIEKE register of e-invoice addresses and intermediator IDs.
 */

export type BusinessIdProblem = 'empty' | 'bad_format' | 'check_digit';
export type VatNumberProblem = 'empty' | 'not_finnish' | 'bad_format' | 'check_digit';
export type OvtProblem = 'empty' | 'not_ovt' | 'business_id' | 'suffix';
export type EInvoiceAddressProblem = 'empty' | 'bad_format' | 'ovt' | 'iban';
export type OperatorCodeProblem = 'empty' | 'bad_format' | 'ovt';

export type EInvoiceAddress = {
	kind: 'ovt' | 'iban' | 'operator';
	/** Electronic form: no spaces, upper case. */
	value: string;
};
export type OperatorCode = { kind: 'ovt' | 'bic' | 'operator'; value: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2] as const;

function compact(text: string): string {
	return text.replace(/[\s\u00a0\u202f]/g, '').toUpperCase();
}

/** The check digit of seven digits, or null when no business ID can have them (remainder 1). */
export function businessIdCheckDigit(digits: string): number | null {
	let sum = 0;
	for (let i = 0; i < 7; i++) sum += (digits.charCodeAt(i) - 48) * WEIGHTS[i]!;
	const remainder = sum % 11;
	if (remainder === 0) return 0;
	if (remainder === 1) return null;
	return 11 - remainder;
}

/**
 * A business ID as typed ("0112038-9", "01120389", "112038-9") in its normal form
 * "0112038-9".
 */
export function parseBusinessId(text: string): Checked<string, BusinessIdProblem> {
	const value = compact(text);
	if (value === '') return refuse('empty');
	// An old six-digit ID only with its hyphen: seven digits alone are a new ID without one.
	const m = /^(\d{7})-?(\d)$/.exec(value) ?? /^(\d{6})-(\d)$/.exec(value);
	if (!m) return refuse('bad_format');
	const digits = m[1]!.padStart(7, '0');
	if (businessIdCheckDigit(digits) !== Number(m[2])) return refuse('check_digit');
	return accept(`${digits}-${m[2]}`);
}

/** The eight digits of a business ID in normal form, as the VAT number and OVT code use them. */
function businessIdDigits(businessId: string): string {
	return businessId.replace('-', '');
}

/** The Finnish VAT number of a valid business ID (normal form): "FI01120389". */
export function vatNumberFromBusinessId(businessId: string): string {
	return `FI${businessIdDigits(businessId)}`;
}

/** A Finnish VAT number as typed ("FI 0112 0389") in its normal form. */
export function parseFinnishVatNumber(text: string): Checked<string, VatNumberProblem> {
	const value = compact(text);
	if (value === '') return refuse('empty');
	if (!value.startsWith('FI')) return refuse('not_finnish');
	const m = /^FI(\d{7})(\d)$/.exec(value);
	if (!m) return refuse('bad_format');
	if (businessIdCheckDigit(m[1]!) !== Number(m[2])) return refuse('check_digit');
	return accept(value);
}

/** The OVT code of a valid business ID (normal form), with an optional unit suffix. */
export function ovtFromBusinessId(businessId: string, suffix = ''): string {
	return `0037${businessIdDigits(businessId)}${suffix.toUpperCase()}`;
}

/** An OVT code as typed ("0037 0112 0389 01") in its normal form: 12–17 characters. */
export function parseOvtCode(text: string): Checked<string, OvtProblem> {
	const value = compact(text);
	if (value === '') return refuse('empty');
	if (!/^0037\d{8}/.test(value)) return refuse('not_ovt');
	const digits = value.slice(4, 11);
	if (businessIdCheckDigit(digits) !== Number(value[11])) return refuse('business_id');
	if (!/^[0-9A-Z]{0,5}$/.test(value.slice(12))) return refuse('suffix');
	return accept(value);
}

/** The business ID inside a valid OVT code. */
export function businessIdFromOvt(ovt: string): string {
	return `${ovt.slice(4, 11)}-${ovt[11]}`;
}

/**
 * An e-invoice address: an OVT code (also as a Peppol participant "0216:0037…"), an IBAN,
 * or a code the operator gave. Something that looks like an OVT code or an IBAN of a country
 * in IBAN_LENGTHS must be a valid one, so a mistyped address is caught before an invoice goes
 * astray.
 */
export function parseEInvoiceAddress(
	text: string
): Checked<EInvoiceAddress, EInvoiceAddressProblem> {
	const value = compact(text).replace(/^0216:/, '');
	if (value === '') return refuse('empty');
	if (value.startsWith('0037')) {
		const ovt = parseOvtCode(value);
		return ovt.ok ? accept({ kind: 'ovt', value: ovt.value }) : refuse('ovt');
	}
	// An IBAN of a country we know (FI above all); other codes may begin with two letters too.
	if (/^[A-Z]{2}\d{2}/.test(value) && value.slice(0, 2) in IBAN_LENGTHS) {
		const iban = parseIban(value);
		return iban.ok ? accept({ kind: 'iban', value: iban.value }) : refuse('iban');
	}
	if (!/^[0-9A-Z]{4,35}$/.test(value)) return refuse('bad_format');
	return accept({ kind: 'operator', value });
}

/**
 * An e-invoice operator's intermediator ID: an OVT code ("003723327487"), a BIC
 * ("NDEAFIHH", banks acting as operators) or the operator's own code ("E204503").
 */
export function parseOperatorCode(text: string): Checked<OperatorCode, OperatorCodeProblem> {
	const value = compact(text);
	if (value === '') return refuse('empty');
	if (value.startsWith('0037')) {
		const ovt = parseOvtCode(value);
		return ovt.ok ? accept({ kind: 'ovt', value: ovt.value }) : refuse('ovt');
	}
	if (!/^[0-9A-Z]{4,35}$/.test(value)) return refuse('bad_format');
	if (parseBic(value).ok) return accept({ kind: 'bic', value });
	return accept({ kind: 'operator', value });
}
