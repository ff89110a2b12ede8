import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type AppServer } from '../support/app-server';
import { describeWithBrowser, firstPage, launchBrowser } from '../support/chromium';
import {
	checkAccessible,
	chooseOption,
	chosenOption,
	expectCleanLog,
	expectHeading,
	htmlLang,
	squish,
	submit,
	visibleText
} from '../stories/story';
import {
	download,
	expectForbidden,
	facts,
	signInAs,
	USO7,
	USO8,
	VAALA_PARTICIPANT
} from './journey';

/**
 * Mikko, a member of Vaala's municipal board, is a participant: he reads his municipality's
 * membership and learns that the board's decision lets him attend the seminars on site; he
 * may not manage Vaala's people nor look at another municipality (Kajaani); he switches to Swedish and
 * takes a copy of his personal data.
 */

let app: AppServer;
let context: BrowserContext;
let page: Page;

describeWithBrowser('Vaala’s participant', () => {
	beforeAll(async () => {
		app = await startApp();
		context = await launchBrowser();
		page = await firstPage(context);
	});
	afterAll(async () => {
		await context?.close();
		await app?.stop();
	});

	it('reads Vaala’s membership, without the forms that manage it', async () => {
		await signInAs(page, app.url, VAALA_PARTICIPANT);
		const nav = page.getByRole('navigation', { name: 'Päävalikko' });
		expect(await nav.getByRole('link', { name: 'Kaudet' }).count(), 'no coordinator menu').toBe(0);
		await nav.getByRole('link', { name: 'Oma kunta', exact: true }).click();
		await expectHeading(page, 'Vaala');
		expect(
			await page.getByRole('main').getByRole('link', { name: 'Henkilöt', exact: true }).count()
		).toBe(0);
		expect(
			await visibleText(page.getByRole('listitem').filter({ hasText: USO7.fi })),
			'the membership over seasons'
		).toContain(`${USO7.fi} – mukana`);
		await checkAccessible(page, 'Vaala, as a participant');

		await page.getByRole('link', { name: USO7.fi, exact: true }).click();
		await expectHeading(page, `Vaala: ${USO7.fi}`);
		const shown = await facts(page.getByRole('main'));
		expect(shown['Tila']).toBe('mukana');
		expect(shown['Yhdyshenkilö']).toBe('Helena Hallila, hallintojohtaja');
		expect(shown['Saavat osallistua seminaareihin paikan päällä']).toBe(
			'kunnanhallituksen jäsenet, valtuuston puheenjohtajisto, johtoryhmä'
		);
		const decision = page.getByRole('region', { name: 'kunnanhallitus 16.1.2023 § 9' });
		expect((await facts(decision))['Päätös']).toBe('Hyväksyttiin. (hyväksytty)');
		for (const heading of ['Kirjaa päätös', 'Yhdyshenkilö ja osallistujat', 'Muuta tilaa']) {
			expect(await page.getByRole('heading', { name: heading }).count(), heading).toBe(0);
		}
		expect(await page.getByRole('button').filter({ hasText: 'Tallenna' }).count()).toBe(0);
		await checkAccessible(page, 'Vaala’s membership, as a participant');
	});

	it('learns on his own page that he may attend the seminars on site', async () => {
		await page
			.getByRole('navigation', { name: 'Päävalikko' })
			.getByRole('link', { name: 'Omat tiedot', exact: true })
			.click();
		await expectHeading(page, 'Omat tiedot');
		const mine = await facts(page.getByRole('main'));
		expect(mine).toEqual({
			Sähköposti: VAALA_PARTICIPANT.email,
			Kunta: 'Vaala',
			Tehtävänimike: 'kunnanhallituksen jäsen',
			Asemat: 'kunnanhallituksen jäsen'
		});
		// of the season running: USO 7 has ended
		const membership = page.getByRole('region', { name: 'Kuntasi jäsenyys' });
		const text = squish(await membership.innerText());
		expect(text).toContain(USO8.fi);
		expect(text).not.toContain(USO7.fi);
		expect(text).toContain('Tila: mukana');
		expect(text).toContain(
			'Voit osallistua seminaareihin paikan päällä. (kunnanhallituksen jäsenet)'
		);
		expect(await chosenOption(page.getByLabel('Kieli', { exact: true }))).toBe('suomi');
		await checkAccessible(page, 'own page');
	});

	it('may neither manage Vaala’s people nor look at Kajaani', async () => {
		await expectForbidden(page, `${app.url}/municipalities/785/people`);
		await expectForbidden(page, `${app.url}/municipalities/785/people/import`);
		await expectForbidden(page, `${app.url}/municipalities/205`);
		await expectForbidden(page, `${app.url}/seasons`);
	});

	it('switches his language to Swedish on his own page', async () => {
		await page.goto(`${app.url}/account`);
		await expectHeading(page, 'Omat tiedot');
		// a name left empty is answered next to the field, and the language stays as it was
		await page.getByLabel('Nimi', { exact: true }).fill('');
		await submit(page.getByRole('button', { name: 'Tallenna', exact: true }));
		await expectHeading(page, 'Omat tiedot');
		const name = page.getByLabel('Nimi', { exact: true });
		expect(await name.getAttribute('aria-invalid')).toBe('true');
		expect(
			squish(
				await page.locator(`[id="${await name.getAttribute('aria-describedby')}"]`).innerText()
			)
		).toBe('Tämä tieto tarvitaan.');
		await checkAccessible(page, 'own page with an empty name');

		await name.fill(VAALA_PARTICIPANT.name);
		await chooseOption(page.getByLabel('Kieli', { exact: true }), 'svenska');
		await submit(page.getByRole('button', { name: 'Tallenna', exact: true }));
		await expectHeading(page, 'Mina uppgifter');
		expect(await htmlLang(page)).toBe('sv');
		expect(new URL(page.url()).pathname).toBe('/account');
		expect(
			await visibleText(page.getByRole('status').filter({ hasText: 'Uppgifterna har sparats.' }))
		).toBe('Uppgifterna har sparats.');
		const membership = page.getByRole('region', { name: 'Din kommuns medlemskap' });
		const text = squish(await membership.innerText());
		expect(text).toContain(USO8.sv);
		expect(text).toContain('Status: med');
		expect(text).toContain('Du kan delta i seminarierna på plats. (kommunstyrelsens ledamöter)');
		expect(await chosenOption(page.getByLabel('Språk', { exact: true }))).toBe('svenska');
		expect(
			await page
				.getByRole('list', { name: 'Byt språk' })
				.getByRole('button', { name: 'svenska' })
				.getAttribute('aria-current')
		).toBe('true');
		await checkAccessible(page, 'own page in Swedish');

		// the choice holds on his other pages too
		await page
			.getByRole('navigation', { name: 'Huvudmeny' })
			.getByRole('link', { name: 'Min kommun', exact: true })
			.click();
		await expectHeading(page, 'Vaala');
		expect(await htmlLang(page)).toBe('sv');
		await checkAccessible(page, 'Vaala in Swedish');
	});

	it('downloads his personal data: his address, no password hash', async () => {
		await page.goto(`${app.url}/account`);
		await expectHeading(page, 'Mina uppgifter');
		const { file, body } = await download(
			page.getByRole('link', { name: 'Ladda ner uppgifterna (JSON)', exact: true })
		);
		expect(file.suggestedFilename()).toMatch(/\.json$/);
		const text = body.toString('utf8');
		const data = JSON.parse(text) as {
			profile: { email: string; name: string; locale: string; passwordSet: boolean };
			roles: { role: string; municipalityCode: string | null }[];
		};
		expect(data.profile.email).toBe(VAALA_PARTICIPANT.email);
		expect(data.profile.name).toBe(VAALA_PARTICIPANT.name);
		expect(data.profile.locale, 'the language just chosen').toBe('sv');
		expect(data.profile.passwordSet).toBe(true);
		expect(data.roles.map((r) => [r.role, r.municipalityCode])).toEqual([['participant', '785']]);
		expect(text).not.toMatch(/passwordHash|password_hash/i);
		expect(text, 'no argon2 hash anywhere').not.toMatch(/\$argon2/);
	});

	it('left no stack trace in the server log', () => {
		expectCleanLog(app);
	});
});
