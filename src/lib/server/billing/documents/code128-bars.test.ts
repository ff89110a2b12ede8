import { describe, expect, it } from 'vitest';
import { code128CSymbols } from '$lib/domain/billing/virtual-barcode';
import { CODE128_WIDTHS, code128Bars } from './code128-bars';

const sum = (digits: string, from: number) =>
	[...digits].filter((_, i) => i % 2 === from).reduce((s, d) => s + Number(d), 0);

describe('Code 128 bar widths', () => {
	it('has 107 symbols of 11 modules and a stop of 13, each one different', () => {
		expect(CODE128_WIDTHS).toHaveLength(107);
		CODE128_WIDTHS.forEach((widths, value) => {
			const total = [...widths].reduce((s, d) => s + Number(d), 0);
			expect(total, `symbol ${value}`).toBe(value === 106 ? 13 : 11);
			expect(widths, `symbol ${value}`).toMatch(/^[1-4]+$/);
		});
		expect(new Set(CODE128_WIDTHS).size).toBe(107);
	});

	it('gives every symbol bars of an even and spaces of an odd number of modules', () => {
		CODE128_WIDTHS.forEach((widths, value) => {
			expect(sum(widths, 0) % 2, `bars of ${value}`).toBe(0);
			expect(sum(widths, 1) % 2, `spaces of ${value}`).toBe(1);
		});
	});

	it('keeps the rows the standard fixes by heart: start codes, stop and a few values', () => {
		expect(CODE128_WIDTHS[0]).toBe('212222');
		expect(CODE128_WIDTHS[27]).toBe('312212');
		expect(CODE128_WIDTHS[99]).toBe('113141');
		expect(CODE128_WIDTHS[103]).toBe('211412');
		expect(CODE128_WIDTHS[104]).toBe('211214');
		expect(CODE128_WIDTHS[105]).toBe('211232');
		expect(CODE128_WIDTHS[106]).toBe('2331112');
	});

	it('draws a bank bar code whose bars read back as its symbols', () => {
		const digits = '459871000000100710000001000000000000000000008245000331';
		const symbols = code128CSymbols(digits);
		const { bars, modules } = code128Bars(symbols);
		expect(modules).toBe(11 * (symbols.length - 1) + 13);
		// Read the bars back: the modules as dark or light, cut into symbols, each one's runs.
		const dark = new Array<boolean>(modules).fill(false);
		for (const b of bars) dark.fill(true, b.start, b.start + b.width);
		const read = symbols.map((_, i) => {
			const chunk = dark.slice(i * 11, i * 11 + (i === symbols.length - 1 ? 13 : 11));
			let runs = '';
			let length = 1;
			for (let m = 1; m <= chunk.length; m++) {
				if (m < chunk.length && chunk[m] === chunk[m - 1]) length++;
				else {
					runs += String(length);
					length = 1;
				}
			}
			return CODE128_WIDTHS.indexOf(runs);
		});
		expect(read).toEqual(symbols);
	});
});
