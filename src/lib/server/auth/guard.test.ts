import { describe, expect, it } from 'vitest';
import { safeNext } from './guard';

describe('safeNext', () => {
	it.each([
		['/registry?q=vaala', '/registry?q=vaala'],
		['/', '/'],
		[null, '/'],
		['', '/'],
		['https://evil.example.com/', '/'],
		['//evil.example.com', '/'],
		['/\\evil.example.com', '/'],
		['javascript:alert(1)', '/'],
		['/a\r\nSet-Cookie: x=1', '/'],
		['/' + 'x'.repeat(3000), '/']
	])('%j goes to %j', (next, expected) => {
		expect(safeNext(next)).toBe(expected);
	});
});
