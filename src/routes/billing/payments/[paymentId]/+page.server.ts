import { fail } from '@sveltejs/kit';
import { notFound, requireCoordinator } from '$lib/server/auth/guard';
import { coordinatedNetworks } from '$lib/server/auth/session';
import { userActor } from '$lib/server/actor';
import { db } from '$lib/server/db';
import { parseForm, readFormData } from '$lib/server/http/parse';
import { getPayment } from '$lib/server/billing/payments/payment-queries';
import { allocatePayment } from '$lib/server/billing/payments/allocate-payment';
import { undoAllocation } from '$lib/server/billing/payments/undo-allocation';
import { allocationSchema, undoAllocationSchema } from '$lib/schemas/payments';
import type { Actions, PageServerLoad } from './$types';

/** One payment of the coordinator's networks, what it is allocated to, and the forms. */
export const load: PageServerLoad = async (event) => {
	const user = requireCoordinator(event);
	const found = await getPayment(db(), event.params.paymentId, coordinatedNetworks(user));
	if (!found) notFound(event);
	const { payment } = found;
	return {
		payment: {
			id: payment.id,
			bookingDate: payment.bookingDate,
			valueDate: payment.valueDate,
			amountCents: payment.amountCents,
			allocatedCents: payment.allocatedCents,
			referenceText: payment.referenceText,
			payerName: payment.payerName,
			match: payment.match,
			entryReference: payment.entryReference,
			bankFileId: payment.bankFileId
		},
		fileName: found.fileName,
		allocations: found.allocations,
		namedInvoice: found.namedInvoice
	};
};

export const actions: Actions = {
	allocate: async (event) => {
		const user = requireCoordinator(event);
		const form = await readFormData(event.request);
		const parsed = await parseForm(form, allocationSchema);
		if (!parsed.ok)
			return fail(400, { allocate: { errors: parsed.errors, values: parsed.values } });
		const result = await allocatePayment(db(), userActor(user), {
			networkIds: coordinatedNetworks(user),
			paymentId: event.params.paymentId,
			invoiceNumber: parsed.data.invoiceNumber,
			amountCents: parsed.data.amount
		});
		if (!result.ok) {
			if (result.error === 'payment_not_found') notFound(event);
			const field = result.error === 'invoice_not_found' ? 'invoiceNumber' : 'amount';
			return fail(400, {
				allocate: {
					errors: { [field]: { key: `error.payments.${result.error}` as const } },
					values: { invoiceNumber: parsed.data.invoiceNumber, amount: String(form.get('amount')) }
				}
			});
		}
		return { allocated: parsed.data.invoiceNumber.trim() };
	},

	undo: async (event) => {
		const user = requireCoordinator(event);
		const parsed = await parseForm(event.request, undoAllocationSchema);
		if (!parsed.ok) return fail(400, { undoError: 'allocation_not_found' as const });
		const result = await undoAllocation(db(), userActor(user), {
			networkIds: coordinatedNetworks(user),
			paymentId: event.params.paymentId,
			allocationId: parsed.data.allocationId
		});
		if (!result.ok) {
			if (result.error === 'payment_not_found') notFound(event);
			return fail(400, { undoError: result.error });
		}
		return { undone: true };
	}
};
