import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	createNationalReference,
	createRfReference,
	formatNationalReference,
	formatRfReference,
	nationalCheckDigit,
	nationalFromRf,
	parseNationalReference,
	parsePaymentReference,
	parseRfReference
} from './reference-number';

/** A base a reference can be made from: 3–19 digits, no leading zero. */
const base = fc
	.tuple(
		fc.integer({ min: 1, max: 9 }),
		fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 2, maxLength: 18 })
	)
	.map(([first, rest]) => `${first}${rest}`);

/** The same digits with the one at `index` replaced by a different digit. */
function changeDigit(digits: string, index: number, by: number): string {
	const i = index % digits.length;
	const changed = (Number(digits[i]) + 1 + (by % 9)) % 10;
	return `${digits.slice(0, i)}${changed}${digits.slice(i + 1)}`;
}

// Finance Finland, Bank Bar Code Guide (Pankkiviivakoodi-opas) 5.3, examples of symbol
// versions 4 and 5: the references as printed there, national and RF.
const guideNational = [
	'86851 62596 19897',
	'55958 22432 94671',
	'69 87567 20834 35364',
	'7 75847 47906 47489',
	'78 77767 96566 28687',
	'8 68624',
	'92125 37425 25398 97737',
	'5907 38390',
	'13 57914'
];
const guideRf = [
	'RF09 8685 1625 9619 897',
	'RF06 5595 8224 3294 671',
	'RF61 6987 5672 0839',
	'RF84 7758 4747 9064 7489',
	'RF60 7877 7679 6566 2868 7',
	'RF10 8686 24',
	'RF71 9212 5374 2525 3989 7737',
	'RF66 5907 3839 0',
	'RF95 1357 914'
];

describe('national reference (viitenumero)', () => {
	it('adds the 7-3-1 check digit to a base', () => {
		// 6·7 + 5·3 + 4·1 + 3·7 + 2·3 + 1·1 = 89, so the check digit is 1.
		expect(nationalCheckDigit('123456')).toBe(1);
		expect(createNationalReference('123456')).toEqual({ ok: true, value: '1234561' });
		expect(createNationalReference('100')).toEqual({ ok: true, value: '1009' });
		// A sum that is already a multiple of ten gives 0: 0·7 + 5·3 + 5·1 = 20.
		expect(createNationalReference('550')).toEqual({ ok: true, value: '5500' });
	});

	it.each(guideNational)('validates %s from the Bank Bar Code Guide', (printed) => {
		const parsed = parseNationalReference(printed);
		expect(parsed).toEqual({ ok: true, value: printed.replace(/ /g, '') });
		expect(formatNationalReference(printed.replace(/ /g, ''))).toBe(printed);
	});

	it('reads leading zeros (as in the bar code) and any spacing, and keeps neither', () => {
		expect(parseNationalReference('00000000000001234561')).toEqual({
			ok: true,
			value: '1234561'
		});
		expect(parseNationalReference('12 34561\u00a0')).toEqual({ ok: true, value: '1234561' });
	});

	it.each([
		['', 'empty'],
		['   ', 'empty'],
		['1234-561', 'not_digits'],
		['RF33 2348 236', 'not_digits'],
		['123', 'too_short'],
		['0000123', 'too_short'],
		['123456789012345678901', 'too_long'],
		['1234562', 'check_digit']
	])('refuses %j: %s', (text, problem) => {
		expect(parseNationalReference(text)).toEqual({ ok: false, problem });
	});

	it.each([
		['', 'empty'],
		['12a', 'not_digits'],
		['0123', 'leading_zero'],
		['12', 'too_short'],
		['12345678901234567890', 'too_long']
	])('makes no reference from base %j: %s', (text, problem) => {
		expect(createNationalReference(text)).toEqual({ ok: false, problem });
	});

	it('prints in groups of five from the right', () => {
		expect(formatNationalReference('1234561')).toBe('12 34561');
		expect(formatNationalReference('12345')).toBe('12345');
		expect(formatNationalReference('92125374252539897737')).toBe('92125 37425 25398 97737');
	});

	it('every created reference validates, reads back from its printed form, and fails with any one digit changed', () => {
		fc.assert(
			fc.property(base, fc.nat(), fc.nat(), (b, index, by) => {
				const created = createNationalReference(b);
				expect(created.ok).toBe(true);
				if (!created.ok) return;
				expect(created.value).toHaveLength(b.length + 1);
				expect(parseNationalReference(created.value)).toEqual(created);
				expect(parseNationalReference(formatNationalReference(created.value))).toEqual(created);
				const changed = changeDigit(created.value, index, by);
				expect(parseNationalReference(changed).ok).toBe(false);
			})
		);
	});
});

