import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppServer } from './support/app-server';
import { expectAccessible, type AccessibilityOptions } from './support/axe';
import {
	describeWithBrowser,
	firstPage,
	launchBrowser,
	takePolicyViolations,
	withBrowser
} from './support/chromium';
import { startMailbox, type Mailbox } from './support/mailbox';
import { itOnce } from './support/split';

// The test infrastructure itself: the mailbox, Chromium with axe (neither touches a database,
// so CI's split run checks them once: itOnce), and the built app's lifecycle on each database
// (ready on /healthz, gone within a second of SIGTERM, a folder lock, bad configuration).

describe('mailbox', () => {
	itOnce('keeps what an SMTP client sends, Bcc and UTF-8 included', async () => {
		const mailbox = await startMailbox();
		try {
			const transport = nodemailer.createTransport(mailbox.url);
			await transport.sendMail({
				from: 'Verkosto <verkosto@example.fi>',
				to: 'Anna Asiantuntija <anna@example.fi>',
				bcc: 'piilo@example.fi',
				subject: 'Kokouskutsu: Hyvinvointialueiden verkosto',
				text: 'Tervetuloa kokoukseen! Äänestys alkaa klo 9.'
			});
			transport.close();
			const mail = await mailbox.waitForMail((m) => m.to.includes('anna@example.fi'), 5_000);
			expect(mail.subject).toBe('Kokouskutsu: Hyvinvointialueiden verkosto');
			expect(mail.text.trim()).toBe('Tervetuloa kokoukseen! Äänestys alkaa klo 9.');
			expect(mail.to).toEqual(['anna@example.fi', 'piilo@example.fi']);
			expect(mail.toHeader).toMatch(/Anna Asiantuntija.* <anna@example\.fi>/);
			expect(mail.from).toBe('verkosto@example.fi');
			expect(mailbox.mailTo('PIILO@example.fi')).toHaveLength(1);
			await expect(mailbox.waitForMail((m) => m.subject === 'never', 200)).rejects.toThrow(
				/No matching mail within 200 ms; received 1/
			);
		} finally {
			await mailbox.close();
		}
	});
});

