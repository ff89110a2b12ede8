import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type AppServer } from '../support/app-server';
import { describeWithBrowser, firstPage, launchBrowser } from '../support/chromium';
import {
	checkAccessible,
	expectCleanLog,
	expectHeading,
	htmlLang,
	submit,
	visibleText
} from '../stories/story';
import {
	download,
	expectForbidden,
	facts,
	KAJAANI_CONTACT,
	minimalPdf,
	signInAs,
	USO7,
	VAALA_CONTACT
} from './journey';

/**
 * Jaana, Kajaani's contact person, manages Kajaani's people and membership; she must see
 * nothing of Vaala's. In a browser she gets the "no access" page for Vaala's membership, its
 * proposal, its people and its minutes, and a form she forges with her own session cookie
 * changes nothing of Vaala's. (tests/e2e/access.e2e.ts asks the same of every route over
 * plain HTTP; this is what a person sees.)
 */

const TABLED = {
	body: 'kunnanhallitus',
	meetingDate: '2023-01-09',
	shownDate: '9.1.2023',
	section: '§ 3',
	presenter: 'kunnanjohtaja',
	proposal: 'Kunnanhallitus päättää osallistua USO-verkoston 7. kauteen.',
	decision: 'Asia jätettiin pöydälle lisäselvityksiä varten.'
};
const MINUTES = { name: 'vaala-kh-2023-01-09-3.pdf', bytes: minimalPdf('Vaala KH 3') };

let app: AppServer;
let vaalaBrowser: BrowserContext;
let kajaaniBrowser: BrowserContext;
let vaala: Page;
let kajaani: Page;
/** Addresses of Vaala's things, as Vaala's contact person finds them. */
const at = { membership: '', proposal: '', docx: '', people: '', person: '', minutes: '' };

/** Vaala's membership as its contact person sees it: facts and the decisions' headings. */
async function vaalaMembership(): Promise<{ facts: Record<string, string>; decisions: string[] }> {
	await vaala.goto(at.membership);
	await expectHeading(vaala, `Vaala: ${USO7.fi}`);
	return {
		facts: await facts(vaala.getByRole('main')),
		decisions: await vaala.getByRole('main').getByRole('heading', { level: 3 }).allInnerTexts()
	};
}

async function vaalaPeopleCount(): Promise<string> {
	await vaala.goto(at.people);
	await expectHeading(vaala, 'Henkilöt: Vaala');
	return visibleText(vaala.getByRole('main').getByRole('status'));
}

