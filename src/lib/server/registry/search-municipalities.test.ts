import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db/client';
import { toCsv, toXlsx } from '../export/table-export';
import { exportMunicipalities } from './export-municipalities';
import { loadShippedRegistry } from './import-registry';
import { parseRegistryQuery } from './registry-query';
import { getMunicipality, registryFacets, searchMunicipalities } from './search-municipalities';

let database: Database;

beforeAll(async () => {
	database = await createTestDatabase();
	await loadShippedRegistry(database.db);
});
afterAll(() => database?.close());

const query = (qs: string) => parseRegistryQuery(new URLSearchParams(qs)).values;
const names = (rows: { nameFi: string }[]) => rows.map((r) => r.nameFi);

describe('searching the registry', () => {
	it('lists the 308 current municipalities, 50 to a page, by Finnish name', async () => {
		const result = await searchMunicipalities(database.db, query(''), 'fi');
		expect(result.total).toBe(308);
		expect(result.pages).toBe(7);
		expect(result.rows).toHaveLength(50);
		expect(result.rows[0]?.nameFi).toBe('Akaa');
	});

	it('finds a name without its accents, in any case, by a part', async () => {
		expect(
			names((await searchMunicipalities(database.db, query('q=hameenlinna'), 'fi')).rows)
		).toEqual(['Hämeenlinna']);
		expect(names((await searchMunicipalities(database.db, query('q=HÄMEEN'), 'fi')).rows)).toEqual([
			'Hämeenkyrö',
			'Hämeenlinna'
		]);
	});

	it('finds a municipality by its Swedish name', async () => {
		expect(names((await searchMunicipalities(database.db, query('q=åbo'), 'fi')).rows)).toContain(
			'Turku'
		);
		expect(
			names((await searchMunicipalities(database.db, query('q=helsingfors'), 'fi')).rows)
		).toEqual(['Helsinki']);
	});

	it('never lets a search act as a LIKE pattern', async () => {
		// punctuation is not part of a name: a search of only punctuation filters nothing
		expect((await searchMunicipalities(database.db, query('q=%25'), 'fi')).total).toBe(308);
		// were "_" a wildcard, "v_ala" would find Vaala
		expect((await searchMunicipalities(database.db, query('q=v_ala'), 'fi')).total).toBe(0);
	});

	it('filters by region and size class together', async () => {
		const result = await searchMunicipalities(database.db, query('region=17&size=2'), 'fi');
		expect(names(result.rows)).toContain('Vaala');
		expect(result.rows.every((r) => r.sizeClass === 2)).toBe(true);
	});

	it('filters by wellbeing services county, employment area and language status', async () => {
		const helsinki = await searchMunicipalities(database.db, query('county=90'), 'fi');
		expect(names(helsinki.rows)).toEqual(['Helsinki']);
		const swedish = await searchMunicipalities(database.db, query('language=3&perPage=100'), 'fi');
		expect(swedish.total).toBeGreaterThan(10);
		expect(swedish.rows.every((r) => r.languageStatus === 3)).toBe(true);
		const area = await searchMunicipalities(database.db, query('q=vaala'), 'fi');
		const vaala = await getMunicipality(database.db, '785');
		const sameArea = await searchMunicipalities(
			database.db,
			query(`area=${vaala!.employmentAreaCode}`),
			'fi'
		);
		expect(names(sameArea.rows)).toContain(area.rows[0]!.nameFi);
	});

	it('sorts by population, largest first', async () => {
		const result = await searchMunicipalities(database.db, query('sort=population&dir=desc'), 'fi');
		expect(names(result.rows).slice(0, 3)).toEqual(['Helsinki', 'Espoo', 'Tampere']);
	});

	it('sorts Swedish names with Å, Ä and Ö after Z', async () => {
		const result = await searchMunicipalities(
			database.db,
			query('sort=name&dir=desc&perPage=25'),
			'sv'
		);
		expect(result.rows[0]?.nameSv.startsWith('Ö') || result.rows[0]?.nameSv.startsWith('Ä')).toBe(
			true
		);
	});

	it('shows abolished municipalities only when asked', async () => {
		expect((await searchMunicipalities(database.db, query('q=pertunmaa'), 'fi')).total).toBe(0);
		const withAbolished = await searchMunicipalities(
			database.db,
			query('q=pertunmaa&abolished=1'),
			'fi'
		);
		expect(withAbolished.rows[0]).toMatchObject({ code: '588', abolishedOn: '2025-01-01' });
	});

	it('clamps a page past the end to the last page', async () => {
		const result = await searchMunicipalities(database.db, query('page=999'), 'fi');
		expect(result.page).toBe(7);
		expect(result.rows.length).toBe(308 - 6 * 50);
	});

	it('offers each region, county and employment area once', async () => {
		const facets = await registryFacets(database.db);
		expect(facets.regions).toHaveLength(19);
		expect(new Set(facets.regions.map((r) => r.code)).size).toBe(facets.regions.length);
		expect(facets.counties.length).toBeGreaterThanOrEqual(22);
		expect(facets.areas.length).toBeGreaterThan(40);
	});
});

