import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startApp, type AppServer } from '../support/app-server';
import { itOnce } from '../support/split';
import { describeWithBrowser, firstPage, launchBrowser, withBrowser } from '../support/chromium';
import {
	checkAccessible,
	chooseOption,
	chosenOption,
	countIn,
	COORDINATOR,
	expectCleanLog,
	expectHeading,
	EXPERT,
	htmlLang,
	shownNumber,
	signIn,
	squish,
	STEP_TIMEOUT,
	tableRows,
	STORY_TIMEOUT,
	visibleText
} from './story';

vi.setConfig({ testTimeout: STORY_TIMEOUT });

/**
 * Kaisa, the coordinator, looks municipalities up in the registry: by name as she happens to
 * type it, by region and size class, by population; she opens a municipality's page, finds an
 * abolished one, mistypes an address, and reads it all in Swedish too.
 */

/** Cells of a row of the registry table. */
const COL = { code: 0, name: 1, region: 2, county: 3, language: 4, population: 5, size: 6 };

let app: AppServer;
let coordinator: BrowserContext;

beforeAll(async () => {
	app = await startApp();
});
afterAll(async () => {
	await coordinator?.close();
	await app?.stop();
});

/** A tab in the coordinator's browser (signed in once for the whole file). */
async function coordinatorPage(): Promise<Page> {
	if (!coordinator) {
		coordinator = await launchBrowser();
		await signIn(await firstPage(coordinator), app.url, COORDINATOR);
	}
	return coordinator.newPage();
}

async function story(steps: (page: Page) => Promise<void>): Promise<void> {
	const page = await coordinatorPage();
	try {
		await steps(page);
	} finally {
		await page.close();
	}
}

async function openRegistry(page: Page, query = ''): Promise<void> {
	await page.goto(`${app.url}/registry${query}`);
	await expectHeading(page, 'Kuntarekisteri');
	// goto waited for the load event: the page, its style sheets and any script of its own
	// (not for 'networkidle', which always adds half a second of quiet on top)
	await checkAccessible(page, `registry${query}`);
}

const filters = (page: Page, name = 'Kuntarekisteri') => page.getByRole('search', { name });

/**
 * Sends the filter form (a GET form: its answer is a new address) and waits for that address,
 * whether the browser loads it as a new page or SvelteKit's router renders it in place.
 */
async function applyFilters(page: Page, button = 'Suodata'): Promise<void> {
	const before = page.url();
	await page.getByRole('search').getByRole('button', { name: button, exact: true }).click();
	await page.waitForURL((url) => url.href !== before, { timeout: STEP_TIMEOUT });
}

async function search(page: Page, text: string): Promise<void> {
	await filters(page).getByLabel('Hae nimellä', { exact: true }).fill(text);
	await applyFilters(page);
}

/** The number in the status line above the table: "9 kuntaa" → 9. */
async function resultCount(page: Page): Promise<number> {
	return countIn(await visibleText(page.getByRole('main').getByRole('status')));
}

async function results(page: Page, caption = 'Kuntarekisteri'): Promise<string[][]> {
	return tableRows(page.getByRole('table', { name: caption, exact: true }));
}

/** The facts list of a municipality's page, term → definition. */
async function facts(page: Page): Promise<Record<string, string>> {
	const list = page.getByRole('main').locator('dl');
	await list.waitFor({ timeout: STEP_TIMEOUT });
	return list.evaluate((dl) => {
		const out: Record<string, string> = {};
		let term = '';
		for (const child of Array.from(dl.children)) {
			const text = (child.textContent ?? '').replace(/\s+/g, ' ').trim();
			if (child.tagName === 'DT') term = text;
			else if (child.tagName === 'DD') out[term] = text;
		}
		return out;
	});
}

/** The ids an element's aria-describedby names, as the texts a screen reader reads out. */
async function description(page: Page, label: string): Promise<string> {
	const ids =
		(await page.getByLabel(label, { exact: true }).getAttribute('aria-describedby')) ?? '';
	const texts: string[] = [];
	for (const id of ids.split(/\s+/).filter(Boolean)) {
		texts.push(squish(await page.locator(`[id="${id}"]`).innerText()));
	}
	return texts.join(' ');
}