describeWithBrowser('Chromium and axe', () => {
	let server: Server;
	let origin: string;
	const seenHeaders: IncomingHttpHeaders[] = [];

	beforeAll(async () => {
		server = createServer((request, response) => {
			seenHeaders.push(request.headers);
			response.setHeader('content-type', 'text/html; charset=utf-8');
			if (request.url === '/broken') {
				response.end(
					'<!doctype html><html><body><img src="/x.png"><button></button></body></html>'
				);
				return;
			}
			if (request.url === '/inline-style') {
				// A page whose policy allows only the site's own style sheets, with an inline one.
				response.setHeader('content-security-policy', "default-src 'self'; style-src 'self'");
				response.end(
					'<!doctype html><html lang="fi"><head><title>Etusivu</title>' +
						'<style>h1 { color: #003580 }</style></head><body>' +
						'<main><h1>Verkosto</h1></main></body></html>'
				);
				return;
			}
			if (request.url === '/strict/style.css') {
				// grey on white, 2.8:1 where AA asks 4.5:1 (the policy refuses inline styles)
				response.setHeader('content-type', 'text/css');
				response.end('#hint { color: #999999 }');
				return;
			}
			const strictPage = request.url?.replace(/\?.*/, '');
			if (strictPage === '/strict/unlabelled' || strictPage === '/strict/clean') {
				// The app's own policy (svelte.config.js): no inline script or style, no eval. axe
				// is put into the page through the DevTools protocol, which the policy does not govern.
				response.setHeader(
					'content-security-policy',
					"default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; " +
						"base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
				);
				const head = '<!doctype html><html lang="fi"><head><title>Haku</title>';
				response.end(
					strictPage === '/strict/clean'
						? `${head}</head><body><main><h1>Haku</h1>` +
								'<label for="q">Hae</label> <input id="q" name="q"></main></body></html>'
						: // a search field with no label, and a hint too faint to read
							`${head}<link rel="stylesheet" href="/strict/style.css"></head><body><main>` +
								'<h1>Haku</h1><input id="q" name="q">' +
								'<p id="hint">Kirjoita kunnan nimi.</p></main></body></html>'
				);
				return;
			}
			if (request.url === '/blue-on-blue') {
				// The header's sign-out button as it once was: the header's blue on that blue.
				// axe files text of its background's own colour under "incomplete", not violations.
				response.end(
					'<!doctype html><html lang="fi"><head><title>Etusivu</title></head><body>' +
						'<header style="background: rgb(0, 53, 128); color: #fff; padding: 1rem">' +
						'<a href="/" style="color: #fff">Verkosto</a> ' +
						'<button id="signout" style="background: none; border: 0; font: inherit; ' +
						'color: rgb(0, 53, 128)">Kirjaudu ulos</button></header>' +
						'<main><h1>Verkosto</h1><p>Kehittämisverkostot kunnille.</p></main></body></html>'
				);
				return;
			}
			response.end(
				'<!doctype html><html lang="fi"><head><title>Etusivu</title></head><body>' +
					'<main><h1>Verkosto</h1><p>Kehittämisverkostot kunnille.</p></main></body></html>'
			);
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const address = server.address();
		origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
	});

	afterAll(async () => {
		await new Promise((resolve) => server?.close(resolve));
	});

	itOnce(
		'opens a local page in Finnish, and axe passes a clean page and reports a broken one',
		async () => {
			await withBrowser(async (page) => {
				const response = await page.goto(`${origin}/`);
				expect(response?.status()).toBe(200);
				await expect(page.title()).resolves.toBe('Etusivu');
				await expect(page.evaluate(() => navigator.language)).resolves.toBe('fi-FI');
				expect(seenHeaders.at(-1)?.['accept-language']).toMatch(/^fi-FI\b/);
				await expectAccessible(page, 'clean page');

				await page.goto(`${origin}/broken`);
				const error = await expectAccessible(page, 'broken page').then(
					() => null,
					(e: Error) => e
				);
				expect(error?.message).toMatch(/accessibility violation\(s\) on broken page/);
				expect(error?.message).toMatch(/image-alt \[critical\]/);
				expect(error?.message).toMatch(/button-name \[critical\]/);
				expect(error?.message).toMatch(/html-has-lang/);
			});
		}
	);

	itOnce(
		'fails on text axe measured below AA but filed as incomplete (blue on blue, 1:1)',
		async () => {
			await withBrowser(async (page) => {
				await page.goto(`${origin}/blue-on-blue`);
				const error = await expectAccessible(page, 'blue on blue').then(
					() => null,
					(e: Error) => e
				);
				expect(error?.message).toMatch(/accessibility violation\(s\) on blue on blue/);
				expect(error?.message).toMatch(/color-contrast \(incomplete\) \[serious\]/);
				expect(error?.message).toMatch(
					/#signout: #003580 on #003580, 1:1 \(needs 4\.5:1; .*axe: equalRatio\)/
				);
				// the header's white link is fine and is not listed
				expect(error?.message).not.toMatch(/#ffffff on/);

				// the same check switched off by a caller that disables the rule (with a reason)
				await expectAccessible(page, 'blue on blue, contrast not checked', {
					disableRules: ['color-contrast']
				});

				await page.goto(`${origin}/`);
				await expectAccessible(page, 'clean page');
			});
		}
	);

	itOnce(
		'runs axe under the app’s strict policy, again on the same page and after navigating',
		async () => {
			await withBrowser(async (page) => {
				await page.goto(`${origin}/strict/unlabelled`);
				const check = () =>
					expectAccessible(page, 'unlabelled field').then(
						() => null,
						(e: Error) => e
					);
				const error = await check();
				expect(error?.message).toMatch(/^2 accessibility violation\(s\) on unlabelled field \(/);
				expect(error?.message).toMatch(/- label \[critical\]: Form elements must have labels/);
				expect(error?.message).toMatch(/\n {6}#q(\n|$)/);
				expect(error?.message).toMatch(/- color-contrast \[serious\]: Elements must meet minimum/);
				expect(error?.message).toMatch(/\n {6}#hint(\n|$)/);
				// help links name the rule and the axe version, as @axe-core/playwright's did
				expect(error?.message).toMatch(
					/https:\/\/dequeuniversity\.com\/rules\/axe\/4\.\d+\/label\?application=playwright/
				);
				// axe stays in the page: a second check answers the same
				expect((await check())?.message).toBe(error?.message);
				expect(takePolicyViolations(page), 'axe ran without the policy refusing anything').toEqual(
					[]
				);

				// a new page has no axe of its own: it is put in again
				await page.goto(`${origin}/strict/clean`);
				await expect(page.evaluate(() => 'axe' in window)).resolves.toBe(false);
				await expectAccessible(page, 'labelled field');
				await page.goto(`${origin}/strict/unlabelled`);
				expect((await check())?.message).toBe(error?.message);
				// and a check that leaves out the field and the hint passes
				await expectAccessible(page, 'unlabelled field left out', { exclude: ['#q', '#hint'] });
				expect(takePolicyViolations(page)).toEqual([]);
			});
		}
	);

	itOnce(
		'checks a page state once, and again when anything axe could see has changed',
		async () => {
			await withBrowser(async (page) => {
				const address = `${origin}/strict/clean?checked-once`;
				// whether axe looked at the page: a state found accessible before is not checked, and
				// axe is not even put into the page
				const checked = async (what: string, options?: AccessibilityOptions) => {
					await expectAccessible(page, what, options);
					return page.evaluate(() => 'axe' in window);
				};
				await page.goto(address);
				expect(await checked('a form')).toBe(true);
				await page.goto(address);
				expect(await checked('the same form again')).toBe(false);

				await page.getByLabel('Hae', { exact: true }).fill('Vaala');
				expect(await checked('a name typed in')).toBe(true);
				await page.goto(address);
				await page.getByLabel('Hae', { exact: true }).focus();
				expect(await checked('the field focused')).toBe(true);
				await page.goto(address);
				await page.setViewportSize({ width: 320, height: 640 });
				expect(await checked('on a phone')).toBe(true);
				await page.goto(address);
				expect(await checked('a rule left out', { disableRules: ['label'] })).toBe(true);

				await page.setViewportSize({ width: 1280, height: 900 });
				await page.goto(address);
				expect(await checked('the form as at first')).toBe(false);
				await page.getByText('Hae', { exact: true }).hover();
				expect(await checked('the mouse over the label')).toBe(true);
			});
		}
	);

	itOnce('reports what the Content-Security-Policy stopped on a page, once', async () => {
		await withBrowser(async (page) => {
			await page.goto(`${origin}/`);
			expect(takePolicyViolations(page)).toEqual([]);
			await page.goto(`${origin}/inline-style`);
			const refused: string[] = [];
			await expect
				.poll(() => {
					refused.push(...takePolicyViolations(page));
					return refused.length;
				})
				.toBeGreaterThan(0);
			expect(refused.join('\n')).toMatch(
				/inline style.*Content Security Policy.*style-src 'self'/s
			);
			expect(takePolicyViolations(page)).toEqual([]);
		});
	});

	itOnce('gives each story a fresh profile with its own language', async () => {
		const context = await launchBrowser({ locale: 'sv-FI', acceptLanguage: 'sv-FI,sv;q=0.9' });
		try {
			const page = await firstPage(context);
			await page.goto(`${origin}/`);
			expect(seenHeaders.at(-1)?.['accept-language']).toBe('sv-FI,sv;q=0.9');
			await expect(page.evaluate(() => navigator.language)).resolves.toBe('sv-FI');
			await expect(context.cookies()).resolves.toEqual([]);
		} finally {
			await context.close();
		}
	});
});

describeWithBrowser('the built app', () => {
	let mailbox: Mailbox;
	let app: AppServer | undefined;

	beforeAll(async () => {
		mailbox = await startMailbox();
		app = await startApp({ env: { SMTP_URL: mailbox.url } });
	});

	afterAll(async () => {
		await app?.stop();
		await mailbox?.close();
	});

	it('answers GET /healthz with JSON', async () => {
		await withBrowser(async (page) => {
			const response = await page.goto(`${app!.url}/healthz`);
			expect(response?.status()).toBe(200);
			expect(response?.headers()['content-type']).toMatch(/^application\/json/);
			expect(response?.headers()['cache-control']).toBe('no-store');
			await expect(response?.json()).resolves.toMatchObject({
				status: 'ok',
				database: process.env.DATABASE_URL ? 'postgres' : 'pglite'
			});
		});
	});

	it('exits cleanly within a second of SIGTERM', async () => {
		const stopped = await app!.stop();
		expect(stopped.killed).toBe(false);
		expect({ code: stopped.code, signal: stopped.signal }).toEqual({ code: 0, signal: null });
		expect(stopped.ms, `exited ${Math.round(stopped.ms)} ms after SIGTERM`).toBeLessThan(1_000);
		expect(app!.stderr()).toBe('');
		expect(app!.stackTraces()).toEqual([]);
	});
});

describe('starting the app wrongly', () => {
	it('refuses a second process on the same PGlite folder, with a clear message', async () => {
		if (process.env.DATABASE_URL) return expect(true).toBe(true); // PGlite only
		const first = await startApp({ env: { DATABASE_URL: '' } });
		try {
			const second = startApp({
				env: { DATABASE_URL: '' },
				dataDir: first.dataDir!,
				readyTimeoutMs: 20_000
			});
			await expect(second).rejects.toThrow(/in use by another Verkosto process \(pid \d+\)/);
			// the first one still serves
			expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
		} finally {
			await first.stop();
		}
	});

	it('names every bad configuration value and exits without a stack trace', async () => {
		const started = startApp({
			env: { DATABASE_URL: 'mysql://nobody@nowhere/x', SMTP_URL: 'not-a-url', DEMO: 'perhaps' },
			readyTimeoutMs: 20_000
		});
		const error = await started.then(
			() => null,
			(e: Error) => e
		);
		expect(error?.message).toMatch(
			/DATABASE_URL="mysql:\/\/nobody@nowhere\/x": must be a PostgreSQL URL/
		);
		expect(error?.message).toMatch(/SMTP_URL="not-a-url"/);
		expect(error?.message).toMatch(/DEMO="perhaps"/);
		expect(error?.message).not.toMatch(/\n\s+at \S+ \(/);
	});
});
