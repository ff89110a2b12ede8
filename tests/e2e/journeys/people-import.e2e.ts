import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type AppServer } from '../support/app-server';
import { describeWithBrowser, firstPage, launchBrowser } from '../support/chromium';
import {
	checkAccessible,
	expectCleanLog,
	expectHeading,
	shownNumber,
	submit,
	tableRows,
	visibleText
} from '../stories/story';
import { describedBy, signInAs, VAALA_CONTACT } from './journey';

/**
 * Helena, Vaala's contact person, brings the municipality's people in from a spreadsheet: a
 * CSV with a mistyped address is shown row by row with the error next to the row and saves
 * nothing; the corrected file saves every row; an Excel file adds some and updates one; a CSV
 * saved in Latin-1 is refused with advice on how to save it.
 */

const PREVIEW_HAS_ERRORS =
	'Korjaa virheelliset rivit tiedostoon ja esikatsele uudelleen. Mitään ei ole tallennettu.';
const ENCODING = 'Tiedoston merkistö ei ole UTF-8. Tallenna se Excelissä muodossa ”CSV UTF-8”.';

/** Line 1 is the header; line 3 has an address without a domain. */
const BAD_CSV = [
	'nimi;sähköposti;tehtävänimike;asemat;kieli',
	'Aino Ahonen;aino.ahonen@example.fi;talousjohtaja;johtoryhmän jäsen;suomi',
	'Eero Eskelinen;eero.eskelinen@;kunnanhallituksen jäsen;kunnanhallituksen jäsen;suomi',
	'Siiri Saarela;siiri.saarela@example.fi;valtuuston varapuheenjohtaja;valtuuston varapuheenjohtaja;suomi',
	''
].join('\r\n');
const GOOD_CSV = BAD_CSV.replace('eero.eskelinen@;', 'eero.eskelinen@example.fi;');
const FROM_CSV = ['Aino Ahonen', 'Eero Eskelinen', 'Siiri Saarela'];

let app: AppServer;
let context: BrowserContext;
let page: Page;
let peopleUrl = '';

function csvFile(name: string, text: string, encoding: BufferEncoding = 'utf8') {
	return { name, mimeType: 'text/csv', buffer: Buffer.from(text, encoding) };
}

async function xlsxFile(name: string, rows: string[][]) {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('Henkilöt');
	// a title above the header, as people write them
	sheet.addRow(['Vaalan kunnan luottamushenkilöt ja viranhaltijat']);
	sheet.addRow([]);
	for (const row of rows) sheet.addRow(row);
	const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
	return {
		name,
		mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		buffer
	};
}

/** The people page's count ("6 henkilöä") as a number. */
async function peopleCount(): Promise<number> {
	await page.goto(peopleUrl);
	await expectHeading(page, 'Henkilöt: Vaala');
	const status = await visibleText(page.getByRole('main').getByRole('status'));
	return shownNumber(/^([\d\s]+) henkilö/.exec(status)![1]!);
}

async function peopleNames(): Promise<string[]> {
	const rows = await tableRows(page.getByRole('table', { name: 'Henkilöt', exact: true }));
	return rows.map((r) => r[0]!);
}

async function openImport(): Promise<void> {
	await page.goto(peopleUrl);
	await page.getByRole('link', { name: 'Tuo henkilöitä tiedostosta', exact: true }).click();
	await expectHeading(page, 'Tuo henkilöitä tiedostosta');
}

async function preview(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
	await page.getByLabel('Tiedosto (CSV tai XLSX)', { exact: true }).setInputFiles(file);
	await submit(page.getByRole('button', { name: 'Esikatsele', exact: true }));
	await expectHeading(page, 'Tuo henkilöitä tiedostosta');
}

const previewRows = () => tableRows(page.getByRole('table', { name: 'Esikatselu', exact: true }));
const previewSummary = () =>
	visibleText(page.getByRole('status').filter({ hasText: 'virheellisiä rivejä' }));
const importButton = () => page.getByRole('button', { name: /^Tuo \d+ henkilöä$/ });

