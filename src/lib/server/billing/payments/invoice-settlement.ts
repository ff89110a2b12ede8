import type { Db } from '../../db';
import {
	paymentStatusOn,
	checkLedger,
	type PaymentState
} from '$lib/domain/billing/payment-status';
import { reminderDay } from '$lib/domain/billing/payment-matching';
import { invoiceSettlements } from './payment-queries';

/**
 * What an invoice's page shows of its settlement (ADR 025): the payments allocated to it, its
 * standing on `today` by payment-status.ts from those payments and its credit notes, and its
 * payment reminder, sent or due. Null for a credit note, which is not paid.
 */
export async function invoiceSettlement(
	db: Db,
	invoice: {
		id: string;
		document: 'invoice' | 'credit_note';
		grossCents: number;
		dueDate: string;
		remindedAt: Date | null;
	},
	today: string
) {
	if (invoice.document !== 'invoice') return null;
	const { allocations, credits } = await invoiceSettlements(db, invoice.id);
	const ledger = {
		grossCents: invoice.grossCents,
		dueDate: invoice.dueDate,
		payments: allocations.map((a) => ({ day: a.bookingDate, amountCents: a.amountCents })),
		credits: credits.map((c) => ({ day: c.issueDate, amountCents: -c.grossCents }))
	};
	// an invoice of nothing (all lines zero) has no standing to compute
	const state: PaymentState | null =
		checkLedger(ledger).length === 0 ? paymentStatusOn(ledger, today) : null;
	return {
		allocations: allocations.map((a) => ({
			id: a.id,
			paymentId: a.paymentId,
			bookingDate: a.bookingDate,
			amountCents: a.amountCents,
			payerName: a.payerName,
			automatic: a.automatic
		})),
		state,
		remindedAt: invoice.remindedAt,
		reminderDay: reminderDay(invoice.dueDate)
	};
}
export type InvoiceSettlement = NonNullable<Awaited<ReturnType<typeof invoiceSettlement>>>;
