import type { BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectAccessible } from '../support/axe';
import { launchBrowser, takePolicyViolations } from '../support/chromium';

/**
 * What the user stories share: the demo people, and small steps written the way a person
 * works the page (labels, buttons, headings), never by CSS class.
 */

export const DEMO_PASSWORD = 'verkosto-demo';
export const COORDINATOR = { email: 'koordinaattori@example.fi', name: 'Kaisa Koordinaattori' };
export const EXPERT = { email: 'asiantuntija@example.fi', name: 'Antti Asiantuntija' };

/** Waits at most this long for a page to show what a step expects. */
export const STEP_TIMEOUT = 30_000;

/**
 * How long one story may take. A story visits many pages and runs axe on each (a few seconds
 * a page, much more on a busy two-core machine), so the config's 60 s is too short.
 */
export const STORY_TIMEOUT = 300_000;

/** Collapses every run of white space (no-break spaces of Finnish numbers included) to one space. */
export function squish(text: string | null | undefined): string {
	return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** The `lang` of the document, as a screen reader would use it. */
export function htmlLang(page: Page): Promise<string | null> {
	return page.locator('html').getAttribute('lang');
}

/**
 * Waits until the page's main heading reads `name`. After a click the old page is still
 * there for a moment (and with client-side routing the address can change before the page
 * renders), so steps wait for what the next page says rather than for the address.
 */
export async function expectHeading(page: Page, name: string): Promise<void> {
	const heading = page.getByRole('heading', { level: 1, name, exact: true });
	try {
		await heading.waitFor({ timeout: STEP_TIMEOUT });
	} catch {
		const shown = await page
			.getByRole('heading', { level: 1 })
			.allInnerTexts()
			.catch(() => []);
		throw new Error(
			`Expected the heading "${name}" on ${page.url()}, but the page shows ` +
				(shown.length ? shown.map((h) => `"${h}"`).join(', ') : 'no main heading')
		);
	}
}

/** Waits for a visible element and returns its text with white space collapsed. */
export async function visibleText(locator: Locator): Promise<string> {
	await locator.first().waitFor({ timeout: STEP_TIMEOUT });
	return squish(await locator.first().innerText());
}

/** The password form of the sign-in page (the page has two forms with an e-mail field). */
export function passwordForm(page: Page, name = 'Kirjaudu salasanalla'): Locator {
	return page.getByRole('region', { name });
}

/** The e-mailed link form of the sign-in page. */
export function linkForm(page: Page, name = 'Kirjaudu sähköpostilinkillä'): Locator {
	return page.getByRole('region', { name });
}

/**
 * Clicks a button that posts a form (the app's forms are plain HTML forms, so the browser
 * loads the answer as a new page) and waits for that page, so that the next step cannot read
 * what the previous page said.
 */
export async function submit(button: Locator): Promise<void> {
	const page = button.page();
	await Promise.all([page.waitForEvent('load', { timeout: STEP_TIMEOUT }), button.click()]);
}

/** Fills and sends the password form on the Finnish sign-in page the browser is on. */
export async function submitPassword(page: Page, email: string, password: string): Promise<void> {
	const form = passwordForm(page);
	await form.getByLabel('Sähköpostiosoite', { exact: true }).fill(email);
	await form.getByLabel('Salasana', { exact: true }).fill(password);
	await submit(form.getByRole('button', { name: 'Kirjaudu', exact: true }));
}

/**
 * Opens the Finnish sign-in page, signs in with a password and waits for the front page;
 * both pages are checked with axe on the way.
 */
export async function signIn(
	page: Page,
	origin: string,
	person: { email: string; name: string },
	password = DEMO_PASSWORD
): Promise<void> {
	await page.goto(`${origin}/signin`);
	await expectHeading(page, 'Kirjaudu sisään');
	await checkAccessible(page, 'sign-in page');
	await submitPassword(page, person.email, password);
	await expectHeading(page, `Tervetuloa, ${person.name}`);
	await checkAccessible(page, `front page, signed in as ${person.email}`);
}

/** Signs out with the header's button and waits for (and checks) the sign-in page's notice. */
export async function signOut(page: Page): Promise<void> {
	await submit(page.getByRole('button', { name: 'Kirjaudu ulos', exact: true }));
	await page.getByRole('status').filter({ hasText: 'Olet kirjautunut ulos.' }).waitFor({
		timeout: STEP_TIMEOUT
	});
	await checkAccessible(page, 'sign-in page after signing out');
}

/**
 * Picks the option of a select whose text is `text` (white space collapsed, so "1 000" matches
 * the no-break space Finnish numbers are written with), as a person picks by what they read.
 */
export async function chooseOption(select: Locator, text: string): Promise<void> {
	await select.waitFor({ timeout: STEP_TIMEOUT });
	const options = await select.locator('option').evaluateAll((nodes) =>
		nodes.map((node) => ({
			value: (node as HTMLOptionElement).value,
			text: node.textContent ?? ''
		}))
	);
	const match = options.find((o) => squish(o.text) === text);
	if (!match) {
		throw new Error(
			`No option "${text}"; the choices are ${options.map((o) => `"${squish(o.text)}"`).join(', ')}`
		);
	}
	await select.selectOption(match.value);
}

/** The text of the option a select shows as chosen. */
export async function chosenOption(select: Locator): Promise<string> {
	return squish(
		await select.evaluate((node) => {
			const s = node as HTMLSelectElement;
			return s.options[s.selectedIndex]?.textContent ?? '';
		})
	);
}

/** A table's body rows as arrays of cell texts (white space collapsed). */
export async function tableRows(table: Locator): Promise<string[][]> {
	await table.waitFor({ timeout: STEP_TIMEOUT });
	return table.locator(':scope > tbody > tr').evaluateAll((rows) =>
		rows.map((row) =>
			// innerText, not textContent: the cells of a table inside a cell are read apart
			Array.from(row.children).map((cell) =>
				((cell as HTMLElement).innerText ?? '').replace(/\s+/g, ' ').trim()
			)
		)
	);
}

/** The first number in a text such as "308 kuntaa" or "Kuntia: 1 234". */
export function countIn(text: string): number {
	const number = /\d[\d\s\u00a0\u202f]*/.exec(text)?.[0];
	if (!number) throw new Error(`No number in "${text}"`);
	return shownNumber(number.trim());
}

/** Parses a Finnish/Swedish number as shown ("684 018") to a number. */
export function shownNumber(text: string): number {
	const digits = text.replace(/[\s\u00a0\u202f]/g, '');
	if (!/^\d+$/.test(digits)) throw new Error(`"${text}" is not a whole number`);
	return Number(digits);
}

/** Fails the test when the app printed a stack trace (a crash the page may have hidden). */
export function expectCleanLog(app: { stackTraces(): string[]; stderr(): string }): void {
	expect(app.stackTraces(), app.stderr()).toEqual([]);
}

/**
 * `expectAccessible` (axe, WCAG 2.1 A/AA) on the page as it is now. A violation fails the test
 * but lets the story go on, so one run reports every page's violations and what else is wrong.
 */
export async function checkAccessible(page: Page, what: string): Promise<void> {
	const error = await expectAccessible(page, what).then(
		() => null,
		(e: unknown) => (e instanceof Error ? e : new Error(String(e)))
	);
	expect.soft(error?.message ?? null, `accessibility of ${what}`).toBeNull();
	expect
		.soft(takePolicyViolations(page), `Content-Security-Policy violations on ${what}`)
		.toEqual([]);
}

/**
 * axe cannot run in a page whose JavaScript is off (it runs inside the page). This checks what
 * such a visitor got: the page's HTML as it is now, scripts removed, served at its own address
 * (so the app's style sheets load) to a browser that may run axe.
 */
export class NoScriptAccessibility {
	private constructor(private readonly context: BrowserContext) {}

	static async start(): Promise<NoScriptAccessibility> {
		return new NoScriptAccessibility(await launchBrowser());
	}

	async check(page: Page, what: string): Promise<void> {
		const url = page.url();
		const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
		const checker = await this.context.newPage();
		try {
			await checker.route(
				(address) => address.href === url,
				(route) =>
					route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
			);
			await checker.goto(url);
			await checkAccessible(checker, `${what} (as served without JavaScript)`);
		} finally {
			await checker.close();
		}
	}

	close(): Promise<void> {
		return this.context.close();
	}
}
