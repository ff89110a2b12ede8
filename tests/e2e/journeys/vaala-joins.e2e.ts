import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type AppServer } from '../support/app-server';
import { describeWithBrowser, firstPage, launchBrowser } from '../support/chromium';
import {
	checkAccessible,
	chooseOption,
	chosenOption,
	COORDINATOR,
	expectCleanLog,
	expectHeading,
	signIn,
	squish,
	submit,
	tableRows,
	visibleText
} from '../stories/story';
import { describedBy, docxParagraphs, download, facts, minimalPdf, USO7 } from './journey';

/**
 * Vaala's story (shared/seed) told again on a municipality with no decision yet: Kaisa, the
 * coordinator, invites Utajärvi to USO 7, adds its administrative director as a person,
 * records the board's approval with its minutes extract, names the contact person and the
 * groups that may attend on site, and drafts the decision proposal, which reads like Vaala's
 * minutes and downloads as a Word file.
 */

const UTAJARVI = { code: '889', name: 'Utajärvi', population: '2 466' };
const DIRECTOR = {
	name: 'Ulla Uusitalo',
	email: 'ulla.uusitalo@example.fi',
	title: 'hallintojohtaja'
};
const DECISION = {
	body: 'kunnanhallitus',
	meetingDate: '2023-02-14',
	shownDate: '14.2.2023',
	section: '§ 9',
	presenter: 'kunnanjohtaja',
	proposal:
		'Kunnanhallitus päättää, että Utajärvi osallistuu USO-verkoston 7. kaudelle ajalla 2023–2024.',
	decision: 'Hyväksyttiin.'
};
const MINUTES = { name: 'utajarvi-kh-2023-02-14-9.pdf', bytes: minimalPdf('Utajarvi KH 9') };

/** The three decisions of the proposal, as Vaala's board minutes have them (shared/seed). */
const PROPOSAL_ITEMS = [
	'1) Utajärvi osallistuu Uuden sukupolven organisaatiot (USO) -verkoston 7. kaudelle ajalla 2023–2024.',
	'2) Verkostoyhdyshenkilöksi nimetään hallintojohtaja.',
	'3) Kunnanhallituksen jäsenet, kunnanvaltuuston puheenjohtajisto ja johtoryhmän jäsenet voivat osallistua USO-verkoston seminaareihin paikan päällä.'
];
const PROPOSAL_TITLE = 'Osallistuminen USO-verkoston 7. kaudelle 2023–2024';
const FEE = 'Kuntakohtainen osallistumismaksu USO-verkostossa on 9 000 euroa / vuosi';

let app: AppServer;
let context: BrowserContext;
let page: Page;
let seasonUrl = '';
let membershipUrl = '';

const members = () => tableRows(page.getByRole('table', { name: 'Jäsenkunnat', exact: true }));
const decisionForm = () => page.locator('form[action^="?/decision"]');

