import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { helsinkiDate } from '../../../src/lib/domain/helsinki-time';
import { addDays } from '../../../src/lib/domain/workshops/late-cancellation';
import {
	FINNISH_KILOMETRE_RATES,
	kilometreCents,
	kilometreRateOn
} from '../../../src/lib/domain/workshops/kilometre-allowances';
import { formatMoney } from '../../../src/lib/i18n/format';
import { startApp, type AppServer } from '../support/app-server';
import { describeWithBrowser, firstPage, launchBrowser } from '../support/chromium';
import { HttpClient } from '../support/http';
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
import { describedBy, download, facts, minimalPdf } from './journey';

/**
 * Antti, an expert, claims his travel to a workshop in Vaala at actual cost: his own car by
 * kilometres and a train ticket with its receipt. What he types wrong (-5 km, 1e9 km, a receipt
 * that is not a PDF or image) is answered by the field and nothing is written. Kaisa, the
 * coordinator, returns the claim once and then approves it; it is locked and falls on Vaala.
 */

let app: AppServer;
let context: BrowserContext;
let page: Page;
let journeyUrl = '';
const TODAY = helsinkiDate(new Date());
/** 123,4 km at the rate of the day the test runs (the migration's rates) and a 45,90 € ticket. */
const CAR = kilometreCents(123.4, kilometreRateOn(FINNISH_KILOMETRE_RATES, TODAY)!.centsPerKm);
const euros = (cents: number) => squish(formatMoney('fi', cents));

describeWithBrowser('an expert’s travel costs', () => {
	beforeAll(async () => {
		app = await startApp();
		// a workshop of Vaala's, agreed with Antti, set up over HTTP as the workshop story does
		const vaala = new HttpClient(app.url);
		await vaala.signIn('yhteys-785@example.fi');
		const home = await (await vaala.get('/municipalities/785')).text();
		const membershipId = /\/municipalities\/785\/memberships\/([0-9a-f-]{36})/.exec(home)?.[1];
		const list = `/municipalities/785/memberships/${membershipId}/workshops`;
		await vaala.post(`${list}/new`, {
			need: 'Talouden tasapaino',
			goal: 'Ohjelma',
			format: 'on_site'
		});
		const workshopId = /\/municipalities\/785\/workshops\/([0-9a-f-]{36})/.exec(
			await (await vaala.get(list)).text()
		)?.[1];
		const coordinator = new HttpClient(app.url);
		await coordinator.signIn(COORDINATOR.email);
		const workshopPage = await (
			await coordinator.get(`/municipalities/785/workshops/${workshopId}`)
		).text();
		const expertId = /name="expertIds" value="([0-9a-f-]{36})"/.exec(workshopPage)?.[1];
		const day = addDays(TODAY, 20);
		const agreed = await coordinator.post(`/municipalities/785/workshops/${workshopId}?/schedule`, {
			format: 'on_site',
			startsAt: `${day}T09:00`,
			endsAt: `${day}T12:00`,
			place: 'Vaalan kunnantalo',
			expertIds: expertId!
		});
		expect(agreed.status).toBe(200);
		context = await launchBrowser();
		page = await firstPage(context);
	});
	afterAll(async () => {
		await context?.close();
		await app?.stop();
	});

	it('Antti starts a journey for his workshop in Vaala', async () => {
		await signIn(page, app.url, EXPERT);
		await page.goto(`${app.url}/workshops/journeys`);
		await expectHeading(page, 'Matkakulut');
		await checkAccessible(page, 'the expert’s travel costs');
		await page.getByLabel('Mistä', { exact: true }).fill('Helsinki');
		await page.getByLabel('Mihin', { exact: true }).fill('Vaala');
		await page
			.getByRole('group', { name: 'Työpajat, joihin matka liittyi' })
			.getByRole('checkbox')
			.first()
			.check();
		await submit(page.getByRole('button', { name: 'Tallenna matka', exact: true }));
		await expectHeading(page, 'Matka: Helsinki – Vaala');
		journeyUrl = page.url();
		expect((await facts(page.getByRole('main')))['Tila']).toBe('Luonnos');
		await checkAccessible(page, 'a new journey');
	});

	it('his mistakes are answered by the field, and nothing is written', async () => {
		const add = page.getByRole('button', { name: 'Lisää kulu', exact: true });
		await page.getByLabel('Päivä', { exact: true }).fill(TODAY);
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
		await page.getByLabel('Päivä', { exact: true }).fill(TODAY);
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
		await page.getByLabel('Päivä', { exact: true }).fill(TODAY);
		await page.getByLabel('Kilometrit', { exact: true }).fill('123,4');
		await page.getByLabel('Summa (sis. alv)', { exact: true }).fill('');
		await page.getByLabel('Arvonlisävero', { exact: true }).fill('');
		await submit(add);
		expect(await visibleText(page.getByRole('status'))).toContain('Kulu on lisätty.');

		await chooseOption(page.getByLabel('Laji', { exact: true }), 'Juna');
		await page.getByLabel('Päivä', { exact: true }).fill(TODAY);
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
		expect((await tableRows(queue))[0]?.slice(0, 3)).toEqual([
			expect.stringContaining('Helsinki – Vaala'),
			EXPERT.name,
			'Hyväksyttävänä'
		]);
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
		await context.clearCookies();
		await signIn(page, app.url, EXPERT);
		await page.goto(journeyUrl);
		expect(
			await visibleText(page.getByText('Koordinaattori palautti matkan korjattavaksi'))
		).toContain('Tarkista kilometrit.');
		await submit(page.getByRole('button', { name: 'Lähetä hyväksyttäväksi', exact: true }));

		await context.clearCookies();
		await signIn(page, app.url, COORDINATOR);
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

	it('left no stack trace in the server log', () => {
		expectCleanLog(app);
	});
});
