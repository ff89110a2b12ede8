import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchKey } from './search-key';

describe('searchKey', () => {
	it.each([
		['Hämeenlinna', 'hameenlinna'],
		['HÄMEENLINNA', 'hameenlinna'],
		['hameenlinna', 'hameenlinna'],
		['Åbo', 'abo'],
		['Mänttä-Vilppula', 'mantta vilppula'],
		['  Pedersöre  ', 'pedersore'],
		['Koski Tl', 'koski tl'],
		["<script>alert('x')</script>", 'script alert x script'],
		['Väst\u0000ra', 'vast ra']
	])('%j becomes %j', (input, expected) => {
		expect(searchKey(input)).toBe(expected);
	});

	it('is idempotent', () => {
		fc.assert(
			fc.property(fc.string(), (s) => {
				expect(searchKey(searchKey(s))).toBe(searchKey(s));
			})
		);
	});

	it('finds a name by any accent-stripped part of it', () => {
		const name = 'Hämeenlinna';
		expect(searchKey(name)).toContain(searchKey('hameen'));
		expect(searchKey(name)).toContain(searchKey('LINNA'));
	});

	it('leaves only lower-case letters, digits and single spaces', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme' }), (s) => {
				const key = searchKey(s);
				expect(key).toBe(key.toLowerCase());
				expect(key).not.toMatch(/\s{2,}/);
				expect(key).toBe(key.trim());
			})
		);
	});
});