describe('RF creditor reference (ISO 11649)', () => {
	it('is made from a national reference', () => {
		// Finance Finland's guide to the RF reference: 2348236 → RF33 2348 236.
		expect(createRfReference('2348236')).toEqual({ ok: true, value: 'RF332348236' });
		expect(formatRfReference('RF332348236')).toBe('RF33 2348 236');
		expect(createRfReference('12 34561')).toEqual({ ok: true, value: 'RF341234561' });
	});

	it('refuses to make one from an invalid national reference', () => {
		expect(createRfReference('2348237')).toEqual({ ok: false, problem: 'check_digit' });
	});

	it.each(guideRf)(
		'%s from the Bank Bar Code Guide is the RF form of its national reference',
		(printed) => {
			const value = printed.replace(/ /g, '');
			expect(parseRfReference(printed)).toEqual({ ok: true, value });
			expect(formatRfReference(value)).toBe(printed);
			const national = nationalFromRf(value);
			expect(national).not.toBeNull();
			expect(createRfReference(national!)).toEqual({ ok: true, value });
		}
	);

	it('validates the ISO 11649 example and references with letters', () => {
		expect(parseRfReference('RF18 5390 0754 7034')).toEqual({
			ok: true,
			value: 'RF18539007547034'
		});
		// Its reference part is not a valid national reference, so it has no national form.
		expect(nationalFromRf('RF18539007547034')).toBeNull();
		expect(parseRfReference('rf18 5390 0754 7034').ok).toBe(true);
		expect(parseRfReference('RF68AB2G5').ok).toBe(true);
	});

	it.each([
		['', 'empty'],
		['1234561', 'not_rf'],
		['RFA1234', 'not_rf'],
		['RF18 5390-0754', 'bad_characters'],
		['RF18', 'too_short'],
		['RF1812345678901234567890123', 'too_long'],
		['RF19 5390 0754 7034', 'check_digits'],
		['RF18 5390 0754 7035', 'check_digits']
	])('refuses %j: %s', (text, problem) => {
		expect(parseRfReference(text)).toEqual({ ok: false, problem });
	});

	it('every created RF reference validates, holds its national reference, and fails with any one digit changed', () => {
		fc.assert(
			fc.property(base, fc.nat(), fc.nat(), (b, index, by) => {
				const national = createNationalReference(b);
				if (!national.ok) throw new Error('a generated base is always valid');
				const rf = createRfReference(national.value);
				expect(rf.ok).toBe(true);
				if (!rf.ok) return;
				expect(rf.value.length).toBeLessThanOrEqual(24);
				expect(parseRfReference(rf.value)).toEqual(rf);
				expect(parseRfReference(formatRfReference(rf.value))).toEqual(rf);
				expect(nationalFromRf(rf.value)).toBe(national.value);
				const digits = rf.value.slice(2);
				const changed = `RF${changeDigit(digits, index, by)}`;
				expect(parseRfReference(changed).ok).toBe(false);
			})
		);
	});
});

describe('parsePaymentReference', () => {
	it('tells the two kinds apart', () => {
		expect(parsePaymentReference('12 34561')).toEqual({
			ok: true,
			value: { kind: 'national', value: '1234561' }
		});
		expect(parsePaymentReference('rf34 1234 561')).toEqual({
			ok: true,
			value: { kind: 'rf', value: 'RF341234561' }
		});
		expect(parsePaymentReference('RF35 1234 561')).toEqual({ ok: false, problem: 'check_digits' });
		expect(parsePaymentReference('1234 562')).toEqual({ ok: false, problem: 'check_digit' });
	});
});
