import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startApp, type AppServer } from '../support/app-server';
import { describeWithBrowser, withBrowser } from '../support/chromium';
import { startMailbox, type Mailbox } from '../support/mailbox';
import {
	checkAccessible,
	chooseOption,
	chosenOption,
	COORDINATOR,
	expectCleanLog,
	expectHeading,
	EXPERT,
	linkForm,
	signIn,
	STEP_TIMEOUT,
	submit,
	tableRows,
	STORY_TIMEOUT,
	visibleText
} from './story';

vi.setConfig({ testTimeout: STORY_TIMEOUT });

/**
 * Kaisa checks who did what: her own sign-in, the registry load and the seasons the system
 * made, older entries page by page; she reads the mail the platform sent. An expert may see
 * neither.
 */

/** Cells of a row of the audit table. */
const COL = { at: 0, actor: 1, action: 2, entity: 3, changes: 4 };

let app: AppServer;
let mailbox: Mailbox;

beforeAll(async () => {
	mailbox = await startMailbox();
	app = await startApp({ env: { SMTP_URL: mailbox.url } });
});
afterAll(async () => {
	await app?.stop();
	await mailbox?.close();
});

/** Today in Helsinki at some time, as the tables write it: "29.11.2026 klo 21.17". */
function todayAtSomeTime(): RegExp {
	const day = new Intl.DateTimeFormat('fi-FI', {
		timeZone: 'Europe/Helsinki',
		day: 'numeric',
		month: 'numeric',
		year: 'numeric'
	}).format(new Date());
	return new RegExp(`^${day.replace(/\./g, '\\.')} klo \\d{1,2}\\.\\d{2}$`);
}

async function openAuditLog(page: Page): Promise<void> {
	await page
		.getByRole('navigation', { name: 'Päävalikko' })
		.getByRole('link', { name: 'Muutosloki', exact: true })
		.click();
	await expectHeading(page, 'Muutosloki');
}

const auditFilters = (page: Page) => page.getByRole('search', { name: 'Muutosloki' });

async function applyAuditFilters(page: Page): Promise<void> {
	const before = page.url();
	await auditFilters(page).getByRole('button', { name: 'Suodata', exact: true }).click();
	await page.waitForURL((url) => url.href !== before, { timeout: STEP_TIMEOUT });
}

function entries(page: Page): Promise<string[][]> {
	return tableRows(page.getByRole('table', { name: 'Muutosloki', exact: true }));
}

