import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mod97CheckDigits } from './check-digits';
import { createNationalReference, createRfReference } from './reference-number';
import {
	bankBarcode,
	code128CSymbols,
	parseBankBarcode,
	type BankBarcodeInput
} from './virtual-barcode';

/**
 * The examples of Finance Finland's Bank Bar Code Guide 5.3 (sections 9 and 10), as
 * reproduced alike by several independent open implementations (the guide's PDF could not be
 * read from here; see ADR 017). Amounts in cents, due dates as yyyy-mm-dd.
 */
const version4: [BankBarcodeInput, string][] = [
	[
		{
			iban: 'FI79 4405 2020 0360 82',
			amountCents: 488_315,
			reference: '86851 62596 19897',
			dueDate: '2010-06-12'
		},
		'479440520200360820048831500000000868516259619897100612'
	],
	[
		{
			iban: 'FI58 1017 1000 0001 22',
			amountCents: 48_299,
			reference: '55958 22432 94671',
			dueDate: '2012-01-31'
		},
		'458101710000001220004829900000000559582243294671120131'
	],
	[
		{
			iban: 'FI02 5000 4640 0013 02',
			amountCents: 69_380,
			reference: '69 87567 20834 35364',
			dueDate: '2011-07-24'
		},
		'402500046400013020006938000000069875672083435364110724'
	],
	[
		{
			iban: 'FI15 6601 0001 5306 41',
			amountCents: 744_454,
			reference: '7 75847 47906 47489',
			dueDate: '2019-12-19'
		},
		'415660100015306410074445400000007758474790647489191219'
	],
	[
		{
			iban: 'FI16 8000 1400 0502 67',
			amountCents: 93_585,
			reference: '78 77767 96566 28687',
			dueDate: null
		},
		'416800014000502670009358500000078777679656628687000000'
	],
	[
		{ iban: 'FI73 3131 3001 0000 58', amountCents: 0, reference: '8 68624', dueDate: '2013-08-09' },
		'473313130010000580000000000000000000000000868624130809'
	],
	[
		{
			iban: 'FI83 3301 0001 1007 75',
			amountCents: 15_000_020,
			reference: '92125 37425 25398 97737',
			dueDate: '2016-05-25'
		},
		'483330100011007751500002000092125374252539897737160525'
	],
	[
		{
			iban: 'FI39 3636 3002 0924 92',
			amountCents: 103,
			reference: '5907 38390',
			dueDate: '2023-03-11'
		},
		'439363630020924920000010300000000000000590738390230311'
	],
	[
		{
			iban: 'FI92 3939 0001 0033 91',
			amountCents: 2,
			reference: '13 57914',
			dueDate: '2099-12-24'
		},
		'492393900010033910000000200000000000000001357914991224'
	]
];

const version5: [BankBarcodeInput, string][] = [
	[
		{
			iban: 'FI79 4405 2020 0360 82',
			amountCents: 488_315,
			reference: 'RF09 8685 1625 9619 897',
			dueDate: '2010-06-12'
		},
		'579440520200360820048831509000000868516259619897100612'
	],
	[
		{
			iban: 'FI58 1017 1000 0001 22',
			amountCents: 48_299,
			reference: 'RF06 5595 8224 3294 671',
			dueDate: '2010-01-31'
		},
		'558101710000001220004829906000000559582243294671100131'
	],
	[
		{
			iban: 'FI02 5000 4640 0013 02',
			amountCents: 69_380,
			reference: 'RF61 6987 5672 0839',
			dueDate: '2011-07-24'
		},
		'502500046400013020006938061000000000698756720839110724'
	],
	[
		{
			iban: 'FI15 6601 0001 5306 41',
			amountCents: 744_454,
			reference: 'RF84 7758 4747 9064 7489',
			dueDate: '2019-12-19'
		},
		'515660100015306410074445484000007758474790647489191219'
	],
	[
		{
			iban: 'FI16 8000 1400 0502 67',
			amountCents: 93_585,
			reference: 'RF60 7877 7679 6566 2868 7',
			dueDate: null
		},
		'516800014000502670009358560000078777679656628687000000'
	],
	[
		{
			iban: 'FI73 3131 3001 0000 58',
			amountCents: 0,
			reference: 'RF10 8686 24',
			dueDate: '2013-08-09'
		},
		'573313130010000580000000010000000000000000868624130809'
	],
	[
		{
			iban: 'FI83 3301 0001 1007 75',
			amountCents: 15_000_020,
			reference: 'RF71 9212 5374 2525 3989 7737',
			dueDate: '2016-05-25'
		},
		'583330100011007751500002071092125374252539897737160525'
	],
	[
		{
			iban: 'FI39 3636 3002 0924 92',
			amountCents: 103,
			reference: 'RF66 5907 3839 0',
			dueDate: '2023-03-11'
		},
		'539363630020924920000010366000000000000590738390230311'
	],
	[
		{
			iban: 'FI92 3939 0001 0033 91',
			amountCents: 2,
			reference: 'RF95 1357 914',
			dueDate: '2099-12-24'
		},
		'592393900010033910000000295000000000000001357914991224'
	]
];

const electronic = (s: string) => s.replace(/ /g, '');

describe('bank bar code, version 4 (national reference)', () => {
	it.each(version4)('%o gives the guide’s 54 digits and reads back', (input, expected) => {
		expect(bankBarcode(input)).toEqual({ ok: true, value: expected });
		expect(parseBankBarcode(expected)).toEqual({
			ok: true,
			value: {
				version: 4,
				iban: electronic(input.iban),
				amountCents: input.amountCents,
				reference: electronic(input.reference),
				dueDate: input.dueDate
			}
		});
	});
});

