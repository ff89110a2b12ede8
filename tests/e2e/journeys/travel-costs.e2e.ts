import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fromHelsinki } from '../../../src/lib/domain/helsinki-time';
import {
	FINNISH_KILOMETRE_RATES,
	kilometreCents,
	kilometreRateOn
} from '../../../src/lib/domain/workshops/kilometre-allowances';
import { formatDateTime, formatMoney } from '../../../src/lib/i18n/format';
import { demoWorkshopPlans } from '../../../src/lib/server/demo/demo-workshops';
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
	squish,
	submit,
	tableRows,
	visibleText
} from '../stories/story';
import {
	describedBy,
	download,
	facts,
	minimalPdf,
	signInAs,
	switchTo,
	VAALA_CONTACT
} from './journey';

/**
 * Antti, an expert, held a workshop in Vaala last week (the demo's, agreed and not yet recorded):
 * he records its outcomes, next steps, notes and who attended, and claims his travel to it at
 * actual cost: his own car by kilometres and a train ticket with its receipt. What he types wrong
 * (-5 km, 1e9 km, a receipt that is not a PDF or image) is answered by the field and nothing is
 * written. Kaisa, the coordinator, returns the claim once and then approves it; it is locked and
 * falls on Vaala. Helena, Vaala's contact person, reads what was recorded.
 */

let app: AppServer;
let context: BrowserContext;
let page: Page;
let workshopUrl = '';
let journeyUrl = '';
/** The demo's workshop in Vaala, a few days before the load day (demo-workshops.ts). */
const WORKSHOP = demoWorkshopPlans(new Date()).find((p) => p.key === '785-8-knowledge')!;
const HELD_ON = WORKSHOP.agreed!.day;
const HELD_AT = fromHelsinki(HELD_ON, WORKSHOP.agreed!.from);
const OUTCOMES =
	'Kymmenen mittaria johtoryhmän kuukausikatsaukseen; tietolähteet ja vastuut sovittu.';
const NEXT_STEPS = 'Talousjohtaja kokoaa ensimmäisen katsauksen seuraavaan johtoryhmään.';
const NOTES =
	'Mukana johtoryhmä. Väestö- ja talousluvut saadaan jo kuukausittain, hyvinvointitiedot vuosittain.';
/** 123,4 km at the rate of the workshop's day (the migration's rates) and a 45,90 € ticket. */
const CAR = kilometreCents(123.4, kilometreRateOn(FINNISH_KILOMETRE_RATES, HELD_ON)!.centsPerKm);
const euros = (cents: number) => squish(formatMoney('fi', cents));

