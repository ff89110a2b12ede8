import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { fromHelsinki, helsinkiDate } from '../../../src/lib/domain/helsinki-time';
import { parseIcs, type ParsedEvent } from '../../support/parse-ics';
import { startApp, type AppServer } from '../support/app-server';
import { describeWithBrowser, firstPage, launchBrowser } from '../support/chromium';
import { startMailbox, type Mailbox, type ReceivedMail } from '../support/mailbox';
import {
	checkAccessible,
	chooseOption,
	COORDINATOR,
	expectCleanLog,
	expectHeading,
	squish,
	STEP_TIMEOUT,
	STORY_TIMEOUT,
	submit,
	submitPassword,
	tableRows,
	visibleText
} from '../stories/story';
import { expectForbidden, facts, KAJAANI_CONTACT, signInAs, USO8, VAALA_CONTACT } from './journey';

vi.setConfig({ testTimeout: STORY_TIMEOUT });

/**
 * The network's events in USO 8, the season running around the day the demo was loaded, with
 * the mail they send through the background jobs delivered to an SMTP mailbox in the test:
 *
 * 1. Veikko, Suomussalmi's participant, signs up online for the hybrid seminar, finds it among
 *    his sign-ups and on his front page, gets a confirmation with a calendar invitation
 *    (METHOD:REQUEST), cancels before the deadline and gets the calendar's CANCEL.
 * 2. Kaisa, the coordinator, plans a peer discussion with three seats; Helena, Vaala's contact
 *    person, takes one and signs up three of Vaala's people for the two left: the last of them
 *    waits, first in line; Helena cancels her own and the one waiting gets her seat at once,
 *    and the mail saying so.
 * 3. Kaisa moves the discussion to the next day: everyone holding a seat gets the calendar
 *    update, the same UID with a higher SEQUENCE than their first invitation.
 * 4. Kaisa marks a participant who came to a past review as attended; he is asked for
 *    feedback by mail, follows the link, answers once (a second answer is refused), and Kaisa
 *    reads his answer among the results.
 * 5. Kajaani's contact person sees nothing of Vaala's sign-ups and can cancel none of them; an
 *    anonymous visitor is sent to sign in.
 */

const SUOMUSSALMI_PARTICIPANT = { email: 'osallistuja-777@example.fi', name: 'Veikko Väisänen' };
const MANTYHARJU_PARTICIPANT = { email: 'osallistuja-507@example.fi', name: 'Risto Rantanen' };
/** Vaala's people without a demo account, by the addresses the demo gives them. */
const VAALA = {
	kerttu: { name: 'Kerttu Koskela', email: 'kerttu.koskela.785@example.fi' },
	riikka: { name: 'Riikka Rautio', email: 'riikka.rautio.785@example.fi' },
	tapio: { name: 'Tapio Tervo', email: 'tapio.tervo.785@example.fi' },
	olli: { name: 'Olli Oikarinen', email: 'olli.oikarinen.785@example.fi' }
};
const VAALA_NAMES = [VAALA_CONTACT.name, ...Object.values(VAALA).map((p) => p.name)];

/** The demo's hybrid seminar of USO 8 (at most three on site per municipality). */
const SEMINAR = {
	title: 'Tiedolla johtaminen ja tekoäly kunnan kehittämisessä',
	onlineUrl: 'https://meet.example.fi/uso8/seminaari-2'
};
/** The demo's current-affairs review held some days before the load day. */
const REVIEW = 'Ajankohtaiskatsaus: kuntatalouden näkymät';

