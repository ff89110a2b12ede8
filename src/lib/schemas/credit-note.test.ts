import { describe, expect, it } from 'vitest';
import { parseCreditForm } from './credit-note';

const form = (fields: Record<string, string>) => {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) f.set(k, v);
	return f;
};

describe('the credit form', () => {
	it('takes a quantity or an amount per line, as people type them', () => {
		expect(
			parseCreditForm(form({ 'quantity-0': '0,5', 'amount-1': '1 000,00 €', reason: ' Virhe ' }), 3)
		).toEqual({
			ok: true,
			selection: [
				{ line: 0, quantity: 0.5 },
				{ line: 1, amountCents: 100_000 }
			],
			reason: 'Virhe'
		});
	});

	it('answers a negative amount, a bad quantity, both at once, no reason and nothing chosen by their fields', () => {
		expect(parseCreditForm(form({ 'amount-0': '-100', reason: 'x' }), 1)).toEqual({
			ok: false,
			errors: { 'amount-0': { key: 'credit.error.amount' } }
		});
		expect(parseCreditForm(form({ 'quantity-0': '0,12345', reason: 'x' }), 1)).toEqual({
			ok: false,
			errors: { 'quantity-0': { key: 'credit.error.quantity' } }
		});
		expect(parseCreditForm(form({ 'quantity-0': '1', 'amount-0': '5', reason: 'x' }), 1)).toEqual({
			ok: false,
			errors: { 'amount-0': { key: 'credit.error.both' } }
		});
		expect(parseCreditForm(form({ reason: '' }), 1)).toEqual({
			ok: false,
			errors: {
				reason: { key: 'credit.error.reason', params: { max: 500 } },
				_form: { key: 'credit.error.nothingSelected' }
			}
		});
	});
});