describeWithBrowser('an expert’s record and travel costs', () => {
	beforeAll(async () => {
		app = await startApp();
		context = await launchBrowser();
		page = await firstPage(context);
	});
	afterAll(async () => {
		await context?.close();
		await app?.stop();
	});

	it('Antti records his workshop in Vaala: outcomes, next steps, notes and who came', async () => {
		await signIn(page, app.url, EXPERT);
		await page
			.getByRole('navigation', { name: 'Päävalikko' })
			.getByRole('link', { name: 'Työpajat', exact: true })
			.click();
		await expectHeading(page, 'Omat työpajat');
		const ahead = page.getByRole('table', { name: 'Tulevat ja kirjaamatta olevat' });
		const row = ahead.getByRole('row').filter({ hasText: WORKSHOP.need });
		expect(squish(await row.innerText())).toContain('Sovittu');
		await checkAccessible(page, 'the expert’s assignments');
		await row.getByRole('link').click();
		await expectHeading(page, 'Kehittämistyöpaja: Vaala');
		workshopUrl = page.url();
		await page.getByLabel('Tulokset', { exact: true }).fill(OUTCOMES);
		await page.getByLabel('Sovitut jatkotoimet', { exact: true }).fill(NEXT_STEPS);
		await page.getByLabel('Muistiinpanot', { exact: true }).fill(NOTES);
		const attendance = page.getByRole('group', { name: 'Osallistuminen' });
		await attendance.getByRole('checkbox', { name: 'Helena Hallila', exact: true }).check();
		await attendance.getByRole('checkbox', { name: 'Mikko Mäkelä', exact: true }).check();
		await checkAccessible(page, 'the record form');
		await submit(page.getByRole('button', { name: 'Kirjaa pidetyksi ja tallenna', exact: true }));
		expect(await visibleText(page.getByRole('status'))).toContain('Työpaja on kirjattu pidetyksi.');
		expect((await facts(page.getByRole('main')))['Tila']).toBe('Pidetty');
		await checkAccessible(page, 'the workshop, held and recorded');
	});

	it('he starts a journey for it', async () => {
		await page.goto(`${app.url}/workshops/journeys`);
		await expectHeading(page, 'Matkakulut');
		await checkAccessible(page, 'the expert’s travel costs');
		await page.getByLabel('Mistä', { exact: true }).fill('Helsinki');
		await page.getByLabel('Mihin', { exact: true }).fill('Vaala');
		await page
			.getByRole('group', { name: 'Työpajat, joihin matka liittyi' })
			.getByRole('checkbox', {
				name: `Vaala, ${formatDateTime('fi', HELD_AT.ok ? HELD_AT.instant : new Date(NaN))} (Pidetty)`,
				exact: true
			})
			.check();
		await submit(page.getByRole('button', { name: 'Tallenna matka', exact: true }));
		await expectHeading(page, 'Matka: Helsinki – Vaala');
		journeyUrl = page.url();
		expect((await facts(page.getByRole('main')))['Tila']).toBe('Luonnos');
		await checkAccessible(page, 'a new journey');
	});

	it('his mistakes are answered by the field, and nothing is written', async () => {
		const add = page.getByRole('button', { name: 'Lisää kulu', exact: true });
		await page.getByLabel('Päivä', { exact: true }).fill(HELD_ON);
		await page.getByLabel('Kilometrit', { exact: true }).fill('-5');
		await submit(add);
		expect(await describedBy(page.getByLabel('Kilometrit', { exact: true }))).toContain(
			'Anna positiivinen luku.'
		);
		expect(await page.getByLabel('Kilometrit', { exact: true }).inputValue()).toBe('-5');
		await checkAccessible(page, 'a cost line with an error');

		await page.getByLabel('Kilometrit', { exact: true }).fill('1e9');
		await submit(add);
		expect(await describedBy(page.getByLabel('Kilometrit', { exact: true }))).toContain(
			'Anna kilometrit numeroina'
		);

		await chooseOption(page.getByLabel('Laji', { exact: true }), 'Juna');
		await page.getByLabel('Päivä', { exact: true }).fill(HELD_ON);
		await page.getByLabel('Kilometrit', { exact: true }).fill('');
		await page.getByLabel('Summa (sis. alv)', { exact: true }).fill('45,90');
		await page.getByLabel('Arvonlisävero', { exact: true }).fill('4,17');
		await chooseOption(page.getByLabel('Alv-kanta', { exact: true }), '10 %');
		await page.getByLabel(/^Kuitti/).setInputFiles({
			name: 'kuitti.txt',
			mimeType: 'application/pdf',
			buffer: Buffer.from('not a receipt at all')
		});
		await submit(add);
		expect(await describedBy(page.getByLabel(/^Kuitti/))).toContain(
			'Kuitin on oltava PDF, JPEG tai PNG.'
		);
		expect(await visibleText(page.getByText('Kuluja ei ole vielä lisätty.'))).toBeTruthy();
	});

	it('he adds his own car and the train with its receipt, and submits', async () => {
		const add = page.getByRole('button', { name: 'Lisää kulu', exact: true });
		await chooseOption(page.getByLabel('Laji', { exact: true }), 'Oma auto');
		await page.getByLabel('Päivä', { exact: true }).fill(HELD_ON);
		await page.getByLabel('Kilometrit', { exact: true }).fill('123,4');
		await page.getByLabel('Summa (sis. alv)', { exact: true }).fill('');
		await page.getByLabel('Arvonlisävero', { exact: true }).fill('');
		await submit(add);
		expect(await visibleText(page.getByRole('status'))).toContain('Kulu on lisätty.');

		await chooseOption(page.getByLabel('Laji', { exact: true }), 'Juna');
		await page.getByLabel('Päivä', { exact: true }).fill(HELD_ON);
		await page.getByLabel('Summa (sis. alv)', { exact: true }).fill('45,90');
		await page.getByLabel('Arvonlisävero', { exact: true }).fill('4,17');
		await chooseOption(page.getByLabel('Alv-kanta', { exact: true }), '10 %');
		await page.getByLabel('Selite', { exact: true }).fill('Kajaani–Helsinki');
		// a receipt of a few megabytes, as a phone's scan is: more than the server's default limit
		await page.getByLabel(/^Kuitti/).setInputFiles({
			name: 'junalippu.pdf',
			mimeType: 'application/pdf',
			buffer: Buffer.concat([minimalPdf('Junalippu'), Buffer.alloc(3 * 1024 * 1024, 0x20)])
		});
		await submit(add);
		const rows = (await tableRows(page.getByRole('table', { name: 'Kulut' }))).map((r) =>
			r.map(squish)
		);
		expect(rows.map((r) => r.slice(1, 4))).toEqual([
			['Oma auto 123,4 km', '', euros(CAR)],
			['Juna', 'Kajaani–Helsinki', euros(4590)],
			[euros(CAR + 4590), euros(417), '']
		]);
		expect(rows[2]![0]).toBe('Yhteensä');
		const { body } = await download(page.getByRole('link', { name: 'junalippu.pdf' }));
		expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		await checkAccessible(page, 'a journey with two costs');

		await submit(page.getByRole('button', { name: 'Lähetä hyväksyttäväksi', exact: true }));
		expect(await visibleText(page.getByRole('status'))).toContain('lähetetty koordinaattorin');
		expect((await facts(page.getByRole('main')))['Tila']).toBe('Hyväksyttävänä');
		expect(await page.getByRole('button', { name: 'Lisää kulu' }).count()).toBe(0);
	});

	it('Kaisa returns it once, then approves it: locked, and on Vaala to the cent', async () => {
		await context.clearCookies();
		await signIn(page, app.url, COORDINATOR);
		await page.goto(`${app.url}/workshops/journeys`);
		const queue = page.getByRole('table', { name: 'Hyväksyttävät matkat' });
		// beside the demo's claims waiting for her
		const queued = (await tableRows(queue)).find((r) => r[0]!.includes('Helsinki – Vaala'));
		expect(queued?.slice(1, 3)).toEqual([EXPERT.name, 'Hyväksyttävänä']);
		await checkAccessible(page, 'the coordinator’s journeys to approve');
		await page.goto(journeyUrl);
		await submit(page.getByRole('button', { name: 'Palauta korjattavaksi', exact: true }));
		expect(await describedBy(page.getByLabel('Syy', { exact: true }))).toContain(
			'Tämä tieto tarvitaan.'
		);
		await page.getByLabel('Syy', { exact: true }).fill('Tarkista kilometrit.');
		await submit(page.getByRole('button', { name: 'Palauta korjattavaksi', exact: true }));
		expect((await facts(page.getByRole('main')))['Tila']).toBe('Palautettu korjattavaksi');

		// Antti looks again and submits it as it is
		await switchTo(context, app.url, EXPERT);
		await page.goto(journeyUrl);
		expect(
			await visibleText(page.getByText('Koordinaattori palautti matkan korjattavaksi'))
		).toContain('Tarkista kilometrit.');
		await submit(page.getByRole('button', { name: 'Lähetä hyväksyttäväksi', exact: true }));

		await switchTo(context, app.url, COORDINATOR);
		await page.goto(journeyUrl);
		await submit(page.getByRole('button', { name: 'Hyväksy matka', exact: true }));
		expect(await visibleText(page.getByRole('status'))).toContain('Matka on hyväksytty.');
		expect((await facts(page.getByRole('main')))['Tila']).toBe('Hyväksytty');
		const shares = await tableRows(page.getByRole('table', { name: 'Jako kunnille' }));
		expect(shares.map((r) => r.map(squish))).toEqual([
			['Vaala', '1', euros(CAR + 4590 - 417), euros(417), euros(CAR + 4590)]
		]);
		expect(await page.getByRole('button', { name: 'Hyväksy matka' }).count()).toBe(0);
		await checkAccessible(page, 'an approved journey');
	});

	it('Helena reads in Vaala what was recorded and who came, and the approved costs', async () => {
		await context.clearCookies();
		await signInAs(page, app.url, VAALA_CONTACT);
		await page.goto(workshopUrl);
		await expectHeading(page, 'Kehittämistyöpaja: Vaala');
		expect((await facts(page.getByRole('main')))['Tila']).toBe('Pidetty');
		for (const [heading, text] of [
			['Tulokset', OUTCOMES],
			['Sovitut jatkotoimet', NEXT_STEPS],
			['Muistiinpanot', NOTES]
		]) {
			const section = page.getByRole('heading', { name: heading, exact: true });
			expect(await visibleText(section), heading).toBe(heading);
			expect(await visibleText(page.getByText(text!, { exact: true })), heading).toBe(text);
		}
		const people = await tableRows(page.getByRole('table', { name: 'Osallistujat kunnasta' }));
		expect(people.map((r) => [r[0], r[2]]).sort()).toEqual([
			['Helena Hallila', 'osallistui'],
			['Kerttu Koskela', 'ei osallistunut'],
			['Mikko Mäkelä', 'osallistui']
		]);
		await checkAccessible(page, 'the recorded workshop, as Vaala’s contact person');

		// and finds Antti's approved journey among Vaala's travel costs, to the cent
		await page.goto(`${app.url}/municipalities/785/travel-costs`);
		await expectHeading(page, 'Hyväksytyt matkakulut: Vaala');
		const journeys = await page.getByRole('main').getByRole('region').allInnerTexts();
		expect(
			journeys.map(squish).filter((text) => text.includes(EXPERT.name)),
			'Vaala’s approved journeys by Antti'
		).toEqual(expect.arrayContaining([expect.stringContaining(euros(CAR + 4590))]));
		await checkAccessible(page, 'Vaala’s approved travel costs, as its contact person');
	});

	it('left no stack trace in the server log', () => {
		expectCleanLog(app);
	});
});