describe('a municipality', () => {
	it('has its facts and size class', async () => {
		expect(await getMunicipality(database.db, '785')).toMatchObject({
			nameFi: 'Vaala',
			regionFi: 'Pohjois-Pohjanmaa',
			population: 2581,
			sizeClass: 2,
			populationDate: '2024-12-31'
		});
	});

	it('knows where an abolished municipality went', async () => {
		const pertunmaa = await getMunicipality(database.db, '588');
		expect(pertunmaa?.mergedIntoMunicipality).toMatchObject({ code: '507', nameFi: 'Mäntyharju' });
	});

	it('is null for an unknown or malformed code', async () => {
		expect(await getMunicipality(database.db, '999')).toBeNull();
		expect(await getMunicipality(database.db, "1' or '1'='1")).toBeNull();
	});
});

describe('exporting the registry', () => {
	it('writes CSV that reads back with every filtered row and the source', async () => {
		const table = await exportMunicipalities(database.db, query('region=17'), 'fi');
		const csv = toCsv(table).toString('utf8');
		expect(csv.startsWith('\ufeff')).toBe(true);
		const records: string[][] = parse(csv.slice(1), { delimiter: ';' });
		const [header, ...rows] = records;
		expect(header?.[0]).toBe('Kuntanumero');
		expect(header?.at(-1)).toBe('Lähde');
		const total = (await searchMunicipalities(database.db, query('region=17'), 'fi')).total;
		expect(rows).toHaveLength(total);
		const vaala = rows.find((r) => r[0] === '785');
		expect(vaala?.[1]).toBe('Vaala');
		expect(vaala?.[9]).toBe('2581');
		expect(vaala?.at(-1)).toBe('Tilastokeskus');
	});

	it('writes XLSX that reads back, in Swedish, with the attribution under the table', async () => {
		const table = await exportMunicipalities(database.db, query('q=vaasa'), 'sv');
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.load((await toXlsx(table)) as unknown as ArrayBuffer);
		const sheet = workbook.worksheets[0]!;
		expect(sheet.name).toBe('Kommunregister');
		expect(sheet.getRow(1).getCell(1).value).toBe('Kommunnummer');
		expect(sheet.getRow(2).getCell(2).value).toBe('Vasa');
		const texts: string[] = [];
		sheet.eachRow((row) => texts.push(String(row.getCell(1).value)));
		expect(texts).toContain('Källa: Statistikcentralen (CC BY 4.0)');
	});

	it('neutralises cells a spreadsheet would run as formulas', () => {
		const csv = toCsv({
			title: 'x',
			columns: [{ header: 'a' }],
			rows: [['=HYPERLINK("x")'], ['-2+3']]
		}).toString('utf8');
		expect(csv).toContain(`'=HYPERLINK`);
		expect(csv).toContain(`'-2+3`);
	});
});
