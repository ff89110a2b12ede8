import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandAlphanumeric, mod97, mod97CheckDigits, passesMod97 } from './check-digits';

describe('ISO 7064 MOD 97-10', () => {
	it('expands letters to two digits', () => {
		expect(expandAlphanumeric('RF')).toBe('2715');
		expect(expandAlphanumeric('FI00')).toBe('151800');
		expect(expandAlphanumeric('AZ09')).toBe('103509');
	});

	it('takes the remainder of numbers longer than a double can hold', () => {
		expect(mod97('0')).toBe(0);
		expect(mod97('97')).toBe(0);
		expect(mod97('98')).toBe(1);
		fc.assert(
			fc.property(fc.bigInt({ min: 0n, max: 10n ** 40n }), (n) => {
				expect(mod97(n.toString())).toBe(Number(n % 97n));
			})
		);
	});

	it('makes check digits that pass', () => {
		// The IBAN registry's example for Finland, FI21 1234 5600 0007 85.
		expect(mod97CheckDigits('12345600000785', 'FI')).toBe('21');
		expect(passesMod97('FI2112345600000785')).toBe(true);
		expect(passesMod97('FI2212345600000785')).toBe(false);
		fc.assert(
			fc.property(fc.stringMatching(/^[0-9A-Z]{1,30}$/), (body) => {
				expect(passesMod97(`RF${mod97CheckDigits(body, 'RF')}${body}`)).toBe(true);
			})
		);
	});
});
