import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type AppServer } from '../support/app-server';
import { describeWithBrowser, firstPage, launchBrowser } from '../support/chromium';
import { HttpClient } from '../support/http';
import {
	checkAccessible,
	chooseOption,
	COORDINATOR,
	expectCleanLog,
	expectHeading,
	signIn,
	STEP_TIMEOUT,
	submit,
	tableRows,
	visibleText
} from '../stories/story';
import { describedBy, download, facts, signInAs, VAALA_CONTACT } from './journey';
import { withoutDemoBilling } from '../../factories/billing';

/**
 * On the demo without its billing (which has USO 7's years billed already), as a network's
 * first invoicing: Kaisa, the coordinator, enters the network's billing details (a business ID with a wrong
 * check digit is answered by its field), Vaala's contact person fills in Vaala's, and every
 * other member but Suomussalmi (777) has theirs. Kaisa previews the year 2024's
 * fees, sees Vaala's 9 000 € with 24 % VAT and Suomussalmi that cannot be invoiced yet, confirms,
 * and follows the run to its end; Vaala's contact person finds Vaala's invoice and downloads
 * its PDF.
 */

let app: AppServer;
let context: BrowserContext;
let page: Page;
const MEMBERS_WITH_DETAILS = ['205', '615', '140', '244', '743', '434', '599', '507', '588', '710'];

