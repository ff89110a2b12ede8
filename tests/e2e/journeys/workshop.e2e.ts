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
import { describedBy, facts, signInAs, switchTo, USO8, VAALA_CONTACT } from './journey';

/**
 * Helena, Vaala's contact person, wants a sixth development workshop: the demo's Vaala has its
 * five of the current season taken (two held, one to record, one coming, one proposed). The form
 * says so and offers it only as an extra; it answers a missing field by the field and keeps what
 * she typed, and refuses a sixth that is not asked for as an extra. Kaisa, the coordinator, finds
 * the extra in the season's overview and agrees it, with Antti as the expert and Mikko invited,
 * only once she has approved it as billable; Antti finds it among his assignments; Helena sees
 * the extra on the ledger and, the plans having changed, cancels it in time, so that the ledger
 * is as it was. Every page checked with axe.
 */

let app: AppServer;
let context: BrowserContext;
let page: Page;
let workshopUrl = '';

/** A day a month ahead, well inside USO 8 (the demo places today at least six months from its ends). */
const DAY = addDays(helsinkiDate(new Date()), 30);
const NEED = 'Kuntastrategian tavoitteet eivät näy vielä toimialojen arjessa.';
const GOAL = 'Johtoryhmän yhteinen toimeenpanosuunnitelma strategian kolmelle kärjelle.';
/** Vaala's five of USO 8 in the demo (src/lib/server/demo/demo-workshops.ts). */
const TAKEN = '2 pidetty, 1 pidetty, kirjaamatta, 1 sovittu, 1 ehdotettu, 0 jäljellä';

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

	it('Helena asks for a sixth: only as an extra; a missing goal is answered by the field, her text kept', async () => {
		await signInAs(page, app.url, VAALA_CONTACT);
		await page
			.getByRole('navigation', { name: 'Päävalikko' })
			.getByRole('link', { name: 'Oma kunta', exact: true })
			.click();
		await expectHeading(page, 'Vaala');
		const season = page.getByRole('listitem').filter({ hasText: USO8.fi });
		expect(squish(await season.innerText())).toContain(`Kehittämistyöpajat: ${TAKEN}`);
		await checkAccessible(page, 'Vaala with its workshop ledger');

		await season.getByRole('link', { name: 'Kehittämistyöpajat', exact: true }).click();
		await expectHeading(page, `Kehittämistyöpajat: Vaala, ${USO8.fi}`);
		expect((await facts(page.getByRole('main')))['Työpajaoikeus']).toBe(
			`5 työpajaa kaudessa: ${TAKEN}`
		);
		expect(await tableRows(page.getByRole('table'))).toHaveLength(5);
		await checkAccessible(page, 'Vaala’s workshops, five taken');

		await page.getByRole('link', { name: 'Ehdota työpajaa', exact: true }).click();
		await expectHeading(page, 'Ehdota työpajaa: Vaala');
		const asExtra = page.getByRole('checkbox', { name: 'Ehdota lisätyöpajana', exact: true });
		expect(await describedBy(asExtra)).toContain(
			'Kauden työpajat on käytetty. Lisätyöpaja pidetään vain koordinaattorin hyväksynnällä, ja se laskutetaan kunnalta.'
		);
		await checkAccessible(page, 'the proposal form, as an extra only');
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
		// not asked for as an extra: the sixth is refused, nothing is lost
		await submit(page.getByRole('button', { name: 'Lähetä ehdotus', exact: true }));
		expect(
			await visibleText(page.getByText(/^Kauden työpajat on käytetty\. Voit ehdottaa lisätyöpajaa/))
		).toBeTruthy();
		expect(await goal.inputValue()).toBe(GOAL);

		await asExtra.check();
		await submit(page.getByRole('button', { name: 'Lähetä ehdotus', exact: true }));
		await expectHeading(page, `Kehittämistyöpajat: Vaala, ${USO8.fi}`);
		expect(await visibleText(page.getByRole('status'))).toContain(
			'Lisätyöpajan ehdotus on lähetetty. Koordinaattori päättää, pidetäänkö se.'
		);
		expect((await facts(page.getByRole('main')))['Työpajaoikeus']).toBe(
			`5 työpajaa kaudessa: ${TAKEN}, lisäksi 1 lisätyöpajaa`
		);
		const row = (await tableRows(page.getByRole('table'))).find((r) => r.includes(NEED));
		expect(row).toEqual([
			'Aika sopimatta',
			NEED,
			USO8_FOCUS_AREAS[2]!.textFi,
			'Ehdotettu Lisätyöpaja'
		]);
		await checkAccessible(page, 'Vaala’s workshops with the extra proposed');
	});

	it('Kaisa finds the extra in the season’s overview and agrees it only with her approval', async () => {
		await context.clearCookies();
		await signIn(page, app.url, COORDINATOR);
		await page
			.getByRole('navigation', { name: 'Päävalikko' })
			.getByRole('link', { name: 'Kaudet', exact: true })
			.click();
		await page.getByRole('link', { name: 'USO 8', exact: true }).click();
		await expectHeading(page, USO8.fi);
		const vaalaRow = page.getByRole('row').filter({ hasText: 'Vaala' });
		expect(squish(await vaalaRow.innerText())).toContain(`${TAKEN}, lisäksi 1 lisätyöpajaa`);
		await page.getByRole('link', { name: 'Kehittämistyöpajat', exact: true }).click();
		await expectHeading(page, 'Kehittämistyöpajat: USO 8');
		await checkAccessible(page, 'the season’s workshop overview');
		// the members' ledgers: Vaala's five taken and one extra
		const ledgers = await tableRows(page.getByRole('table', { name: 'Jäsenkunnat' }));
		expect(ledgers.find((r) => r[0] === 'Vaala')).toEqual([
			'Vaala',
			'2',
			'1',
			'0',
			'1',
			'1',
			'0',
			'1'
		]);
		const proposals = page.getByRole('table', { name: 'Kehittämistyöpajat' });
		expect((await tableRows(proposals)).find((r) => r.includes(NEED))).toEqual([
			'Vaala',
			'Aika sopimatta',
			NEED,
			'Ehdotettu Lisätyöpaja'
		]);

		await proposals.getByRole('row').filter({ hasText: NEED }).getByRole('link').click();
		await expectHeading(page, 'Kehittämistyöpaja: Vaala');
		workshopUrl = page.url();
		const shown = await facts(page.getByRole('main'));
		expect(shown['Tila']).toBe('Ehdotettu');
		expect(shown['Tavoite']).toBe(GOAL);
		expect(
			await visibleText(page.getByText('Lisätyöpaja odottaa koordinaattorin hyväksyntää.'))
		).toBeTruthy();
		await checkAccessible(page, 'the extra workshop, proposed, as the coordinator');

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
		// an extra is agreed only with the coordinator's explicit approval
		await submit(page.getByRole('button', { name: 'Sovi ja lähetä kutsut', exact: true }));
		expect(
			await visibleText(page.getByText(/^Lisätyöpaja sovitaan vain, kun hyväksyt sen/))
		).toBeTruthy();
		expect((await facts(page.getByRole('main')))['Tila']).toBe('Ehdotettu');
		await page
			.getByRole('checkbox', { name: 'Hyväksyn lisätyöpajan, joka laskutetaan kunnalta' })
			.check();
		await submit(page.getByRole('button', { name: 'Sovi ja lähetä kutsut', exact: true }));
		await expectHeading(page, 'Kehittämistyöpaja: Vaala');
		expect(await visibleText(page.getByRole('status'))).toContain('Työpaja on sovittu.');
		const agreed = await facts(page.getByRole('main'));
		expect(agreed['Tila']).toBe('Sovittu');
		expect(agreed['Paikka']).toBe('Vaalan kunnantalo, valtuustosali');
		expect(agreed['Asiantuntijat']).toContain('Antti Asiantuntija');
		expect(agreed['Aika']).toContain('klo 9.00–12.00');
		expect(await visibleText(page.getByText(/Koordinaattori hyväksyi lisätyöpajan/))).toBeTruthy();
		await checkAccessible(page, 'the extra workshop, agreed, as the coordinator');

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
		const row = (await tableRows(ahead)).find((r) => r.includes(NEED));
		expect(row?.[1]).toContain('Vaala');
		expect(row?.[3]).toBe('Sovittu');
		await checkAccessible(page, 'the expert’s assignments');
		await ahead.getByRole('row').filter({ hasText: NEED }).getByRole('link').click();
		await expectHeading(page, 'Kehittämistyöpaja: Vaala');
		expect(
			await visibleText(page.getByText('Työpajan voi kirjata pidetyksi, kun se on alkanut.'))
		).toBeTruthy();
		expect(await page.getByRole('heading', { name: 'Peru työpaja' }).count()).toBe(0);
		await checkAccessible(page, 'the workshop, as its expert');
	});

	it('Helena cancels it in time, with a reason, and the ledger is as it was', async () => {
		await switchTo(context, app.url, VAALA_CONTACT);
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
			`5 työpajaa kaudessa: ${TAKEN}`
		);
	});

	it('left no stack trace in the server log', () => {
		expectCleanLog(app);
	});
});
