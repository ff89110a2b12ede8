import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startApp, type AppServer } from '../support/app-server';
import { describeWithBrowser, withBrowser } from '../support/chromium';
import {
	checkAccessible,
	chooseOption,
	countIn,
	COORDINATOR,
	expectCleanLog,
	expectHeading,
	signIn,
	STEP_TIMEOUT,
	tableRows,
	STORY_TIMEOUT,
	visibleText
} from './story';

vi.setConfig({ testTimeout: STORY_TIMEOUT });

/**
 * Kaisa exports the municipalities of one region for a spreadsheet, as CSV and as Excel, and
 * the files hold what the page showed, with Statistics Finland named as the source.
 */

const HEADER = [
	'Kuntanumero',
	'Nimi',
	'Nimi ruotsiksi',
	'Maakunta',
	'Hyvinvointialue',
	'Seutukunta',
	'Työllisyysalue',
	'Kielisuhde',
	'Kuntaryhmä',
	'Väkiluku',
	'Kokoluokka',
	'Lakkautettu',
	'Lähde'
];
const col = (name: string) => HEADER.indexOf(name);

let app: AppServer;

beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.stop());

async function download(page: Page, link: string): Promise<{ file: Download; body: Buffer }> {
	const [file] = await Promise.all([
		page.waitForEvent('download', { timeout: STEP_TIMEOUT }),
		page.getByRole('link', { name: link, exact: true }).click()
	]);
	const failure = await file.failure();
	expect(failure, `download of ${link}`).toBeNull();
	return { file, body: await readFile((await file.path())!) };
}

function readCsv(body: Buffer): string[][] {
	expect([...body.subarray(0, 3)], 'UTF-8 byte-order mark').toEqual([0xef, 0xbb, 0xbf]);
	return parse(body, { delimiter: ';', bom: true, relax_column_count: false }) as string[][];
}

async function readXlsx(body: Buffer): Promise<ExcelJS.Worksheet> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(body as unknown as ArrayBuffer);
	expect(workbook.worksheets).toHaveLength(1);
	return workbook.worksheets[0]!;
}

/** A worksheet's rows as arrays of plain cell values (index 0 is column A). */
function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
	const rows: unknown[][] = [];
	sheet.eachRow({ includeEmpty: true }, (row, number) => {
		const values = Array.isArray(row.values) ? row.values.slice(1) : [];
		rows[number - 1] = values;
	});
	return Array.from(rows, (r) => r ?? []);
}

/** The registry's rows on the page: code and Finnish name ("Oulu (Uleåborg)" → "Oulu"). */
async function shownMunicipalities(page: Page): Promise<string[][]> {
	const rows = await tableRows(page.getByRole('table', { name: 'Kuntarekisteri' }));
	return rows.map((r) => [r[0]!, r[1]!.replace(/ \(.*\)$/, ''), r[5]!]);
}