describeWithBrowser('the year’s invoicing', () => {
	beforeAll(async () => {
		app = await startApp({ prepare: withoutDemoBilling });
		const coordinator = new HttpClient(app.url);
		await coordinator.signIn(COORDINATOR.email);
		for (const code of MEMBERS_WITH_DETAILS) {
			const saved = await coordinator.post(`/municipalities/${code}/billing?/save`, {
				billingName: `Kunta ${code}`,
				businessId: '0112038-9',
				streetAddress: 'Kunnantie 1',
				postalCode: '00100',
				city: 'Kunta',
				delivery: 'e_invoice',
				eInvoiceAddress: '003701120389',
				eInvoiceOperator: '003723327487',
				language: 'fi'
			});
			expect(saved.status, code).toBe(200);
		}
		context = await launchBrowser();
		page = await firstPage(context);
	});
	afterAll(async () => {
		await context?.close();
		await app?.stop();
	});

	it('Kaisa enters the network’s billing details; a wrong check digit is answered by its field', async () => {
		await signIn(page, app.url, COORDINATOR);
		await page.goto(`${app.url}/billing`);
		await expectHeading(page, 'Laskutus');
		await checkAccessible(page, 'billing');
		await page.getByRole('link', { name: 'Verkoston laskutustiedot: USO' }).click();
		await expectHeading(page, 'Verkoston laskutustiedot: USO');
		await page.getByLabel('Y-tunnus', { exact: true }).fill('0112038-8');
		await page.getByLabel('Katuosoite', { exact: true }).fill('Toinen linja 14');
		await page.getByLabel('Postinumero', { exact: true }).fill('00530');
		await page.getByLabel('Postitoimipaikka', { exact: true }).fill('Helsinki');
		await page.getByLabel('Tilinumero (IBAN)', { exact: true }).fill('FI21 1234 5600 0007 85');
		await page.getByLabel('BIC', { exact: true }).fill('NDEAFIHH');
		await submit(page.getByRole('button', { name: 'Tallenna', exact: true }));
		expect(await describedBy(page.getByLabel('Y-tunnus', { exact: true }))).toContain(
			'Y-tunnuksen tarkistusnumero ei täsmää.'
		);
		expect(await page.getByLabel('Y-tunnus', { exact: true }).inputValue()).toBe('0112038-8');
		await checkAccessible(page, 'network billing details with an error');
		await page.getByLabel('Y-tunnus', { exact: true }).fill('0112038-9');
		await submit(page.getByRole('button', { name: 'Tallenna', exact: true }));
		expect(await visibleText(page.getByRole('status'))).toContain('Laskutustiedot on tallennettu.');
	});

	it('Vaala’s contact person fills in Vaala’s billing details', async () => {
		const vaala = await firstPage(await launchBrowser());
		await signInAs(vaala, app.url, VAALA_CONTACT);
		await vaala.goto(`${app.url}/municipalities/785`);
		await vaala.getByRole('link', { name: 'Kunnan laskutustiedot' }).click();
		await expectHeading(vaala, 'Kunnan laskutustiedot: Vaala');
		await vaala.getByLabel('Y-tunnus', { exact: true }).fill('0112038-9');
		await vaala.getByLabel('Katuosoite', { exact: true }).fill('Kunnantie 1');
		await vaala.getByLabel('Postinumero', { exact: true }).fill('91700');
		await vaala.getByLabel('Postitoimipaikka', { exact: true }).fill('Vaala');
		await vaala.getByLabel('Verkkolaskuosoite', { exact: true }).fill('003701120389');
		await vaala.getByLabel('Välittäjätunnus (operaattori)', { exact: true }).fill('003723327487');
		await vaala.getByLabel('Ostajan viite', { exact: true }).fill('VAALA-HALLINTO');
		await submit(vaala.getByRole('button', { name: 'Tallenna', exact: true }));
		expect(await visibleText(vaala.getByRole('status'))).toContain(
			'Laskutustiedot on tallennettu.'
		);
		await checkAccessible(vaala, 'Vaala’s billing details');
		await vaala.context().close();
	});

	it('Kaisa previews 2024’s fees: Vaala’s 9 000 € with 24 % VAT, Suomussalmi not yet', async () => {
		await page.goto(`${app.url}/billing/runs/new`);
		await expectHeading(page, 'Uusi laskutusajo');
		await chooseOption(page.getByLabel('Kausi', { exact: true }), 'USO 7');
		await page.getByLabel('Laskutusvuosi', { exact: true }).fill('2024');
		await page.getByLabel('Laskun päivämäärä', { exact: true }).fill('2024-01-15');
		await page.getByRole('checkbox', { name: /Hyväksytyt matkakulut/ }).uncheck();
		await page.getByRole('checkbox', { name: /Pidetyt lisätyöpajat/ }).uncheck();
		await submit(page.getByRole('button', { name: 'Näytä esikatselu', exact: true }));
		await expectHeading(page, 'Uusi laskutusajo');
		const rows = await tableRows(page.getByRole('table', { name: 'Esikatselu' }));
		const vaala = rows.find((r) => r[0] === 'Vaala');
		expect(vaala?.slice(2)).toEqual(['9 000,00 €', '2 160,00 €', '11 160,00 €']);
		const suomussalmi = rows.find((r) => r[0] === 'Suomussalmi');
		expect(suomussalmi?.[1]).toContain('Kunnan laskutustiedot puuttuvat.');
		await checkAccessible(page, 'invoice run preview');
	});

	it('she confirms, and follows the run to its end', async () => {
		await submit(page.getByRole('button', { name: 'Laadi laskut', exact: true }));
		await expectHeading(page, 'Laskutusajo: kausi 7, vuosi 2024');
		await checkAccessible(page, 'invoice run');
		const deadline = Date.now() + STEP_TIMEOUT;
		while ((await facts(page.getByRole('main')))['Tila'] !== 'Valmis') {
			expect(Date.now(), 'the run finishes').toBeLessThan(deadline);
			await page.getByRole('link', { name: 'Päivitä tilanne' }).click();
			await page.waitForLoadState('load');
		}
		expect(await visibleText(page.getByRole('status'))).toContain(
			'Käsitelty 12/12 jäsenkuntaa: 11 laskutettu, 1 ohitettu, 11 laskua.'
		);
		// Pertunmaa, merged into Mäntyharju since, is billed by its last population
		const skipped = await tableRows(page.getByRole('table', { name: 'Ohitetut jäsenkunnat' }));
		expect(skipped).toEqual([['Suomussalmi', 'Kunnan laskutustiedot puuttuvat.']]);
	});

	it('Vaala’s contact person finds Vaala’s invoice and downloads its PDF', async () => {
		const vaala = await firstPage(await launchBrowser());
		await signInAs(vaala, app.url, VAALA_CONTACT);
		await vaala.goto(`${app.url}/municipalities/785/invoices`);
		await expectHeading(vaala, 'Laskut: Vaala');
		await checkAccessible(vaala, 'Vaala’s invoices');
		const [first] = await tableRows(vaala.getByRole('table', { name: 'Laskut: Vaala' }));
		expect(first?.[1]).toBe('Osallistumismaksu');
		expect(first?.[5]).toBe('11 160,00 €');
		await vaala.getByRole('link', { name: first![0]! }).click();
		expect((await facts(vaala.getByRole('main')))['Ostajan viite']).toBe('VAALA-HALLINTO');
		await checkAccessible(vaala, 'Vaala’s invoice');
		const pdf = await download(vaala.getByRole('link', { name: 'Lataa PDF' }));
		expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
		expect(pdf.file.suggestedFilename()).toBe(`lasku-${first![0]}.pdf`);
		await vaala.context().close();
		expectCleanLog(app);
	});
});
