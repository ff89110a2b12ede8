import { parseFinnishIban } from './bank-account';
import {
	parseNationalReference,
	parsePaymentReference,
	parseRfReference
} from './reference-number';
import { accept, refuse, type Checked } from './result';

/**
 * The Finnish bank bar code (pankkiviivakoodi) and its 54 digits as a payer copies them into
 * an online bank (virtuaaliviivakoodi). Source: Finance Finland (Finanssiala), Bank Bar Code
 * Guide (Pankkiviivakoodi-opas), version 5.3 of 8 November 2012, corrected 21 October 2019.
 *
 * | digits | version 4 (national reference)          | version 5 (RF reference)                       |
 * | ------ | --------------------------------------- | ---------------------------------------------- |
 * | 1      | 4                                       | 5                                              |
 * | 2–17   | the IBAN's 16 digits, without "FI"      | the same                                       |
 * | 18–23  | euros, 6 digits                         | the same                                       |
 * | 24–25  | cents                                   | the same                                       |
 * | 26–28  | 000 (reserve)                           | 26–27: the RF check digits                     |
 * | 29–48  | the reference, 20 digits, leading zeros | 28–48: the RF reference part, 21 digits, zeros |
 * | 49–54  | due date YYMMDD, 000000 if none         | the same                                       |
 *
 * An amount of zero leaves the amount to the payer; the code carries at most 999 999,99 €.
 * Only accounts in Finland (FI) and references of digits fit. The printed bar code is Code 128
 * in code set C (two digits a symbol) of these 54 digits; the drawing is left to a bar-code
 * library, and `code128CSymbols` gives the symbols it must contain, to check it against.
 */

export interface BankBarcodeInput {
	/** The payee's Finnish IBAN, in any printed form. */
	iban: string;
	/** 0 (the payer fills in the amount) to 99 999 999 cents. */
	amountCents: number;
	/** A national reference (version 4) or an RF reference (version 5), in any printed form. */
	reference: string;
	/** yyyy-mm-dd in 2000–2099, or null for none. */
	dueDate: string | null;
}

export interface BankBarcode {
	version: 4 | 5;
	/** Electronic form, "FI…". */
	iban: string;
	amountCents: number;
	/** National reference (version 4) or RF reference (version 5), electronic form. */
	reference: string;
	dueDate: string | null;
}

export type BankBarcodeProblem =
	| 'iban'
	| 'amount_not_cents'
	| 'amount_negative'
	| 'amount_too_large'
	| 'reference'
	| 'rf_reference_not_numeric'
	| 'due_date';

export type BankBarcodeParseProblem =
	'not_54_digits' | 'unknown_version' | 'iban' | 'reference' | 'due_date';

const MAX_CENTS = 99_999_999;

/** A real day of 2000–2099 as yyyy-mm-dd, or null. */
function validDay(year: number, month: number, day: number): string | null {
	if (year < 2000 || year > 2099 || month < 1 || month > 12 || day < 1) return null;
	const date = new Date(Date.UTC(year, month - 1, day));
	if (date.getUTCMonth() !== month - 1) return null;
	return date.toISOString().slice(0, 10);
}

function dueDateDigits(dueDate: string | null): string | null {
	if (dueDate === null) return '000000';
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dueDate);
	if (!m || validDay(Number(m[1]), Number(m[2]), Number(m[3])) !== dueDate) return null;
	return `${m[1]!.slice(2)}${m[2]}${m[3]}`;
}

/** The 54 digits, version 4 or 5 after the kind of the reference. */
export function bankBarcode(input: BankBarcodeInput): Checked<string, BankBarcodeProblem> {
	const iban = parseFinnishIban(input.iban);
	if (!iban.ok) return refuse('iban');
	if (!Number.isSafeInteger(input.amountCents)) return refuse('amount_not_cents');
	if (input.amountCents < 0) return refuse('amount_negative');
	if (input.amountCents > MAX_CENTS) return refuse('amount_too_large');
	const reference = parsePaymentReference(input.reference);
	if (!reference.ok) return refuse('reference');
	const date = dueDateDigits(input.dueDate);
	if (date === null) return refuse('due_date');

	const account = iban.value.slice(2);
	const amount = String(input.amountCents).padStart(8, '0');
	if (reference.value.kind === 'national') {
		return accept(`4${account}${amount}000${reference.value.value.padStart(20, '0')}${date}`);
	}
	const part = reference.value.value.slice(4);
	// Letters cannot be written in digits; 21 characters always fit the field.
	if (!/^\d+$/.test(part)) return refuse('rf_reference_not_numeric');
	const check = reference.value.value.slice(2, 4);
	return accept(`5${account}${amount}${check}${part.padStart(21, '0')}${date}`);
}

/** The payment details of 54 digits copied from an invoice, checked as the bank would. */
export function parseBankBarcode(text: string): Checked<BankBarcode, BankBarcodeParseProblem> {
	const digits = text.replace(/[\s\u00a0\u202f]/g, '');
	if (!/^\d{54}$/.test(digits)) return refuse('not_54_digits');
	const version = digits[0];
	if (version !== '4' && version !== '5') return refuse('unknown_version');

	const iban = parseFinnishIban(`FI${digits.slice(1, 17)}`);
	if (!iban.ok) return refuse('iban');
	const amountCents = Number(digits.slice(17, 25));

	let reference: string;
	if (version === '4') {
		const national = parseNationalReference(digits.slice(28, 48));
		if (!national.ok) return refuse('reference');
		reference = national.value;
	} else {
		const part = digits.slice(27, 48).replace(/^0+/, '');
		const rf = parseRfReference(`RF${digits.slice(25, 27)}${part}`);
		if (!rf.ok) return refuse('reference');
		reference = rf.value;
	}

	const yymmdd = digits.slice(48);
	let dueDate: string | null = null;
	if (yymmdd !== '000000') {
		dueDate = validDay(
			2000 + Number(yymmdd.slice(0, 2)),
			Number(yymmdd.slice(2, 4)),
			Number(yymmdd.slice(4))
		);
		if (dueDate === null) return refuse('due_date');
	}
	return accept({
		version: version === '4' ? 4 : 5,
		iban: iban.value,
		amountCents,
		reference,
		dueDate
	});
}

/** Code 128 symbol values: Start C, the stop and the check symbol (ISO/IEC 15417). */
export const CODE128_START_C = 105;
export const CODE128_STOP = 106;

/**
 * The Code 128 symbols of an even number of digits in code set C: Start C, one symbol per two
 * digits (their value 00–99), the check symbol ((105 + Σ position × value) mod 103) and the
 * stop. A drawn bar code of the 54 digits must decode to exactly these.
 */
export function code128CSymbols(digits: string): number[] {
	if (!/^(?:\d\d)+$/.test(digits)) throw new RangeError('code set C takes pairs of digits');
	const data: number[] = [];
	for (let i = 0; i < digits.length; i += 2) data.push(Number(digits.slice(i, i + 2)));
	const check = data.reduce((sum, value, i) => sum + value * (i + 1), CODE128_START_C) % 103;
	return [CODE128_START_C, ...data, check, CODE128_STOP];
}
