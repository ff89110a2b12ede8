import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startApp, type AppServer } from '../support/app-server';
import { describeWithBrowser, withBrowser } from '../support/chromium';
import { facts, USO7, USO8, VAALA_CONTACT } from '../journeys/journey';
import {
	checkAccessible,
	COORDINATOR,
	expectCleanLog,
	expectHeading,
	htmlLang,
	signIn,
	squish,
	STORY_TIMEOUT,
	tableRows,
	visibleText
} from './story';

vi.setConfig({ testTimeout: STORY_TIMEOUT });

/**
 * The front pages: a visitor finds the USO network's public page from the front page and reads
 * what it is, its current season's theme and focus areas, who takes part and how to join, in
 * Finnish and in Swedish, with no one's personal data on it; Kaisa, the coordinator, lands on
 * the current season's municipalities by state; Helena, Vaala's contact person, on Vaala's
 * membership and what it still needs (nothing: Vaala has its decision, contact person and
 * people), and Sanna of Lahti, invited but not yet decided, on what Lahti still has to do. The
 * current season is the demo's USO 8, running on the day the demo was loaded.
 */

const USO = {
	fi: 'Uuden sukupolven organisaatiot (USO) -verkosto',
	sv: 'Nätverket Nya generationens organisationer (USO)'
};
const FOCUS_AREAS = {
	fi: [
		'Työllisyysalueen yhteistyö ja johtaminen',
		'Kuntatalouden tasapainottaminen ja palveluverkko',
		'Tiedolla johtaminen ja tekoäly kunnan kehittämisessä'
	],
	sv: [
		'Samarbete och ledning inom sysselsättningsområdet',
		'Balansering av kommunalekonomin och servicenätet',
		'Kunskapsbaserad ledning och artificiell intelligens i kommunens utveckling'
	]
};
const PUBLIC_ADDRESS = 'uso-verkosto@example.fi';
const LAHTI_CONTACT = { email: 'yhteys-398@example.fi', name: 'Sanna Salonen' };

let app: AppServer;

beforeAll(async () => {
	app = await startApp();
});
afterAll(() => app?.stop());

async function listItems(list: Locator): Promise<string[]> {
	await list.waitFor();
	return (await list.getByRole('listitem').allInnerTexts()).map(squish);
}

/** Every e-mail address in the page's HTML, attributes (mailto:) included. */
async function addressesOn(page: Page): Promise<string[]> {
	const html = await page.content();
	return [...new Set(html.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? [])];
}