describeWithBrowser('the municipality registry', () => {
	it('finds a municipality by its name typed without Finnish letters, or by its Swedish name', async () => {
		await story(async (page) => {
			await openRegistry(page);
			expect(await resultCount(page)).toBe(308);
			await visibleText(page.getByText('Lähde: Tilastokeskus'));

			await search(page, 'hameenlinna');
			const rows = await results(page);
			expect(rows.map((r) => r[COL.name])).toEqual(['Hämeenlinna (Tavastehus)']);
			expect(await resultCount(page)).toBe(1);
			expect(await filters(page).getByLabel('Hae nimellä').inputValue()).toBe('hameenlinna');
			await checkAccessible(page, 'registry, search "hameenlinna"');
			// one municipality is "1 kunta": "1 kuntaa" is not Finnish
			expect
				.soft(
					await visibleText(page.getByRole('main').getByRole('status')),
					'one municipality is "1 kunta" (or "Kuntia: 1"); "1 kuntaa" is not Finnish'
				)
				.not.toBe('1 kuntaa');

			await search(page, 'åbo');
			const abo = await results(page);
			expect(abo.map((r) => r[COL.name])).toContain('Turku (Åbo)');
			expect(await resultCount(page)).toBe(abo.length);
			await checkAccessible(page, 'registry, search "åbo"');

			await search(page, 'turku');
			expect((await results(page)).map((r) => [r[COL.code], r[COL.name]])).toEqual([
				['853', 'Turku (Åbo)']
			]);
			await checkAccessible(page, 'registry, search "turku"');

			await search(page, 'ei tällaista kuntaa');
			expect(await resultCount(page)).toBe(0);
			await visibleText(page.getByText('Hakuehdoilla ei löytynyt kuntia.'));
			await checkAccessible(page, 'registry, search without results');
		});
	});

	itOnce('narrows the list to a region and a size class', async () => {
		await story(async (page) => {
			await openRegistry(page);
			const form = filters(page);
			await chooseOption(form.getByLabel('Maakunta', { exact: true }), 'Pohjois-Pohjanmaa');
			await chooseOption(form.getByLabel('Kokoluokka', { exact: true }), '2: 1 000–2 999 asukasta');
			await applyFilters(page);

			const rows = await results(page);
			expect(rows.length).toBeGreaterThan(1);
			expect(await resultCount(page)).toBe(rows.length);
			for (const row of rows) {
				expect(row[COL.region], row.join(' | ')).toBe('Pohjois-Pohjanmaa');
				expect(row[COL.size], row.join(' | ')).toBe('2');
				const population = shownNumber(row[COL.population]!);
				expect(population).toBeGreaterThanOrEqual(1_000);
				expect(population).toBeLessThanOrEqual(2_999);
			}
			const vaala = rows.find((r) => r[COL.name] === 'Vaala');
			expect(vaala, 'Vaala is among them').toBeDefined();
			expect(vaala![COL.code]).toBe('785');
			expect(vaala![COL.population]).toBe('2 581');
			// the form shows what was chosen
			expect(await chosenOption(form.getByLabel('Maakunta', { exact: true }))).toBe(
				'Pohjois-Pohjanmaa'
			);
			expect(await chosenOption(form.getByLabel('Kokoluokka', { exact: true }))).toBe(
				'2: 1 000–2 999 asukasta'
			);
			await checkAccessible(page, 'registry, Pohjois-Pohjanmaa and size class 2');

			// "Tyhjennä" shows every municipality again, and the form must say so too: a
			// stale choice left in a select would quietly come back with the next search
			await page.getByRole('link', { name: 'Tyhjennä', exact: true }).click();
			await page.waitForURL(`${app.url}/registry`);
			await expect.poll(() => resultCount(page)).toBe(308);
			await checkAccessible(page, 'registry after "Tyhjennä"');
			expect
				.soft(
					await chosenOption(form.getByLabel('Maakunta', { exact: true })),
					'Maakunta after "Tyhjennä"'
				)
				.toBe('Kaikki');
			expect
				.soft(
					await chosenOption(form.getByLabel('Kokoluokka', { exact: true })),
					'Kokoluokka after "Tyhjennä"'
				)
				.toBe('Kaikki kokoluokat');
			await form.getByLabel('Hae nimellä', { exact: true }).fill('turku');
			await applyFilters(page);
			expect(
				await resultCount(page),
				'a search after "Tyhjennä" looks through the whole country'
			).toBe(1);
			expect((await results(page)).map((r) => r[COL.name])).toEqual(['Turku (Åbo)']);
			await checkAccessible(page, 'registry, search "turku" after "Tyhjennä"');
		});
	});

	itOnce('sorts by population, largest first, and pages on', async () => {
		await story(async (page) => {
			await openRegistry(page);
			const form = filters(page);
			await chooseOption(form.getByLabel('Järjestys', { exact: true }), 'Väkiluku');
			await chooseOption(form.getByLabel('Suunta', { exact: true }), 'laskeva');
			await applyFilters(page);

			const first = await results(page);
			expect(first).toHaveLength(50);
			expect(first.slice(0, 3).map((r) => r[COL.name])).toEqual([
				'Helsinki (Helsingfors)',
				'Espoo (Esbo)',
				'Tampere (Tammerfors)'
			]);
			expect(first[0]![COL.population]).toBe('684 018');
			const populations = first.map((r) => shownNumber(r[COL.population]!));
			expect(populations).toEqual([...populations].sort((a, b) => b - a));
			const pager = page.getByRole('navigation', { name: 'Sivut' });
			expect(await visibleText(pager.getByText(/^Sivu /))).toBe('Sivu 1 / 7');
			await checkAccessible(page, 'registry by population, page 1');

			await pager.getByRole('link', { name: 'Seuraava sivu', exact: true }).click();
			await page.waitForURL((url) => url.searchParams.get('page') === '2');
			await expect.poll(async () => visibleText(pager.getByText(/^Sivu /))).toBe('Sivu 2 / 7');
			const second = await results(page);
			expect(second).toHaveLength(50);
			const secondPopulations = second.map((r) => shownNumber(r[COL.population]!));
			expect(secondPopulations).toEqual([...secondPopulations].sort((a, b) => b - a));
			expect(secondPopulations[0]!).toBeLessThanOrEqual(populations.at(-1)!);
			const codes = new Set(first.map((r) => r[COL.code]));
			expect(second.filter((r) => codes.has(r[COL.code]))).toEqual([]);
			// the order is kept on the next page
			expect(await chosenOption(form.getByLabel('Järjestys', { exact: true }))).toBe('Väkiluku');
			await pager.getByRole('link', { name: 'Edellinen sivu', exact: true }).waitFor();
			await checkAccessible(page, 'registry by population, page 2');
		});
	});

	itOnce('opens Vaala’s page with its facts and their source', async () => {
		await story(async (page) => {
			await openRegistry(page);
			await search(page, 'vaala');
			await checkAccessible(page, 'registry, search "vaala"');
			await page
				.getByRole('table', { name: 'Kuntarekisteri' })
				.getByRole('link', { name: 'Vaala', exact: true })
				.click();
			await expectHeading(page, 'Vaala');
			expect(new URL(page.url()).pathname).toBe('/registry/785');
			await expect(page.title()).resolves.toBe('Vaala – Kuntarekisteri – Verkosto');
			expect(await facts(page)).toEqual({
				Kuntanumero: '785',
				Nimi: 'Vaala',
				'Nimi ruotsiksi': 'Vaala',
				'Nimi englanniksi': 'Vaala',
				Maakunta: 'Pohjois-Pohjanmaa',
				Hyvinvointialue: 'Pohjois-Pohjanmaan hyvinvointialue',
				Seutukunta: 'Oulunkaari',
				Työllisyysalue: 'Oulun seutu',
				Kielisuhde: 'suomenkielinen',
				Kuntaryhmä: 'maaseutumainen',
				'Väkiluku 31.12.2024': '2 581',
				Kokoluokka: '2: 1 000–2 999 asukasta'
			});
			expect(await visibleText(page.getByText('Lähde: Tilastokeskus'))).toBe(
				'Lähde: Tilastokeskus · CC BY 4.0'
			);
			const licence = page.getByRole('link', { name: 'CC BY 4.0' });
			expect(await licence.getAttribute('href')).toMatch(
				/^https:\/\/creativecommons\.org\/licenses\/by\/4\.0\//
			);
			await checkAccessible(page, 'Vaala');

			await page.getByRole('link', { name: 'Takaisin kuntarekisteriin' }).click();
			await expectHeading(page, 'Kuntarekisteri');
			await checkAccessible(page, 'registry, back from Vaala');
		});
	});

	itOnce(
		'shows abolished municipalities when asked: Pertunmaa, merged into Mäntyharju',
		async () => {
			await story(async (page) => {
				await openRegistry(page);
				await search(page, 'pertunmaa');
				expect(await resultCount(page), 'abolished ones are hidden at first').toBe(0);
				await checkAccessible(page, 'registry, search "pertunmaa"');

				await filters(page).getByLabel('Näytä myös lakkautetut kunnat').check();
				await applyFilters(page);
				const rows = await results(page);
				expect(rows).toHaveLength(1);
				const [pertunmaa] = rows;
				expect(pertunmaa![COL.code]).toBe('588');
				expect(pertunmaa![COL.name]).toMatch(/^Pertunmaa – Lakkautettu /);
				expect(pertunmaa![COL.population], 'its last population').toBe('1 527');
				expect(await filters(page).getByLabel('Näytä myös lakkautetut kunnat').isChecked()).toBe(
					true
				);
				await checkAccessible(page, 'registry with abolished municipalities');
				// dates are Finnish everywhere else (the municipality's own page says 1.1.2025)
				expect.soft(pertunmaa![COL.name]).toBe('Pertunmaa – Lakkautettu 1.1.2025');

				await filters(page).getByLabel('Hae nimellä').fill('');
				await applyFilters(page);
				expect(await resultCount(page), '308 current and Pertunmaa').toBe(309);
				await checkAccessible(page, 'registry, all with abolished ones');

				await openRegistry(page, '?abolished=1&q=pertunmaa');
				await page
					.getByRole('table', { name: 'Kuntarekisteri' })
					.getByRole('link', { name: 'Pertunmaa', exact: true })
					.click();
				await expectHeading(page, 'Pertunmaa');
				expect(
					await visibleText(page.getByRole('main').getByText('Lakkautettu', { exact: false }))
				).toBe('Lakkautettu 1.1.2025. Liitetty kuntaan Mäntyharju');
				const pertunmaaFacts = await facts(page);
				expect(pertunmaaFacts['Kuntanumero']).toBe('588');
				expect(pertunmaaFacts['Väkiluku 31.12.2024']).toBe('1 527');
				expect(pertunmaaFacts['Kokoluokka']).toBe('2: 1 000–2 999 asukasta');
				await checkAccessible(page, 'Pertunmaa');

				await page.getByRole('link', { name: 'Liitetty kuntaan Mäntyharju' }).click();
				await expectHeading(page, 'Mäntyharju');
				expect((await facts(page))['Kuntanumero']).toBe('507');
				await checkAccessible(page, 'Mäntyharju');
			});
		}
	);

	itOnce(
		'answers a bad value in the address next to its field, not with an error page',
		async () => {
			await story(async (page) => {
				const response = await page.goto(`${app.url}/registry?page=-1`);
				expect(response?.status()).toBe(200);
				await expectHeading(page, 'Kuntarekisteri');
				expect(await visibleText(filters(page).getByRole('alert'))).toBe('Sivut: Arvo ei kelpaa.');
				expect(await resultCount(page)).toBe(308);
				expect(await visibleText(page.getByText(/^Sivu /))).toBe('Sivu 1 / 7');
				await checkAccessible(page, 'registry with a bad page number');

				const other = await page.goto(`${app.url}/registry?size=x&region=zz&q=vaala`);
				expect(other?.status()).toBe(200);
				await expectHeading(page, 'Kuntarekisteri');
				const size = filters(page).getByLabel('Kokoluokka', { exact: true });
				expect(await size.getAttribute('aria-invalid')).toBe('true');
				expect(await description(page, 'Kokoluokka')).toBe('Arvo ei kelpaa.');
				const region = filters(page).getByLabel('Maakunta', { exact: true });
				expect(await region.getAttribute('aria-invalid')).toBe('true');
				expect(await description(page, 'Maakunta')).toBe('Valitse jokin luettelon vaihtoehdoista.');
				// the good part of the address still counts
				expect((await results(page)).map((r) => r[COL.name])).toEqual(['Vaala']);
				await checkAccessible(page, 'registry with bad filters');
			});
		}
	);

	itOnce('filters by language status as Statistics Finland classifies it', async () => {
		await story(async (page) => {
			await openRegistry(page);
			const language = filters(page).getByLabel('Kielisuhde', { exact: true });
			await chooseOption(language, 'ruotsinkielinen');
			await applyFilters(page);
			const swedish = await results(page);
			await checkAccessible(page, 'registry, Swedish-speaking municipalities');
			// Åland's 16 municipalities are Swedish-speaking; Parainen is bilingual
			const names = swedish.map((r) => r[COL.name]);
			expect
				.soft(names, 'Åland’s municipalities are Swedish-speaking')
				.toContain('Maarianhamina - Mariehamn (Mariehamn)');
			expect.soft(names, 'Parainen is bilingual').not.toContain('Parainen (Pargas)');

			await chooseOption(
				filters(page).getByLabel('Kielisuhde', { exact: true }),
				'kaksikielinen, enemmistö ruotsinkielinen'
			);
			await applyFilters(page);
			const bilingual = (await results(page)).map((r) => r[COL.name]);
			expect.soft(bilingual, 'Parainen is bilingual').toContain('Parainen (Pargas)');
			expect.soft(bilingual, 'Kemiönsaari is bilingual').toContain('Kemiönsaari (Kimitoön)');
			expect
				.soft(bilingual, 'Mariehamn is Swedish-speaking')
				.not.toContain('Maarianhamina - Mariehamn (Mariehamn)');
			await checkAccessible(page, 'registry, bilingual municipalities with a Swedish majority');
		});
	});

	itOnce('reads the same registry in Swedish', async () => {
		await withBrowser(async (page) => {
			await signIn(page, app.url, COORDINATOR);
			await page.goto(`${app.url}/registry`);
			await expectHeading(page, 'Kuntarekisteri');
			await checkAccessible(page, 'registry');
			await page.getByRole('button', { name: 'svenska', exact: true }).click();
			await expectHeading(page, 'Kommunregister');
			expect(await htmlLang(page)).toBe('sv');
			expect(new URL(page.url()).pathname).toBe('/registry');
			await visibleText(page.getByText('Källa: Statistikcentralen'));
			await checkAccessible(page, 'registry in Swedish');

			const form = filters(page, 'Kommunregister');
			await form.getByLabel('Sök med namn', { exact: true }).fill('turku');
			await applyFilters(page, 'Filtrera');
			expect((await results(page, 'Kommunregister')).map((r) => r[COL.name])).toEqual([
				'Åbo (Turku)'
			]);
			expect(countIn(await visibleText(page.getByRole('main').getByRole('status')))).toBe(1);
			await checkAccessible(page, 'registry in Swedish, search "turku"');

			await form.getByLabel('Sök med namn', { exact: true }).fill('');
			await chooseOption(form.getByLabel('Landskap', { exact: true }), 'Norra Österbotten');
			await chooseOption(
				form.getByLabel('Storleksklass', { exact: true }),
				'2: 1 000–2 999 invånare'
			);
			await applyFilters(page, 'Filtrera');
			const rows = await results(page, 'Kommunregister');
			const status = await visibleText(page.getByRole('main').getByRole('status'));
			expect(status).toMatch(/kommun/);
			expect(countIn(status)).toBe(rows.length);
			expect(rows.every((r) => r[COL.region] === 'Norra Österbotten')).toBe(true);
			const vaala = rows.find((r) => r[COL.code] === '785');
			expect(vaala).toEqual([
				'785',
				'Vaala',
				'Norra Österbotten',
				'Norra Österbottens välfärdsområde',
				'finskspråkig',
				'2 581',
				'2'
			]);
			await checkAccessible(page, 'registry in Swedish, Norra Österbotten');

			await page.goto(`${app.url}/registry/785`);
			await expectHeading(page, 'Vaala');
			const shown = await facts(page);
			expect(shown['Landskap']).toBe('Norra Österbotten');
			expect(shown['Välfärdsområde']).toBe('Norra Österbottens välfärdsområde');
			expect(shown['Invånarantal 31.12.2024']).toBe('2 581');
			expect(shown['Storleksklass']).toBe('2: 1 000–2 999 invånare');
			expect(shown['Språkförhållande']).toBe('finskspråkig');
			expect(await visibleText(page.getByText('Källa: Statistikcentralen'))).toBe(
				'Källa: Statistikcentralen · CC BY 4.0'
			);
			await checkAccessible(page, 'Vaala in Swedish');

			await page.getByRole('button', { name: 'suomi', exact: true }).click();
			await expectHeading(page, 'Vaala');
			expect(await htmlLang(page)).toBe('fi');
			await checkAccessible(page, 'Vaala, back in Finnish');
		});
	});

	itOnce('is not for an expert', async () => {
		await withBrowser(async (page) => {
			await signIn(page, app.url, EXPERT);
			const menu = page.getByRole('navigation', { name: 'Päävalikko' });
			await menu.getByRole('link', { name: 'Etusivu', exact: true }).waitFor();
			expect(await menu.getByRole('link', { name: 'Kuntarekisteri' }).count()).toBe(0);
			const response = await page.goto(`${app.url}/registry`);
			expect(response?.status()).toBe(403);
			await expectHeading(page, 'Ei käyttöoikeutta');
			await visibleText(page.getByText('Sinulla ei ole oikeutta tähän sivuun.'));
			await checkAccessible(page, 'registry refused to an expert');

			const exported = await page.request.get(`${app.url}/registry/export/csv`);
			expect(exported.status()).toBe(403);
		});
	});

	it('left no stack trace in the server log', () => {
		expectCleanLog(app);
	});
});
