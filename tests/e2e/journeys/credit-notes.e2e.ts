import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type AppServer } from '../support/app-server';
import { withoutDemoBilling } from '../../factories/billing';
import { describeWithBrowser, firstPage, launchBrowser } from '../support/chromium';
import { HttpClient } from '../support/http';
import { pdfText } from '../../support/pdf-text';
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
import { describedBy, download, facts } from './journey';

/**
 * Kaisa, the coordinator, bills Vaala its 2024 fee (11 160 €), then credits 1 000 € of it
 * (a negative amount is answered by its field first): the credit note of −1 240 € names the
 * invoice, is in the invoice list, its PDF downloads and reads as a credit note, the list
 * pages newest first by cursor keeping its filter, and the billing reports show the credit beside
 * the year's invoicing.
 */

let app: AppServer;
let context: BrowserContext;
let page: Page;
let invoiceNumber: string;

describeWithBrowser('a credit note', () => {
	beforeAll(async () => {
		// from a network that has billed nothing yet (the demo has USO 7 billed and paid)
		app = await startApp({ prepare: withoutDemoBilling });
		const coordinator = new HttpClient(app.url);
		await coordinator.signIn(COORDINATOR.email);
		const saved = await coordinator.post('/municipalities/785/billing?/save', {
			billingName: 'Vaalan kunta',
			businessId: '0112038-9',
			streetAddress: 'Kunnantie 1',
			postalCode: '91700',
			city: 'Vaala',
			delivery: 'e_invoice',
			eInvoiceAddress: '003701120389',
			eInvoiceOperator: '003723327487',
			buyerReference: 'VAALA-HALLINTO',
			language: 'fi'
		});
		expect(saved.status).toBe(200);
		context = await launchBrowser();
		page = await firstPage(context);
	});
	afterAll(async () => {
		await context?.close();
		await app?.stop();
	});

	it('Kaisa bills Vaala its 2024 fee', async () => {
		await signIn(page, app.url, COORDINATOR);
		await page.goto(`${app.url}/billing`);
		await page.getByRole('link', { name: 'Verkoston laskutustiedot: USO' }).click();
		await page.getByLabel('Y-tunnus', { exact: true }).fill('0112038-9');
		await page.getByLabel('Katuosoite', { exact: true }).fill('Toinen linja 14');
		await page.getByLabel('Postinumero', { exact: true }).fill('00530');
		await page.getByLabel('Postitoimipaikka', { exact: true }).fill('Helsinki');
		await page.getByLabel('Tilinumero (IBAN)', { exact: true }).fill('FI21 1234 5600 0007 85');
		await page.getByLabel('BIC', { exact: true }).fill('NDEAFIHH');
		await submit(page.getByRole('button', { name: 'Tallenna', exact: true }));
		expect(await visibleText(page.getByRole('status'))).toContain('Laskutustiedot on tallennettu.');

		await page.goto(`${app.url}/billing/runs/new`);
		await chooseOption(page.getByLabel('Kausi', { exact: true }), 'USO 7');
		await page.getByLabel('Laskutusvuosi', { exact: true }).fill('2024');
		await page.getByLabel('Laskun päivämäärä', { exact: true }).fill('2024-01-15');
		await page.getByRole('checkbox', { name: /Hyväksytyt matkakulut/ }).uncheck();
		await page.getByRole('checkbox', { name: /Pidetyt lisätyöpajat/ }).uncheck();
		await submit(page.getByRole('button', { name: 'Näytä esikatselu', exact: true }));
		await submit(page.getByRole('button', { name: 'Laadi laskut', exact: true }));
		const deadline = Date.now() + STEP_TIMEOUT;
		while ((await facts(page.getByRole('main')))['Tila'] !== 'Valmis') {
			expect(Date.now(), 'the run finishes').toBeLessThan(deadline);
			await page.getByRole('link', { name: 'Päivitä tilanne' }).click();
			await page.waitForLoadState('load');
		}
		await page.goto(`${app.url}/billing/invoices`);
		const rows = await tableRows(page.getByRole('table', { name: 'Laskut' }));
		const vaala = rows.find((r) => r.includes('Vaala'));
		expect(vaala).toBeDefined();
		invoiceNumber = vaala![0]!;
	});

	it('she credits 1 000 € of it; a negative amount is answered by its field', async () => {
		await page.getByRole('link', { name: invoiceNumber, exact: true }).click();
		await page.getByRole('link', { name: 'Hyvitä lasku' }).click();
		await expectHeading(page, `Hyvitä lasku ${invoiceNumber}`);
		await checkAccessible(page, 'credit form');
		const amount = page.getByLabel('tai hyvitettävä summa ilman ALV:tä, rivi 1', { exact: true });
		await amount.fill('-1000');
		await page.getByLabel('Hyvityksen syy', { exact: true }).fill('Jäsenmaksun alennus 2024.');
		await submit(page.getByRole('button', { name: 'Laadi hyvityslasku', exact: true }));
		expect(await describedBy(amount)).toContain('Summa ei voi olla negatiivinen.');
		expect(await page.getByLabel('Hyvityksen syy', { exact: true }).inputValue()).toBe(
			'Jäsenmaksun alennus 2024.'
		);
		await checkAccessible(page, 'credit form with an error');
		await amount.fill('1 000,00');
		await submit(page.getByRole('button', { name: 'Laadi hyvityslasku', exact: true }));
		const heading = page.getByRole('heading', {
			level: 1,
			name: /^Hyvityslasku \d{4}-\d{6}: Vaalan kunta$/
		});
		await heading.waitFor({ timeout: STEP_TIMEOUT });
		const shown = await facts(page.getByRole('main'));
		expect(shown['Hyvittää laskun']).toBe(invoiceNumber);
		expect(shown['Hyvityksen syy']).toBe('Jäsenmaksun alennus 2024.');
		// the totals: 1 000 € and 24 % VAT taken off
		expect(await visibleText(page.getByRole('main'))).toContain('−1 240,00 €');
		await checkAccessible(page, 'credit note');
	});

	it('the credit note is in the invoice list, and its PDF downloads as a credit note', async () => {
		const noteHeading = await page.getByRole('heading', { level: 1 }).innerText();
		const noteNumber = /(\d{4}-\d{6})/.exec(noteHeading)![1]!;
		const pdf = await download(page.getByRole('link', { name: 'Lataa PDF' }));
		expect(pdf.file.suggestedFilename()).toBe(`hyvityslasku-${noteNumber}.pdf`);
		const text = await pdfText(pdf.body);
		expect(text).toContain('Hyvityslasku');
		expect(text).toContain(invoiceNumber);
		await page.goto(`${app.url}/billing/invoices`);
		const rows = await tableRows(page.getByRole('table', { name: 'Laskut' }));
		const note = rows.find((r) => r[0] === noteNumber);
		expect(note).toContain('Hyvityslasku');
	});

	it('the list shows the newest first and pages by an invoice, keeping its filter', async () => {
		const table = page.getByRole('table', { name: 'Laskut' });
		await page.goto(`${app.url}/billing/invoices?year=2024`);
		await checkAccessible(page, 'invoice list');
		const numbers = (await tableRows(table)).map((r) => r[0]!);
		// the credit note was numbered last: it leads 2024's list
		expect(numbers[0]).toBe([...numbers].sort((a, b) => b.localeCompare(a))[0]);
		// the page after the newest, as the pager's "next page" addresses it
		const href = await page
			.getByRole('link', { name: numbers[0]!, exact: true })
			.getAttribute('href');
		const id = href!.split('/').pop()!;
		await page.goto(`${app.url}/billing/invoices?year=2024&before=${id}`);
		expect((await tableRows(table)).map((r) => r[0])).toEqual(numbers.slice(1));
		await checkAccessible(page, 'an older page of the invoice list');
		await page.getByRole('link', { name: 'Edellinen sivu' }).click();
		await page.waitForLoadState('load');
		// back: what is newer than that page, the filter kept
		expect(new URL(page.url()).searchParams.get('year')).toBe('2024');
		expect((await tableRows(table)).map((r) => r[0])).toEqual(numbers.slice(0, 1));
		await expect(page.getByRole('link', { name: 'Edellinen sivu' }).count()).resolves.toBe(0);
	});

	it('the reports show the credit beside the year’s invoicing', async () => {
		await page.goto(`${app.url}/billing/reports`);
		await expectHeading(page, 'Laskutuksen raportit');
		await checkAccessible(page, 'billing reports');
		const [season] = await tableRows(
			page.getByRole('table', { name: 'Laskutettu ja maksettu kausittain' })
		);
		expect(season?.slice(0, 2)).toEqual(['Kausi 7', '2024']);
		expect(season?.[4]).toBe('1 240,00 €');
		expectCleanLog(app);
	});
});
