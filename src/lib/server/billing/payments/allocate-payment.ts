import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db';
import { invoices, paymentAllocations, payments } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../actor';
import {
	checkManualAllocation,
	openCentsOf,
	type ManualAllocationProblem
} from '$lib/domain/billing/payment-matching';
import { isUuid } from '$lib/domain/uuid';

export type AllocationError = 'payment_not_found' | 'invoice_not_found' | ManualAllocationProblem;

export type AllocationResult =
	{ ok: true; allocationId: string } | { ok: false; error: AllocationError };

/** The payment, locked, when it is one of these networks'. */
export async function lockPayment(tx: Tx, paymentId: string, networkIds: readonly string[]) {
	if (!isUuid(paymentId) || networkIds.length === 0) return null;
	const [payment] = await tx
		.select()
		.from(payments)
		.where(and(eq(payments.id, paymentId), inArray(payments.networkId, [...networkIds])))
		.for('update');
	return payment ?? null;
}

/**
 * A coordinator allocates part of a payment to one of the network's invoices, picked by its
 * number (ADR 025). The payment's row and then the invoice's are locked, so what is left of the
 * payment and what is open on the invoice are read as they stand; the kept sums
 * (`payments.allocated_cents`, `invoices.paid_cents`) change with the allocation, and their
 * check constraints refuse anything beyond the payment or the invoice.
 */
export async function allocatePayment(
	db: Db,
	actor: Actor,
	input: {
		networkIds: readonly string[];
		paymentId: string;
		invoiceNumber: string;
		amountCents: number;
	}
): Promise<AllocationResult> {
	return db.transaction(async (tx) => {
		const payment = await lockPayment(tx, input.paymentId, input.networkIds);
		if (!payment) return { ok: false, error: 'payment_not_found' };
		const [invoice] = await tx
			.select()
			.from(invoices)
			.where(
				and(
					eq(invoices.networkId, payment.networkId),
					eq(invoices.number, input.invoiceNumber.trim()),
					eq(invoices.document, 'invoice')
				)
			)
			.for('update');
		if (!invoice) return { ok: false, error: 'invoice_not_found' };
		const problem = checkManualAllocation({
			amountCents: input.amountCents,
			paymentLeftCents: payment.amountCents - payment.allocatedCents,
			invoiceOpenCents: openCentsOf(invoice)
		});
		if (problem) return { ok: false, error: problem };
		const [allocation] = await tx
			.insert(paymentAllocations)
			.values({
				paymentId: payment.id,
				invoiceId: invoice.id,
				amountCents: input.amountCents,
				automatic: false,
				allocatedBy: actor.userId
			})
			.returning({ id: paymentAllocations.id });
		await tx
			.update(payments)
			.set({ allocatedCents: sql`${payments.allocatedCents} + ${input.amountCents}` })
			.where(eq(payments.id, payment.id));
		await tx
			.update(invoices)
			.set({ paidCents: sql`${invoices.paidCents} + ${input.amountCents}` })
			.where(eq(invoices.id, invoice.id));
		await recordAudit(tx, actor, {
			action: 'payment.allocate',
			entityType: 'payment',
			entityId: payment.id,
			after: {
				allocationId: allocation!.id,
				invoiceId: invoice.id,
				invoiceNumber: invoice.number,
				amountCents: input.amountCents
			}
		});
		return { ok: true, allocationId: allocation!.id };
	});
}