describeWithBrowser('the front pages', () => {
	it('lead a visitor to the USO network’s public page, in Finnish and in Swedish, with no one’s personal data', async () => {
		await withBrowser(async (page) => {
			await page.goto(`${app.url}/`);
			await expectHeading(page, 'Verkosto – kuntien kehittämisverkostot');
			await checkAccessible(page, 'front page');
			await page
				.getByRole('region', { name: 'Alustalla toimivat verkostot' })
				.getByRole('link', { name: USO.fi, exact: true })
				.click();
			await expectHeading(page, USO.fi);
			expect(new URL(page.url()).pathname).toBe('/n/uso');
			expect(await htmlLang(page)).toBe('fi');

			const season = page.getByRole('region', { name: USO8.fi });
			expect(await facts(season)).toMatchObject({
				Kausi: USO8.period,
				Kärkiteema: 'Elinvoiman ja työllisyyden johtaminen muuttuvassa kunnassa'
			});
			expect(await listItems(season.getByRole('list', { name: 'Painopisteet' }))).toEqual(
				FOCUS_AREAS.fi
			);

			const members = page.getByRole('region', { name: 'Mukana olevat kunnat' });
			await members.getByText('11 kuntaa', { exact: true }).waitFor();
			const names = await listItems(members.getByRole('list', { name: 'Mukana olevat kunnat' }));
			expect(names).toHaveLength(11);
			expect(names).toContain('Vaala');
			expect(names, 'decided').toContain('Raasepori');
			expect(names, 'merged into Mäntyharju in 2025').not.toContain('Pertunmaa');
			expect(names, 'only invited').not.toContain('Lahti');
			expect(names, 'declined').not.toContain('Kauniainen');

			const join = page.getByRole('region', { name: 'Näin kunta liittyy verkostoon' });
			await join.getByRole('table', { name: 'Osallistumismaksut' }).waitFor();
			expect(await join.getByRole('link', { name: PUBLIC_ADDRESS }).getAttribute('href')).toBe(
				`mailto:${PUBLIC_ADDRESS}`
			);
			expect(await addressesOn(page), 'only the network’s own address').toEqual([PUBLIC_ADDRESS]);
			for (const person of ['Helena Hallila', 'Kaisa Koordinaattori', 'Antti Asiantuntija']) {
				expect(await page.getByText(person).count(), person).toBe(0);
			}
			await checkAccessible(page, 'USO’s public page');

			await page.getByRole('button', { name: 'svenska', exact: true }).click();
			await expectHeading(page, USO.sv);
			expect(new URL(page.url()).pathname, 'stays on the public page').toBe('/n/uso');
			expect(await htmlLang(page)).toBe('sv');
			const säsong = page.getByRole('region', { name: USO8.sv });
			expect((await facts(säsong))['Huvudtema']).toBe(
				'Ledning av livskraft och sysselsättning i en kommun i förändring'
			);
			expect(await listItems(säsong.getByRole('list', { name: 'Tyngdpunkter' }))).toEqual(
				FOCUS_AREAS.sv
			);
			const kommuner = await listItems(
				page
					.getByRole('region', { name: 'Deltagande kommuner' })
					.getByRole('list', { name: 'Deltagande kommuner' })
			);
			expect(kommuner).toContain('Vaala');
			expect(kommuner, 'names in Swedish').toContain('Raseborg');
			await page
				.getByRole('region', { name: 'Så går en kommun med i nätverket' })
				.getByRole('link', { name: PUBLIC_ADDRESS })
				.waitFor();
			expect(await addressesOn(page)).toEqual([PUBLIC_ADDRESS]);
			await checkAccessible(page, 'USO’s public page in Swedish');

			const missing = await page.goto(`${app.url}/n/tuntematon`);
			expect(missing?.status()).toBe(404);
			await checkAccessible(page, 'public page of an unknown network');
		});
	});

	it('show the coordinator the current season’s municipalities by state, each state a link to them', async () => {
		await withBrowser(async (page) => {
			await signIn(page, app.url, COORDINATOR);
			const seasons = page.getByRole('region', { name: 'Koordinoimasi kaudet' });
			const season = seasons.getByRole('region', { name: USO8.fi, exact: true });
			await season.getByRole('heading', { name: USO8.fi }).waitFor();
			expect(await visibleText(season.getByText('Jäsenkuntia (päätös tehty tai mukana):'))).toBe(
				'Jäsenkuntia (päätös tehty tai mukana): 11 / kutsuttuja yhteensä 13'
			);
			const table = season.getByRole('table', { name: `Kunnat tiloittain: ${USO8.fi}` });
			expect(await tableRows(table)).toEqual([
				['kutsuttu', '1'],
				['päätös tehty', '1'],
				['mukana', '10'],
				['kieltäytynyt', '1'],
				['vetäytynyt', '0']
			]);
			// USO 7 has ended: the front page speaks of the season running
			expect(await seasons.getByRole('region', { name: USO7.fi, exact: true }).count()).toBe(0);

			await table.getByRole('link', { name: 'mukana', exact: true }).click();
			await expectHeading(page, USO8.fi);
			const url = new URL(page.url());
			expect(url.pathname).toMatch(/^\/seasons\/[0-9a-f-]{36}$/);
			expect(url.searchParams.get('state')).toBe('active');
			expect(await visibleText(page.getByRole('status').filter({ hasText: 'kuntaa' }))).toBe(
				'10 kuntaa'
			);
			await checkAccessible(page, 'the current season’s active members, from the front page');
		});
	});

	it('show Vaala’s contact person Vaala’s membership in the current season, with nothing missing', async () => {
		await withBrowser(async (page) => {
			await signIn(page, app.url, VAALA_CONTACT);
			const vaala = page.getByRole('region', { name: 'Oma kunta: Vaala' });
			const season = vaala.getByRole('region', { name: USO8.fi, exact: true });
			expect((await facts(season))['Tila']).toBe('mukana');
			await visibleText(season.getByText('Kunta on kauden jäsenkunta.'));
			expect(await visibleText(season.getByText('Kaikki on kunnossa.'))).toBe(
				'Kaikki on kunnossa.'
			);
			expect(
				await listItems(season.getByRole('list', { name: 'Mitä kunnalta tarvitaan' }))
			).toEqual([
				'Kunnossa: Toimielimen päätös osallistumisesta on kirjattu.',
				'Kunnossa: Yhdyshenkilö on nimetty: Helena Hallila.',
				'Kunnossa: Kunnan osallistujia on nimetty.',
				'Kunnossa: Jokaisesta paikan päälle kutsutusta ryhmästä on nimetty henkilöitä.'
			]);
			expect(await season.getByText('Puuttuu').count()).toBe(0);
			expect(
				await page.getByRole('region', { name: 'Koordinoimasi kaudet' }).count(),
				'no coordinator summary'
			).toBe(0);

			await season.getByRole('link', { name: 'Jäsenyyden tiedot' }).click();
			await expectHeading(page, `Vaala: ${USO8.fi}`);
			await checkAccessible(page, 'Vaala’s membership, from the front page');
		});
	});

	it('show Lahti’s contact person what Lahti still has to do, with links to do it', async () => {
		await withBrowser(async (page) => {
			await signIn(page, app.url, LAHTI_CONTACT);
			const season = page
				.getByRole('region', { name: 'Oma kunta: Lahti' })
				.getByRole('region', { name: USO8.fi, exact: true });
			expect((await facts(season))['Tila']).toBe('kutsuttu');
			expect(await visibleText(season.getByText('asiaa puuttuu'))).toBe('2 asiaa puuttuu.');
			const checks = season.getByRole('list', { name: 'Mitä kunnalta tarvitaan' });
			const items = await listItems(checks);
			expect(items).toHaveLength(3);
			expect(items[0]).toMatch(/^Puuttuu: Toimielimen päätöstä osallistumisesta ei ole kirjattu\./);
			expect(items[1]).toMatch(/^Puuttuu: Yhdyshenkilöä ei ole nimetty\./);
			expect(items[2]).toBe('Kunnossa: Kunnan osallistujia on nimetty.');

			await checks.getByRole('link', { name: 'Päätösehdotus kunnan toimielimelle' }).click();
			await expectHeading(page, 'Päätösehdotus: Lahti');
			await checkAccessible(page, 'Lahti’s decision proposal, from the front page');
			await page.goBack();
			await checks.getByRole('link', { name: 'Nimeä yhdyshenkilö' }).click();
			await expectHeading(page, `Lahti: ${USO8.fi}`);
			await page.getByRole('heading', { name: 'Yhdyshenkilö ja osallistujat' }).waitFor();
			expect(new URL(page.url()).hash).toBe('#details');
		});
	});

	it('left no stack trace in the server log', () => {
		expectCleanLog(app);
	});
});
