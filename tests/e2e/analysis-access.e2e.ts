import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app-server';
import { startMailbox, type Mailbox } from './support/mailbox';
import { HttpClient } from './support/http';
import { withoutDemoUso8Analysis } from '../factories/analysis';

/**
 * Isolation of the situation analysis over HTTP (ADR 024): the coordinator publishes USO 8's
 * questionnaire, Vaala and Kajaani each open their analysis and invite a respondent; then every
 * analysis route is asked by anonymous visitors, by the other municipality's contact person and
 * by the other municipality's respondent, and a bad answer is refused with nothing written.
 */
let app: RunningApp;
let mailbox: Mailbox;
let coordinator: HttpClient;
let vaalaContact: HttpClient;
let kajaaniContact: HttpClient;
let kajaaniParticipant: HttpClient;
let anonymous: HttpClient;
const vaala = { analysisId: '', token: '', section: '', question: '', versionId: '' };
const kajaani = { analysisId: '', token: '' };
let seasonId = '';

const match = (html: string, re: RegExp, what: string) => {
	const found = re.exec(html)?.[1];
	if (!found) throw new Error(`no ${what} in the page`);
	return found;
};

async function openAndInvite(client: HttpClient, code: string, personEmail: string) {
	const list = await (await client.get(`/municipalities/${code}/analysis`)).text();
	const membershipId = match(list, /name="membershipId" value="([0-9a-f-]{36})"/, 'membership');
	const opened = await client.post(`/municipalities/${code}/analysis?/open`, { membershipId });
	expect(opened.status).toBe(303);
	const analysisId = match(
		opened.headers.get('location') ?? '',
		/\/analysis\/([0-9a-f-]{36})$/,
		'analysis'
	);
	const page = await (await client.get(`/municipalities/${code}/analysis/${analysisId}`)).text();
	const people = [...page.matchAll(/name="personIds" value="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
	expect(people.length).toBeGreaterThan(0);
	const invited = await client.post(`/municipalities/${code}/analysis/${analysisId}?/invite`, {
		personIds: people[0]!
	});
	expect(invited.status).toBe(303);
	const mail = await mailbox.waitForMail(
		(m) => /\/respond\/[a-z2-7]{32}/.test(m.text) && m.subject.includes(personEmail)
	);
	return { analysisId, token: match(mail.text, /\/respond\/([a-z2-7]{32})/, 'link') };
}

beforeAll(async () => {
	mailbox = await startMailbox();
	// unlike a newcomer's start, mail goes to an SMTP mailbox: the respondents' secret links are
	// read from the invitations they receive (the outbox's kept copy hides them)
	// the demo's USO 8 questionnaire and its two closed analyses give way to this file's own
	app = await startApp({ env: { SMTP_URL: mailbox.url }, prepare: withoutDemoUso8Analysis });
	coordinator = new HttpClient(app.url);
	vaalaContact = new HttpClient(app.url);
	kajaaniContact = new HttpClient(app.url);
	kajaaniParticipant = new HttpClient(app.url);
	anonymous = new HttpClient(app.url);
	await coordinator.signIn('koordinaattori@example.fi');
	await vaalaContact.signIn('yhteys-785@example.fi');
	await kajaaniContact.signIn('yhteys-205@example.fi');
	await kajaaniParticipant.signIn('osallistuja-205@example.fi');

	const seasons = await (await coordinator.get('/seasons')).text();
	seasonId = match(seasons, /href="\/seasons\/([0-9a-f-]{36})">USO 8</, 'USO 8');
	const added = await coordinator.post(`/seasons/${seasonId}/analysis?/addSection`, {
		titleFi: 'Strategia',
		weight: '1'
	});
	expect(added.status).toBe(303);
	vaala.section = match(added.headers.get('location') ?? '', /analysis\/(s_[0-9a-f]{10})/, 'key');
	const question = await coordinator.post(
		`/seasons/${seasonId}/analysis/${vaala.section}?/addQuestion`,
		{
			kind: 'scale',
			textFi: 'Strategia ohjaa arkea.',
			weight: '1',
			required: 'on'
		}
	);
	expect(question.status).toBe(303);
	expect((await coordinator.post(`/seasons/${seasonId}/analysis?/publish`, {})).status).toBe(303);

	// the subjects name the municipality: Vaala's and Kajaani's mails are told apart by it
	Object.assign(vaala, await openAndInvite(vaalaContact, '785', 'Vaala'));
	Object.assign(kajaani, await openAndInvite(kajaaniContact, '205', 'Kajaani'));
	const form = await (await anonymous.get(`/respond/${vaala.token}`)).text();
	vaala.question = match(form, /name="a_(q_[0-9a-f]{10})"/, 'question');
	vaala.versionId = match(form, /name="versionId" value="([0-9a-f-]{36})"/, 'version');
});
afterAll(async () => {
	await app?.stop();
	await mailbox?.close();
});

const routes = () => [
	`/municipalities/785/analysis`,
	`/municipalities/785/analysis/${vaala.analysisId}`,
	`/municipalities/785/analysis/${vaala.analysisId}/results`,
	`/municipalities/785/analysis/${vaala.analysisId}/report.pdf`,
	`/municipalities/785/analysis/${vaala.analysisId}/report.pdf?lang=en`,
	`/municipalities/785/analysis/${vaala.analysisId}/summary`
];

describe('the situation analysis between municipalities', () => {
	it('sends an anonymous visitor to sign in from every municipality route', async () => {
		for (const path of routes()) {
			const response = await anonymous.get(path);
			expect(response.status, path).toBe(303);
			expect(response.headers.get('location')).toMatch(/^\/signin\?next=/);
		}
	});

	it('refuses Kajaani’s contact person and participant every Vaala route and action', async () => {
		for (const client of [kajaaniContact, kajaaniParticipant]) {
			for (const path of routes()) expect((await client.get(path)).status, path).toBe(403);
			const page = `/municipalities/785/analysis/${vaala.analysisId}`;
			expect((await client.post(`${page}?/close`, {})).status).toBe(403);
			expect((await client.post(`${page}?/invite`, { personIds: vaala.analysisId })).status).toBe(
				403
			);
			expect(
				(await client.post(`${page}/results?/propose`, { recommendationId: vaala.analysisId }))
					.status
			).toBe(403);
			expect((await client.post(`${page}/summary?/summary`, { text: 'Kaapattu' })).status).toBe(
				403
			);
		}
		// and Vaala's analysis under Kajaani's code is simply not there
		expect(
			(await kajaaniContact.get(`/municipalities/205/analysis/${vaala.analysisId}/results`)).status
		).toBe(404);
	});

	it('lets Vaala’s contact person see its results with the rule and the comparison notice', async () => {
		const html = await (
			await vaalaContact.get(`/municipalities/785/analysis/${vaala.analysisId}/results`)
		).text();
		expect(html).toContain('Miten pisteet lasketaan');
		expect(html).toContain('Vertailu');
		expect(html).toContain('Raportti valtuustolle (PDF)');
		const pdf = await vaalaContact.get(
			`/municipalities/785/analysis/${vaala.analysisId}/report.pdf`
		);
		expect(pdf.status).toBe(200);
		expect(pdf.headers.get('content-type')).toBe('application/pdf');
		// the municipality reads the expert's summary but does not write it; the coordinator does
		expect(
			(await vaalaContact.get(`/municipalities/785/analysis/${vaala.analysisId}/summary`)).status
		).toBe(403);
		const saved = await coordinator.post(
			`/municipalities/785/analysis/${vaala.analysisId}/summary?/summary`,
			{ text: 'Strategia ohjaa arkea.' }
		);
		expect(saved.status).toBe(303);
		const after = await (
			await vaalaContact.get(`/municipalities/785/analysis/${vaala.analysisId}/results`)
		).text();
		expect(after).toContain('Strategia ohjaa arkea.');
	});

	it('shows a respondent only their own municipality’s questionnaire and answers', async () => {
		const kajaaniForm = await (await anonymous.get(`/respond/${kajaani.token}`)).text();
		expect(kajaaniForm).toContain('Kajaani');
		expect(kajaaniForm).not.toContain('Vaala');
		expect((await anonymous.get(`/respond/${'b'.repeat(32)}`)).status).toBe(404);
	});

	it('refuses an answer outside the scale with a message, and keeps what was saved', async () => {
		const path = `/respond/${vaala.token}`;
		const saved = await anonymous.post(`${path}?/save`, {
			section: vaala.section,
			versionId: vaala.versionId,
			[`a_${vaala.question}`]: '4'
		});
		expect(saved.status).toBe(303);
		const bad = await anonymous.post(`${path}?/save`, {
			section: vaala.section,
			versionId: vaala.versionId,
			[`a_${vaala.question}`]: '9'
		});
		expect(bad.status).toBe(400);
		expect(await bad.text()).toContain('Valitse asteikolta 1–5');
		const back = await (await anonymous.get(path)).text();
		expect(back).toMatch(new RegExp(`id="a_${vaala.question}-4"[^>]*checked`));
	});

	it('refuses a save after the contact person closes the analysis', async () => {
		const page = `/municipalities/785/analysis/${vaala.analysisId}`;
		expect((await vaalaContact.post(`${page}?/close`, {})).status).toBe(303);
		const late = await anonymous.post(`/respond/${vaala.token}?/save`, {
			section: vaala.section,
			versionId: vaala.versionId,
			[`a_${vaala.question}`]: '2'
		});
		expect(late.status).toBe(400);
		expect(await late.text()).toContain('Analyysi on suljettu');
	});
});
