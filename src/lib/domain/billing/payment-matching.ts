import { nationalFromRf, type PaymentReference } from './reference-number';

/**
 * How payments from the bank are matched to invoices by their reference number (issue 10,
 * ADR 025). Pure: the use case reads the invoices' open amounts under their row locks and
 * writes what this decides.
 *
 * - A payment's reference, national or RF, is reduced to the national reference the invoice
 *   was issued with (an RF made in Finland carries it inside), so both forms find the invoice.
 * - exact: the payment is the open amount; it is allocated and the invoice is paid;
 * - partly: less than the open amount; all of it is allocated and the invoice is partly paid;
 * - over: more than the open amount (or the invoice was already settled); the open amount is
 *   allocated and the rest is listed for the coordinator;
 * - unknown: no reference, an invalid one, or none of the network's invoices has it; nothing
 *   is allocated and the whole payment is listed.
 *
 * Payments of one file that pay the same invoice are matched in the file's order, each against
 * what the ones before it left open.
 */

export type MatchOutcome = 'exact' | 'partly' | 'over' | 'unknown';

export const MATCH_OUTCOMES = ['exact', 'partly', 'over', 'unknown'] as const;

export interface PaymentMatch {
	outcome: MatchOutcome;
	allocatedCents: number;
	/** What is left for the coordinator to allocate by hand. */
	unallocatedCents: number;
}

/** The national reference a payment's reference stands for, or null (an RF made abroad). */
export function matchingReference(reference: PaymentReference | null): string | null {
	if (!reference) return null;
	return reference.kind === 'national' ? reference.value : nationalFromRf(reference.value);
}

/**
 * One payment against one invoice's open amount (null when no invoice has the reference).
 * The amount must be positive cents, the open amount not negative.
 */
export function matchPayment(amountCents: number, openCents: number | null): PaymentMatch {
	if (openCents === null) {
		return { outcome: 'unknown', allocatedCents: 0, unallocatedCents: amountCents };
	}
	const allocatedCents = Math.min(amountCents, Math.max(0, openCents));
	const unallocatedCents = amountCents - allocatedCents;
	const outcome: MatchOutcome =
		unallocatedCents > 0 ? 'over' : allocatedCents === openCents ? 'exact' : 'partly';
	return { outcome, allocatedCents, unallocatedCents };
}

export interface IncomingPayment {
	amountCents: number;
	reference: PaymentReference | null;
}

export interface MatchedPayment extends PaymentMatch {
	/** The invoice allocated to, keyed by its national reference; null when unknown. */
	invoiceReference: string | null;
}

/**
 * A file's payments in order against the open amounts of the invoices their references name
 * (national reference → open cents; invoices not in the map are unknown). The map is not
 * changed.
 */
export function matchPayments(
	payments: readonly IncomingPayment[],
	openByReference: ReadonlyMap<string, number>
): MatchedPayment[] {
	const open = new Map(openByReference);
	return payments.map((payment) => {
		const key = matchingReference(payment.reference);
		const openCents = key === null ? undefined : open.get(key);
		if (key === null || openCents === undefined) {
			return { ...matchPayment(payment.amountCents, null), invoiceReference: null };
		}
		const match = matchPayment(payment.amountCents, openCents);
		open.set(key, openCents - match.allocatedCents);
		return { ...match, invoiceReference: key };
	});
}

export type ManualAllocationProblem = 'not_positive' | 'exceeds_payment' | 'exceeds_invoice';

/**
 * Whether a coordinator may allocate `amountCents` of a payment to an invoice: positive, no
 * more than what is left of the payment nor what is open on the invoice.
 */
export function checkManualAllocation(input: {
	amountCents: number;
	paymentLeftCents: number;
	invoiceOpenCents: number;
}): ManualAllocationProblem | null {
	if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) return 'not_positive';
	if (input.amountCents > input.paymentLeftCents) return 'exceeds_payment';
	if (input.amountCents > input.invoiceOpenCents) return 'exceeds_invoice';
	return null;
}

/** What is still open on an invoice from its kept sums, never negative. */
export function openCentsOf(invoice: {
	grossCents: number;
	paidCents: number;
	creditedCents: number;
}): number {
	return Math.max(0, invoice.grossCents - invoice.paidCents - invoice.creditedCents);
}

/**
 * Days after the due date that an overdue invoice's reminder goes out (ADR 025): a week lets a
 * payment made on the due day reach the account and the next camt.054 import through the bank's
 * and the coordinator's ordinary rhythm, so a reminder seldom crosses a payment already made;
 * and it is well inside the 14 days a Finnish reminder is expected to give before collection.
 */
export const REMINDER_DAYS_AFTER_DUE = 7;

/** The day (yyyy-mm-dd) an invoice due on `dueDate` is reminded of, if still open. */
export function reminderDay(dueDate: string): string {
	const d = new Date(`${dueDate}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + REMINDER_DAYS_AFTER_DUE);
	return d.toISOString().slice(0, 10);
}
