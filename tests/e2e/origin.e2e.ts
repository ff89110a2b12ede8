import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppServer } from './support/app-server';

/**
 * Where the app believes it is served, and what follows from it: which form posts it accepts
 * (SvelteKit refuses a form posted from another origin), whether the session cookie is Secure,
 * HSTS, and the Content-Security-Policy of pages, downloads and error pages.
 *
 * Three ways to run it: as a newcomer does (nothing set: the connection's own address),
 * with ORIGIN, and behind a reverse proxy that passes the protocol and host in headers.
 */

const PUBLIC = 'https://verkosto.example.fi';

/** A form post as a browser sends it, from the page at `origin`, with extra headers. */
function post(
	app: AppServer,
	path: string,
	body: Record<string, string>,
	headers: Record<string, string>
) {
	return fetch(`${app.url}${path}`, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html',
			...headers
		},
		body: new URLSearchParams(body),
		redirect: 'manual'
	});
}

const SIGN_IN = { email: 'koordinaattori@example.fi', password: 'verkosto-demo' };

function sessionCookie(response: Response): string | undefined {
	return response.headers.getSetCookie().find((c) => c.startsWith('verkosto_session='));
}

/** The directives of a Content-Security-Policy header, name → sources. */
function directives(header: string | null): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const part of (header ?? '').split(';')) {
		const [name, ...sources] = part.trim().split(/\s+/);
		if (name) out[name] = sources;
	}
	return out;
}

describe('started with nothing configured', () => {
	let app: AppServer;
	beforeAll(async () => {
		app = await startApp();
	});
	afterAll(() => app?.stop());

	it('accepts a form posted from its own address, with a cookie that is not Secure on http', async () => {
		const response = await post(app, '/signin?/password', SIGN_IN, { origin: app.url });
		expect(response.status).toBe(303);
		const cookie = sessionCookie(response);
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).not.toMatch(/;\s*Secure/i);
	});

	it('refuses a form posted from another site, or with no origin at all', async () => {
		for (const origin of ['http://evil.example.com', 'https://127.0.0.1:1', PUBLIC]) {
			const response = await post(app, '/signin?/password', SIGN_IN, { origin });
			expect(response.status, `sign-in posted from ${origin}`).toBe(403);
			expect(sessionCookie(response)).toBeUndefined();
			const language = await post(app, '/language', { locale: 'en', next: '/' }, { origin });
			expect(language.status, `language posted from ${origin}`).toBe(403);
		}
		const noOrigin = await post(app, '/signin?/password', SIGN_IN, {});
		expect(noOrigin.status).toBe(403);
	});

	it('overwrites a protocol a client claims in the header it uses for the connection’s own', async () => {
		const response = await post(app, '/signin?/password', SIGN_IN, {
			origin: app.url,
			'x-verkosto-connection-protocol': 'https',
			'x-forwarded-proto': 'https'
		});
		expect(response.status).toBe(303);
		expect(sessionCookie(response)).not.toMatch(/;\s*Secure/i);
	});

	it('sends a strict Content-Security-Policy with every page, and no HSTS on http', async () => {
		const response = await fetch(`${app.url}/signin`);
		expect(response.status).toBe(200);
		const csp = directives(response.headers.get('content-security-policy'));
		expect(csp['default-src']).toEqual(["'self'"]);
		expect(csp['script-src']).toEqual(["'self'"]);
		expect(csp['object-src']).toEqual(["'none'"]);
		expect(csp['frame-ancestors']).toEqual(["'none'"]);
		expect(csp['form-action']).toEqual(["'self'"]);
		expect(csp['base-uri']).toEqual(["'self'"]);
		expect(response.headers.get('strict-transport-security')).toBeNull();
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('x-frame-options')).toBe('DENY');
	});

	it('sends a policy with error pages and downloads too', async () => {
		const missing = await fetch(`${app.url}/no-such-page`, { headers: { accept: 'text/html' } });
		expect(missing.status).toBe(404);
		expect(directives(missing.headers.get('content-security-policy'))['frame-ancestors']).toEqual([
			"'none'"
		]);

		const signedIn = await post(app, '/signin?/password', SIGN_IN, { origin: app.url });
		const cookie = sessionCookie(signedIn)!.split(';')[0]!;
		const file = await fetch(`${app.url}/registry/export/csv`, { headers: { cookie } });
		expect(file.status).toBe(200);
		expect(file.headers.get('content-type')).toMatch(/^text\/csv/);
		const csp = directives(file.headers.get('content-security-policy'));
		expect(csp['default-src']).toEqual(["'none'"]);
		expect(csp['frame-ancestors']).toEqual(["'none'"]);

		const refused = await fetch(`${app.url}/registry/export/csv`, { redirect: 'manual' });
		expect(refused.status).toBe(303);
		expect(refused.headers.get('content-security-policy')).not.toBeNull();

		const health = await fetch(`${app.url}/healthz`);
		expect(directives(health.headers.get('content-security-policy'))['default-src']).toEqual([
			"'none'"
		]);
	});
});

describe('started with ORIGIN', () => {
	let app: AppServer;
	beforeAll(async () => {
		app = await startApp({ env: { ORIGIN: PUBLIC } });
	});
	afterAll(() => app?.stop());

	it('accepts forms only from ORIGIN, and then sets a Secure cookie and HSTS', async () => {
		const own = await post(app, '/signin?/password', SIGN_IN, { origin: app.url });
		expect(own.status, 'posted from the address it listens on').toBe(403);

		const response = await post(app, '/signin?/password', SIGN_IN, { origin: PUBLIC });
		expect(response.status).toBe(303);
		expect(sessionCookie(response)).toMatch(/;\s*Secure/i);

		const page = await fetch(`${app.url}/`);
		expect(page.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
	});
});

describe('behind a reverse proxy that passes the protocol and host', () => {
	let app: AppServer;
	beforeAll(async () => {
		app = await startApp({
			env: { PROTOCOL_HEADER: 'x-forwarded-proto', HOST_HEADER: 'x-forwarded-host' }
		});
	});
	afterAll(() => app?.stop());

	const proxied = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'verkosto.example.fi' };

	it('takes the public address from the headers: Secure cookie and HSTS on https', async () => {
		const response = await post(app, '/signin?/password', SIGN_IN, { origin: PUBLIC, ...proxied });
		expect(response.status).toBe(303);
		expect(sessionCookie(response)).toMatch(/;\s*Secure/i);
		const page = await fetch(`${app.url}/`, { headers: proxied });
		expect(page.headers.get('strict-transport-security')).toMatch(/^max-age=/);
	});

	it('still refuses a form from another site', async () => {
		const response = await post(app, '/signin?/password', SIGN_IN, {
			origin: 'https://evil.example.com',
			...proxied
		});
		expect(response.status).toBe(403);
	});
});