/** The peer discussion Kaisa plans in the story, three weeks or more ahead, on a Tuesday. */
const DISCUSSION = (() => {
	const today = helsinkiDate(new Date());
	const days = (n: number) => {
		const [y, m, d] = today.split('-').map(Number) as [number, number, number];
		return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
	};
	let offset = 21;
	while (new Date(`${days(offset)}T12:00:00Z`).getUTCDay() !== 2) offset++;
	const day = days(offset);
	const movedTo = days(offset + 1);
	const shown = (date: string) => date.split('-').reverse().map(Number).join('.');
	const instant = (date: string, time: string) => {
		const result = fromHelsinki(date, time);
		if (!result.ok) throw new Error(`no such Helsinki time ${date} ${time}`);
		return result.instant;
	};
	return {
		title: 'Vertaiskeskustelu: kuntien viestintä muutostilanteissa',
		venue: 'Kuntatalo, kokoushuone Päijänne',
		address: 'Toinen linja 14, 00530 Helsinki',
		day,
		movedTo,
		/** The times as the form takes them and the pages show them. */
		startsAt: `${day}T13:00`,
		endsAt: `${day}T15:30`,
		movedStartsAt: `${movedTo}T13:00`,
		movedEndsAt: `${movedTo}T15:30`,
		shownWhen: `${shown(day)} klo 13.00–15.30`,
		shownMovedWhen: `${shown(movedTo)} klo 13.00–15.30`,
		movedStart: instant(movedTo, '13:00'),
		movedEnd: instant(movedTo, '15:30')
	};
})();

let app: AppServer;
let mailbox: Mailbox;
const contexts: BrowserContext[] = [];
/** Kaisa's browser, kept signed in from story to story. */
let kaisa: Page;
/** Helena's (Vaala's contact person) browser. */
let helena: Page;
/** The address of the peer discussion Kaisa plans. */
let discussionUrl = '';
/** The first calendar invitation each of Vaala's people got for a seat at the discussion. */
const firstInvitations = new Map<string, ParsedEvent>();

