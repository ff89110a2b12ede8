import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startApp, type AppServer } from '../support/app-server';
import { describeWithBrowser, firstPage, launchBrowser, withBrowser } from '../support/chromium';
import {
	checkAccessible,
	COORDINATOR,
	DEMO_PASSWORD,
	expectCleanLog,
	expectHeading,
	htmlLang,
	NoScriptAccessibility,
	passwordForm,
	signIn,
	squish,
	submitPassword,
	STORY_TIMEOUT,
	visibleText
} from './story';

vi.setConfig({ testTimeout: STORY_TIMEOUT });

/**
 * A newcomer finds Verkosto: the front page speaks their browser's language, the language
 * switch in the header works and is remembered, and everything works without JavaScript.
 */

const TITLE = {
	fi: 'Verkosto – kuntien kehittämisverkostot',
	sv: 'Verkosto – kommunernas utvecklingsnätverk',
	en: 'Verkosto – development networks of municipalities'
};
const USO = {
	fi: 'Uuden sukupolven organisaatiot (USO) -verkosto',
	sv: 'Nätverket Nya generationens organisationer (USO)',
	en: 'New Generation Organisations (USO) network'
};
const LANGUAGE_LIST = { fi: 'Vaihda kieli', sv: 'Byt språk', en: 'Change language' };

/** The language buttons of the header, and which one is marked as the current language. */
async function currentLanguage(page: Page, list: string): Promise<string[]> {
	const buttons = page.getByRole('list', { name: list }).getByRole('button');
	const current: string[] = [];
	for (const button of await buttons.all()) {
		if ((await button.getAttribute('aria-current')) === 'true') {
			current.push(squish(await button.innerText()));
		}
	}
	return current;
}

async function languageCookie(page: Page): Promise<string | undefined> {
	const cookies = await page.context().cookies();
	return cookies.find((c) => c.name === 'verkosto_lang')?.value;
}

let app: AppServer;

beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.stop());

