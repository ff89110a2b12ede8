import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startApp, type AppServer } from '../support/app-server';
import { describeWithBrowser, firstPage, launchBrowser } from '../support/chromium';
import {
	checkAccessible,
	COORDINATOR,
	expectCleanLog,
	expectHeading,
	signIn,
	signOut,
	squish,
	STORY_TIMEOUT,
	submit
} from './story';

vi.setConfig({ testTimeout: STORY_TIMEOUT });

/**
 * Kaisa, the coordinator, reads the header on a phone, a tablet and a desktop (WCAG 1.4.10
 * reflow): the language choice, her name, the sign-out button and all of the main navigation
 * are on the screen, whole and uncovered, without scrolling sideways and without JavaScript
 * (the pages ship none, so the header wraps rather than folding into a menu).
 */

const WIDTHS = [320, 768, 1280];
const HEIGHT = 800;

const HEADER = {
	fi: {
		home: 'Tervetuloa, Kaisa Koordinaattori',
		signedIn: 'Kirjautuneena: Kaisa Koordinaattori',
		signOut: 'Kirjaudu ulos',
		languages: 'Vaihda kieli',
		nav: 'Päävalikko',
		links: [
			'Etusivu',
			'Tapahtumat',
			'Verkostot',
			'Kaudet',
			'Laskutus',
			'Henkilöt',
			'Kuntarekisteri',
			'Muutosloki',
			'Lähtevät viestit',
			'Taustatyöt',
			'Omat tiedot'
		]
	},
	sv: {
		home: 'Välkommen, Kaisa Koordinaattori',
		signedIn: 'Inloggad: Kaisa Koordinaattori',
		signOut: 'Logga ut',
		languages: 'Byt språk',
		nav: 'Huvudmeny',
		links: [
			'Startsida',
			'Evenemang',
			'Nätverk',
			'Säsonger',
			'Fakturering',
			'Personer',
			'Kommunregister',
			'Ändringslogg',
			'Utgående meddelanden',
			'Bakgrundsjobb',
			'Mina uppgifter'
		]
	},
	en: {
		home: 'Welcome, Kaisa Koordinaattori',
		signedIn: 'Signed in: Kaisa Koordinaattori',
		signOut: 'Sign out',
		languages: 'Change language',
		nav: 'Main menu',
		links: [
			'Home',
			'Events',
			'Networks',
			'Seasons',
			'Billing',
			'People',
			'Municipality registry',
			'Audit log',
			'Outbox',
			'Background jobs',
			'My details'
		]
	}
} as const;
type Language = keyof typeof HEADER;
const LANGUAGE_NAMES = ['suomi', 'svenska', 'English'];

/** Where an element is drawn, and whether a person sees all of it. */
interface Placement {
	left: number;
	right: number;
	height: number;
	/** Whether the element (or what it holds) is what is drawn at its left edge, centre, right edge. */
	onTop: boolean[];
	/** Whether its content fits inside its box (nothing cut off by its own overflow). */
	fits: boolean;
}

async function placement(element: Locator): Promise<Placement> {
	await element.scrollIntoViewIfNeeded();
	return element.evaluate((node) => {
		const box = node.getBoundingClientRect();
		const y = box.top + box.height / 2;
		const onTop = [box.left + 2, box.left + box.width / 2, box.right - 2].map((x) => {
			const hit = document.elementFromPoint(x, y);
			return !!hit && (hit === node || node.contains(hit));
		});
		const fits =
			node.scrollWidth <= node.clientWidth + 1 && node.scrollHeight <= node.clientHeight + 1;
		return { left: box.left, right: box.right, height: box.height, onTop, fits };
	});
}

/**
 * Checks that `element` is visible, wholly within the viewport's width, uncovered and uncut;
 * a control also big enough to hit with a finger or a shaky hand (WCAG 2.2 2.5.8: 24 px).
 */
async function expectWhollyShown(
	page: Page,
	element: Locator,
	what: string,
	{ control = true } = {}
): Promise<void> {
	const width = page.viewportSize()!.width;
	expect.soft(await element.isVisible(), `${what} is visible at ${width} px`).toBe(true);
	const shown = await placement(element);
	const where = `${what} at ${width} px: ${JSON.stringify(shown)}`;
	expect.soft(shown.left, where).toBeGreaterThanOrEqual(0);
	expect.soft(shown.right, where).toBeLessThanOrEqual(width);
	expect.soft(shown.onTop, where).toEqual([true, true, true]);
	expect.soft(shown.fits, where).toBe(true);
	if (control) expect.soft(shown.height, where).toBeGreaterThanOrEqual(24);
}