describeWithBrowser('Utajärvi joins USO 7, as Vaala did', () => {
	beforeAll(async () => {
		app = await startApp();
		context = await launchBrowser();
		page = await firstPage(context);
	});
	afterAll(async () => {
		await context?.close();
		await app?.stop();
	});

	it('the coordinator opens season 7 and reads its theme, fees and members', async () => {
		await signIn(page, app.url, COORDINATOR);
		await page
			.getByRole('navigation', { name: 'Päävalikko' })
			.getByRole('link', { name: 'Kaudet', exact: true })
			.click();
		await expectHeading(page, 'Kaudet');
		await checkAccessible(page, 'season list');
		await page.getByRole('link', { name: 'USO 7', exact: true }).click();
		await expectHeading(page, USO7.fi);
		seasonUrl = page.url();

		const seasonFacts = await facts(page.getByRole('main'));
		expect(seasonFacts['Kausi']).toBe('1.1.2023–31.12.2024');
		expect(seasonFacts['Kärkiteema']).toBe('Uudistuvien kuntien johtaminen');
		const focus = page.getByRole('main').locator('h2:has-text("Painopisteet") + ol > li');
		expect((await focus.allInnerTexts()).map(squish)).toEqual([
			'Strateginen johtaminen ja ennakointi',
			'Yhteistyömallien rakentaminen hyvinvointialueiden kanssa',
			'Työllisyys- ja elinvoimaekosysteemien johtaminen'
		]);
		const tiers = await tableRows(page.getByRole('table', { name: 'Osallistumismaksut' }));
		expect(tiers[0]).toEqual(['Pieni kunta', '0–9 999', '9 000,00 € + alv']);

		expect(await visibleText(page.getByRole('status').filter({ hasText: 'kuntaa' }))).toBe(
			'14 kuntaa'
		);
		const rows = await members();
		expect(rows).toHaveLength(14);
		expect(rows.find((r) => r[0] === 'Vaala')).toEqual([
			'Vaala',
			'mukana',
			'2 581',
			'2',
			'Pieni kunta, 9 000,00 €',
			// its workshops: the demo's USO 7 has its five used on its strategy, and one extra
			'4 pidetty, 1 peruttu myöhään, 0 jäljellä, lisäksi 1 lisätyöpajaa'
		]);
		expect(rows.find((r) => r[0] === 'Lahti')?.[1]).toBe('kutsuttu');
		expect(rows.map((r) => r[0])).not.toContain(UTAJARVI.name);
		await checkAccessible(page, 'season 7');
	});

	it('refuses a code that is no municipality, and a municipality already invited', async () => {
		const code = page.getByLabel('Kuntanumero', { exact: true });
		await code.fill('999');
		await submit(page.getByRole('button', { name: 'Kutsu kunta', exact: true }));
		await expectHeading(page, USO7.fi);
		expect(await code.getAttribute('aria-invalid')).toBe('true');
		expect(await describedBy(code)).toBe(
			'Kolminumeroinen kuntanumero, esim. 785 (Vaala). Arvo ei kelpaa.'
		);
		expect(await code.inputValue()).toBe('999');
		await checkAccessible(page, 'invite form with an unknown code');

		await code.fill('785');
		await submit(page.getByRole('button', { name: 'Kutsu kunta', exact: true }));
		expect(await describedBy(page.getByLabel('Kuntanumero', { exact: true }))).toContain(
			'Kunta on jo kutsuttu tälle kaudelle.'
		);
		expect(await members()).toHaveLength(14);
		await checkAccessible(page, 'invite form with a municipality already invited');
	});

	it('invites Utajärvi, which appears among the members as invited', async () => {
		await page.getByLabel('Kuntanumero', { exact: true }).fill(UTAJARVI.code);
		await submit(page.getByRole('button', { name: 'Kutsu kunta', exact: true }));
		await expectHeading(page, USO7.fi);
		expect(
			await visibleText(page.getByRole('status').filter({ hasText: 'Kunta on kutsuttu.' }))
		).toBe('Kunta on kutsuttu. (Utajärvi)');
		expect(await visibleText(page.getByRole('status').filter({ hasText: 'kuntaa' }))).toBe(
			'15 kuntaa'
		);
		const row = (await members()).find((r) => r[0] === UTAJARVI.name);
		expect(row?.[1]).toBe('kutsuttu');
		expect(row?.[2]).toBe(UTAJARVI.population);
		expect(row?.[4]).toBe('Pieni kunta, 9 000,00 €');
		await checkAccessible(page, 'season 7 after inviting Utajärvi');

		await page.getByRole('link', { name: UTAJARVI.name, exact: true }).click();
		await expectHeading(page, `${UTAJARVI.name}: ${USO7.fi}`);
		membershipUrl = page.url().split('?')[0]!;
		const shown = await facts(page.getByRole('main'));
		expect(shown['Tila']).toBe('kutsuttu');
		expect(shown['Yhdyshenkilö']).toBe('Ei nimetty');
		expect(await visibleText(page.getByText('Päätöstä ei ole kirjattu.'))).toBeTruthy();
		// nobody of Utajärvi is in Verkosto yet: there is no one to name as the contact person
		const contact = page.getByLabel('Yhdyshenkilö', { exact: true });
		expect((await contact.locator('option').allInnerTexts()).map(squish)).toEqual(['Ei nimetty']);
		await checkAccessible(page, 'Utajärvi’s new membership');
	});

	it('adds Utajärvi’s administrative director from the people page', async () => {
		await page.getByRole('main').getByRole('link', { name: UTAJARVI.name, exact: true }).click();
		await expectHeading(page, UTAJARVI.name);
		const municipality = await facts(page.getByRole('main'));
		expect(municipality['Kuntanumero']).toBe(UTAJARVI.code);
		expect(municipality['Väkiluku']).toBe(UTAJARVI.population);
		expect(
			await visibleText(page.getByRole('listitem').filter({ hasText: USO7.fi })),
			'the membership over seasons'
		).toContain(`${USO7.fi} – kutsuttu`);
		await checkAccessible(page, 'Utajärvi');

		await page.getByRole('main').getByRole('link', { name: 'Henkilöt', exact: true }).click();
		await expectHeading(page, `Henkilöt: ${UTAJARVI.name}`);
		expect(await visibleText(page.getByText('Ei henkilöitä.'))).toBeTruthy();
		await checkAccessible(page, 'Utajärvi’s people, none yet');

		// a mistyped address is answered next to the field, and what was typed stays
		await page.getByLabel('Nimi', { exact: true }).fill(DIRECTOR.name);
		await page.getByLabel('Sähköposti', { exact: true }).fill('ulla.uusitalo@');
		await page.getByLabel('Tehtävänimike', { exact: true }).fill(DIRECTOR.title);
		await page.getByRole('checkbox', { name: 'hallintojohtaja', exact: true }).check();
		await page.getByRole('checkbox', { name: 'johtoryhmän jäsen', exact: true }).check();
		await submit(page.getByRole('button', { name: 'Lisää henkilö', exact: true }));
		await page
			.getByRole('alert')
			.filter({ hasText: 'Lomakkeessa on virheitä. Korjaa merkityt kentät.' })
			.waitFor();
		const email = page.getByLabel('Sähköposti', { exact: true });
		expect(await email.getAttribute('aria-invalid')).toBe('true');
		expect(await describedBy(email)).toBe('Anna sähköpostiosoite muodossa nimi@esimerkki.fi.');
		expect(await page.getByLabel('Nimi', { exact: true }).inputValue()).toBe(DIRECTOR.name);
		expect(
			await page.getByRole('checkbox', { name: 'johtoryhmän jäsen', exact: true }).isChecked()
		).toBe(true);
		expect(await visibleText(page.getByText('Ei henkilöitä.'))).toBeTruthy();
		await checkAccessible(page, 'add-person form with a bad address');

		await email.fill(DIRECTOR.email);
		await submit(page.getByRole('button', { name: 'Lisää henkilö', exact: true }));
		expect(
			await visibleText(page.getByRole('status').filter({ hasText: 'Henkilö on lisätty.' }))
		).toBe(`Henkilö on lisätty. (${DIRECTOR.name})`);
		const people = await tableRows(page.getByRole('table', { name: 'Henkilöt', exact: true }));
		expect(people).toEqual([
			[DIRECTOR.name, DIRECTOR.email, DIRECTOR.title, 'hallintojohtaja, johtoryhmän jäsen']
		]);
		// one person is "1 henkilö" in Finnish, not "1 henkilöä"
		expect
			.soft(
				await visibleText(page.getByRole('status').filter({ hasText: /^\d+ henkilö/ })),
				'the count of one person'
			)
			.toBe('1 henkilö');
		await checkAccessible(page, 'Utajärvi’s people with the director');
	});

	it('records the board’s decision; a text file named .pdf is refused and nothing is recorded', async () => {
		await page.goto(membershipUrl);
		await expectHeading(page, `${UTAJARVI.name}: ${USO7.fi}`);
		const form = decisionForm();
		await form.getByLabel('Toimielin', { exact: true }).fill(DECISION.body);
		await form.getByLabel('Kokouspäivä', { exact: true }).fill(DECISION.meetingDate);
		await form.getByLabel('Pykälä', { exact: true }).fill(DECISION.section);
		await form.getByLabel('Esittelijä', { exact: true }).fill(DECISION.presenter);
		await form.getByLabel('Päätösehdotus', { exact: true }).fill(DECISION.proposal);
		await form.getByLabel('Päätös', { exact: true }).fill(DECISION.decision);
		await form.getByRole('radio', { name: 'hyväksytty', exact: true }).check();
		await form.getByLabel('Pöytäkirjanote (PDF)', { exact: true }).setInputFiles({
			name: 'poytakirjanote.pdf',
			mimeType: 'application/pdf',
			buffer: Buffer.from('Pöytäkirjanote, kirjoitettu muistioon ja tallennettu .pdf-päätteellä.\n')
		});
		await submit(form.getByRole('button', { name: 'Kirjaa päätös', exact: true }));

		await page
			.getByRole('alert')
			.filter({ hasText: 'Lomakkeessa on virheitä. Korjaa merkityt kentät.' })
			.waitFor();
		const minutes = decisionForm().getByLabel('Pöytäkirjanote (PDF)', { exact: true });
		expect(await minutes.getAttribute('aria-invalid')).toBe('true');
		expect(await describedBy(minutes)).toBe('Tiedoston on oltava PDF.');
		// the other fields are as they were typed, so only the file needs choosing again
		expect(await decisionForm().getByLabel('Pykälä', { exact: true }).inputValue()).toBe(
			DECISION.section
		);
		expect(await decisionForm().getByLabel('Kokouspäivä', { exact: true }).inputValue()).toBe(
			DECISION.meetingDate
		);
		expect(
			await decisionForm().getByRole('radio', { name: 'hyväksytty', exact: true }).isChecked()
		).toBe(true);
		expect((await facts(page.getByRole('main')))['Tila']).toBe('kutsuttu');
		expect(await visibleText(page.getByText('Päätöstä ei ole kirjattu.'))).toBeTruthy();
		await checkAccessible(page, 'decision form with a file that is not a PDF');

		await minutes.setInputFiles({
			name: MINUTES.name,
			mimeType: 'application/pdf',
			buffer: MINUTES.bytes
		});
		await submit(decisionForm().getByRole('button', { name: 'Kirjaa päätös', exact: true }));
		expect(
			await visibleText(page.getByRole('status').filter({ hasText: 'Päätös on kirjattu.' }))
		).toBe('Päätös on kirjattu.');
		expect((await facts(page.getByRole('main')))['Tila']).toBe('päätös tehty');
		const heading = `${DECISION.body} ${DECISION.shownDate} ${DECISION.section}`;
		const recorded = page.getByRole('region', { name: heading, exact: true });
		expect(await facts(recorded)).toEqual({
			Esittelijä: DECISION.presenter,
			Päätösehdotus: DECISION.proposal,
			Päätös: `${DECISION.decision} (hyväksytty)`,
			Pöytäkirjanote: MINUTES.name
		});
		await checkAccessible(page, 'membership with the decision recorded');

		const { file, body } = await download(
			recorded.getByRole('link', { name: MINUTES.name, exact: true })
		);
		expect(file.suggestedFilename()).toBe(MINUTES.name);
		expect(body.equals(MINUTES.bytes), 'the minutes come back byte for byte').toBe(true);
	});

	it('names the contact person and the groups that may attend on site', async () => {
		const contact = page.getByLabel('Yhdyshenkilö', { exact: true });
		await chooseOption(contact, `${DIRECTOR.name}, ${DIRECTOR.title}`);
		for (const group of [
			'kunnanhallituksen jäsenet',
			'valtuuston puheenjohtajisto',
			'johtoryhmä'
		]) {
			await page.getByRole('checkbox', { name: group, exact: true }).check();
		}
		await submit(page.getByRole('button', { name: 'Tallenna', exact: true }));
		expect(
			await visibleText(page.getByRole('status').filter({ hasText: 'Tiedot on tallennettu.' }))
		).toBe('Tiedot on tallennettu.');
		const shown = await facts(page.getByRole('main'));
		expect(shown['Yhdyshenkilö']).toBe(`${DIRECTOR.name}, ${DIRECTOR.title}`);
		expect(shown['Saavat osallistua seminaareihin paikan päällä']).toBe(
			'kunnanhallituksen jäsenet, valtuuston puheenjohtajisto, johtoryhmä'
		);
		expect(await chosenOption(page.getByLabel('Yhdyshenkilö', { exact: true }))).toBe(
			`${DIRECTOR.name}, ${DIRECTOR.title}`
		);
		expect(
			await page.getByRole('checkbox', { name: 'valtuuston jäsenet', exact: true }).isChecked()
		).toBe(false);
		await checkAccessible(page, 'membership with contact person and groups');
	});

	it('drafts the decision proposal, which reads like Vaala’s minutes', async () => {
		await page.getByRole('link', { name: 'Päätösehdotus kunnan toimielimelle' }).click();
		await expectHeading(page, `Päätösehdotus: ${UTAJARVI.name}`);
		expect(await chosenOption(page.getByLabel('Kieli', { exact: true }))).toBe('suomi');
		// drafted from the decision and the contact person just recorded
		expect(await page.getByLabel('Toimielin', { exact: true }).inputValue()).toBe(DECISION.body);
		expect(await page.getByLabel('Esittelijä', { exact: true }).inputValue()).toBe(
			DECISION.presenter
		);
		expect(await page.getByLabel('Yhdyshenkilön tehtävänimike', { exact: true }).inputValue()).toBe(
			DIRECTOR.title
		);

		const article = page.getByRole('article', { name: PROPOSAL_TITLE, exact: true });
		expect(await article.getAttribute('lang')).toBe('fi');
		const text = (await article.locator('p, li').allInnerTexts()).map(squish);
		expect(text[0]).toBe(
			'Uuden sukupolven organisaatiot (USO) -verkoston 7. kausi käynnistyy vuosille 2023–2024. ' +
				'Kauden kärkiteema on ”Uudistuvien kuntien johtaminen”.'
		);
		expect(text).toContain('neljä vuorovaikutuksellista seminaaria');
		expect(text).toContain(
			'viisi kehittämistyöpajaa kunnan omaan kehittämistoimintaan ja tarpeisiin kohdennetusti toteutettuna'
		);
		expect(text.find((p) => p.startsWith(FEE))).toBe(
			`${FEE} (maksuluokka: Pieni kunta, asukasluku ${UTAJARVI.population}). ` +
				'Maksuun lisätään arvonlisävero laskun päivänä voimassa olevan verokannan mukaan. ' +
				'Lisäksi laskutetaan kuntakohtaisten työpajojen osalta asiantuntijoiden matkakustannukset toteutuneiden kulujen mukaisesti.'
		);
		expect(text.slice(-5)).toEqual([
			'Esittelijä: kunnanjohtaja',
			'Kunnanhallitus päättää, että',
			...PROPOSAL_ITEMS
		]);
		const copy = squish(await page.getByLabel('Teksti kopioitavaksi').inputValue());
		for (const item of PROPOSAL_ITEMS) expect(copy).toContain(item);
		expect(copy).toContain('9 000 euroa / vuosi');
		await checkAccessible(page, 'decision proposal in Finnish');

		const { file, body } = await download(
			page.getByRole('link', { name: 'Lataa Word-tiedostona (.docx)' })
		);
		expect(file.suggestedFilename()).toBe(`paatosehdotus-${UTAJARVI.code}-uso-7.docx`);
		const paragraphs = await docxParagraphs(body);
		expect(paragraphs[0]).toBe(PROPOSAL_TITLE);
		expect(paragraphs.find((p) => p.startsWith(FEE))).toContain('9 000 euroa / vuosi');
		expect(paragraphs).toContain('Esittelijä: kunnanjohtaja');
		expect(paragraphs.slice(-4)).toEqual(['Kunnanhallitus päättää, että', ...PROPOSAL_ITEMS]);
	});

	it('moves Utajärvi on to active, as the season page then shows', async () => {
		await page.getByRole('main').getByRole('link', { name: UTAJARVI.name, exact: true }).click();
		await expectHeading(page, `${UTAJARVI.name}: ${USO7.fi}`);
		await submit(page.getByRole('button', { name: 'Siirrä tilaan: mukana', exact: true }));
		expect(
			await visibleText(page.getByRole('status').filter({ hasText: 'Tila on muutettu.' }))
		).toBe('Tila on muutettu.');
		expect((await facts(page.getByRole('main')))['Tila']).toBe('mukana');
		await checkAccessible(page, 'membership moved to active');

		await page.goto(seasonUrl);
		await expectHeading(page, USO7.fi);
		expect((await members()).find((r) => r[0] === UTAJARVI.name)?.[1]).toBe('mukana');
	});

	it('left no stack trace in the server log', () => {
		expectCleanLog(app);
	});
});
