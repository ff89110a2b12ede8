import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { helsinkiDate } from '../../../src/lib/domain/helsinki-time';
import { addDays } from '../../../src/lib/domain/workshops/late-cancellation';
import { USO8_FOCUS_AREAS } from '../../../src/lib/server/demo/uso8';
import { startApp, type AppServer } from '../support/app-server';
import { describeWithBrowser, firstPage, launchBrowser } from '../support/chromium';
import {
	checkAccessible,
	chooseOption,
	COORDINATOR,
	EXPERT,
	expectCleanLog,
	expectHeading,
	signIn,
	signOut,
	squish,
	submit,
	tableRows,
	visibleText
} from '../stories/story';
import { describedBy, facts, signInAs, USO8, VAALA_CONTACT } from './journey';

/**
 * Helena, Vaala's contact person, proposes a development workshop against Vaala's own goal; the
 * form answers a missing field by the field and keeps what she typed. Kaisa, the coordinator,
 * finds the proposal in the season's overview and agrees it with Antti as the expert and Mikko
 * invited; Antti finds it among his assignments; Helena sees the ledger move and, the plans
 * having changed, cancels it in time, so that the place comes back. Every page checked with axe.
 */

let app: AppServer;
let context: BrowserContext;
let page: Page;
let workshopUrl = '';

/** A day a month ahead, well inside USO 8 (the demo places today at least six months from its ends). */
const DAY = addDays(helsinkiDate(new Date()), 30);
const NEED = 'Kuntastrategian tavoitteet eivät näy vielä toimialojen arjessa.';
const GOAL = 'Johtoryhmän yhteinen toimeenpanosuunnitelma strategian kolmelle kärjelle.';

