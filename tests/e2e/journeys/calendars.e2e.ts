import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { parseIcs } from '../../support/parse-ics';
import { startApp, type AppServer } from '../support/app-server';
import { describeWithBrowser, withBrowser } from '../support/chromium';
import {
	checkAccessible,
	COORDINATOR,
	expectCleanLog,
	expectHeading,
	signIn,
	STEP_TIMEOUT,
	STORY_TIMEOUT,
	submit,
	visibleText
} from '../stories/story';

vi.setConfig({ testTimeout: STORY_TIMEOUT });

/**
 * Kaisa, the coordinator, puts Verkosto's events into her own calendar: from her account page
 * she finds the calendar page, makes the address of her own events and of USO's events, and a
 * calendar program (here a plain HTTP client, with no cookies) reads a valid calendar from
 * each. She renews her own address, which asks first; after that the old address answers 404
 * and the new one works.
 */

const TITLE = 'Tapahtumat omaan kalenteriin';
const USO = 'Verkoston tapahtumat: Uuden sukupolven organisaatiot (USO) -verkosto';

let app: AppServer;

beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.stop());

function feed(page: Page, name: string): Locator {
	return page.getByRole('region', { name, exact: true });
}

async function addressIn(region: Locator): Promise<string> {
	const field = region.getByLabel('Kalenterin osoite', { exact: true });
	await field.waitFor({ timeout: STEP_TIMEOUT });
	return field.inputValue();
}

/** What a calendar program gets: no cookies, no sign-in. */
async function fetchAsCalendarProgram(address: string) {
	const response = await fetch(address, { redirect: 'manual' });
	return { response, body: await response.text() };
}

describeWithBrowser('calendar feeds', () => {
	it('give a coordinator addresses a calendar program reads, and renew one so the old stops', async () => {
		await withBrowser(async (page) => {
			await signIn(page, app.url, COORDINATOR);
			await page.goto(`${app.url}/account`);
			await expectHeading(page, 'Omat tiedot');
			await page.getByRole('link', { name: TITLE, exact: true }).click();
			await expectHeading(page, TITLE);
			await checkAccessible(page, 'calendar page, no addresses yet');
			expect(await visibleText(page.getByRole('heading', { name: 'Näin tilaat kalenterin' }))).toBe(
				'Näin tilaat kalenterin'
			);

			// her own events
			const own = feed(page, 'Omat tapahtumat');
			expect(await visibleText(own)).toContain('Tälle kalenterille ei ole vielä osoitetta.');
			await submit(own.getByRole('button', { name: 'Luo osoite', exact: true }));
			await expectHeading(page, TITLE);
			expect(await visibleText(feed(page, 'Omat tapahtumat').getByRole('status'))).toBe(
				'Osoite on luotu. Kopioi se kalenteriohjelmaasi.'
			);
			await checkAccessible(page, 'calendar page with the personal address');
			const first = await addressIn(feed(page, 'Omat tapahtumat'));
			expect(first).toMatch(new RegExp(`^${app.url}/calendar/[a-z2-7]{32}$`));
			const webcal = await feed(page, 'Omat tapahtumat')
				.getByRole('link', { name: 'Avaa kalenteriohjelmassa (webcal)' })
				.getAttribute('href');
			expect(webcal).toBe(first.replace(/^http:/, 'webcal:'));

			const fetched = await fetchAsCalendarProgram(first);
			expect(fetched.response.status).toBe(200);
			expect(fetched.response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
			expect(fetched.response.headers.get('cache-control')).toMatch(/^private, max-age=\d+$/);
			expect(fetched.response.headers.get('set-cookie')).toBeNull();
			const calendar = parseIcs(fetched.body);
			expect(calendar.method).toBeNull();
			expect(calendar.name).toBe('Omat tapahtumat – Verkosto');
			expect(calendar.refreshInterval).toBe('PT1H');

			// coming back shows the same address, to copy to another device
			await page.reload();
			expect(await addressIn(feed(page, 'Omat tapahtumat'))).toBe(first);

			// the network's events
			const network = feed(page, USO);
			await submit(network.getByRole('button', { name: 'Luo osoite', exact: true }));
			const usoAddress = await addressIn(feed(page, USO));
			const usoFeed = await fetchAsCalendarProgram(usoAddress);
			expect(usoFeed.response.status).toBe(200);
			expect(parseIcs(usoFeed.body).name).toBe('USO – Verkosto');

			// renewing asks first, and cancelling changes nothing
			await submit(feed(page, 'Omat tapahtumat').getByRole('button', { name: 'Uusi osoite' }));
			await expectHeading(page, TITLE);
			const question = feed(page, 'Omat tapahtumat').getByRole('alert');
			expect(await visibleText(question)).toContain('Uusitaanko osoite?');
			await checkAccessible(page, 'calendar page asking whether to renew');
			await question.getByRole('link', { name: 'Älä uusi', exact: true }).click();
			await expectHeading(page, TITLE);
			expect(await addressIn(feed(page, 'Omat tapahtumat'))).toBe(first);
			expect((await fetchAsCalendarProgram(first)).response.status).toBe(200);

			await submit(feed(page, 'Omat tapahtumat').getByRole('button', { name: 'Uusi osoite' }));
			await submit(
				feed(page, 'Omat tapahtumat').getByRole('button', {
					name: 'Kyllä, uusi osoite',
					exact: true
				})
			);
			await expectHeading(page, TITLE);
			expect(await visibleText(feed(page, 'Omat tapahtumat').getByRole('status'))).toBe(
				'Osoite on uusittu. Vanha osoite ei enää toimi.'
			);
			await checkAccessible(page, 'calendar page after renewing');
			const second = await addressIn(feed(page, 'Omat tapahtumat'));
			expect(second).not.toBe(first);

			const old = await fetchAsCalendarProgram(first);
			expect(old.response.status).toBe(404);
			expect(old.body).not.toContain('BEGIN:VCALENDAR');
			const renewed = await fetchAsCalendarProgram(second);
			expect(renewed.response.status).toBe(200);
			expect(parseIcs(renewed.body).name).toBe('Omat tapahtumat – Verkosto');
			// the network's address is its own, and still works
			expect((await fetchAsCalendarProgram(usoAddress)).response.status).toBe(200);
		});
		expectCleanLog(app);
	});
});
