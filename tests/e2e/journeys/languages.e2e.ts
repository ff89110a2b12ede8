import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type AppServer } from '../support/app-server';
import { describeWithBrowser, firstPage, launchBrowser } from '../support/chromium';
import {
	checkAccessible,
	chosenOption,
	COORDINATOR,
	DEMO_PASSWORD,
	expectCleanLog,
	expectHeading,
	htmlLang,
	signIn,
	squish,
	submit,
	submitPassword,
	tableRows,
	visibleText
} from '../stories/story';
import { describedBy, docxParagraphs, download, facts, USO7 } from './journey';

/**
 * The pages of the Vaala story in Swedish and in English: the season, Vaala's membership, the
 * decision proposal (whose own language is chosen apart from the page's) and Vaala's people.
 * Kaisa switches the language in the header; Camilla of Loviisa, whose account is in Swedish,
 * gets Swedish as soon as she signs in.
 */

const PROPOSAL = {
	sv: {
		title: 'Deltagande i USO-nätverkets 7:e säsong 2023–2024',
		fee: 'Den kommunspecifika deltagaravgiften i USO-nätverket är 9 000 euro per år (avgiftsklass: Liten kommun, invånarantal 2 581).',
		intro: 'Kommunstyrelsen beslutar att',
		joins:
			'1) Vaala deltar i nätverket Nya generationens organisationer (USO) under dess 7:e säsong 2023–2024.',
		onSite:
			'3) Kommunstyrelsens ledamöter, fullmäktiges ordförande och vice ordförande och ledningsgruppens medlemmar får delta i USO-nätverkets seminarier på plats.'
	},
	en: {
		title: "Participation in the USO network's 7th season, 2023–2024",
		fee: "The municipality's participation fee in the USO network is 9 000 euros a year (fee class: Small municipality, population 2 581).",
		intro: 'The municipal board decides that',
		joins:
			"1) Vaala takes part in the New Generation Organisations (USO) network's 7th season for 2023–2024.",
		// as the English rendering of Vaala's minutes has it (shared/seed/README.md)
		contact: '2) The administrative director is named the network contact person.',
		onSite:
			"3) The members of the municipal board, the council's chair and vice-chairs and the members of the management team may attend the USO network's seminars on site."
	}
};

let app: AppServer;
let context: BrowserContext;
let page: Page;
let seasonUrl = '';
let membershipUrl = '';

const proposalText = async (title: string) => {
	const article = page.getByRole('article', { name: title, exact: true });
	await article.waitFor();
	return (await article.locator('p, li').allInnerTexts()).map(squish);
};

