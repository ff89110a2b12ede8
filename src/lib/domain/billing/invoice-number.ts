import { createNationalReference } from './reference-number';
import { accept, refuse, type Checked } from './result';

/**
 * Invoice numbers (EN 16931 BT-1) "2026-000123": the year and a running number within it,
 * six digits. The database hands out the running numbers without gaps or doubles; this is
 * only their form, and the payment reference each invoice's number gives: the year and the
 * six digits as the base of a national reference (11 digits with its check digit), so a
 * payment's reference leads back to its invoice without a lookup table.
 */

export interface InvoiceNumber {
	year: number;
	/** 1–999 999 */
	sequence: number;
}

export type InvoiceNumberProblem = 'bad_format' | 'year' | 'sequence';

const MAX_SEQUENCE = 999_999;

function check(year: number, sequence: number): InvoiceNumberProblem | null {
	if (!Number.isInteger(year) || year < 2000 || year > 9999) return 'year';
	if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) return 'sequence';
	return null;
}

export function formatInvoiceNumber(
	year: number,
	sequence: number
): Checked<string, InvoiceNumberProblem> {
	const problem = check(year, sequence);
	if (problem) return refuse(problem);
	return accept(`${year}-${String(sequence).padStart(6, '0')}`);
}

export function parseInvoiceNumber(text: string): Checked<InvoiceNumber, InvoiceNumberProblem> {
	const m = /^(\d{4})-(\d{6})$/.exec(text.trim());
	if (!m) return refuse('bad_format');
	const year = Number(m[1]);
	const sequence = Number(m[2]);
	const problem = check(year, sequence);
	if (problem) return refuse(problem);
	return accept({ year, sequence });
}

/** The national reference of an invoice number: "2026-000123" → "20260001230". */
export function referenceForInvoiceNumber(text: string): Checked<string, InvoiceNumberProblem> {
	const parsed = parseInvoiceNumber(text);
	if (!parsed.ok) return parsed;
	const base = `${parsed.value.year}${String(parsed.value.sequence).padStart(6, '0')}`;
	const reference = createNationalReference(base);
	// A year of 2000–9999 and six digits always make a valid base.
	if (!reference.ok) throw new Error(`no reference for ${text}: ${reference.problem}`);
	return accept(reference.value);
}

/** The invoice number a national reference was made from, or null if it was not one of ours. */
export function invoiceNumberForReference(reference: string): string | null {
	if (!/^\d{11}$/.test(reference)) return null;
	const number = `${reference.slice(0, 4)}-${reference.slice(4, 10)}`;
	const back = referenceForInvoiceNumber(number);
	return back.ok && back.value === reference ? number : null;
}
