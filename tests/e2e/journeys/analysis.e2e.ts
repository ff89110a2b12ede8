import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { USO8_FOCUS_AREAS } from '../../../src/lib/server/demo/uso8';
import { withoutDemoUso8Analysis } from '../../factories/analysis';
import { pdfText } from '../../support/pdf-text';
import { startApp, type AppServer } from '../support/app-server';
import { describeWithBrowser, firstPage, launchBrowser } from '../support/chromium';
import { startMailbox, type Mailbox } from '../support/mailbox';
import {
	checkAccessible,
	chooseOption,
	COORDINATOR,
	EXPERT,
	expectCleanLog,
	expectHeading,
	squish,
	submit,
	tableRows
} from '../stories/story';
import {
	download,
	expectForbidden,
	KAJAANI_CONTACT,
	signInAs,
	switchTo,
	VAALA_CONTACT
} from './journey';

/**
 * The situation analysis of the current season, from the demo without its USO 8 analysis
 * (withoutDemoUso8Analysis: USO 7's stays answered and closed, demo-analysis.ts). Kaisa, the
 * coordinator, writes a section of two weighted questions and publishes it; Helena, Vaala's
 * contact person, opens Vaala's analysis and invites three of its people, whose links come by
 * mail. Kerttu answers one question, leaves, comes back and finds it kept, and answers the
 * other; Tapio and Riikka answer. Helena closes the analysis and finds Vaala's score, its
 * respondents' spread and the comparison, which says why the network is not shown: Vaala is
 * the only member of USO 8 with a score; Kaisa finds it closed in the season's overview. Antti, the expert of Vaala's workshops, writes his
 * summary on the editor page; Helena downloads the board's PDF from the results page and finds
 * Vaala, its section, its score, the comparison and the summary in it. Jaana, Kajaani's
 * contact person, cannot open Vaala's results. Every page checked with axe.
 */

let app: AppServer;
let mailbox: Mailbox;
let context: BrowserContext;
let page: Page;
let analysisUrl = '';
let seasonPath = '';
const links = new Map<string, string>();

const QUESTIONS = [
	'Kunnan strategia ohjaa talousarviota.',
	'Johtoryhmä seuraa strategian toteutumista.'
];
const RESPONDENTS = [
	{ name: 'Kerttu Koskela', email: 'kerttu.koskela.785@example.fi' },
	{ name: 'Tapio Tervo', email: 'tapio.tervo.785@example.fi' },
	{ name: 'Riikka Rautio', email: 'riikka.rautio.785@example.fi' }
];