describeWithBrowser('the story’s pages in Swedish and English', () => {
	beforeAll(async () => {
		app = await startApp();
		context = await launchBrowser();
		page = await firstPage(context);
	});
	afterAll(async () => {
		await context?.close();
		await app?.stop();
	});

	it('shows season 7 in Swedish, with an error message in Swedish', async () => {
		await signIn(page, app.url, COORDINATOR);
		await page.getByRole('button', { name: 'svenska', exact: true }).click();
		await expectHeading(page, `Välkommen, ${COORDINATOR.name}`);
		await page
			.getByRole('navigation', { name: 'Huvudmeny' })
			.getByRole('link', { name: 'Säsonger', exact: true })
			.click();
		await expectHeading(page, 'Säsonger');
		await checkAccessible(page, 'season list in Swedish');
		await page.getByRole('link', { name: 'USO 7', exact: true }).click();
		await expectHeading(page, USO7.sv);
		seasonUrl = page.url();
		expect(await htmlLang(page)).toBe('sv');
		expect((await facts(page.getByRole('main')))['Huvudtema']).toBe(
			'Ledarskap i kommuner som förnyas'
		);
		const focus = page.getByRole('main').locator('h2:has-text("Tyngdpunkter") + ol > li');
		expect((await focus.allInnerTexts()).map(squish)).toEqual([
			'Strategiskt ledarskap och framsynthet',
			'Samarbetsmodeller med välfärdsområdena',
			'Ledning av ekosystem för sysselsättning och livskraft'
		]);
		const tiers = await tableRows(page.getByRole('table', { name: 'Deltagaravgifter' }));
		expect(tiers[0]).toEqual(['Liten kommun', '0–9 999', '9 000,00 € + moms']);
		expect(await visibleText(page.getByRole('status').filter({ hasText: 'kommuner' }))).toBe(
			'14 kommuner'
		);
		const members = await tableRows(page.getByRole('table', { name: 'Medlemskommuner' }));
		expect(members.find((r) => r[0] === 'Vaala')).toEqual([
			'Vaala',
			'med',
			'2 581',
			'2',
			'Liten kommun, 9 000,00 €',
			// its workshop entitlement, in Swedish
			'4 hållna, 1 sent inställda, 0 kvar, därtill 1 extra verkstäder'
		]);
		// Swedish names where a municipality has one
		expect(members.find((r) => r[0] === 'Lahtis')?.[1]).toBe('inbjuden');
		await checkAccessible(page, 'season 7 in Swedish');

		const code = page.getByLabel('Kommunnummer', { exact: true });
		await code.fill('12');
		await submit(page.getByRole('button', { name: 'Bjud in en kommun', exact: true }));
		await expectHeading(page, USO7.sv);
		expect(await describedBy(page.getByLabel('Kommunnummer', { exact: true }))).toBe(
			'Tresiffrigt kommunnummer, t.ex. 785 (Vaala). Värdet godtas inte.'
		);
		await checkAccessible(page, 'invite form with an error in Swedish');
	});

	it('shows Vaala’s membership in Swedish', async () => {
		await page.goto(seasonUrl);
		await page.getByRole('link', { name: 'Vaala', exact: true }).click();
		await expectHeading(page, `Vaala: ${USO7.sv}`);
		membershipUrl = page.url();
		expect(await facts(page.getByRole('main'))).toEqual({
			Status: 'med',
			Kontaktperson: 'Helena Hallila, hallintojohtaja',
			'Får delta i seminarierna på plats':
				'kommunstyrelsens ledamöter, fullmäktiges presidium, ledningsgruppen'
		});
		const decision = page.getByRole('region', { name: 'kunnanhallitus 16.1.2023 § 9' });
		expect((await facts(decision))['Beslut']).toBe('Hyväksyttiin. (godkänt)');
		for (const heading of ['Beslut', 'Registrera beslut', 'Kontaktperson och deltagare']) {
			await page.getByRole('heading', { level: 2, name: heading, exact: true }).waitFor();
		}
		await page.getByRole('radio', { name: 'bordlagt', exact: true }).waitFor();
		await page.getByRole('checkbox', { name: 'fullmäktiges presidium', exact: true }).waitFor();
		await page.getByRole('button', { name: 'Flytta till: utträtt', exact: true }).waitFor();
		await checkAccessible(page, 'Vaala’s membership in Swedish');
	});

	it('drafts the proposal in Swedish, the contact title changed by hand', async () => {
		await page.getByRole('link', { name: 'Beslutsförslag till kommunens organ' }).click();
		await expectHeading(page, 'Beslutsförslag: Vaala');
		// the proposal speaks the page's language unless another is chosen
		expect(await chosenOption(page.getByLabel('Språk', { exact: true }))).toBe('svenska');
		expect(await page.getByLabel('Organ', { exact: true }).inputValue()).toBe('kommunstyrelsen');
		let text = await proposalText(PROPOSAL.sv.title);
		expect(text.find((p) => p.startsWith('Den kommunspecifika'))).toContain(PROPOSAL.sv.fee);
		expect(text).toContain('Föredragande: kommundirektören');
		expect(text).toContain(PROPOSAL.sv.intro);
		expect(text).toContain(PROPOSAL.sv.joins);
		expect(text).toContain(PROPOSAL.sv.onSite);
		// Vaala's contact person's title is Finnish ("hallintojohtaja"): a Swedish text should
		// not take it over as it is
		expect
			.soft(
				text.find((p) => p.startsWith('2)')),
				'the contact person sentence of the Swedish proposal'
			)
			.not.toContain('hallintojohtaja');
		await checkAccessible(page, 'proposal in Swedish');

		await page.getByLabel('Kontaktpersonens titel', { exact: true }).fill('förvaltningsdirektören');
		await submit(page.getByRole('button', { name: 'Uppdatera förslaget', exact: true }));
		await expectHeading(page, 'Beslutsförslag: Vaala');
		expect(new URL(page.url()).searchParams.get('lang')).toBe('sv');
		text = await proposalText(PROPOSAL.sv.title);
		expect(text).toContain('2) Till kontaktperson för nätverket utses förvaltningsdirektören.');
		await checkAccessible(page, 'proposal in Swedish, updated');

		const { file, body } = await download(
			page.getByRole('link', { name: 'Ladda ner som Word-fil (.docx)' })
		);
		expect(file.suggestedFilename()).toBe('paatosehdotus-785-uso-7.docx');
		const paragraphs = await docxParagraphs(body);
		expect(paragraphs[0]).toBe(PROPOSAL.sv.title);
		expect(paragraphs.slice(-4)).toEqual([
			PROPOSAL.sv.intro,
			PROPOSAL.sv.joins,
			'2) Till kontaktperson för nätverket utses förvaltningsdirektören.',
			PROPOSAL.sv.onSite
		]);
	});

	it('shows an English proposal on a Finnish page with ?lang=en, marked as English', async () => {
		await page.getByRole('button', { name: 'suomi', exact: true }).click();
		await expectHeading(page, 'Päätösehdotus: Vaala');
		await page.goto(`${membershipUrl}/proposal?lang=en`);
		await expectHeading(page, 'Päätösehdotus: Vaala');
		expect(await htmlLang(page)).toBe('fi');
		expect(await chosenOption(page.getByLabel('Kieli', { exact: true }))).toBe('English');
		const article = page.getByRole('article', { name: PROPOSAL.en.title, exact: true });
		expect(await article.getAttribute('lang'), 'a screen reader reads it as English').toBe('en');
		expect(await page.getByLabel('Teksti kopioitavaksi').getAttribute('lang')).toBe('en');
		const text = await proposalText(PROPOSAL.en.title);
		expect(text).toContain(PROPOSAL.en.joins);
		await checkAccessible(page, 'English proposal on a Finnish page');

		await page.goto(`${membershipUrl}/proposal?lang=sv`);
		expect(await proposalText(PROPOSAL.sv.title)).toContain(PROPOSAL.sv.joins);
		await checkAccessible(page, 'Swedish proposal on a Finnish page');
	});

	it('shows the season, the membership, the proposal and the people in English', async () => {
		await page.getByRole('button', { name: 'English', exact: true }).click();
		await expectHeading(page, 'Decision proposal: Vaala');
		await page.goto(seasonUrl);
		await expectHeading(page, USO7.en);
		expect(await htmlLang(page)).toBe('en');
		expect((await facts(page.getByRole('main')))['Lead theme']).toBe(
			'Leadership of renewing municipalities'
		);
		const tiers = await tableRows(page.getByRole('table', { name: 'Participation fees' }));
		expect(tiers[0]).toEqual(['Small municipality', '0–9 999', '9 000,00 € + VAT']);
		const members = await tableRows(page.getByRole('table', { name: 'Member municipalities' }));
		expect(members.find((r) => r[0] === 'Vaala')?.[1]).toBe('active');
		expect(members.find((r) => r[0] === 'Lahti')?.[1]).toBe('invited');
		await checkAccessible(page, 'season 7 in English');

		await page.goto(membershipUrl);
		await expectHeading(page, `Vaala: ${USO7.en}`);
		expect(await facts(page.getByRole('main'))).toEqual({
			State: 'active',
			'Contact person': 'Helena Hallila, hallintojohtaja',
			'May attend the seminars on site':
				'members of the municipal board, the council’s chair and vice-chairs, the management team'
		});
		await page.getByRole('heading', { level: 2, name: 'Record a decision', exact: true }).waitFor();
		await checkAccessible(page, 'Vaala’s membership in English');

		await page
			.getByRole('link', { name: 'Decision proposal for the municipality’s board' })
			.click();
		await expectHeading(page, 'Decision proposal: Vaala');
		expect(await chosenOption(page.getByLabel('Language', { exact: true }))).toBe('English');
		const text = await proposalText(PROPOSAL.en.title);
		expect(text.find((p) => p.startsWith("The municipality's participation fee"))).toContain(
			PROPOSAL.en.fee
		);
		expect(text).toContain('Presenter: municipal manager');
		expect(text).toContain(PROPOSAL.en.intro);
		expect(text).toContain(PROPOSAL.en.joins);
		expect(text).toContain(PROPOSAL.en.onSite);
		expect
			.soft(
				text.find((p) => p.startsWith('2)')),
				'the contact person sentence in English'
			)
			.toBe(PROPOSAL.en.contact);
		await checkAccessible(page, 'proposal in English');

		await page.goto(membershipUrl.replace(/\/memberships\/.*$/, '/people'));
		await expectHeading(page, 'People: Vaala');
		expect(await visibleText(page.getByRole('main').getByRole('status'))).toBe('6 people');
		const people = await tableRows(page.getByRole('table', { name: 'People', exact: true }));
		expect(people.find((r) => r[0] === 'Helena Hallila')?.[3]).toBe(
			'administrative director, management team member, contact person'
		);
		await page.getByRole('checkbox', { name: 'member of the municipal board' }).waitFor();
		await page.getByRole('button', { name: 'Add a person', exact: true }).waitFor();
		await checkAccessible(page, 'Vaala’s people in English');
	});

	it('shows Vaala’s people in Swedish, with an error in Swedish', async () => {
		await page.getByRole('button', { name: 'svenska', exact: true }).click();
		await expectHeading(page, 'Personer: Vaala');
		expect(await visibleText(page.getByRole('main').getByRole('status'))).toBe('6 personer');
		const people = await tableRows(page.getByRole('table', { name: 'Personer', exact: true }));
		expect(people.find((r) => r[0] === 'Mikko Mäkelä')?.[3]).toBe('kommunstyrelseledamot');
		await submit(page.getByRole('button', { name: 'Lägg till en person', exact: true }));
		await page
			.getByRole('alert')
			.filter({ hasText: 'Formuläret innehåller fel. Rätta de markerade fälten.' })
			.waitFor();
		expect(await describedBy(page.getByLabel('Namn', { exact: true }))).toBe(
			'Den här uppgiften behövs.'
		);
		await checkAccessible(page, 'Vaala’s people in Swedish, add form with errors');
		// back to Finnish for the coordinator's account
		await page.getByRole('button', { name: 'suomi', exact: true }).click();
		await expectHeading(page, 'Henkilöt: Vaala');
	});

	it('greets Loviisa’s Swedish-speaking contact person in Swedish from the start', async () => {
		const other = await launchBrowser();
		try {
			// a Finnish browser that has never been here: only her account says svenska
			const tab = await firstPage(other);
			await tab.goto(`${app.url}/signin`);
			await expectHeading(tab, 'Kirjaudu sisään');
			await submitPassword(tab, 'yhteys-434@example.fi', DEMO_PASSWORD);
			await tab.getByRole('heading', { level: 1, name: /Camilla Lindqvist$/ }).waitFor();
			// ADR 004: the account's language is an explicit choice, before Accept-Language
			expect
				.soft(
					await visibleText(tab.getByRole('heading', { level: 1 })),
					'the greeting after signing in with an account in Swedish'
				)
				.toBe('Välkommen, Camilla Lindqvist');
			if ((await htmlLang(tab)) !== 'sv') {
				// what she does when it is not: picks svenska in the header
				await tab.getByRole('button', { name: 'svenska', exact: true }).click();
				await expectHeading(tab, 'Välkommen, Camilla Lindqvist');
			}
			expect(await htmlLang(tab)).toBe('sv');
			await checkAccessible(tab, 'front page in Swedish, Loviisa’s contact person');
			await tab
				.getByRole('navigation', { name: 'Huvudmeny' })
				.getByRole('link', { name: 'Min kommun', exact: true })
				.click();
			await expectHeading(tab, 'Lovisa');
			await tab.getByRole('main').getByRole('link', { name: 'Personer', exact: true }).click();
			await expectHeading(tab, 'Personer: Lovisa');
			await checkAccessible(tab, 'Lovisa’s people in Swedish');
			await tab.goBack();
			await tab.getByRole('link', { name: USO7.sv, exact: true }).click();
			await expectHeading(tab, `Lovisa: ${USO7.sv}`);
			await checkAccessible(tab, 'Lovisa’s membership in Swedish');
			await tab.getByRole('link', { name: 'Beslutsförslag till kommunens organ' }).click();
			await expectHeading(tab, 'Beslutsförslag: Lovisa');
			const text = (
				await tab
					.getByRole('article', { name: PROPOSAL.sv.title, exact: true })
					.locator('p, li')
					.allInnerTexts()
			).map(squish);
			expect(text).toContain(
				'1) Lovisa deltar i nätverket Nya generationens organisationer (USO) under dess 7:e säsong 2023–2024.'
			);
			await checkAccessible(tab, 'Lovisa’s proposal in Swedish');
		} finally {
			await other.close();
		}
	});

	it('left no stack trace in the server log', () => {
		expectCleanLog(app);
	});
});