/** The header at the page's current width, in `language`. */
async function expectHeaderReflows(page: Page, language: Language): Promise<void> {
	const text = HEADER[language];
	const width = page.viewportSize()!.width;
	const scroll = await page.evaluate(() => ({
		scrollWidth: document.documentElement.scrollWidth,
		clientWidth: document.documentElement.clientWidth
	}));
	expect
		.soft(scroll.scrollWidth, `no sideways scrolling at ${width} px (${language})`)
		.toBeLessThanOrEqual(scroll.clientWidth);
	expect.soft(scroll.clientWidth, 'no vertical scroll bar takes width').toBe(width);

	const header = page.getByRole('banner');
	const languages = header.getByRole('list', { name: text.languages }).getByRole('button');
	expect(await languages.allInnerTexts()).toEqual(LANGUAGE_NAMES);
	for (const name of LANGUAGE_NAMES) {
		await expectWhollyShown(
			page,
			languages.filter({ hasText: name }),
			`language button "${name}" (${language})`
		);
	}

	const signedIn = header.getByText(text.signedIn, { exact: true });
	await expectWhollyShown(page, signedIn, `"${text.signedIn}"`, { control: false });
	await expectWhollyShown(
		page,
		header.getByRole('button', { name: text.signOut, exact: true }),
		`sign-out button (${language})`
	);

	const links = header.getByRole('navigation', { name: text.nav }).getByRole('link');
	expect((await links.allInnerTexts()).map(squish)).toEqual(text.links);
	for (const name of text.links) {
		await expectWhollyShown(
			page,
			links.filter({ hasText: new RegExp(`^${name}$`) }),
			`navigation link "${name}" (${language})`
		);
	}
	await checkAccessible(page, `${new URL(page.url()).pathname} at ${width} px (${language})`);
}

/** The names of what Tab reaches, from the top of the page until the main content. */
async function tabOrder(page: Page, steps: number): Promise<string[]> {
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	const reached: string[] = [];
	for (let i = 0; i < steps; i++) {
		await page.keyboard.press('Tab');
		reached.push(
			await page.evaluate(() => {
				const focused = document.activeElement as HTMLElement | null;
				return (focused?.innerText || focused?.getAttribute('aria-label') || '').trim();
			})
		);
	}
	return reached.map(squish);
}

let app: AppServer;

beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.stop());

describeWithBrowser('the header on a narrow and a wide screen', () => {
	it('shows the language choice, name, sign-out and every link at 320, 768 and 1280 px', async () => {
		const context = await launchBrowser({ viewport: { width: WIDTHS[0]!, height: HEIGHT } });
		try {
			const page = await firstPage(context);
			await signIn(page, app.url, COORDINATOR);
			// what is measured is what a visitor without JavaScript gets: the page has no script
			expect(await page.locator('script').count()).toBe(0);

			for (const width of WIDTHS) {
				await page.setViewportSize({ width, height: HEIGHT });
				await page.goto(`${app.url}/`);
				await expectHeading(page, HEADER.fi.home);
				await expectHeaderReflows(page, 'fi');
			}

			// a page with a wide table: on a phone the table scrolls in its own box, the page not
			await page.setViewportSize({ width: 320, height: HEIGHT });
			await page.goto(`${app.url}/people`);
			await expectHeading(page, 'Verkoston henkilöt');
			await expectHeaderReflows(page, 'fi');

			// every control of the header can be reached with the keyboard on a phone, in order
			await page.goto(`${app.url}/`);
			const order = await tabOrder(page, 6 + HEADER.fi.links.length);
			expect(order).toEqual([
				'Siirry sisältöön',
				'Verkosto',
				...LANGUAGE_NAMES,
				HEADER.fi.signOut,
				...HEADER.fi.links
			]);

			// the longer Swedish and English words too, on a phone
			for (const [language, button] of [
				['sv', 'svenska'],
				['en', 'English']
			] as const) {
				await submit(page.getByRole('button', { name: button, exact: true }));
				await expectHeading(page, HEADER[language].home);
				await expectHeaderReflows(page, language);
			}

			await submit(page.getByRole('button', { name: 'suomi', exact: true }));
			await expectHeading(page, HEADER.fi.home);
			await signOut(page);
			expectCleanLog(app);
		} finally {
			await context.close();
		}
	});
});
