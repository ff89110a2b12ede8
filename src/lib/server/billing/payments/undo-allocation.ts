import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { invoices, paymentAllocations, payments } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../actor';
import { lockPayment } from './allocate-payment';
import { isUuid } from '$lib/domain/uuid';

export type UndoAllocationResult =
	{ ok: true } | { ok: false; error: 'payment_not_found' | 'allocation_not_found' };

/**
 * Takes an allocation back, automatic or manual (a payment matched to the wrong invoice): the
 * payment's row and then the invoice's are locked, the allocation deleted and both kept sums
 * lowered in the same transaction. The audit log keeps what it was.
 */
export async function undoAllocation(
	db: Db,
	actor: Actor,
	input: { networkIds: readonly string[]; paymentId: string; allocationId: string }
): Promise<UndoAllocationResult> {
	if (!isUuid(input.allocationId)) {
		return { ok: false, error: 'allocation_not_found' };
	}
	return db.transaction(async (tx) => {
		const payment = await lockPayment(tx, input.paymentId, input.networkIds);
		if (!payment) return { ok: false, error: 'payment_not_found' };
		const [allocation] = await tx
			.select()
			.from(paymentAllocations)
			.where(
				and(
					eq(paymentAllocations.id, input.allocationId),
					eq(paymentAllocations.paymentId, payment.id)
				)
			);
		if (!allocation) return { ok: false, error: 'allocation_not_found' };
		const [invoice] = await tx
			.select({ id: invoices.id, number: invoices.number })
			.from(invoices)
			.where(eq(invoices.id, allocation.invoiceId))
			.for('update');
		await tx.delete(paymentAllocations).where(eq(paymentAllocations.id, allocation.id));
		await tx
			.update(payments)
			.set({ allocatedCents: sql`${payments.allocatedCents} - ${allocation.amountCents}` })
			.where(eq(payments.id, payment.id));
		await tx
			.update(invoices)
			.set({ paidCents: sql`${invoices.paidCents} - ${allocation.amountCents}` })
			.where(eq(invoices.id, allocation.invoiceId));
		await recordAudit(tx, actor, {
			action: 'payment.unallocate',
			entityType: 'payment',
			entityId: payment.id,
			before: {
				allocationId: allocation.id,
				invoiceId: allocation.invoiceId,
				invoiceNumber: invoice?.number ?? null,
				amountCents: allocation.amountCents,
				automatic: allocation.automatic
			}
		});
		return { ok: true };
	});
}
