import { parseEuros } from '$lib/domain/money';
import { scaledQuantity, type CreditSelection } from '$lib/domain/billing/invoice-totals';
import type { FieldErrors } from './errors';

export const CREDIT_REASON_MAX = 500;

export type CreditForm =
	{ ok: true; selection: CreditSelection[]; reason: string } | { ok: false; errors: FieldErrors };

/** A quantity as people type it ("0,5", "1"), at most four decimals; null when it is not one. */
function quantityOf(text: string): number | null {
	const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
	if (!/^\d{1,6}(\.\d{1,4})?$/.test(cleaned)) return null;
	const q = Number(cleaned);
	return scaledQuantity(q) === null ? null : q;
}

/**
 * The credit form: per line of the invoice (`quantity-N`, `amount-N`) a quantity or an amount
 * in euros without VAT, not both; blank lines are not credited; and the reason. Fields that are
 * not amounts or quantities are answered here; what the domain refuses (more than is left) is
 * answered by the use case's problems.
 */
export function parseCreditForm(form: FormData, lineCount: number): CreditForm {
	const text = (k: string) => {
		const v = form.get(k);
		return typeof v === 'string' ? v.trim() : '';
	};
	const errors: FieldErrors = {};
	const selection: CreditSelection[] = [];
	for (let line = 0; line < lineCount; line++) {
		const quantity = text(`quantity-${line}`);
		const amount = text(`amount-${line}`);
		if (quantity !== '' && amount !== '') {
			errors[`amount-${line}`] = { key: 'credit.error.both' };
			continue;
		}
		if (quantity !== '') {
			const q = quantityOf(quantity);
			if (q === null || q <= 0) errors[`quantity-${line}`] = { key: 'credit.error.quantity' };
			else selection.push({ line, quantity: q });
		} else if (amount !== '') {
			const cents = parseEuros(amount);
			if (cents === null || cents <= 0) errors[`amount-${line}`] = { key: 'credit.error.amount' };
			else selection.push({ line, amountCents: cents });
		}
	}
	const reason = text('reason');
	if (reason === '' || reason.length > CREDIT_REASON_MAX) {
		errors.reason = { key: 'credit.error.reason', params: { max: CREDIT_REASON_MAX } };
	}
	if (selection.length === 0 && Object.keys(errors).every((k) => k === 'reason')) {
		errors._form = { key: 'credit.error.nothingSelected' };
	}
	if (Object.keys(errors).length > 0) return { ok: false, errors };
	return { ok: true, selection, reason };
}
