import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bicFitsIban, formatIban, parseBic, parseFinnishIban, parseIban } from './bank-account';
import { mod97CheckDigits } from './check-digits';

// The IBAN Registry's example for Finland and the accounts of the Bank Bar Code Guide 5.3.
const finnishIbans = [
	'FI21 1234 5600 0007 85',
	'FI79 4405 2020 0360 82',
	'FI58 1017 1000 0001 22',
	'FI02 5000 4640 0013 02',
	'FI15 6601 0001 5306 41',
	'FI16 8000 1400 0502 67',
	'FI73 3131 3001 0000 58',
	'FI83 3301 0001 1007 75',
	'FI39 3636 3002 0924 92',
	'FI92 3939 0001 0033 91'
];

describe('IBAN', () => {
	it.each(finnishIbans)('validates %s and prints it as given', (printed) => {
		const value = printed.replace(/ /g, '');
		expect(parseIban(printed)).toEqual({ ok: true, value });
		expect(parseFinnishIban(printed.toLowerCase())).toEqual({ ok: true, value });
		expect(formatIban(value)).toBe(printed);
	});

	it('validates accounts of other countries by the standard', () => {
		// The IBAN Registry's examples for Sweden and Germany.
		expect(parseIban('SE45 5000 0000 0583 9825 7466').ok).toBe(true);
		expect(parseIban('DE89 3704 0044 0532 0130 00').ok).toBe(true);
		expect(parseFinnishIban('SE45 5000 0000 0583 9825 7466')).toEqual({
			ok: false,
			problem: 'not_finnish'
		});
	});

	it.each([
		['', 'empty'],
		['FI21 1234 5600 0007 8_', 'bad_format'],
		['1234 5600 0007 85', 'bad_format'],
		['FI21 1234 5600 0007 851', 'length'],
		['FI21 1234 5600 0007 8', 'length'],
		['XX00 12', 'length'],
		['FI22 1234 5600 0007 85', 'check_digits'],
		['FI21 1234 5600 0007 86', 'check_digits']
	])('refuses %j: %s', (text, problem) => {
		expect(parseIban(text)).toEqual({ ok: false, problem });
	});

	it('a Finnish IBAN with any one digit changed fails', () => {
		fc.assert(
			fc.property(
				fc.stringMatching(/^\d{14}$/),
				fc.integer({ min: 2, max: 17 }),
				fc.integer({ min: 1, max: 9 }),
				(bban, index, by) => {
					const iban = `FI${mod97CheckDigits(bban, 'FI')}${bban}`;
					expect(parseFinnishIban(iban)).toEqual({ ok: true, value: iban });
					const digit = (Number(iban[index]) + by) % 10;
					const changed = `${iban.slice(0, index)}${digit}${iban.slice(index + 1)}`;
					expect(parseIban(changed)).toEqual({ ok: false, problem: 'check_digits' });
				}
			)
		);
	});
});

describe('BIC', () => {
	it.each(['NDEAFIHH', 'OKOYFIHH', 'okoy fi hh xxx', 'HELSFIHH', 'DABAFIHX'])(
		'accepts %s',
		(bic) => {
			expect(parseBic(bic)).toEqual({ ok: true, value: bic.replace(/ /g, '').toUpperCase() });
		}
	);

	it.each([
		['', 'empty'],
		['NDEAFIH', 'bad_format'],
		['NDEAFIHHX', 'bad_format'],
		['NDE4FIHH', 'bad_format'],
		['NDEAF1HH', 'bad_format']
	])('refuses %j: %s', (text, problem) => {
		expect(parseBic(text)).toEqual({ ok: false, problem });
	});

	it('belongs to the IBAN country (Åland accounts are held in Finland)', () => {
		expect(bicFitsIban('NDEAFIHH', 'FI2112345600000785')).toBe(true);
		expect(bicFitsIban('AABAFI22', 'AX2112345600000785')).toBe(true);
		expect(bicFitsIban('NDEASESS', 'FI2112345600000785')).toBe(false);
	});
});