describeWithBrowser('a municipality’s development workshop', () => {
	beforeAll(async () => {
		app = await startApp();
		context = await launchBrowser();
		page = await firstPage(context);
	});
	afterAll(async () => {
		await context?.close();
		await app?.stop();
	});

	it('Helena proposes a workshop; a missing goal is answered by the field, her text kept', async () => {
		await signInAs(page, app.url, VAALA_CONTACT);
		await page
			.getByRole('navigation', { name: 'Päävalikko' })
			.getByRole('link', { name: 'Oma kunta', exact: true })
			.click();
		await expectHeading(page, 'Vaala');
		const season = page.getByRole('listitem').filter({ hasText: USO8.fi });
		expect(squish(await season.innerText())).toContain('Kehittämistyöpajat: 5 jäljellä');
		await checkAccessible(page, 'Vaala with its workshop ledger');

		await season.getByRole('link', { name: 'Kehittämistyöpajat', exact: true }).click();
		await expectHeading(page, `Kehittämistyöpajat: Vaala, ${USO8.fi}`);
		expect((await facts(page.getByRole('main')))['Työpajaoikeus']).toBe(
			'5 työpajaa kaudessa: 5 jäljellä'
		);
		expect(await visibleText(page.getByText('Työpajoja ei ole vielä ehdotettu.'))).toBeTruthy();
		await checkAccessible(page, 'Vaala’s workshops, none yet');

		await page.getByRole('link', { name: 'Ehdota työpajaa', exact: true }).click();
		await expectHeading(page, 'Ehdota työpajaa: Vaala');
		await checkAccessible(page, 'the proposal form');
		await page.getByLabel('Tarve', { exact: true }).fill(NEED);
		await submit(page.getByRole('button', { name: 'Lähetä ehdotus', exact: true }));
		await expectHeading(page, 'Ehdota työpajaa: Vaala');
		const goal = page.getByLabel('Tavoite', { exact: true });
		expect(await goal.getAttribute('aria-invalid')).toBe('true');
		expect(await describedBy(goal)).toContain('Tämä tieto tarvitaan.');
		expect(await page.getByLabel('Tarve', { exact: true }).inputValue()).toBe(NEED);
		await checkAccessible(page, 'the proposal form with an error');

		await goal.fill(GOAL);
		await chooseOption(
			page.getByLabel('Kauden painopiste', { exact: true }),
			USO8_FOCUS_AREAS[2]!.textFi
		);
		await page
			.getByLabel('Yhteys kunnan strategiaan tai tilanneanalyysiin', { exact: true })
			.fill('Vaalan kuntastrategia 2030: elinvoima, hyvinvointi, luonto');
		await page.getByRole('checkbox', { name: /^Mikko Mäkelä/ }).check();
		await submit(page.getByRole('button', { name: 'Lähetä ehdotus', exact: true }));
		await expectHeading(page, `Kehittämistyöpajat: Vaala, ${USO8.fi}`);
		expect(
			await visibleText(page.getByRole('status').filter({ hasText: 'Ehdotus on lähetetty.' }))
		).toContain('Koordinaattori sopii ajan ja asiantuntijat.');
		expect((await facts(page.getByRole('main')))['Työpajaoikeus']).toBe(
			'5 työpajaa kaudessa: 1 ehdotettu, 4 jäljellä'
		);
		const rows = await tableRows(page.getByRole('table'));
		expect(rows).toEqual([['Aika sopimatta', NEED, USO8_FOCUS_AREAS[2]!.textFi, 'Ehdotettu']]);
		await checkAccessible(page, 'Vaala’s workshops with the proposal');
		await signOut(page);
	});

	it('Kaisa finds the proposal in the season’s overview and agrees it, with Antti and Mikko', async () => {
		await context.clearCookies();
		await signIn(page, app.url, COORDINATOR);
		await page
			.getByRole('navigation', { name: 'Päävalikko' })
			.getByRole('link', { name: 'Kaudet', exact: true })
			.click();
		await page.getByRole('link', { name: 'USO 8', exact: true }).click();
		await expectHeading(page, USO8.fi);
		const vaalaRow = page.getByRole('row').filter({ hasText: 'Vaala' });
		expect(squish(await vaalaRow.innerText())).toContain('1 ehdotettu, 4 jäljellä');
		await page.getByRole('link', { name: 'Kehittämistyöpajat', exact: true }).click();
		await expectHeading(page, 'Kehittämistyöpajat: USO 8');
		await checkAccessible(page, 'the season’s workshop overview');
		const proposals = page.getByRole('table', { name: 'Kehittämistyöpajat' });
		expect(await tableRows(proposals)).toEqual([['Vaala', 'Aika sopimatta', NEED, 'Ehdotettu']]);

		await proposals.getByRole('link', { name: 'Vaala', exact: true }).click();
		await expectHeading(page, 'Kehittämistyöpaja: Vaala');
		workshopUrl = page.url();
		const shown = await facts(page.getByRole('main'));
		expect(shown['Tila']).toBe('Ehdotettu');
		expect(shown['Tavoite']).toBe(GOAL);
		await checkAccessible(page, 'the workshop, proposed, as the coordinator');

		await page.getByLabel('Alkaa', { exact: true }).fill(`${DAY}T12:00`);
		await page.getByLabel('Päättyy', { exact: true }).fill(`${DAY}T09:00`);
		await submit(page.getByRole('button', { name: 'Sovi ja lähetä kutsut', exact: true }));
		const end = page.getByLabel('Päättyy', { exact: true });
		expect(await describedBy(end)).toContain('Päättymisen on oltava alkamisen jälkeen.');
		expect(await describedBy(page.getByLabel('Paikka', { exact: true }))).toContain('Anna paikka.');
		const experts = page.getByRole('group', { name: 'Asiantuntijat' });
		expect(squish(await experts.innerText())).toContain('Valitse vähintään yksi asiantuntija.');
		await checkAccessible(page, 'the agree form with errors');

		await page.getByLabel('Alkaa', { exact: true }).fill(`${DAY}T09:00`);
		await end.fill(`${DAY}T12:00`);
		await page.getByLabel('Paikka', { exact: true }).fill('Vaalan kunnantalo, valtuustosali');
		await experts.getByRole('checkbox', { name: /^Antti Asiantuntija/ }).check();
		expect(
			await page
				.getByRole('group', { name: 'Osallistujat kunnasta' })
				.getByRole('checkbox', { name: /^Mikko Mäkelä/ })
				.isChecked(),
			'the participant Helena proposed'
		).toBe(true);
		await submit(page.getByRole('button', { name: 'Sovi ja lähetä kutsut', exact: true }));
		await expectHeading(page, 'Kehittämistyöpaja: Vaala');
		expect(await visibleText(page.getByRole('status'))).toContain('Työpaja on sovittu.');
		const agreed = await facts(page.getByRole('main'));
		expect(agreed['Tila']).toBe('Sovittu');
		expect(agreed['Paikka']).toBe('Vaalan kunnantalo, valtuustosali');
		expect(agreed['Asiantuntijat']).toContain('Antti Asiantuntija');
		expect(agreed['Aika']).toContain('klo 9.00–12.00');
		await checkAccessible(page, 'the workshop, agreed, as the coordinator');

		// the invitations wait in the outbox for the mail job, each with its calendar entry
		await page.goto(`${app.url}/admin/outbox`);
		const outbox = squish(await page.getByRole('main').innerText());
		expect(outbox).toContain('Kutsu: USO-kehittämistyöpaja: Vaala');
		await signOut(page);
	});

	it('Antti finds it among his assignments, to be recorded once it has started', async () => {
		await context.clearCookies();
		await signIn(page, app.url, EXPERT);
		await page
			.getByRole('navigation', { name: 'Päävalikko' })
			.getByRole('link', { name: 'Työpajat', exact: true })
			.click();
		await expectHeading(page, 'Omat työpajat');
		const ahead = page.getByRole('table', { name: 'Tulevat ja kirjaamatta olevat' });
		const [row] = await tableRows(ahead);
		expect(row?.[1]).toContain('Vaala');
		expect(row?.[3]).toBe('Sovittu');
		await checkAccessible(page, 'the expert’s assignments');
		await ahead.getByRole('link').first().click();
		await expectHeading(page, 'Kehittämistyöpaja: Vaala');
		expect(
			await visibleText(page.getByText('Työpajan voi kirjata pidetyksi, kun se on alkanut.'))
		).toBeTruthy();
		expect(await page.getByRole('heading', { name: 'Peru työpaja' }).count()).toBe(0);
		await checkAccessible(page, 'the workshop, as its expert');
		await signOut(page);
	});

	it('Helena cancels it in time, with a reason, and the place comes back', async () => {
		await context.clearCookies();
		await signInAs(page, app.url, VAALA_CONTACT);
		await page.goto(workshopUrl);
		await expectHeading(page, 'Kehittämistyöpaja: Vaala');
		expect(
			await visibleText(page.getByText(/^Jos kunta perii työpajan/)),
			'from which day a cancellation is late'
		).toMatch(/tai myöhemmin, perutus on myöhäinen/);
		await submit(page.getByRole('button', { name: 'Peru työpaja', exact: true }));
		expect(await describedBy(page.getByLabel('Syy', { exact: true }))).toContain(
			'Tämä tieto tarvitaan.'
		);
		await checkAccessible(page, 'the cancel form with an error');
		await page.getByLabel('Syy', { exact: true }).fill('Valtuuston iltakoulu samana päivänä.');
		await submit(page.getByRole('button', { name: 'Peru työpaja', exact: true }));
		expect(await visibleText(page.getByRole('status'))).toContain('Työpaja on peruttu.');
		expect(
			await visibleText(page.getByText(/^Työpaja on peruttu\. Kunta perui ajoissa/))
		).toContain('Valtuuston iltakoulu samana päivänä.');
		await checkAccessible(page, 'the workshop, cancelled');
		await page.getByRole('link', { name: `Kehittämistyöpajat: Vaala, ${USO8.fi}` }).click();
		expect((await facts(page.getByRole('main')))['Työpajaoikeus']).toBe(
			'5 työpajaa kaudessa: 5 jäljellä'
		);
	});

	it('left no stack trace in the server log', () => {
		expectCleanLog(app);
	});
});
