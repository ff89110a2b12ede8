import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HIDDEN_SECRET, hideSecretLinks } from './secret-links';

const base32 = fc.stringMatching(/^[a-z2-7]{16,40}$/);

describe('hideSecretLinks', () => {
	it('hides the secret of a sign-in link and of a reset link, keeps the rest', () => {
		const text =
			'Hei Helena,\nkirjaudu: https://verkosto.example.fi/signin/link/abcdefghijklmnopqrstuvwxyz234567\n' +
			'tai vaihda salasana: http://localhost:3000/signin/reset/mnopqrstuvwxyz234567abcdefghijkl\n' +
			'Terveisin, Verkosto';
		expect(hideSecretLinks(text)).toBe(
			'Hei Helena,\nkirjaudu: https://verkosto.example.fi/signin/link/' +
				HIDDEN_SECRET +
				'\ntai vaihda salasana: http://localhost:3000/signin/reset/' +
				HIDDEN_SECRET +
				'\nTerveisin, Verkosto'
		);
	});

	it('leaves other addresses alone', () => {
		const text = 'Katso https://verkosto.example.fi/signin ja /seasons/12 sekä /signin/link/lyhyt';
		expect(hideSecretLinks(text)).toBe(text);
	});

	it('never lets a secret through, whatever surrounds it', () => {
		fc.assert(
			fc.property(
				fc.string(),
				base32,
				fc.constantFrom('link', 'reset'),
				fc.string(),
				(before, secret, kind, after) => {
					const hidden = hideSecretLinks(`${before}/signin/${kind}/${secret}`);
					expect(hidden.endsWith(`/signin/${kind}/${HIDDEN_SECRET}`)).toBe(true);
					expect(hideSecretLinks(`/signin/${kind}/${secret} ${after}`)).not.toContain(secret);
				}
			)
		);
	});
});

describe('hideSecretPath', () => {
	it('hides the secret of a calendar feed and of a sign-in link in a logged path', async () => {
		const { hideSecretPath } = await import('./secret-links');
		expect(hideSecretPath('/calendar/abcdefghijklmnop')).toBe('/calendar/••••••••');
		expect(hideSecretPath('/signin/link/abcdefghijklmnop')).toBe('/signin/link/••••••••');
		expect(hideSecretPath('/events/1234')).toBe('/events/1234');
	});
});
