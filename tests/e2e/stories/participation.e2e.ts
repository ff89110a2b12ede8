import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startApp, type AppServer } from '../support/app-server';
import { describeWithBrowser, withBrowser } from '../support/chromium';
import { download, minimalPdf, VAALA_CONTACT, VAALA_PARTICIPANT } from '../journeys/journey';
import {
	checkAccessible,
	chooseOption,
	COORDINATOR,
	expectCleanLog,
	expectHeading,
	signIn,
	STORY_TIMEOUT,
	tableRows,
	visibleText
} from './story';

vi.setConfig({ testTimeout: STORY_TIMEOUT });

/**
 * Kaisa follows who takes part in USO 8: the members' participation over the season, Vaala's
 * sign-ups, one event's participants filtered and downloaded, and the season's feedback.
 * Helena, Vaala's contact person, sees her own municipality's part and no one else's. Kaisa
 * adds the programme to an event and Mikko, of Vaala, downloads it from the event's page.
 */

let app: AppServer;

beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.stop());

describeWithBrowser('who takes part in a season', () => {
	it('the coordinator goes from the season to a member, an event and its participants, and downloads them', async () => {
		await withBrowser(async (page) => {
			await signIn(page, app.url, COORDINATOR);
			await page
				.getByRole('navigation', { name: 'Päävalikko' })
				.getByRole('link', { name: 'Kaudet' })
				.click();
			await page.getByRole('link', { name: 'USO 8', exact: true }).click();
			await page.getByRole('link', { name: 'Kuntien osallistuminen' }).click();
			await expectHeading(page, 'Kuntien osallistuminen: USO 8');
			await checkAccessible(page, 'members’ participation in USO 8');
			const members = await tableRows(page.getByRole('table'));
			const vaala = members.find((r) => r[0] === 'Vaala');
			expect(vaala, 'Vaala is a member').toBeDefined();
			expect(Number(vaala![1]), 'Vaala’s people taking part').toBeGreaterThan(0);

			await page.getByRole('link', { name: 'Vaala', exact: true }).click();
			await expectHeading(page, 'Osallistuminen tapahtumiin');
			await checkAccessible(page, 'Vaala’s participation in USO 8');
			const signUps = await tableRows(page.getByRole('table'));
			expect(signUps.length).toBeGreaterThan(0);

			// the first event Vaala's people signed up for, and its participant list
			await page.getByRole('table').getByRole('link').first().click();
			await page.getByRole('link', { name: 'Osallistujat', exact: true }).click();
			await expectHeading(page, 'Osallistujat');
			await checkAccessible(page, 'an event’s participants');
			const search = page.getByRole('search');
			await chooseOption(search.getByLabel('Kunta', { exact: true }), 'Vaala');
			await search.getByRole('button', { name: 'Suodata' }).click();
			await page.waitForURL((url) => url.searchParams.get('municipality') === '785');
			await checkAccessible(page, 'an event’s participants from Vaala');
			const shown = await tableRows(page.getByRole('table'));
			expect(shown.length).toBeGreaterThan(0);
			expect(shown.every((r) => r[1] === 'Vaala')).toBe(true);

			const csv = await download(page.getByRole('link', { name: 'CSV', exact: true }));
			const records = parse(csv.body, { delimiter: ';', bom: true }) as string[][];
			expect(records[0]?.slice(0, 2)).toEqual(['Nimi', 'Sähköposti']);
			// the name cell shows the person's title under the name; the file has them apart
			expect(records.slice(1)).toHaveLength(shown.length);
			records.slice(1).forEach((r, i) => expect(shown[i]![0]).toContain(r[0]!));
			const xlsx = await download(page.getByRole('link', { name: 'Excel (XLSX)', exact: true }));
			const workbook = new ExcelJS.Workbook();
			await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
			expect(workbook.worksheets[0]!.rowCount).toBe(records.length);
		});
		expectCleanLog(app);
	});

	it('the coordinator reads the feedback of the whole season', async () => {
		await withBrowser(async (page) => {
			await signIn(page, app.url, COORDINATOR);
			await page
				.getByRole('navigation', { name: 'Päävalikko' })
				.getByRole('link', { name: 'Kaudet' })
				.click();
			await page.getByRole('link', { name: 'USO 8', exact: true }).click();
			await page.getByRole('link', { name: 'Palaute kauden tapahtumista' }).click();
			await expectHeading(page, 'Palaute kauden tapahtumista: USO 8');
			await checkAccessible(page, 'feedback across USO 8');
			const season = await tableRows(page.getByRole('table', { name: 'Koko kausi' }));
			expect(season.map((r) => r[0])).toEqual(['Sisältö', 'Hyöty omalle työlle', 'Järjestelyt']);
			for (const row of season) {
				expect(Number(row[1]), 'answers to each question').toBeGreaterThan(0);
				expect(row[2], 'an average with a decimal comma').toMatch(/^[1-5](,\d)?$/);
			}
			const status = await visibleText(page.getByRole('main').getByRole('status'));
			expect(status).toMatch(/^\d+ vastausta \d+ osallistumisesta, \d+ tapahtumaa$/);
		});
		expectCleanLog(app);
	});

	it('a contact person sees her own municipality’s part, and another municipality’s list is refused', async () => {
		await withBrowser(async (page) => {
			await signIn(page, app.url, VAALA_CONTACT);
			await page.goto(`${app.url}/municipalities/785`);
			await page.getByRole('link', { name: 'Osallistuminen tapahtumiin' }).click();
			await expectHeading(page, 'Osallistuminen tapahtumiin');
			await checkAccessible(page, 'Vaala’s participation, as its contact person sees it');
			await page.getByRole('table').getByRole('link').first().click();
			await page.getByRole('link', { name: 'Osallistujat', exact: true }).click();
			await expectHeading(page, 'Osallistujat');
			await expect
				.poll(() => visibleText(page.getByRole('main')))
				.toContain('Näet oman kuntasi ilmoittautumiset.');
			await checkAccessible(page, 'an event’s participants, as Vaala’s contact person sees them');
			const rows = await tableRows(page.getByRole('table'));
			expect(rows.every((r) => r[1] === 'Vaala')).toBe(true);
			const refused = await page.goto(`${app.url}/municipalities/205/participation`);
			expect(refused?.status()).toBe(403);
		});
		expectCleanLog(app);
	});

	it('the coordinator adds an event’s programme, refuses a file that is no document, and a member downloads it', async () => {
		// a programme over adapter-node's default 512 KB body limit, padded inside a PDF comment
		const programme = Buffer.concat([
			minimalPdf('Ohjelma'),
			Buffer.from(`%${'x'.repeat(1024 * 1024)}\n`, 'latin1')
		]);
		let eventPath = '';
		await withBrowser(async (page) => {
			await signIn(page, app.url, VAALA_PARTICIPANT);
			await page.goto(`${app.url}/events`);
			eventPath = new URL(
				(await page.getByRole('main').locator('a[href^="/events/"]').first().getAttribute('href'))!,
				app.url
			).pathname;
		});
		await withBrowser(async (page) => {
			await signIn(page, app.url, COORDINATOR);
			await page.goto(`${app.url}${eventPath}`);
			await page.getByRole('link', { name: 'Materiaalit', exact: true }).click();
			await expectHeading(page, 'Materiaalit');
			await checkAccessible(page, 'an event’s materials, none yet');
			const field = page.getByLabel('Tiedosto', { exact: true });
			await field.setInputFiles({
				name: 'ohjelma.pdf',
				mimeType: 'application/pdf',
				buffer: Buffer.from('<html><body>ei pdf</body></html>')
			});
			await page.getByRole('button', { name: 'Lisää tiedosto' }).click();
			await expect
				.poll(() => visibleText(page.locator('#file-error')))
				.toBe('Tiedoston on oltava PDF, Word, Excel, PowerPoint, PNG tai JPEG.');
			await checkAccessible(page, 'an event’s materials, a file refused');
			await field.setInputFiles({
				name: 'Ohjelma.pdf',
				mimeType: 'application/pdf',
				buffer: programme
			});
			await page.getByRole('button', { name: 'Lisää tiedosto' }).click();
			await expect
				.poll(() => visibleText(page.getByRole('status')))
				.toBe('Tiedosto Ohjelma.pdf on lisätty.');
			const rows = await tableRows(page.getByRole('table', { name: 'Materiaalit' }));
			expect(rows.map((r) => r.slice(0, 2))).toEqual([['Ohjelma.pdf', '1 Mt']]);
			await checkAccessible(page, 'an event’s materials, one added');
		});
		await withBrowser(async (page) => {
			await signIn(page, app.url, VAALA_PARTICIPANT);
			await page.goto(`${app.url}${eventPath}`);
			await checkAccessible(page, 'the event with its materials, as a member sees it');
			const file = await download(page.getByRole('link', { name: 'Ohjelma.pdf' }));
			expect(file.file.suggestedFilename()).toBe('Ohjelma.pdf');
			expect(file.body.equals(programme)).toBe(true);
		});
		expectCleanLog(app);
	});
});
