import { z } from 'zod';
import { text } from './fields';
import { parseEuros } from '$lib/domain/money';
import { UUID_PATTERN } from '$lib/domain/uuid';

const uuid = z.string().regex(UUID_PATTERN, 'error.invalid');

/** A coordinator allocates part of a payment to an invoice, picked by its number. */
export const allocationSchema = z.object({
	invoiceNumber: text({ max: 20 }),
	amount: z
		.string({ error: 'error.required' })
		.trim()
		.min(1, 'error.required')
		.refine((v) => {
			const cents = parseEuros(v);
			return cents !== null && cents > 0;
		}, 'error.payments.not_positive')
		.transform((v) => parseEuros(v)!)
});

export const undoAllocationSchema = z.object({ allocationId: uuid });

/** The import form: which of the coordinator's networks the file is for. */
export const bankFileNetworkSchema = z.object({
	network: z
		.string({ error: 'payments.error.network' })
		.regex(UUID_PATTERN, 'payments.error.network')
});