async function browser(): Promise<Page> {
	const context = await launchBrowser();
	contexts.push(context);
	return firstPage(context);
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Päävalikko' });

/** The first mail to `address` with `subject`, waiting for the background jobs to send it. */
function mailFor(address: string, subject: string): Promise<ReceivedMail> {
	return mailbox.waitForMail(
		(m) => m.to.some((to) => to.toLowerCase() === address) && m.subject === subject,
		STEP_TIMEOUT
	);
}

/** The calendar entry a mail carries, read back with a second parser, and its METHOD. */
function calendarIn(mail: ReceivedMail): { method: string | null; event: ParsedEvent } {
	const part = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
	expect(part, `a calendar in the mail "${mail.subject}"`).toBeDefined();
	const calendar = parseIcs(part!.content.toString('utf8'));
	expect(calendar.events, `entries in the calendar of "${mail.subject}"`).toHaveLength(1);
	return { method: calendar.method, event: calendar.events[0]! };
}

/** The event's id in an address such as /events/<id>?done=created. */
const eventIdIn = (url: string) => /\/events\/([0-9a-f-]{36})/.exec(url)![1]!;

/** The municipality's sign-ups table on an event page: name → status, as the contact person reads it. */
async function municipalitySignUps(page: Page): Promise<Record<string, string>> {
	const rows = await tableRows(page.getByRole('table', { name: 'Kunnan ilmoittautumiset' }));
	return Object.fromEntries(
		rows.map(([name, , status]) => [name!, status!.replace(/ Peru ilmoittautuminen$/, '')])
	);
}

/** A statement on the page that a form action gave (role="status"). */
function notice(page: Page, text: string): Locator {
	return page.getByRole('status').filter({ hasText: text });
}

describeWithBrowser('network events, from sign-up to feedback, with their mail', () => {
	beforeAll(async () => {
		mailbox = await startMailbox();
		app = await startApp({ env: { SMTP_URL: mailbox.url } });
		kaisa = await browser();
		helena = await browser();
	});
	afterAll(async () => {
		for (const context of contexts) await context.close();
		await app?.stop();
		await mailbox?.close();
	});

	it('a participant signs up online for the hybrid seminar and gets the calendar invitation', async () => {
		const page = await browser();
		await signInAs(page, app.url, SUOMUSSALMI_PARTICIPANT);
		await nav(page).getByRole('link', { name: 'Tapahtumat', exact: true }).click();
		await expectHeading(page, 'Tapahtumat');
		await checkAccessible(page, 'events of a participant');
		await page.getByRole('link', { name: SEMINAR.title, exact: true }).click();
		await expectHeading(page, SEMINAR.title);
		const before = await facts(page.getByRole('main'));
		expect(before['Toteutus']).toBe('Hybriditilaisuus');
		expect(before['Etäyhteys']).toBe('Etäyhteyden linkki näkyy, kun sinulla on paikka.');
		expect(before['Määräajat']).toContain('Ilmoittautuminen on auki');
		expect(before['Määräajat']).toMatch(/Voit perua \d+\.\d+\.\d{4} klo \d+\.\d\d asti\./);
		// his municipality's decision lets its management team come on site: both ways are open
		const ways = page.getByRole('group', { name: 'Osallistumistapa' });
		expect(await ways.getByRole('radio').count()).toBe(2);
		await ways.getByRole('radio', { name: 'etänä', exact: true }).check();
		await checkAccessible(page, 'the seminar, open for sign-up');
		await submit(page.getByRole('button', { name: 'Ilmoittaudu', exact: true }));

		expect(await visibleText(notice(page, 'Ilmoittautuminen on vastaanotettu'))).toBe(
			'Ilmoittautuminen on vastaanotettu: sinulla on paikka. Vahvistus lähtee sähköpostiin.'
		);
		expect(
			await visibleText(page.getByText('Sinulla on paikka (etänä).', { exact: true }))
		).toBeTruthy();
		expect((await facts(page.getByRole('main')))['Etäyhteys']).toBe(SEMINAR.onlineUrl);
		await checkAccessible(page, 'the seminar with a seat online');
		const eventId = eventIdIn(page.url());

		const confirmation = await mailFor(
			SUOMUSSALMI_PARTICIPANT.email,
			`Ilmoittautuminen vahvistettu: ${SEMINAR.title}`
		);
		expect(confirmation.text).toContain(`Hei ${SUOMUSSALMI_PARTICIPANT.name},`);
		expect(confirmation.text).toContain('Osallistumistapa: etänä');
		expect(confirmation.text).toContain(`Etäyhteys: ${SEMINAR.onlineUrl}`);
		expect(confirmation.text).toContain(`Tapahtuman sivu: http://localhost:${app.port}/events/`);
		const invitation = calendarIn(confirmation);
		expect(invitation.method).toBe('REQUEST');
		expect(invitation.event.uid).toBe(`${eventId}@verkosto`);
		expect(invitation.event.summary).toBe(SEMINAR.title);
		expect(invitation.event.attendees.map((a) => a.toLowerCase())).toEqual([
			`mailto:${SUOMUSSALMI_PARTICIPANT.email}`
		]);

		// among his own sign-ups, and on his front page
		await nav(page).getByRole('link', { name: 'Tapahtumat', exact: true }).click();
		await expectHeading(page, 'Tapahtumat');
		const own = await tableRows(page.getByRole('table', { name: 'Omat ilmoittautumiset' }));
		expect(own.find((r) => r[1] === SEMINAR.title)?.[2]).toBe('paikka varattu, etänä');
		await checkAccessible(page, 'events of a participant signed up');
		await nav(page).getByRole('link', { name: 'Etusivu', exact: true }).click();
		await expectHeading(page, `Tervetuloa, ${SUOMUSSALMI_PARTICIPANT.name}`);
		const coming = page.getByRole('region', { name: 'Tulevat tapahtumat' }).getByRole('listitem');
		expect(await visibleText(coming.filter({ hasText: SEMINAR.title }))).toMatch(
			/\(paikka varattu\)$/
		);
		await checkAccessible(page, 'front page with a sign-up');

		// he cancels before the deadline: the calendar entry is withdrawn
		await page.getByRole('link', { name: SEMINAR.title, exact: true }).click();
		await expectHeading(page, SEMINAR.title);
		await submit(page.getByRole('button', { name: 'Peru ilmoittautuminen', exact: true }));
		expect(await visibleText(notice(page, 'Ilmoittautuminen on peruttu.'))).toBe(
			'Ilmoittautuminen on peruttu.'
		);
		expect(await page.getByRole('button', { name: 'Ilmoittaudu', exact: true }).count()).toBe(1);
		await checkAccessible(page, 'the seminar after cancelling');
		const cancelled = await mailFor(
			SUOMUSSALMI_PARTICIPANT.email,
			`Ilmoittautuminen peruttu: ${SEMINAR.title}`
		);
		const withdrawal = calendarIn(cancelled);
		expect(withdrawal.method).toBe('CANCEL');
		expect(withdrawal.event.uid).toBe(invitation.event.uid);
		expect(withdrawal.event.status).toBe('CANCELLED');
		expect(withdrawal.event.sequence).toBeGreaterThanOrEqual(invitation.event.sequence);
	});

	it('the coordinator plans a peer discussion with three seats on site', async () => {
		await signInAs(kaisa, app.url, COORDINATOR);
		await nav(kaisa).getByRole('link', { name: 'Kaudet', exact: true }).click();
		await expectHeading(kaisa, 'Kaudet');
		await kaisa.getByRole('link', { name: 'USO 8', exact: true }).click();
		await expectHeading(kaisa, USO8.fi);
		await kaisa.getByRole('link', { name: 'Suunnittele tapahtuma', exact: true }).click();
		await expectHeading(kaisa, 'Suunnittele tapahtuma');
		await chooseOption(
			kaisa.getByRole('combobox', { name: 'Tapahtuman tyyppi' }),
			'Vertaiskeskustelu'
		);
		await kaisa.getByLabel('Nimi suomeksi', { exact: true }).fill(DISCUSSION.title);
		await kaisa
			.getByLabel('Kuvaus suomeksi', { exact: true })
			.fill(
				'Pienryhmässä: miten kunta kertoo palveluverkon ja talouden muutoksista kuntalaisille.'
			);
		await kaisa.getByLabel('Alkaa', { exact: true }).fill(DISCUSSION.startsAt);
		await kaisa.getByLabel('Päättyy', { exact: true }).fill(DISCUSSION.endsAt);
		await chooseOption(kaisa.getByRole('combobox', { name: 'Toteutus' }), 'Lähitilaisuus');
		await kaisa.getByLabel('Paikka', { exact: true }).fill(DISCUSSION.venue);
		await kaisa.getByLabel('Osoite', { exact: true }).fill(DISCUSSION.address);
		await kaisa.getByLabel('Paikkoja paikan päällä', { exact: true }).fill('3');
		await checkAccessible(kaisa, 'event form filled in');
		await submit(kaisa.getByRole('button', { name: 'Tallenna tapahtuma', exact: true }));

		await expectHeading(kaisa, DISCUSSION.title);
		expect(await visibleText(notice(kaisa, 'Tapahtuma on tallennettu.'))).toBe(
			'Tapahtuma on tallennettu.'
		);
		const planned = await facts(kaisa.getByRole('main'));
		expect(planned['Aika']).toBe(DISCUSSION.shownWhen);
		expect(planned['Paikka']).toBe(`${DISCUSSION.venue}, ${DISCUSSION.address}`);
		expect(planned['Paikat']).toBe('paikan päällä: 0 / 3 paikkaa varattu');
		expect(planned['Määräajat']).toContain('Ilmoittautuminen on auki');
		await checkAccessible(kaisa, 'the planned discussion, for the coordinator');
		discussionUrl = kaisa.url().split('?')[0]!;
	});

	it('Vaala’s contact person signs up three for the last two seats: the third waits, and gets the seat she frees', async () => {
		await signInAs(helena, app.url, VAALA_CONTACT);
		await nav(helena).getByRole('link', { name: 'Tapahtumat', exact: true }).click();
		await expectHeading(helena, 'Tapahtumat');
		await helena.getByRole('link', { name: DISCUSSION.title, exact: true }).click();
		await expectHeading(helena, DISCUSSION.title);
		// she takes a seat herself first
		await submit(helena.getByRole('button', { name: 'Ilmoittaudu', exact: true }));
		expect(
			await visibleText(helena.getByText('Sinulla on paikka (paikan päällä).', { exact: true }))
		).toBeTruthy();
		expect((await facts(helena.getByRole('main')))['Paikat']).toBe(
			'paikan päällä: 1 / 3 paikkaa varattu'
		);
		await checkAccessible(helena, 'the discussion, a contact person with a seat');

		// two seats left; three of Vaala's people chosen, in the list's order
		for (const person of [VAALA.kerttu, VAALA.riikka, VAALA.tapio]) {
			await helena.getByRole('checkbox', { name: person.name, exact: true }).check();
		}
		await submit(helena.getByRole('button', { name: 'Ilmoita valitut', exact: true }));
		expect(await visibleText(notice(helena, 'henkilöä ilmoitettu'))).toBe('3 henkilöä ilmoitettu.');
		const signedUp = await municipalitySignUps(helena);
		expect(signedUp).toMatchObject({
			[VAALA_CONTACT.name]: 'paikka varattu, paikan päällä',
			[VAALA.kerttu.name]: 'paikka varattu, paikan päällä',
			[VAALA.riikka.name]: 'paikka varattu, paikan päällä',
			[VAALA.tapio.name]: 'jonossa (1), paikan päällä'
		});
		expect((await facts(helena.getByRole('main')))['Paikat']).toBe(
			'paikan päällä: 3 / 3 paikkaa varattu paikan päällä: 1 jonossa'
		);
		await checkAccessible(helena, 'the discussion full, one of Vaala’s waiting');

		for (const person of [VAALA.kerttu, VAALA.riikka]) {
			const mail = await mailFor(person.email, `Ilmoittautuminen vahvistettu: ${DISCUSSION.title}`);
			const invitation = calendarIn(mail);
			expect(invitation.method).toBe('REQUEST');
			firstInvitations.set(person.email, invitation.event);
		}
		await mailFor(VAALA_CONTACT.email, `Ilmoittautuminen vahvistettu: ${DISCUSSION.title}`);
		const waiting = await mailFor(VAALA.tapio.email, `Olet jonossa: ${DISCUSSION.title}`);
		expect(waiting.text).toContain('Olet jonossa sijalla 1.');
		expect(waiting.attachments, 'no calendar entry without a seat').toEqual([]);

		// Helena cancels her own seat: Tapio, first in line, has it at once
		mailbox.clear();
		await submit(helena.getByRole('button', { name: 'Peru ilmoittautuminen', exact: true }));
		expect(await visibleText(notice(helena, 'Ilmoittautuminen on peruttu.'))).toBe(
			'Ilmoittautuminen on peruttu.'
		);
		const after = await municipalitySignUps(helena);
		expect(after[VAALA.tapio.name]).toBe('paikka varattu, paikan päällä');
		expect(after[VAALA_CONTACT.name]).toBe('paikan päällä');
		expect((await facts(helena.getByRole('main')))['Paikat']).toBe(
			'paikan päällä: 3 / 3 paikkaa varattu'
		);
		await checkAccessible(helena, 'the discussion after the contact person cancelled');

		const promoted = await mailFor(VAALA.tapio.email, `Sait paikan: ${DISCUSSION.title}`);
		expect(promoted.text).toContain(`Hei ${VAALA.tapio.name},`);
		expect(promoted.text).toContain('paikka vapautui, ja se on nyt sinun');
		const seat = calendarIn(promoted);
		expect(seat.method).toBe('REQUEST');
		expect(seat.event.uid).toBe(`${eventIdIn(discussionUrl)}@verkosto`);
		firstInvitations.set(VAALA.tapio.email, seat.event);
		const withdrawn = await mailFor(
			VAALA_CONTACT.email,
			`Ilmoittautuminen peruttu: ${DISCUSSION.title}`
		);
		expect(calendarIn(withdrawn).method).toBe('CANCEL');
	});

	it('the coordinator moves the discussion a day on: those with a seat get the update with a higher SEQUENCE', async () => {
		expect([...firstInvitations.keys()]).toEqual([
			VAALA.kerttu.email,
			VAALA.riikka.email,
			VAALA.tapio.email
		]);
		mailbox.clear();

		await kaisa.goto(discussionUrl);
		await expectHeading(kaisa, DISCUSSION.title);
		await kaisa.getByRole('link', { name: 'Muokkaa tapahtumaa', exact: true }).click();
		await expectHeading(kaisa, 'Muokkaa tapahtumaa');
		const startsAt = kaisa.getByLabel('Alkaa', { exact: true });
		expect(await startsAt.inputValue()).toBe(DISCUSSION.startsAt);
		await startsAt.fill(DISCUSSION.movedStartsAt);
		await kaisa.getByLabel('Päättyy', { exact: true }).fill(DISCUSSION.movedEndsAt);
		await checkAccessible(kaisa, 'event form moving the discussion');
		await submit(kaisa.getByRole('button', { name: 'Tallenna muutokset', exact: true }));
		await expectHeading(kaisa, DISCUSSION.title);
		expect(await visibleText(notice(kaisa, 'Muutokset on tallennettu.'))).toBe(
			'Muutokset on tallennettu. Ilmoittautuneille lähtee tieto muutoksesta.'
		);
		expect((await facts(kaisa.getByRole('main')))['Aika']).toBe(DISCUSSION.shownMovedWhen);
		await checkAccessible(kaisa, 'the discussion moved');

		for (const [email, invitation] of firstInvitations) {
			const mail = await mailFor(email, `Tapahtuma muuttui: ${DISCUSSION.title}`);
			expect(mail.text).toContain(`Aika: ${DISCUSSION.shownMovedWhen}`);
			const update = calendarIn(mail);
			expect(update.method, email).toBe('REQUEST');
			expect(update.event.uid, email).toBe(invitation.uid);
			expect(update.event.sequence, email).toBeGreaterThan(invitation.sequence);
			expect(update.event.start.toISOString(), email).toBe(DISCUSSION.movedStart.toISOString());
			expect(update.event.end.toISOString(), email).toBe(DISCUSSION.movedEnd.toISOString());
		}
		// Helena gave up her seat: nothing more about it for her
		expect(mailbox.mailTo(VAALA_CONTACT.email)).toEqual([]);
	});

	it('the coordinator marks a late-reported attendee, who answers the feedback once; the coordinator reads it', async () => {
		const comment =
			'Katsaus auttoi talousarvion valmistelussa; lisää kuntaesimerkkejä ensi kerralla.';
		await kaisa.goto(`${app.url}/seasons`);
		await kaisa.getByRole('link', { name: 'USO 8', exact: true }).click();
		await expectHeading(kaisa, USO8.fi);
		await kaisa.getByRole('link', { name: 'Kauden tapahtumat', exact: true }).click();
		await expectHeading(kaisa, 'Kauden tapahtumat: USO 8');
		await checkAccessible(kaisa, 'the season’s events');
		await kaisa.getByRole('link', { name: REVIEW, exact: true }).click();
		await expectHeading(kaisa, REVIEW);
		expect((await facts(kaisa.getByRole('main')))['Määräajat']).toBe('Tapahtuma on pidetty');
		const reviewUrl = kaisa.url();
		await checkAccessible(kaisa, 'a past review, for the coordinator');

		const results = async () => {
			const shown = await visibleText(kaisa.getByText(/vastausta, \d+ osallistunutta/));
			const rows = await tableRows(kaisa.getByRole('table', { name: 'Palautteen tulokset' }));
			const comments = kaisa.locator('h3:has-text("Kommentit") + ul > li');
			return { shown, rows, comments: (await comments.allInnerTexts()).map(squish) };
		};
		await kaisa.getByRole('link', { name: 'Palautteen tulokset', exact: true }).click();
		await expectHeading(kaisa, 'Palaute');
		const before = await results();
		expect(before.rows.map((r) => r[0])).toEqual(['Sisältö', 'Hyöty omalle työlle', 'Järjestelyt']);
		await checkAccessible(kaisa, 'feedback results before');

		await kaisa.goto(reviewUrl);
		await kaisa.getByRole('link', { name: 'Läsnäolo', exact: true }).click();
		await expectHeading(kaisa, 'Läsnäolo');
		const risto = kaisa.getByRole('checkbox', { name: MANTYHARJU_PARTICIPANT.name, exact: true });
		expect(await risto.isChecked(), 'Risto was not on the list marked the next morning').toBe(
			false
		);
		await risto.check();
		await checkAccessible(kaisa, 'attendance list');
		await submit(kaisa.getByRole('button', { name: 'Tallenna läsnäolo', exact: true }));
		// one change (Finnish: "1 muutos"; the catalogue has one form for every count)
		expect(await visibleText(notice(kaisa, 'Läsnäolo on tallennettu'))).toMatch(
			/^Läsnäolo on tallennettu \(1 muutos(ta)?\)\.$/
		);
		expect(
			await kaisa
				.getByRole('checkbox', { name: MANTYHARJU_PARTICIPANT.name, exact: true })
				.isChecked()
		).toBe(true);

		const request = await mailFor(MANTYHARJU_PARTICIPANT.email, `Palaute: ${REVIEW}`);
		const link = /Kerro palautteesi: (\S+)/.exec(request.text)?.[1];
		expect(link).toBe(`http://localhost:${app.port}/events/${eventIdIn(reviewUrl)}/feedback`);

		// Risto follows the link, signs in on the way, and lands on the form
		const page = await browser();
		await page.goto(link!);
		await expectHeading(page, 'Kirjaudu sisään');
		expect(await visibleText(notice(page, 'Kirjaudu sisään nähdäksesi sivun.'))).toBeTruthy();
		await checkAccessible(page, 'sign-in page on the way to the feedback form');
		await submitPassword(page, MANTYHARJU_PARTICIPANT.email, 'verkosto-demo');
		await expectHeading(page, 'Palaute');
		expect(new URL(page.url()).pathname).toBe(new URL(link!).pathname);
		await checkAccessible(page, 'feedback form');
		// the same form open in a second tab, to send it twice
		const second = await page.context().newPage();
		await second.goto(page.url());
		await expectHeading(second, 'Palaute');

		const answer = async (tab: Page, scores: [string, string][], text: string) => {
			for (const [question, score] of scores) {
				await tab
					.getByRole('group', { name: question, exact: true })
					.getByRole('radio', { name: score, exact: true })
					.check();
			}
			await tab.getByLabel('Vapaa palaute (vapaaehtoinen)', { exact: true }).fill(text);
			await submit(tab.getByRole('button', { name: 'Lähetä palaute', exact: true }));
		};
		await answer(
			page,
			[
				['Sisältö', '4'],
				['Hyöty omalle työlle', '5'],
				['Järjestelyt', '3']
			],
			comment
		);
		expect(await visibleText(notice(page, 'Kiitos palautteesta!'))).toBe('Kiitos palautteesta!');
		await checkAccessible(page, 'feedback sent');

		await answer(second, [['Sisältö', '1']], 'Toinen vastaus samasta tapahtumasta.');
		expect(
			await visibleText(second.getByText('Olet jo antanut palautteen. Kiitos!', { exact: true }))
		).toBeTruthy();
		expect(await second.getByRole('button', { name: 'Lähetä palaute' }).count()).toBe(0);
		await checkAccessible(second, 'feedback refused the second time');
		await page.reload();
		await expectHeading(page, 'Palaute');
		expect(await page.getByRole('button', { name: 'Lähetä palaute' }).count()).toBe(0);
		expect(await visibleText(page.getByText('Olet jo antanut palautteen.'))).toBe(
			'Olet jo antanut palautteen. Kiitos!'
		);

		// the coordinator's results count him once, with his comment unsigned
		await kaisa.goto(`${reviewUrl}/feedback`);
		await expectHeading(kaisa, 'Palaute');
		const after = await results();
		const [answers, attended] = before.shown.match(/\d+/g)!.map(Number) as [number, number];
		expect(after.shown).toBe(`${answers + 1} vastausta, ${attended + 1} osallistunutta`);
		const count = (rows: string[][], question: string, column: number) =>
			Number(rows.find((r) => r[0] === question)![column]);
		// columns: question, answers, average, then the count of each score 1–5
		for (const [question, score] of [
			['Sisältö', 4],
			['Hyöty omalle työlle', 5],
			['Järjestelyt', 3]
		] as const) {
			expect(count(after.rows, question, 1), question).toBe(count(before.rows, question, 1) + 1);
			expect(count(after.rows, question, 2 + score), `${question}: ${score}`).toBe(
				count(before.rows, question, 2 + score) + 1
			);
		}
		expect([...after.comments].sort()).toEqual([...before.comments, comment].sort());
		expect(after.comments.join(' ')).not.toContain(MANTYHARJU_PARTICIPANT.name);
		expect(after.comments).not.toContain('Toinen vastaus samasta tapahtumasta.');
		await checkAccessible(kaisa, 'feedback results with the new answer');
	});

	it('another municipality’s contact person sees none of Vaala’s sign-ups and cancels none', async () => {
		// what Helena's page holds: the ids of a Vaala sign-up and of one of Vaala's people
		await helena.goto(discussionUrl);
		await expectHeading(helena, DISCUSSION.title);
		const kerttuSignUp = await helena
			.getByRole('button', { name: `Peru ilmoittautuminen: ${VAALA.kerttu.name}`, exact: true })
			.getAttribute('value');
		const olli = await helena
			.getByRole('checkbox', { name: VAALA.olli.name, exact: true })
			.getAttribute('value');
		const vaalaBefore = await municipalitySignUps(helena);

		const page = await browser();
		await signInAs(page, app.url, KAJAANI_CONTACT);
		for (const url of [discussionUrl, `${discussionUrl}?municipality=785`]) {
			await page.goto(url);
			await expectHeading(page, DISCUSSION.title);
			const rows = await municipalitySignUps(page);
			expect(Object.keys(rows), url).toContain(KAJAANI_CONTACT.name);
			const main = squish(await page.getByRole('main').innerText());
			for (const name of VAALA_NAMES) expect(main, `${name} on ${url}`).not.toContain(name);
		}
		await checkAccessible(page, 'the discussion, for Kajaani’s contact person');
		await expectForbidden(page, `${discussionUrl}/attendance`);
		await expectForbidden(page, `${discussionUrl}/edit`);

		// forms forged with her own session, as her page would send them
		const headers = { origin: app.url, accept: 'text/html' };
		const cancel = await page.request.post(`${discussionUrl}?/cancelSignUp`, {
			headers,
			form: { signUpId: kerttuSignUp! }
		});
		expect(cancel.status()).toBe(400);
		const refused = await cancel.text();
		expect(refused).toContain('Ilmoittautumista ei löytynyt.');
		for (const name of VAALA_NAMES) expect(refused, name).not.toContain(name);
		const signUp = await page.request.post(`${discussionUrl}?/signUpPeople`, {
			headers,
			form: { mode: 'on_site', person: olli! }
		});
		expect(signUp.status()).toBe(400);
		for (const name of VAALA_NAMES) expect(await signUp.text(), name).not.toContain(name);

		await helena.reload();
		await expectHeading(helena, DISCUSSION.title);
		expect(await municipalitySignUps(helena)).toEqual(vaalaBefore);
		expect(vaalaBefore[VAALA.kerttu.name]).toBe('paikka varattu, paikan päällä');
	});

	it('an anonymous visitor is sent to sign in', async () => {
		const page = await browser();
		const response = await page.goto(discussionUrl);
		expect(response?.status()).toBe(200);
		await expectHeading(page, 'Kirjaudu sisään');
		const landed = new URL(page.url());
		expect(landed.pathname).toBe('/signin');
		expect(landed.searchParams.get('next')).toBe(new URL(discussionUrl).pathname);
		const main = squish(await page.getByRole('main').innerText());
		expect(main).not.toContain(DISCUSSION.title);
		for (const name of VAALA_NAMES) expect(main).not.toContain(name);
		await checkAccessible(page, 'sign-in page on the way to an event');
		// the calendar file, asked for without a session
		const ics = await fetch(`${discussionUrl}/ics`, { redirect: 'manual' });
		expect(ics.status).toBe(303);
		expect(ics.headers.get('location')).toMatch(/^\/signin\?next=/);
		expect(await ics.text()).not.toContain('BEGIN:VCALENDAR');
	});

	it('left no stack trace in the server log', () => {
		expectCleanLog(app);
	});
});
