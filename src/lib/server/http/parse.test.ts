import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { email, text, wholeNumber } from '$lib/schemas/fields';
import { passwordSignInSchema } from '$lib/schemas/auth';
import { registryQueryDefaults, registryQueryShape } from '$lib/schemas/registry';
import { parseForm, parseQuery } from './parse';

const post = (fields: Record<string, string>) =>
	new Request('http://x/', { method: 'POST', body: new URLSearchParams(fields) });

describe('parseForm', () => {
	it('gives typed data for a good form', async () => {
		const result = await parseForm(
			post({ email: ' Maija@Example.FI ', password: 'x' }),
			passwordSignInSchema
		);
		expect(result).toEqual({ ok: true, data: { email: 'maija@example.fi', password: 'x' } });
	});

	it('names each bad field with a catalogue key and keeps what was typed, but never the password', async () => {
		const result = await parseForm(
			post({ email: 'not-an-address', password: '' }),
			passwordSignInSchema,
			{
				omitFromValues: ['password']
			}
		);
		expect(result).toMatchObject({
			ok: false,
			errors: { email: { key: 'error.email' }, password: { key: 'error.required' } },
			values: { email: 'not-an-address' }
		});
		expect(result.ok || result.values).not.toHaveProperty('password');
	});

	it('reports a too-long value with its limit', async () => {
		const schema = z.object({ name: text({ max: 5 }) });
		const result = await parseForm(post({ name: 'x'.repeat(6) }), schema);
		expect(result.ok || result.errors.name).toEqual({ key: 'error.tooLong', params: { max: 5 } });
	});

	it('refuses control characters and line breaks in one-line text', async () => {
		const schema = z.object({ name: text({ max: 50 }) });
		for (const bad of ['a\u0000b', 'a\u001bb', 'a\nb', 'a\u0085b']) {
			const result = await parseForm(post({ name: bad }), schema);
			expect(result.ok, JSON.stringify(bad)).toBe(false);
		}
	});

	it('treats a body that is not a form as an empty form', async () => {
		const request = new Request('http://x/', {
			method: 'POST',
			body: '{"email":1}',
			headers: { 'content-type': 'application/json' }
		});
		const result = await parseForm(request, z.object({ email: email() }));
		expect(result).toMatchObject({ ok: false, errors: { email: { key: 'error.required' } } });
	});
});

describe('parseQuery', () => {
	const parse = (qs: string) =>
		parseQuery(new URLSearchParams(qs), registryQueryShape, registryQueryDefaults);

	it('reads good values', () => {
		expect(
			parse('q=vaala&region=17&size=2&page=3&perPage=25&sort=population&dir=desc&abolished=1')
				.values
		).toEqual({
			...registryQueryDefaults,
			q: 'vaala',
			region: '17',
			size: 2,
			page: 3,
			perPage: 25,
			sort: 'population',
			dir: 'desc',
			abolished: true
		});
	});

	it.each(['-1', '0', '1e9', '2.5', '0x10', '99999999999', ' 2', 'NaN'])(
		'page=%s falls back to page 1 with a message',
		(page) => {
			const { values, errors } = parse(`page=${encodeURIComponent(page)}`);
			expect(values.page).toBe(1);
			expect(errors.page?.key).toBe('error.invalid');
		}
	);

	it('reports an unknown choice and keeps the default', () => {
		const { values, errors } = parse('sort=drop%20table&perPage=1000');
		expect(values.sort).toBe('name');
		expect(values.perPage).toBe(50);
		expect(errors.sort?.key).toBe('error.invalidChoice');
		expect(errors.perPage?.key).toBe('error.invalidChoice');
	});

	it('takes whole numbers only within bounds', () => {
		expect(wholeNumber(1, 10).safeParse('10').success).toBe(true);
		expect(wholeNumber(1, 10).safeParse('11').success).toBe(false);
	});
});
