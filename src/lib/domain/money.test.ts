import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centsToInput, parseEuros } from './money';

describe('parseEuros', () => {
	it.each([
		['9000', 900_000],
		['9 000', 900_000],
		['9\u00a0000,00 €', 900_000],
		['9000,5', 900_050],
		['9000.50', 900_050],
		['0', 0],
		['€12', 1_200]
	])('%j is %i cents', (text, cents) => {
		expect(parseEuros(text)).toBe(cents);
	});

	it.each(['', '-5', '1,234,5', '9,999', 'abc', '1e3', '12,345', '9 000,00 €€'])(
		'%j is not an amount',
		(text) => {
			expect(parseEuros(text)).toBeNull();
		}
	);

	it('reads back what it writes', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (cents) => {
				expect(parseEuros(centsToInput(cents))).toBe(cents);
			})
		);
	});
});