describeWithBrowser('a municipality’s situation analysis', () => {
	beforeAll(async () => {
		mailbox = await startMailbox();
		// the respondents' secret links are read from the invitations they receive
		app = await startApp({ env: { SMTP_URL: mailbox.url }, prepare: withoutDemoUso8Analysis });
		context = await launchBrowser();
		page = await firstPage(context);
	});
	afterAll(async () => {
		await context?.close();
		await app?.stop();
		await mailbox?.close();
	});

	it('Kaisa writes USO 8’s questionnaire and publishes it', async () => {
		await signInAs(page, app.url, COORDINATOR);
		await page.goto(`${app.url}/seasons`);
		seasonPath = (await page
			.getByRole('link', { name: 'USO 8', exact: true })
			.getAttribute('href'))!;
		await page.goto(`${app.url}${seasonPath}/analysis`);
		await expectHeading(page, 'Tilanneanalyysin kysely: USO 8');
		await checkAccessible(page, 'the season’s questionnaire, empty');
		const addSection = page.locator('form', {
			has: page.getByRole('button', { name: 'Lisää osio', exact: true })
		});
		await addSection
			.getByLabel('Otsikko suomeksi', { exact: true })
			.fill('Strategia ja johtaminen');
		await chooseOption(
			addSection.getByLabel('Kauden painopiste', { exact: true }),
			USO8_FOCUS_AREAS[0].textFi
		);
		await submit(addSection.getByRole('button', { name: 'Lisää osio', exact: true }));
		for (const text of QUESTIONS) {
			const add = page.locator('form', {
				has: page.getByRole('button', { name: 'Lisää kysymys', exact: true })
			});
			await add.getByLabel('Kysymys suomeksi', { exact: true }).fill(text);
			await add.getByLabel('Paino', { exact: true }).fill('1');
			await add.getByLabel('Vastaus vaaditaan, jotta osio on valmis').check();
			await submit(add.getByRole('button', { name: 'Lisää kysymys', exact: true }));
		}
		await checkAccessible(page, 'a section with its questions');
		await page.goto(page.url().replace(/\/analysis\/s_[0-9a-f]+.*$/, '/analysis'));
		await submit(page.getByRole('button', { name: 'Julkaise versio', exact: true }));
		await expect
			.poll(() => page.getByRole('status').first().innerText())
			.toBe('Versio julkaistiin.');
		await page.getByRole('heading', { name: 'Versio 1 (julkaistu)', level: 2 }).waitFor();
		await checkAccessible(page, 'the questionnaire, published');
	});

	it('Helena opens Vaala’s analysis and invites three of its people, who get their links', async () => {
		await switchTo(context, app.url, VAALA_CONTACT);
		await page.goto(`${app.url}/municipalities/785/analysis`);
		await expectHeading(page, 'Tilanneanalyysi: Vaala');
		await checkAccessible(page, 'Vaala’s analyses');
		await submit(page.getByRole('button', { name: 'Avaa kunnan tilanneanalyysi' }).first());
		analysisUrl = page.url();
		expect(analysisUrl).toMatch(/\/municipalities\/785\/analysis\/[0-9a-f-]{36}$/);
		await checkAccessible(page, 'Vaala’s analysis, opened');
		const invite = page.locator('form', {
			has: page.getByRole('button', { name: 'Lähetä kutsut', exact: true })
		});
		for (const person of RESPONDENTS) {
			await invite.getByLabel(person.name, { exact: false }).check();
		}
		await submit(invite.getByRole('button', { name: 'Lähetä kutsut', exact: true }));
		await expect
			.poll(() => page.getByRole('status').first().innerText())
			.toBe('Kutsut lähetettiin.');
		const rows = await tableRows(page.getByRole('table', { name: 'Kutsutut vastaajat' }));
		expect(rows.map((r) => r[0])).toEqual(
			expect.arrayContaining(RESPONDENTS.map((p) => expect.stringContaining(p.name)))
		);
		expect(rows.every((r) => r[2] === 'ei aloitettu')).toBe(true);
		await checkAccessible(page, 'Vaala’s respondents, invited');
		for (const person of RESPONDENTS) {
			const mail = await mailbox.waitForMail(
				(m) => m.to.includes(person.email) && /\/respond\/[a-z2-7]{32}/.test(m.text)
			);
			expect(mail.subject).toContain('Vaala');
			links.set(person.email, /(\/respond\/[a-z2-7]{32})/.exec(mail.text)![1]!);
		}
	});

	/** Answers the questions of the section shown, 1–5 each, and saves. */
	async function answer(values: readonly (number | null)[]) {
		for (const [i, value] of values.entries()) {
			if (value === null) continue;
			await page
				.getByRole('group', { name: `${i + 1}. ${QUESTIONS[i]} *` })
				.getByLabel(new RegExp(`^${value} – `))
				.check();
		}
		await submit(page.getByRole('button', { name: 'Tallenna', exact: true }));
		await expect
			.poll(() => page.getByRole('status').first().innerText())
			.toBe('Vastaukset tallennettiin.');
	}

	it('Kerttu answers one question, leaves, comes back to find it kept, and answers the other', async () => {
		await context.clearCookies();
		const link = `${app.url}${links.get(RESPONDENTS[0]!.email)}`;
		await page.goto(link);
		await expectHeading(page, `Tilanneanalyysi: Vaala, USO 8`);
		await checkAccessible(page, 'the respondent’s form');
		await answer([4, null]);
		await checkAccessible(page, 'the respondent’s form, saved');
		await page.goto(`${app.url}/`);
		await page.goto(link);
		const first = page.getByRole('group', { name: `1. ${QUESTIONS[0]} *` });
		expect(await first.getByLabel(/^4 – /).isChecked()).toBe(true);
		expect(
			await page
				.getByRole('group', { name: `2. ${QUESTIONS[1]} *` })
				.getByRole('radio')
				.evaluateAll((r) => r.some((e) => (e as HTMLInputElement).checked))
		).toBe(false);
		await answer([null, 3]);
		expect(squish(await page.getByRole('navigation', { name: 'Osiot' }).innerText())).toContain(
			'Strategia ja johtaminen – valmis'
		);
	});

	it('Tapio and Riikka answer', async () => {
		for (const [person, values] of [
			[RESPONDENTS[1]!, [2, 3]],
			[RESPONDENTS[2]!, [5, 4]]
		] as const) {
			await page.goto(`${app.url}${links.get(person.email)}`);
			await answer(values);
		}
	});

	it('Helena closes the analysis and finds Vaala’s score, its spread and why the network is not shown', async () => {
		await switchTo(context, app.url, VAALA_CONTACT);
		await page.goto(analysisUrl);
		const rows = await tableRows(page.getByRole('table', { name: 'Kutsutut vastaajat' }));
		expect(rows.every((r) => r[2] === 'valmis')).toBe(true);
		await submit(page.getByRole('button', { name: 'Sulje analyysi', exact: true }));
		await expect
			.poll(() => page.getByRole('status').first().innerText())
			.toBe('Analyysi suljettiin. Vastauksia ei voi enää muuttaa.');
		await checkAccessible(page, 'Vaala’s analysis, closed');
		await page.goto(`${analysisUrl}/results`);
		await checkAccessible(page, 'Vaala’s results');
		const main = squish(await page.getByRole('main').innerText());
		// (75 + 50) / 2, (25 + 50) / 2 and (100 + 75) / 2: a mean of 62.5, shown whole
		const scores = await tableRows(page.getByRole('table', { name: 'Osioiden pisteet' }));
		expect(scores[0]!.slice(0, 3)).toEqual(['Strategia ja johtaminen', '63', '3']);
		expect(main).toContain('pienin 38, alakvartiili 50, mediaani 63, yläkvartiili 75, suurin 88');
		expect(main).toContain('Miten pisteet lasketaan');
		expect(main).toContain('Vertailu');
		expect(main).toContain('Ei näytetä (alle viisi kuntaa)');
	});

	it('Kaisa follows the season in the network’s overview: Vaala closed, three of three answered', async () => {
		await switchTo(context, app.url, COORDINATOR);
		await page.goto(`${app.url}${seasonPath}/analysis`);
		await page
			.getByRole('link', { name: 'Yleiskuva: vastausasteet ja pisteet jäsenkunnittain' })
			.click();
		await expectHeading(page, 'Tilanneanalyysien yleiskuva: USO 8');
		await checkAccessible(page, 'the season’s overview');
		expect(squish(await page.getByRole('main').innerText())).toMatch(
			/analyysi avattu 1 \(suljettu 1\); vastaajia kutsuttu 3, aloittanut 3, valmis 3\./
		);
		const rates = await tableRows(page.getByRole('table', { name: 'Vastausasteet' }));
		expect(rates.find((r) => r[0] === 'Vaala')).toEqual(['Vaala', 'Suljettu', '3', '3', '3']);
	});

	const SUMMARY =
		'Vastaajat näkevät strategian ohjaavan talousarviota, mutta seurannassa on eroja.';

	it('Antti, the expert of Vaala’s workshops, writes his summary on the editor page', async () => {
		await context.clearCookies();
		await signInAs(page, app.url, EXPERT);
		await page.goto(`${analysisUrl}/results`);
		await page.getByRole('link', { name: 'Kirjoita yhteenveto ja suositukset' }).click();
		await expectHeading(page, 'Yhteenveto ja suositukset: Vaala, USO 8');
		await checkAccessible(page, 'the summary editor');
		await page.getByLabel('Yhteenveto', { exact: true }).fill(SUMMARY);
		await submit(page.getByRole('button', { name: 'Tallenna yhteenveto', exact: true }));
		await expect
			.poll(() => page.getByRole('status').first().innerText())
			.toBe('Yhteenveto tallennettiin.');
		expect(await page.getByLabel('Yhteenveto', { exact: true }).inputValue()).toBe(SUMMARY);
		await checkAccessible(page, 'the summary editor, saved');
	});

	it('Helena downloads the board’s PDF report and finds Vaala, its score, the comparison and the summary', async () => {
		await switchTo(context, app.url, VAALA_CONTACT);
		await page.goto(`${analysisUrl}/results`);
		expect(squish(await page.getByRole('main').innerText())).toContain(SUMMARY);
		const { file, body } = await download(
			page.getByRole('link', { name: 'Raportti valtuustolle (PDF)', exact: true })
		);
		expect(file.suggestedFilename()).toMatch(/\.pdf$/);
		const text = await pdfText(body);
		for (const expected of [
			'Tilanneanalyysi: Vaala, USO 8',
			'Strategia ja johtaminen 63 3',
			'pienin 38, alakvartiili 50, mediaani 63, yläkvartiili 75, suurin 88',
			'Ei näytetä (alle viisi kuntaa)',
			SUMMARY
		]) {
			expect(text).toContain(expected);
		}
	});

	it('Jaana, Kajaani’s contact person, cannot open Vaala’s results', async () => {
		await switchTo(context, app.url, KAJAANI_CONTACT);
		await expectForbidden(page, `${analysisUrl}/results`);
		await expectForbidden(page, analysisUrl);
		expectCleanLog(app);
	});
});