describeWithBrowser('the audit log and the outbox', () => {
	it('shows the coordinator her own sign-in first, and filters by action and by who did it', async () => {
		// the expert signs in too, so that the log has more than one person's sign-ins
		await withBrowser((page) => signIn(page, app.url, EXPERT));
		await withBrowser(async (page) => {
			await signIn(page, app.url, COORDINATOR);
			await openAuditLog(page);
			expect(new URL(page.url()).pathname).toBe('/admin/audit');
			const [newest] = await entries(page);
			expect(newest![COL.actor]).toBe(COORDINATOR.email);
			expect(newest![COL.action]).toBe('auth.sign_in');
			expect(newest![COL.at]).toMatch(todayAtSomeTime());
			expect(newest![COL.entity]).toMatch(/^user [0-9a-f-]{36}$/);
			expect(newest![COL.changes]).toMatch(/method – password/);
			await checkAccessible(page, 'audit log');

			const form = auditFilters(page);
			await chooseOption(form.getByLabel('Toimenpide', { exact: true }), 'auth.sign_in');
			await applyAuditFilters(page);
			const signIns = await entries(page);
			expect(signIns.map((r) => r[COL.action])).toEqual(signIns.map(() => 'auth.sign_in'));
			expect(new Set(signIns.map((r) => r[COL.actor]))).toEqual(
				new Set([COORDINATOR.email, EXPERT.email])
			);
			expect(signIns[0]![COL.actor], 'newest first').toBe(COORDINATOR.email);
			expect(await chosenOption(form.getByLabel('Toimenpide', { exact: true }))).toBe(
				'auth.sign_in'
			);
			await checkAccessible(page, 'audit log, sign-ins');

			// typed as it comes to mind, capitals and all
			await form.getByLabel('Tekijä', { exact: true }).fill('Koordinaattori@Example.fi');
			await applyAuditFilters(page);
			const hers = await entries(page);
			expect(hers.length).toBeGreaterThan(0);
			expect(hers.map((r) => r[COL.actor])).toEqual(hers.map(() => COORDINATOR.email));
			expect(hers.map((r) => r[COL.action])).toEqual(hers.map(() => 'auth.sign_in'));
			await checkAccessible(page, 'audit log, her sign-ins');

			// nothing has happened tomorrow yet
			const tomorrow = new Date(Date.now() + 36 * 3600_000).toISOString().slice(0, 10);
			await form.getByLabel('Alkaen', { exact: true }).fill(tomorrow);
			await applyAuditFilters(page);
			await visibleText(page.getByText('Ei merkintöjä näillä ehdoilla.'));
			await checkAccessible(page, 'audit log, nothing found');
		});
	});

	it('shows the registry load by the system, and pages back to older entries', async () => {
		await withBrowser(async (page) => {
			await signIn(page, app.url, COORDINATOR);
			await openAuditLog(page);
			await checkAccessible(page, 'audit log');
			await chooseOption(
				auditFilters(page).getByLabel('Toimenpide', { exact: true }),
				'municipality.create'
			);
			await applyAuditFilters(page);

			const pager = page.getByRole('navigation', { name: 'Sivut' });
			/** The page's rows, each the system's creation of a whole municipality. */
			const registryLoadPage = async (label: string) => {
				const rows = await entries(page);
				expect(rows, 'a full page').toHaveLength(50);
				for (const row of rows) {
					expect(row[COL.actor], row.join(' | ')).toBe('järjestelmä');
					expect(row[COL.action]).toBe('municipality.create');
					expect(row[COL.entity]).toMatch(/^municipality \d{3}$/);
					// a whole municipality: its 22 fields folded under their count
					expect(row[COL.changes]).toBe('22 kenttää muuttui');
				}
				await checkAccessible(page, `audit log, registry load, ${label}`);
				return rows;
			};
			// the newest page has nothing newer; every page to the end is walked by the list's
			// own test (list-audit-entries.test.ts), the story goes one page back and returns
			const newest = await registryLoadPage('newest');
			expect(await pager.getByRole('link', { name: 'Edellinen sivu', exact: true }).count()).toBe(
				0
			);
			let before = page.url();
			await pager.getByRole('link', { name: 'Seuraava sivu', exact: true }).click();
			await page.waitForURL((url) => url.href !== before);
			await pager.getByRole('link', { name: 'Edellinen sivu', exact: true }).waitFor();
			const older = await registryLoadPage('older');
			const codes = [...newest, ...older].map((r) => r[COL.entity]);
			expect(new Set(codes).size, 'no entry twice').toBe(100);

			// an entry opens in place (a <details>: the page needs no script for it) to show it all
			const first = older[0]!;
			const entry = page
				.getByRole('table', { name: 'Muutosloki', exact: true })
				.getByRole('group')
				.first();
			await entry.getByText('22 kenttää muuttui', { exact: true }).click();
			const fields = await tableRows(entry.getByRole('table'));
			expect(fields).toHaveLength(22);
			expect(fields[0]).toEqual(['code', '–', first[COL.entity]!.replace('municipality ', '')]);
			expect(fields.map((f) => f[0])).toContain('nameFi');
			await checkAccessible(page, 'audit log, registry load, an entry opened');

			// and back to newer entries
			before = page.url();
			await pager.getByRole('link', { name: 'Edellinen sivu', exact: true }).click();
			await page.waitForURL((url) => url.href !== before);
			await expect.poll(() => entries(page)).toEqual(newest);
			await checkAccessible(page, 'audit log, registry load, back to newer entries');
		});
	});

	it('finds the system’s entries by the name the log shows for it', async () => {
		await withBrowser(async (page) => {
			await signIn(page, app.url, COORDINATOR);
			await openAuditLog(page);
			await checkAccessible(page, 'audit log');
			// the newest entries are people's (the demo's sign-ups): the system made the seasons
			await chooseOption(
				auditFilters(page).getByLabel('Toimenpide', { exact: true }),
				'season.create'
			);
			await applyAuditFilters(page);
			const shown = await entries(page);
			expect(shown.map((r) => r[COL.actor])).toEqual(['järjestelmä', 'järjestelmä']);

			// a fresh form: the name alone finds the system's entries
			await openAuditLog(page);
			await auditFilters(page).getByLabel('Tekijä', { exact: true }).fill('järjestelmä');
			await applyAuditFilters(page);
			await checkAccessible(page, 'audit log, actor "järjestelmä"');
			expect(
				await page.getByText('Ei merkintöjä näillä ehdoilla.').count(),
				'the entries shown as by "järjestelmä" are found by "järjestelmä"'
			).toBe(0);
			const found = await entries(page);
			expect(found.map((r) => r[COL.actor])).toEqual(found.map(() => 'järjestelmä'));
		});
	});

	it('shows the mail the platform sent in the outbox', async () => {
		mailbox.clear();
		// the expert asks for a sign-in link
		await withBrowser(async (page) => {
			await page.goto(`${app.url}/signin`);
			await expectHeading(page, 'Kirjaudu sisään');
			await checkAccessible(page, 'sign-in page');
			const form = linkForm(page);
			await form.getByLabel('Sähköpostiosoite', { exact: true }).fill(EXPERT.email);
			await submit(form.getByRole('button', { name: 'Lähetä kirjautumislinkki', exact: true }));
			await form.getByRole('status').waitFor();
			await checkAccessible(page, 'sign-in page after asking for a link');
		});
		const mail = await mailbox.waitForMail((m) => m.to.includes(EXPERT.email));
		expect(mail.subject).toBe('Kirjautumislinkki Verkostoon');

		await withBrowser(async (page) => {
			await signIn(page, app.url, COORDINATOR);
			await page
				.getByRole('navigation', { name: 'Päävalikko' })
				.getByRole('link', { name: 'Lähtevät viestit', exact: true })
				.click();
			await page.waitForURL(`${app.url}/admin/outbox`);
			// the page's own data is called `messages`, as is the language catalogue: the
			// heading (and every other text of the page) must still be in Finnish
			expect
				.soft(await visibleText(page.getByRole('heading', { level: 1 })), 'outbox heading')
				.toBe('Lähtevät viestit');
			expect
				.soft(await visibleText(page.getByRole('contentinfo')), 'the footer')
				.toContain('Verkosto – kuntien kehittämisverkostojen alusta');
			const rows = await tableRows(page.getByRole('main').getByRole('table'));
			expect(rows[0]!.slice(1, 3)).toEqual([EXPERT.email, 'Kirjautumislinkki Verkostoon']);
			expect.soft(rows[0]![3], 'status').toBe('lähetetty');
			expect(rows[0]![0]).toMatch(todayAtSomeTime());
			await checkAccessible(page, 'outbox');

			await page.getByRole('link', { name: 'Kirjautumislinkki Verkostoon' }).first().click();
			await expectHeading(page, 'Kirjautumislinkki Verkostoon');
			const body = await visibleText(page.getByRole('main').getByText(/^Hei /));
			expect(body).toContain(`Hei ${EXPERT.name},`);
			// the recipient got the secret by mail; the outbox copy does not show it
			const secret = /\/signin\/link\/([a-z2-7]+)/.exec(mail.text)?.[1];
			expect(secret, 'the mailed link carries a secret').toBeTruthy();
			expect(body).toContain(`${app.url}/signin/link/••••••••`);
			expect(body).not.toContain(secret!);
			await visibleText(page.getByText('lähetetty', { exact: true }));
			await checkAccessible(page, 'a message in the outbox');

			await page.getByRole('link', { name: 'Takaisin lähteviin viesteihin' }).click();
			await page.waitForURL(`${app.url}/admin/outbox`);
			await page.getByRole('main').getByRole('table').waitFor();
			await checkAccessible(page, 'outbox, back from the message');
		});
	});

	it('is not for an expert', async () => {
		await withBrowser(async (page) => {
			await signIn(page, app.url, EXPERT);
			const menu = page.getByRole('navigation', { name: 'Päävalikko' });
			expect(await menu.getByRole('link', { name: 'Muutosloki' }).count()).toBe(0);

			const audit = await page.goto(`${app.url}/admin/audit`);
			expect(audit?.status()).toBe(403);
			await expectHeading(page, 'Ei käyttöoikeutta');
			await visibleText(page.getByText('Sinulla ei ole oikeutta tähän sivuun.'));
			await checkAccessible(page, 'audit log refused to an expert');

			const outbox = await page.goto(`${app.url}/admin/outbox`);
			expect(outbox?.status()).toBe(403);
			await expectHeading(page, 'Ei käyttöoikeutta');
			await checkAccessible(page, 'outbox refused to an expert');
		});
	});

	it('left no stack trace in the server log', () => {
		expectCleanLog(app);
	});
});