describeWithBrowser('Vaala’s contact person imports people', () => {
	beforeAll(async () => {
		app = await startApp();
		context = await launchBrowser();
		page = await firstPage(context);
	});
	afterAll(async () => {
		await context?.close();
		await app?.stop();
	});

	it('signs in and finds her municipality’s people', async () => {
		await signInAs(page, app.url, VAALA_CONTACT);
		await page
			.getByRole('navigation', { name: 'Päävalikko' })
			.getByRole('link', { name: 'Oma kunta', exact: true })
			.click();
		await expectHeading(page, 'Vaala');
		await page.getByRole('main').getByRole('link', { name: 'Henkilöt', exact: true }).click();
		await expectHeading(page, 'Henkilöt: Vaala');
		peopleUrl = page.url();
		await checkAccessible(page, 'Vaala’s people');
	});

	it('sees the row with a bad address marked, no import button, and nothing saved', async () => {
		const before = await peopleCount();
		expect(before).toBe(6);
		await openImport();
		await checkAccessible(page, 'import page');

		await preview(csvFile('vaala-henkilot.csv', BAD_CSV));
		await expectHeading(page, 'Tuo henkilöitä tiedostosta');
		expect(await previewSummary()).toBe(
			'Uusia: 2, päivitettäviä: 0, ennallaan: 0, virheellisiä rivejä: 1.'
		);
		expect(await visibleText(page.getByRole('alert'))).toBe(PREVIEW_HAS_ERRORS);
		const rows = await previewRows();
		// the row with the error comes first, with its line in the file and the reason
		expect(rows[0]).toEqual([
			'3',
			'virhe',
			'Eero Eskelinen',
			'eero.eskelinen@',
			'kunnanhallituksen jäsen',
			'kunnanhallituksen jäsen',
			'Sähköpostiosoite ei kelpaa.'
		]);
		expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[6]])).toEqual([
			['2', 'uusi', 'Aino Ahonen', ''],
			['4', 'uusi', 'Siiri Saarela', '']
		]);
		expect(await importButton().count()).toBe(0);
		await checkAccessible(page, 'import preview with a bad row');

		expect(await peopleCount(), 'nothing was saved').toBe(before);
		for (const name of FROM_CSV) expect(await peopleNames()).not.toContain(name);
	});

	it('imports the corrected file: the preview shows three new, and the list grows by three', async () => {
		const before = await peopleCount();
		await openImport();
		await preview(csvFile('vaala-henkilot.csv', GOOD_CSV));
		expect(await previewSummary()).toBe(
			'Uusia: 3, päivitettäviä: 0, ennallaan: 0, virheellisiä rivejä: 0.'
		);
		expect(await page.getByRole('alert').count()).toBe(0);
		expect((await previewRows()).map((r) => [r[0], r[1], r[2], r[5]])).toEqual([
			['2', 'uusi', 'Aino Ahonen', 'johtoryhmän jäsen'],
			['3', 'uusi', 'Eero Eskelinen', 'kunnanhallituksen jäsen'],
			['4', 'uusi', 'Siiri Saarela', 'valtuuston varapuheenjohtaja']
		]);
		await checkAccessible(page, 'import preview without errors');

		await submit(importButton().filter({ hasText: 'Tuo 3 henkilöä' }));
		expect(await visibleText(page.getByRole('status').filter({ hasText: 'Tuonti valmis' }))).toBe(
			'Tuonti valmis. Uusia: 3, päivitettyjä: 0.'
		);
		await checkAccessible(page, 'import done');

		expect(await peopleCount()).toBe(before + 3);
		const names = await peopleNames();
		for (const name of FROM_CSV) expect(names).toContain(name);
		const rows = await tableRows(page.getByRole('table', { name: 'Henkilöt', exact: true }));
		expect(rows.find((r) => r[0] === 'Siiri Saarela')).toEqual([
			'Siiri Saarela',
			'siiri.saarela@example.fi',
			'valtuuston varapuheenjohtaja',
			'valtuuston varapuheenjohtaja'
		]);
	});

	it('imports an Excel workbook: two new people and one update', async () => {
		const before = await peopleCount();
		await openImport();
		await preview(
			await xlsxFile('vaala-henkilot.xlsx', [
				['Nimi', 'Sähköposti', 'Tehtävänimike', 'Asemat', 'Kieli'],
				[
					'Pia Pirttikoski',
					'pia.pirttikoski@example.fi',
					'sivistysjohtaja',
					'johtoryhmän jäsen',
					'fi'
				],
				['Lars Lindholm', 'lars.lindholm@example.fi', 'kehittäjä', 'kehittäjä', 'svenska'],
				// Eero, imported above, is now also on the management team
				[
					'Eero Eskelinen',
					'eero.eskelinen@example.fi',
					'',
					'kunnanhallituksen jäsen, johtoryhmän jäsen',
					''
				]
			])
		);
		expect(await previewSummary()).toBe(
			'Uusia: 2, päivitettäviä: 1, ennallaan: 0, virheellisiä rivejä: 0.'
		);
		// lines as the spreadsheet numbers them: the header is on row 3
		expect((await previewRows()).map((r) => [r[0], r[1], r[2], r[4], r[5]])).toEqual([
			['4', 'uusi', 'Pia Pirttikoski', 'sivistysjohtaja', 'johtoryhmän jäsen'],
			['5', 'uusi', 'Lars Lindholm', 'kehittäjä', 'kehittäjä'],
			[
				'6',
				'päivitys',
				'Eero Eskelinen',
				'kunnanhallituksen jäsen',
				'kunnanhallituksen jäsen, johtoryhmän jäsen'
			]
		]);
		await checkAccessible(page, 'import preview of an Excel file');

		await submit(importButton().filter({ hasText: 'Tuo 3 henkilöä' }));
		expect(await visibleText(page.getByRole('status').filter({ hasText: 'Tuonti valmis' }))).toBe(
			'Tuonti valmis. Uusia: 2, päivitettyjä: 1.'
		);

		expect(await peopleCount()).toBe(before + 2);
		const rows = await tableRows(page.getByRole('table', { name: 'Henkilöt', exact: true }));
		expect(rows.find((r) => r[0] === 'Eero Eskelinen')?.[3]).toBe(
			'kunnanhallituksen jäsen, johtoryhmän jäsen'
		);
		expect(rows.find((r) => r[0] === 'Lars Lindholm')?.[1]).toBe('lars.lindholm@example.fi');
	});

	it('refuses a CSV saved in Latin-1 with advice next to the file field, and saves nothing', async () => {
		const before = await peopleCount();
		await openImport();
		await preview(
			csvFile(
				'vaala-henkilot-latin1.csv',
				'nimi;sähköposti\r\nÅke Äijälä;ake.aijala@example.fi\r\n',
				'latin1'
			)
		);
		const file = page.getByLabel('Tiedosto (CSV tai XLSX)', { exact: true });
		expect(await file.getAttribute('aria-invalid')).toBe('true');
		expect(await describedBy(file)).toBe(ENCODING);
		expect(await page.getByRole('table', { name: 'Esikatselu' }).count()).toBe(0);
		expect(await importButton().count()).toBe(0);
		await checkAccessible(page, 'import of a Latin-1 file');
		expect(await peopleCount()).toBe(before);
	});

	it('left no stack trace in the server log', () => {
		expectCleanLog(app);
	});
});
