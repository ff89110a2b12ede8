import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	businessIdCheckDigit,
	businessIdFromOvt,
	ovtFromBusinessId,
	parseBusinessId,
	parseEInvoiceAddress,
	parseFinnishVatNumber,
	parseOperatorCode,
	parseOvtCode,
	vatNumberFromBusinessId
} from './business-id';

const sevenDigits = fc.stringMatching(/^\d{7}$/);

describe('business ID (Y-tunnus)', () => {
	it('validates a real one and gives it in normal form', () => {
		// Nokia Oyj in the Trade Register (YTJ): 0112038-9.
		// 0·7 + 1·9 + 1·10 + 2·5 + 0·8 + 3·4 + 8·2 = 57, 57 mod 11 = 2, 11 − 2 = 9.
		expect(businessIdCheckDigit('0112038')).toBe(9);
		for (const typed of ['0112038-9', ' 0112038-9 ', '01120389', '112038-9']) {
			expect(parseBusinessId(typed)).toEqual({ ok: true, value: '0112038-9' });
		}
	});

	it('gives check digit 0 for remainder 0 and none for remainder 1', () => {
		// 0000006: 6·2 = 12, remainder 1: no business ID has these digits.
		expect(businessIdCheckDigit('0000006')).toBeNull();
		for (let d = 0; d <= 9; d++) {
			expect(parseBusinessId(`0000006-${d}`)).toEqual({ ok: false, problem: 'check_digit' });
		}
		// 1000002: 1·7 + 2·2 = 11, remainder 0: check digit 0.
		expect(businessIdCheckDigit('1000002')).toBe(0);
		expect(parseBusinessId('1000002-0')).toEqual({ ok: true, value: '1000002-0' });
	});

	it.each([
		['', 'empty'],
		['0112038', 'bad_format'],
		['0112038-', 'bad_format'],
		['12345-6', 'bad_format'],
		['01120389-0', 'bad_format'],
		['0112O38-9', 'bad_format'],
		['0112038-8', 'check_digit']
	])('refuses %j: %s', (text, problem) => {
		expect(parseBusinessId(text)).toEqual({ ok: false, problem });
	});

	it('every issued ID validates and fails with any one digit changed', () => {
		fc.assert(
			fc.property(
				sevenDigits,
				fc.integer({ min: 0, max: 7 }),
				fc.integer({ min: 1, max: 9 }),
				(digits, index, by) => {
					const check = businessIdCheckDigit(digits);
					fc.pre(check !== null);
					const id = `${digits}${check}`;
					expect(parseBusinessId(id)).toEqual({ ok: true, value: `${digits}-${check}` });
					const changed = `${id.slice(0, index)}${(Number(id[index]) + by) % 10}${id.slice(index + 1)}`;
					expect(parseBusinessId(changed).ok).toBe(false);
				}
			)
		);
	});
});

describe('VAT number', () => {
	it('is FI and the business ID digits', () => {
		expect(vatNumberFromBusinessId('0112038-9')).toBe('FI01120389');
		expect(parseFinnishVatNumber('fi 0112 0389')).toEqual({ ok: true, value: 'FI01120389' });
	});

	it.each([
		['', 'empty'],
		['SE556703748501', 'not_finnish'],
		['FI0112038', 'bad_format'],
		['FI0112038-9', 'bad_format'],
		['FI01120388', 'check_digit']
	])('refuses %j: %s', (text, problem) => {
		expect(parseFinnishVatNumber(text)).toEqual({ ok: false, problem });
	});
});

describe('OVT code', () => {
	it('is 0037, the business ID digits and an optional unit of up to five characters', () => {
		expect(ovtFromBusinessId('0112038-9')).toBe('003701120389');
		expect(ovtFromBusinessId('0112038-9', 'ab1')).toBe('003701120389AB1');
		expect(parseOvtCode('0037 0112 0389')).toEqual({ ok: true, value: '003701120389' });
		expect(parseOvtCode('00370112038912345')).toEqual({ ok: true, value: '00370112038912345' });
		expect(businessIdFromOvt('00370112038912345')).toBe('0112038-9');
	});

	it.each([
		['', 'empty'],
		['0036 0112 0389', 'not_ovt'],
		['0037 0112 038', 'not_ovt'],
		['0037 0112 0388', 'business_id'],
		['003701120389123456', 'suffix'],
		['003701120389-1', 'suffix']
	])('refuses %j: %s', (text, problem) => {
		expect(parseOvtCode(text)).toEqual({ ok: false, problem });
	});
});

describe('e-invoice address', () => {
	it('is an OVT code, an IBAN or the operator’s own code', () => {
		expect(parseEInvoiceAddress('003701120389')).toEqual({
			ok: true,
			value: { kind: 'ovt', value: '003701120389' }
		});
		expect(parseEInvoiceAddress('0216:003701120389')).toEqual({
			ok: true,
			value: { kind: 'ovt', value: '003701120389' }
		});
		expect(parseEInvoiceAddress('FI21 1234 5600 0007 85')).toEqual({
			ok: true,
			value: { kind: 'iban', value: 'FI2112345600000785' }
		});
		expect(parseEInvoiceAddress('TE003701120389')).toEqual({
			ok: true,
			value: { kind: 'operator', value: 'TE003701120389' }
		});
	});

	it.each([
		['', 'empty'],
		['0037 0112 0388', 'ovt'],
		['FI22 1234 5600 0007 85', 'iban'],
		['ab', 'bad_format'],
		['laskut@kunta.fi', 'bad_format']
	])('refuses %j: %s', (text, problem) => {
		expect(parseEInvoiceAddress(text)).toEqual({ ok: false, problem });
	});
});

describe('operator code (intermediator ID)', () => {
	it.each([
		['003723327487', 'ovt'],
		['003721291126', 'ovt'],
		['NDEAFIHH', 'bic'],
		['OKOYFIHH', 'bic'],
		['E204503', 'operator']
	])('accepts %s as %s', (text, kind) => {
		expect(parseOperatorCode(text)).toEqual({ ok: true, value: { kind, value: text } });
	});

	it.each([
		['', 'empty'],
		['003723327488', 'ovt'],
		['NDEA-FIHH', 'bad_format'],
		['E2', 'bad_format']
	])('refuses %j: %s', (text, problem) => {
		expect(parseOperatorCode(text)).toEqual({ ok: false, problem });
	});
});
