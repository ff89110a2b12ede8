/**
 * The state of an invoice as a list shows and filters it, read from the amounts kept on its row:
 * what is paid and what is credited (by payments and credit notes, ADR 022); the day decides
 * overdue.
 * Credit notes have the state `credit_note`.
 */
export const INVOICE_LIST_STATES = [
	'open',
	'partly_paid',
	'paid',
	'overdue',
	'credited',
	'credit_note'
] as const;
export type InvoiceListState = (typeof INVOICE_LIST_STATES)[number];

/** The state of one invoice row, on a day (yyyy-mm-dd); the list's SQL filter says the same. */
export function invoiceListState(
	row: {
		document: 'invoice' | 'credit_note';
		grossCents: number;
		paidCents: number;
		creditedCents: number;
		dueDate: string;
	},
	today: string
): InvoiceListState {
	if (row.document === 'credit_note') return 'credit_note';
	const settled = row.paidCents + row.creditedCents;
	if (row.grossCents > 0 && row.creditedCents >= row.grossCents) return 'credited';
	if (settled >= row.grossCents) return 'paid';
	if (row.dueDate < today) return 'overdue';
	return settled > 0 ? 'partly_paid' : 'open';
}