describeWithBrowser('one municipality’s contact person and another’s data', () => {
	beforeAll(async () => {
		app = await startApp();
		vaalaBrowser = await launchBrowser();
		kajaaniBrowser = await launchBrowser();
		vaala = await firstPage(vaalaBrowser);
		kajaani = await firstPage(kajaaniBrowser);
	});
	afterAll(async () => {
		await vaalaBrowser?.close();
		await kajaaniBrowser?.close();
		await app?.stop();
	});

	it('Vaala’s contact person records the board’s earlier, tabled meeting with its minutes', async () => {
		await signInAs(vaala, app.url, VAALA_CONTACT);
		await vaala
			.getByRole('navigation', { name: 'Päävalikko' })
			.getByRole('link', { name: 'Oma kunta', exact: true })
			.click();
		await expectHeading(vaala, 'Vaala');
		await vaala.getByRole('link', { name: USO7.fi, exact: true }).click();
		await expectHeading(vaala, `Vaala: ${USO7.fi}`);
		at.membership = vaala.url();
		at.proposal = `${at.membership}/proposal`;
		at.docx = `${at.membership}/proposal/docx?lang=fi`;

		const form = vaala.locator('form[action^="?/decision"]');
		await form.getByLabel('Toimielin', { exact: true }).fill(TABLED.body);
		await form.getByLabel('Kokouspäivä', { exact: true }).fill(TABLED.meetingDate);
		await form.getByLabel('Pykälä', { exact: true }).fill(TABLED.section);
		await form.getByLabel('Esittelijä', { exact: true }).fill(TABLED.presenter);
		await form.getByLabel('Päätösehdotus', { exact: true }).fill(TABLED.proposal);
		await form.getByLabel('Päätös', { exact: true }).fill(TABLED.decision);
		await form.getByRole('radio', { name: 'pöydälle', exact: true }).check();
		await form.getByLabel('Pöytäkirjanote (PDF)', { exact: true }).setInputFiles({
			name: MINUTES.name,
			mimeType: 'application/pdf',
			buffer: MINUTES.bytes
		});
		await submit(form.getByRole('button', { name: 'Kirjaa päätös', exact: true }));
		await vaala.getByRole('status').filter({ hasText: 'Päätös on kirjattu.' }).waitFor();
		// a tabled item changes nothing: Vaala is still in
		expect((await facts(vaala.getByRole('main')))['Tila']).toBe('mukana');
		const tabled = vaala.getByRole('region', {
			name: `${TABLED.body} ${TABLED.shownDate} ${TABLED.section}`
		});
		expect((await facts(tabled))['Päätös']).toBe(`${TABLED.decision} (pöydälle)`);
		await checkAccessible(vaala, 'Vaala’s membership with a tabled decision');

		const link = tabled.getByRole('link', { name: MINUTES.name, exact: true });
		at.minutes = new URL((await link.getAttribute('href'))!, at.membership).href;
		const { body } = await download(link);
		expect(body.equals(MINUTES.bytes)).toBe(true);

		at.people = `${app.url}/municipalities/785/people`;
		await vaala.goto(at.people);
		const helena = vaala.getByRole('link', { name: VAALA_CONTACT.name, exact: true });
		at.person = new URL((await helena.getAttribute('href'))!, at.people).href;
		expect(at.person).toMatch(/\/municipalities\/785\/people\/[0-9a-f-]{36}$/);
		expect(at.minutes).toMatch(/\/minutes\/[0-9a-f-]{36}$/);
	});

	it('Kajaani’s contact person gets the “no access” page for every page of Vaala’s', async () => {
		await signInAs(kajaani, app.url, KAJAANI_CONTACT);
		// her own municipality is open to her
		await kajaani
			.getByRole('navigation', { name: 'Päävalikko' })
			.getByRole('link', { name: 'Oma kunta', exact: true })
			.click();
		await expectHeading(kajaani, 'Kajaani');
		await checkAccessible(kajaani, 'Kajaani, for its contact person');

		for (const url of [
			`${app.url}/municipalities/785`,
			at.membership,
			at.proposal,
			at.people,
			`${at.people}/import`,
			at.person
		]) {
			await expectForbidden(kajaani, url);
		}
	});

	it('nor can she download Vaala’s minutes or proposal', async () => {
		for (const url of [at.minutes, at.docx]) {
			const response = await kajaani.request.get(url);
			expect(response.status(), `GET ${url}`).toBe(403);
			expect(response.headers()['content-disposition'], 'no file is sent').toBeUndefined();
			expect((await response.body()).includes(MINUTES.bytes.subarray(0, 64))).toBe(false);
		}
		// opened in the browser (a forwarded link, say), the minutes' address should show the
		// app's "no access" page in her language, as every other page does
		for (const url of [at.minutes, at.docx]) {
			const response = await kajaani.goto(url);
			expect(response?.status(), `GET ${url}`).toBe(403);
			const shown = {
				lang: await htmlLang(kajaani),
				heading: await visibleText(kajaani.getByRole('heading', { level: 1 }))
			};
			expect
				.soft(shown, `the page for ${new URL(url).pathname}`)
				.toEqual({ lang: 'fi', heading: 'Ei käyttöoikeutta' });
			await checkAccessible(kajaani, `403 answer of ${new URL(url).pathname}`);
		}
	});

	it('and Vaala’s things are not found under Kajaani’s own address either', async () => {
		const underKajaani = (url: string) =>
			url.replace('/municipalities/785/', '/municipalities/205/');
		for (const url of [at.membership, at.proposal, at.person].map(underKajaani)) {
			const response = await kajaani.goto(url);
			expect(response?.status(), `GET ${url}`).toBe(404);
			await expectHeading(kajaani, 'Sivua ei löytynyt');
		}
		await checkAccessible(kajaani, 'not-found page');
		const minutes = underKajaani(at.minutes);
		const response = await kajaani.goto(minutes);
		expect(response?.status(), `GET ${minutes}`).toBe(404);
		expect(response?.headers()['content-disposition'], 'no file is sent').toBeUndefined();
		expect
			.soft(
				await visibleText(kajaani.getByRole('heading', { level: 1 })),
				'the page for minutes not found'
			)
			.toBe('Sivua ei löytynyt');
	});

	it('forged forms with her session cookie change nothing of Vaala’s', async () => {
		const before = { membership: await vaalaMembership(), people: await vaalaPeopleCount() };
		expect(before.membership.decisions).toHaveLength(2);
		const minutes = { name: 'vaarennos.pdf', mimeType: 'application/pdf', buffer: minimalPdf() };
		const decision = {
			body: 'kunnanhallitus',
			meetingDate: '2023-03-01',
			section: '§ 99',
			presenterTitle: 'kunnanjohtaja',
			proposal: 'Vaala eroaa verkostosta.',
			decision: 'Hyväksyttiin.',
			outcome: 'tabled'
		};
		// as a browser sends a form: from the app's own origin, asking for a page
		const sameSite = { origin: app.url, accept: 'text/html' };
		type Multipart = Record<string, string | { name: string; mimeType: string; buffer: Buffer }>;
		const forged: { url: string; multipart?: Multipart; form?: Record<string, string> }[] = [
			{ url: `${at.membership}?/decision`, multipart: { ...decision, minutes } },
			{ url: `${at.membership}?/details`, form: { contactPersonId: '', onSiteGroups: 'council' } },
			{ url: `${at.membership}?/state`, form: { to: 'withdrawn' } },
			{
				url: `${at.people}?/add`,
				form: { name: 'Vale Henkilö', email: 'vale@example.fi', locale: 'fi' }
			},
			{ url: `${at.person}?/remove`, form: { confirm: 'yes' } }
		];
		for (const { url, multipart, form } of forged) {
			// as her own page would send it (same origin): the app's own check refuses it
			const response = await kajaani.request.post(url, {
				headers: sameSite,
				...(multipart ? { multipart } : { form })
			});
			expect(response.status(), `POST ${url}`).toBe(403);
			expect(await response.text()).toContain('Ei käyttöoikeutta');
			// from another site: refused before any of the app's code runs
			const crossSite = await kajaani.request.post(url, {
				headers: { origin: 'https://attacker.example' },
				form: form ?? { body: 'x' }
			});
			expect(crossSite.status(), `cross-site POST ${url}`).toBe(403);
		}
		// Vaala's membership through Kajaani's own address: not found
		const sideways = await kajaani.request.post(
			`${at.membership.replace('/municipalities/785/', '/municipalities/205/')}?/decision`,
			{ headers: sameSite, multipart: { ...decision, minutes } }
		);
		expect(sideways.status()).toBe(404);

		const after = { membership: await vaalaMembership(), people: await vaalaPeopleCount() };
		expect(after).toEqual(before);
		expect(after.membership.facts).toEqual({
			Tila: 'mukana',
			Yhdyshenkilö: 'Helena Hallila, hallintojohtaja',
			'Saavat osallistua seminaareihin paikan päällä':
				'kunnanhallituksen jäsenet, valtuuston puheenjohtajisto, johtoryhmä'
		});
		expect(after.people).toBe('6 henkilöä');
	});

	it('left no stack trace in the server log', () => {
		expectCleanLog(app);
	});
});
