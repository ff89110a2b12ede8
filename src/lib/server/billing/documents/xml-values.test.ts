import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	buildXml,
	compactDate,
	cut,
	decimalAmount,
	decimalPercent,
	decimalQuantity
} from './xml-values';

describe('decimal values for e-invoices', () => {
	it('writes cents with two decimals and the sign in front', () => {
		expect(decimalAmount(123456)).toBe('1234.56');
		expect(decimalAmount(5)).toBe('0.05');
		expect(decimalAmount(-5)).toBe('-0.05');
		expect(decimalAmount(0)).toBe('0.00');
		expect(decimalAmount(-900_000, ',')).toBe('-9000,00');
	});

	it('reads back as the same cents, for any amount', () => {
		fc.assert(
			fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => {
				const text = decimalAmount(cents);
				expect(text).toMatch(/^-?\d+\.\d{2}$/);
				expect(Math.round(Number(text) * 100)).toBe(cents);
			})
		);
	});

	it('writes quantities and rates in their shortest form', () => {
		expect(decimalQuantity(10_000)).toBe('1');
		expect(decimalQuantity(12_345_000)).toBe('1234.5');
		expect(decimalQuantity(-7_500, ',')).toBe('-0,75');
		expect(decimalQuantity(1)).toBe('0.0001');
		expect(decimalPercent(2550)).toBe('25.5');
		expect(decimalPercent(2400, ',')).toBe('24');
		expect(decimalPercent(0)).toBe('0');
		expect(decimalPercent(1405)).toBe('14.05');
	});

	it('writes Finvoice dates and cuts text on characters', () => {
		expect(compactDate('2024-10-01')).toBe('20241001');
		expect(cut('Närpes stad', 6)).toBe('Närpes');
		expect(cut('😀😀😀', 2)).toBe('😀😀');
	});

	it('builds XML in key order, leaves undefined out and escapes text', () => {
		const xml = buildXml({
			Root: { '@_a': 'x', B: 'Oy <Ab> & Co', C: undefined, D: [{ E: '1' }, { E: '2' }] }
		});
		expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Root a="x">')).toBe(true);
		expect(xml).toContain('<B>Oy &lt;Ab&gt; &amp; Co</B>');
		expect(xml).not.toContain('<C');
		expect(xml.indexOf('<E>1</E>')).toBeLessThan(xml.indexOf('<E>2</E>'));
	});
});