describeWithBrowser('a newcomer', () => {
	it('with a Swedish browser reads the front page in Swedish, switches to Finnish and English, and is remembered', async () => {
		const context = await launchBrowser({ locale: 'sv-FI', acceptLanguage: 'sv-FI,sv;q=0.9' });
		try {
			const page = await firstPage(context);
			await page.goto(`${app.url}/`);
			await expectHeading(page, TITLE.sv);
			expect(await htmlLang(page)).toBe('sv');
			await expect(page.title()).resolves.toBe(TITLE.sv);
			await page.getByRole('heading', { name: USO.sv }).waitFor();
			expect(await currentLanguage(page, LANGUAGE_LIST.sv)).toEqual(['svenska']);
			expect(await languageCookie(page), 'nothing chosen yet').toBeUndefined();
			await checkAccessible(page, 'front page in Swedish (from Accept-Language)');

			await page.getByRole('button', { name: 'suomi', exact: true }).click();
			await expectHeading(page, TITLE.fi);
			expect(await htmlLang(page)).toBe('fi');
			expect(new URL(page.url()).pathname, 'stays on the front page').toBe('/');
			await page.getByRole('heading', { name: USO.fi }).waitFor();
			expect(await currentLanguage(page, LANGUAGE_LIST.fi)).toEqual(['suomi']);
			expect(await languageCookie(page)).toBe('fi');
			await checkAccessible(page, 'front page in Finnish');

			await page.getByRole('button', { name: 'English', exact: true }).click();
			await expectHeading(page, TITLE.en);
			expect(await htmlLang(page)).toBe('en');
			await page.getByRole('heading', { name: USO.en }).waitFor();
			expect(await currentLanguage(page, LANGUAGE_LIST.en)).toEqual(['English']);
			expect(await languageCookie(page)).toBe('en');
			await checkAccessible(page, 'front page in English');

			// on to sign in, from the "For member municipalities" panel
			const panel = page.getByRole('region', { name: 'For member municipalities' });
			await panel.getByRole('link', { name: 'Sign in', exact: true }).click();
			await expectHeading(page, 'Sign in');
			expect(new URL(page.url()).pathname).toBe('/signin');
			expect(await htmlLang(page)).toBe('en');
			const form = passwordForm(page, 'Sign in with a password');
			await form.getByLabel('E-mail address', { exact: true }).waitFor();
			await form.getByLabel('Password', { exact: true }).waitFor();
			await form.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
			await page
				.getByRole('region', { name: 'Sign in with an e-mail link' })
				.getByRole('button', { name: 'Send sign-in link', exact: true })
				.waitFor();
			await checkAccessible(page, 'sign-in page in English');

			// switching language on the sign-in page keeps the reader on the sign-in page
			await page.getByRole('button', { name: 'svenska', exact: true }).click();
			await expectHeading(page, 'Logga in');
			expect(new URL(page.url()).pathname).toBe('/signin');
			expect(await htmlLang(page)).toBe('sv');
			await passwordForm(page, 'Logga in med lösenord').getByLabel('Lösenord').waitFor();
			await checkAccessible(page, 'sign-in page in Swedish');
			await page.getByRole('button', { name: 'English', exact: true }).click();
			await expectHeading(page, 'Sign in');
			await checkAccessible(page, 'sign-in page in English again');

			// the next visit, in a new tab of the same browser, is in English although the
			// browser still asks for Swedish
			await page.close();
			const again = await context.newPage();
			await again.goto(`${app.url}/`);
			await expectHeading(again, TITLE.en);
			expect(await htmlLang(again)).toBe('en');
			expect(await currentLanguage(again, LANGUAGE_LIST.en)).toEqual(['English']);
			await checkAccessible(again, 'front page on the next visit');
		} finally {
			await context.close();
		}
	});

	it('in a browser with no preference of ours gets Finnish; another visitor’s choice is theirs alone', async () => {
		// German is not one of the app's languages: Finnish is the default
		await withBrowser(
			async (page) => {
				await page.goto(`${app.url}/`);
				await expectHeading(page, TITLE.fi);
				expect(await htmlLang(page)).toBe('fi');
				expect(await currentLanguage(page, LANGUAGE_LIST.fi)).toEqual(['suomi']);
				await visibleText(page.getByRole('link', { name: 'Kirjaudu sisään' }));
				await checkAccessible(page, 'front page for a German browser');
			},
			{ locale: 'de-DE', acceptLanguage: 'de-DE,de;q=0.9' }
		);
		// a request without Accept-Language at all
		const response = await fetch(`${app.url}/`, { headers: { accept: 'text/html' } });
		expect(response.status).toBe(200);
		expect(await response.text()).toMatch(/<html lang="fi">/);
	});

	it('can switch language and sign in with JavaScript turned off', async () => {
		const axe = await NoScriptAccessibility.start();
		try {
			await withBrowser(
				async (page) => {
					await page.goto(`${app.url}/`);
					await expectHeading(page, TITLE.fi);
					expect(await htmlLang(page)).toBe('fi');
					await axe.check(page, 'front page without JavaScript');

					await page.getByRole('button', { name: 'svenska', exact: true }).click();
					await expectHeading(page, TITLE.sv);
					expect(await htmlLang(page)).toBe('sv');
					expect(await currentLanguage(page, LANGUAGE_LIST.sv)).toEqual(['svenska']);
					await axe.check(page, 'front page in Swedish without JavaScript');

					await page
						.getByRole('region', { name: 'För medlemskommuner' })
						.getByRole('link', { name: 'Logga in', exact: true })
						.click();
					await expectHeading(page, 'Logga in');
					await axe.check(page, 'sign-in page without JavaScript');

					// an empty form is answered by the server, in Swedish, next to the fields
					const form = passwordForm(page, 'Logga in med lösenord');
					await form.getByRole('button', { name: 'Logga in', exact: true }).click();
					await form
						.getByRole('alert')
						.filter({ hasText: 'Formuläret innehåller fel. Rätta de markerade fälten.' })
						.waitFor();
					const email = form.getByLabel('E-postadress', { exact: true });
					expect(await email.getAttribute('aria-invalid')).toBe('true');
					const errorId = await email.getAttribute('aria-describedby');
					expect(squish(await page.locator(`[id="${errorId}"]`).innerText())).toBe(
						'Den här uppgiften behövs.'
					);
					await axe.check(page, 'sign-in form with errors without JavaScript');

					await form.getByLabel('E-postadress', { exact: true }).fill(COORDINATOR.email);
					await form.getByLabel('Lösenord', { exact: true }).fill(DEMO_PASSWORD);
					await form.getByRole('button', { name: 'Logga in', exact: true }).click();
					await expectHeading(page, `Välkommen, ${COORDINATOR.name}`);
					expect(await htmlLang(page)).toBe('sv');
					await visibleText(page.getByText(`Inloggad: ${COORDINATOR.name}`));
					await axe.check(page, 'front page signed in without JavaScript');

					await page.getByRole('button', { name: 'Logga ut', exact: true }).click();
					await page.getByRole('status').filter({ hasText: 'Du har loggat ut.' }).waitFor();
					await expectHeading(page, 'Logga in');
					await axe.check(page, 'signed out without JavaScript');
				},
				{ javaScriptEnabled: false }
			);
		} finally {
			await axe.close();
		}
	});

	it('finds the language they chose while signed in again on another browser', async () => {
		// ADR 004 and /language: "A signed-in user's choice is also saved on their account",
		// and the account's setting counts as an explicit choice, before Accept-Language
		await withBrowser(async (page) => {
			await signIn(page, app.url, COORDINATOR);
			await page.getByRole('button', { name: 'svenska', exact: true }).click();
			await expectHeading(page, `Välkommen, ${COORDINATOR.name}`);
			await checkAccessible(page, 'front page, signed in, in Swedish');
		});
		try {
			await withBrowser(async (page) => {
				await page.goto(`${app.url}/signin`);
				await expectHeading(page, 'Kirjaudu sisään');
				await submitPassword(page, COORDINATOR.email, DEMO_PASSWORD);
				expect(new URL(page.url()).pathname).toBe('/');
				const heading = await visibleText(page.getByRole('heading', { level: 1 }));
				expect(heading, 'the account says svenska; this browser asks for Finnish').toBe(
					`Välkommen, ${COORDINATOR.name}`
				);
				expect(await htmlLang(page)).toBe('sv');
				await checkAccessible(page, 'front page after signing in on another browser');
			});
		} finally {
			// put the account back to Finnish for anything that runs after this
			await withBrowser(async (page) => {
				await page.goto(`${app.url}/signin`);
				await submitPassword(page, COORDINATOR.email, DEMO_PASSWORD);
				await page.getByRole('button', { name: 'suomi', exact: true }).click();
				await expectHeading(page, `Tervetuloa, ${COORDINATOR.name}`);
			});
		}
	});

	it('left no stack trace in the server log', () => {
		expectCleanLog(app);
	});
});
