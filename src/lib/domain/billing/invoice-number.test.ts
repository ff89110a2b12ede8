import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	formatInvoiceNumber,
	invoiceNumberForReference,
	parseInvoiceNumber,
	referenceForInvoiceNumber
} from './invoice-number';
import { parseNationalReference, parseRfReference, createRfReference } from './reference-number';

describe('invoice numbers', () => {
	it('are the year and six digits', () => {
		expect(formatInvoiceNumber(2026, 123)).toEqual({ ok: true, value: '2026-000123' });
		expect(formatInvoiceNumber(2024, 999_999)).toEqual({ ok: true, value: '2024-999999' });
		expect(parseInvoiceNumber(' 2026-000123 ')).toEqual({
			ok: true,
			value: { year: 2026, sequence: 123 }
		});
	});

	it.each<[number, number, string]>([
		[1999, 1, 'year'],
		[10_000, 1, 'year'],
		[2026.5, 1, 'year'],
		[2026, 0, 'sequence'],
		[2026, 1_000_000, 'sequence'],
		[2026, 1.5, 'sequence']
	])('refuses year %d, number %d: %s', (year, sequence, problem) => {
		expect(formatInvoiceNumber(year, sequence)).toEqual({ ok: false, problem });
	});

	it.each([
		['2026-123', 'bad_format'],
		['2026/000123', 'bad_format'],
		['26-000123', 'bad_format'],
		['2026-000000', 'sequence'],
		['1999-000001', 'year']
	])('refuses %j: %s', (text, problem) => {
		expect(parseInvoiceNumber(text)).toEqual({ ok: false, problem });
	});
});

describe('the reference of an invoice number', () => {
	it('is the number’s digits and a 7-3-1 check digit', () => {
		// From the right 3·7 + 2·3 + 1·1 + 6·7 + 2·3 + 2·7 = 90: check digit 0.
		expect(referenceForInvoiceNumber('2026-000123')).toEqual({ ok: true, value: '20260001230' });
		expect(invoiceNumberForReference('20260001230')).toBe('2026-000123');
		expect(invoiceNumberForReference('20260001231')).toBeNull();
		expect(invoiceNumberForReference('1234561')).toBeNull();
		expect(referenceForInvoiceNumber('2026-0001')).toEqual({ ok: false, problem: 'bad_format' });
	});

	it('is a valid reference, national and RF, that leads back to the number', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 2000, max: 9999 }),
				fc.integer({ min: 1, max: 999_999 }),
				(year, sequence) => {
					const number = formatInvoiceNumber(year, sequence);
					if (!number.ok) throw new Error('always valid');
					const reference = referenceForInvoiceNumber(number.value);
					expect(reference.ok).toBe(true);
					if (!reference.ok) return;
					expect(parseNationalReference(reference.value)).toEqual(reference);
					const rf = createRfReference(reference.value);
					expect(rf.ok && parseRfReference(rf.value).ok).toBe(true);
					expect(invoiceNumberForReference(reference.value)).toBe(number.value);
				}
			)
		);
	});
});