describe('bank bar code, version 5 (RF reference)', () => {
	it.each(version5)('%o gives the guide’s 54 digits and reads back', (input, expected) => {
		expect(bankBarcode(input)).toEqual({ ok: true, value: expected });
		expect(parseBankBarcode(expected)).toEqual({
			ok: true,
			value: {
				version: 5,
				iban: electronic(input.iban),
				amountCents: input.amountCents,
				reference: electronic(input.reference),
				dueDate: input.dueDate
			}
		});
	});

	it('carries an RF reference with leading zeros in its reference part as the guide does', () => {
		// The 21-digit field cannot tell "RF10 0868 624" from "RF10 8686 24": both read back as the latter.
		const code = bankBarcode({ ...version5[5]![0], reference: 'RF10 0868 624' });
		expect(code).toEqual({ ok: true, value: version5[5]![1] });
	});
});

describe('what the bar code cannot carry', () => {
	const base = version4[0]![0];
	it.each<[Partial<BankBarcodeInput>, string]>([
		[{ iban: 'SE45 5000 0000 0583 9825 7466' }, 'iban'],
		[{ iban: 'FI79 4405 2020 0360 83' }, 'iban'],
		[{ amountCents: 1.5 }, 'amount_not_cents'],
		[{ amountCents: -1 }, 'amount_negative'],
		[{ amountCents: 100_000_000 }, 'amount_too_large'],
		[{ reference: '86851 62596 19898' }, 'reference'],
		[{ reference: 'RF68 AB2G 5' }, 'rf_reference_not_numeric'],
		[{ dueDate: '2010-02-30' }, 'due_date'],
		[{ dueDate: '1999-12-31' }, 'due_date'],
		[{ dueDate: '2100-01-01' }, 'due_date'],
		[{ dueDate: '12.6.2010' }, 'due_date']
	])('%o: %s', (change, problem) => {
		expect(bankBarcode({ ...base, ...change })).toEqual({ ok: false, problem });
	});

	it('takes the largest amount, 999 999,99 €', () => {
		expect(bankBarcode({ ...base, amountCents: 99_999_999 }).ok).toBe(true);
	});
});

describe('reading 54 digits', () => {
	const good = version4[0]![1];
	const withDigit = (i: number, d: string) => `${good.slice(0, i)}${d}${good.slice(i + 1)}`;

	it('accepts them with spaces', () => {
		expect(parseBankBarcode(good.replace(/(.{6})/g, '$1 ')).ok).toBe(true);
	});

	it.each([
		['', 'not_54_digits'],
		[good.slice(1), 'not_54_digits'],
		[`${good}0`, 'not_54_digits'],
		[good.replace('4', 'x'), 'not_54_digits'],
		[withDigit(0, '2'), 'unknown_version'],
		[withDigit(5, '9'), 'iban'],
		[withDigit(47, '8'), 'reference'],
		[`${good.slice(0, 48)}100230`, 'due_date']
	])('refuses %s: %s', (text, problem) => {
		expect(parseBankBarcode(text)).toEqual({ ok: false, problem });
	});

	it('refuses a version 5 code whose RF check digits are wrong', () => {
		const v5 = version5[0]![1];
		expect(parseBankBarcode(`${v5.slice(0, 25)}10${v5.slice(27)}`)).toEqual({
			ok: false,
			problem: 'reference'
		});
	});
});

describe('round trip', () => {
	const input = fc.record({
		bban: fc.stringMatching(/^\d{14}$/),
		amountCents: fc.integer({ min: 0, max: 99_999_999 }),
		base: fc.bigInt({ min: 100n, max: 10n ** 19n - 1n }),
		rf: fc.boolean(),
		due: fc.option(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }))
	});

	it('every payment the code can carry reads back as it went in', () => {
		fc.assert(
			fc.property(input, ({ bban, amountCents, base, rf, due }) => {
				const iban = `FI${mod97CheckDigits(bban, 'FI')}${bban}`;
				const national = createNationalReference(base.toString());
				if (!national.ok) throw new Error('a generated base is always valid');
				const rfReference = createRfReference(national.value);
				if (!rfReference.ok) throw new Error('a valid national reference always has an RF form');
				const reference = rf ? rfReference.value : national.value;
				const dueDate = due === null ? null : new Date(due).toISOString().slice(0, 10);
				const code = bankBarcode({ iban, amountCents, reference, dueDate });
				expect(code.ok).toBe(true);
				if (!code.ok) return;
				expect(code.value).toMatch(/^[45]\d{53}$/);
				expect(parseBankBarcode(code.value)).toEqual({
					ok: true,
					value: { version: rf ? 5 : 4, iban, amountCents, reference, dueDate }
				});
			})
		);
	});
});

describe('Code 128, code set C', () => {
	it('is Start C, a symbol per two digits, the check symbol and Stop', () => {
		// (105 + 12·1 + 34·2) mod 103 = 185 mod 103 = 82.
		expect(code128CSymbols('1234')).toEqual([105, 12, 34, 82, 106]);
		const symbols = code128CSymbols(version4[0]![1]);
		expect(symbols).toHaveLength(30);
		expect(symbols.slice(1, 4)).toEqual([47, 94, 40]);
	});

	it('takes only pairs of digits', () => {
		expect(() => code128CSymbols('123')).toThrow(RangeError);
		expect(() => code128CSymbols('')).toThrow(RangeError);
	});
});