describeWithBrowser('exporting the registry', () => {
	it('downloads one region as CSV and Excel, with the rows the page shows and the source', async () => {
		await withBrowser(async (page) => {
			await signIn(page, app.url, COORDINATOR);
			await page.goto(`${app.url}/registry`);
			await expectHeading(page, 'Kuntarekisteri');
			await checkAccessible(page, 'registry');
			await chooseOption(
				page.getByRole('search').getByLabel('Maakunta', { exact: true }),
				'Pohjois-Pohjanmaa'
			);
			await page.getByRole('search').getByRole('button', { name: 'Suodata' }).click();
			await page.waitForURL((url) => url.searchParams.get('region') === '17');
			const status = await visibleText(page.getByRole('main').getByRole('status'));
			const count = countIn(status);
			const shown = await shownMunicipalities(page);
			expect(shown).toHaveLength(count);
			expect(count).toBeGreaterThan(20);
			await checkAccessible(page, 'registry, Pohjois-Pohjanmaa, before exporting');

			// CSV: UTF-8 with a byte-order mark, semicolons, a header, then one row per municipality
			const csv = await download(page, 'CSV');
			expect(csv.file.suggestedFilename()).toBe('kunnat.csv');
			expect(new URL(csv.file.url()).pathname).toBe('/registry/export/csv');
			expect(new URL(csv.file.url()).searchParams.get('region')).toBe('17');
			const records = readCsv(csv.body);
			expect(records[0]).toEqual(HEADER);
			const rows = records.slice(1);
			expect(rows).toHaveLength(count);
			expect(rows.map((r) => [r[col('Kuntanumero')], r[col('Nimi')]])).toEqual(
				shown.map(([code, name]) => [code, name])
			);
			for (const row of rows) {
				expect(row[col('Maakunta')], row.join(';')).toBe('Pohjois-Pohjanmaa');
				expect(row[col('Lähde')]).toBe('Tilastokeskus');
				expect(row[col('Väkiluku')]).toMatch(/^\d+$/);
			}
			const vaala = rows.find((r) => r[col('Nimi')] === 'Vaala');
			expect(vaala).toBeDefined();
			expect(vaala![col('Kuntanumero')]).toBe('785');
			expect(vaala![col('Väkiluku')]).toBe('2581');
			expect(vaala![col('Kokoluokka')]).toBe('2');
			expect(vaala![col('Hyvinvointialue')]).toBe('Pohjois-Pohjanmaan hyvinvointialue');
			expect(vaala![col('Kielisuhde')]).toBe('suomenkielinen');
			expect(vaala![col('Lakkautettu')]).toBe('');
			// leading zeros and Finnish letters survive
			expect(rows.find((r) => r[col('Nimi')] === 'Alavieska')?.[col('Kuntanumero')]).toBe('009');
			expect(rows.map((r) => r[col('Nimi')])).toContain('Kärsämäki');

			// XLSX: the same header and rows, numbers as numbers, the attribution under the table
			const xlsx = await download(page, 'Excel (XLSX)');
			expect(xlsx.file.suggestedFilename()).toBe('kunnat.xlsx');
			const sheet = await readXlsx(xlsx.body);
			expect(sheet.name).toBe('Kuntarekisteri');
			const cells = sheetRows(sheet);
			expect(cells[0]).toEqual(HEADER);
			const data = cells.slice(1, 1 + count);
			expect(data.map((r) => [r[col('Kuntanumero')], r[col('Nimi')]])).toEqual(
				shown.map(([code, name]) => [code, name])
			);
			const vaalaCells = data.find((r) => r[col('Nimi')] === 'Vaala');
			expect(vaalaCells?.[col('Väkiluku')]).toBe(2581);
			expect(vaalaCells?.[col('Kokoluokka')]).toBe(2);
			const after = cells
				.slice(1 + count)
				.map((r) => r.filter((v) => v !== null && v !== undefined && v !== ''));
			expect(after[0], 'a blank row between the table and the note').toEqual([]);
			expect(
				after.filter((r) => r.length > 0),
				'nothing but the note under the table'
			).toEqual([['Lähde: Tilastokeskus (CC BY 4.0)']]);
		});
	});

	it('exports every page of the list in the chosen order, not just the page on screen', async () => {
		await withBrowser(async (page) => {
			await signIn(page, app.url, COORDINATOR);
			await page.goto(`${app.url}/registry?sort=population&dir=desc&page=2`);
			await expectHeading(page, 'Kuntarekisteri');
			await visibleText(page.getByText('Sivu 2 / 7'));
			await checkAccessible(page, 'registry by population, page 2');

			const { body } = await download(page, 'CSV');
			const rows = readCsv(body).slice(1);
			expect(rows).toHaveLength(308);
			expect(rows.slice(0, 2).map((r) => r[col('Nimi')])).toEqual(['Helsinki', 'Espoo']);
			expect(rows[0]![col('Väkiluku')]).toBe('684018');
			const populations = rows.map((r) => Number(r[col('Väkiluku')]));
			expect(populations).toEqual([...populations].sort((a, b) => b - a));
			// together the rows are Finland: 5 635 971 people at the end of 2024
			expect(populations.reduce((a, b) => a + b, 0)).toBe(5_635_971);
		});
	});

	it('left no stack trace in the server log', () => {
		expectCleanLog(app);
	});
});
