import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app-server';
import { HttpClient } from './support/http';

/**
 * Hostile and broken input never gives a 500 or a stack trace, is answered in the user's
 * language next to the field, keeps what was typed, and changes nothing.
 */
const HOSTILE = [
	'',
	' ',
	'x'.repeat(100_000),
	'<script>alert(1)</script>',
	"' or 1=1; drop table users; --",
	'\u0000\u0001\u001b[31m',
	'%00%ff',
	'ääää',
	'-1',
	'1e9',
	'NaN',
	'[]',
	'{"$ne":null}'
];

let app: RunningApp;
let coordinator: HttpClient;

async function newestAuditId(): Promise<string> {
	const html = await (await coordinator.get('/admin/audit')).text();
	const id = /data-entry="(\d+)"/.exec(html)?.[1];
	if (!id) throw new Error('the audit log shows no entries');
	return id;
}

beforeAll(async () => {
	app = await startApp();
	coordinator = new HttpClient(app.url);
	await coordinator.signIn('koordinaattori@example.fi');
});
afterAll(() => app?.stop());

function expectNoLeak(body: string) {
	expect(body).not.toMatch(/at .+\.(js|ts):\d+:\d+/);
	expect(body).not.toContain('<script>alert(1)</script>');
}

describe('registry query parameters', () => {
	const params = [
		'q',
		'region',
		'county',
		'area',
		'language',
		'size',
		'sort',
		'dir',
		'page',
		'perPage',
		'abolished'
	];

	it.each(params)('%s: hostile values give a page with a message, never a 500', async (param) => {
		for (const value of HOSTILE) {
			const response = await coordinator.get(`/registry?${param}=${encodeURIComponent(value)}`);
			// Node refuses a request line over 16 KB itself (431): a 4xx, never a 500
			expect([200, 431], `${param}=${JSON.stringify(value.slice(0, 20))}`).toContain(
				response.status
			);
			expectNoLeak(await response.text());
		}
	});

	it('shows an invalid page number next to the pager and shows the first page', async () => {
		const body = await (await coordinator.get('/registry?page=1e9')).text();
		expect(body).toContain('Arvo ei kelpaa.');
		expect(body).toContain('308 kuntaa');
	});

	it('keeps an over-long search as typed and says why', async () => {
		const body = await (await coordinator.get(`/registry?q=${'a'.repeat(150)}`)).text();
		expect(body).toContain('Enintään 100 merkkiä.');
		expect(body).toContain(`value="${'a'.repeat(150)}"`);
	});

	it('keeps what was typed in the other search forms too, without control characters', async () => {
		const long = 'a'.repeat(150);
		const people = await (await coordinator.get(`/municipalities/785/people?q=${long}`)).text();
		expect(people).toContain('Enintään 100 merkkiä.');
		expect(people).toContain(`value="${long}"`);

		const vaala = await (await coordinator.get('/municipalities/785')).text();
		const membership = /href="(\/municipalities\/785\/memberships\/[0-9a-f-]{36})"/.exec(
			vaala
		)?.[1];
		expect(membership, 'Vaala’s page links to its membership').toBeTruthy();
		const typed = `kunnan${'h'.repeat(200)}\u0007`;
		const proposal = await (
			await coordinator.get(`${membership}/proposal?body=${encodeURIComponent(typed)}`)
		).text();
		expect(proposal).toContain('Enintään 200 merkkiä.');
		expect(proposal).toContain(`value="kunnan${'h'.repeat(200)}"`);
	});

	it('exports survive hostile filters too', async () => {
		for (const value of HOSTILE) {
			const response = await coordinator.get(
				`/registry/export/csv?q=${encodeURIComponent(value)}&page=${encodeURIComponent(value)}`
			);
			expect([200, 431]).toContain(response.status);
		}
	});

	it('survives broken percent-encoding and repeated parameters', async () => {
		for (const query of [
			'q=%ff%fe',
			'q=%E0%A4%A',
			'page=%',
			'page=2&page=-1&page=x',
			'q[]=1&q[x]=2'
		]) {
			const response = await coordinator.get(`/registry?${query}`);
			expect([200, 400], query).toContain(response.status);
			expectNoLeak(await response.text());
		}
	});
});

describe('unknown ids', () => {
	it.each([
		'/registry/999',
		'/registry/abc',
		'/registry/785x',
		'/admin/outbox/0',
		'/admin/outbox/abc',
		'/admin/outbox/99999999999999999999',
		'/registry/export/pdf'
	])('%s is a 404 page, not a 500', async (path) => {
		const response = await coordinator.get(path);
		expect(response.status).toBe(404);
		expectNoLeak(await response.text());
	});
});

describe('audit log filters', () => {
	it.each(['actor', 'action', 'entityType', 'entityId', 'from', 'to', 'before', 'after'])(
		'%s: hostile values never give a 500',
		async (param) => {
			for (const value of [...HOSTILE, '2025-02-30', '9999-99-99']) {
				const response = await coordinator.get(
					`/admin/audit?${param}=${encodeURIComponent(value)}`
				);
				expect([200, 431], `${param}=${JSON.stringify(value.slice(0, 20))}`).toContain(
					response.status
				);
				expectNoLeak(await response.text());
			}
		}
	);
});

describe('forms', () => {
	it('sign-in with hostile values: messages in Finnish, e-mail kept, nobody signed in, nothing written', async () => {
		const before = await newestAuditId();
		for (const email of HOSTILE) {
			for (const password of ['', 'x'.repeat(300), '<b>']) {
				const visitor = new HttpClient(app.url);
				const response = await visitor.post('/signin?/password', { email, password });
				expect(response.status, JSON.stringify(email.slice(0, 20))).toBeGreaterThanOrEqual(400);
				expect(response.status).toBeLessThan(500);
				const body = await response.text();
				expectNoLeak(body);
				expect(body).toMatch(/Tämä tieto tarvitaan|Anna sähköpostiosoite|Enintään|väärin/);
				expect((await visitor.get('/registry')).status).toBe(303);
			}
		}
		expect(await newestAuditId()).toBe(before);
	});

	it('keeps the typed e-mail address after a failed sign-in', async () => {
		const visitor = new HttpClient(app.url);
		const response = await visitor.post('/signin?/password', {
			email: 'maija@example.fi',
			password: ''
		});
		const body = await response.text();
		expect(body).toContain('value="maija@example.fi"');
		expect(body).toContain('Tämä tieto tarvitaan.');
	});

	it('answers a form in the visitor’s language', async () => {
		const visitor = new HttpClient(app.url);
		await visitor.post('/language', { locale: 'sv', next: '/signin' });
		const body = await (await visitor.post('/signin?/link', { email: 'not an address' })).text();
		expect(body).toContain('Ange e-postadressen i formen namn@exempel.fi.');
	});

	it('wrongly typed bodies (JSON, multipart with files, nothing) give a 4xx', async () => {
		const visitor = new HttpClient(app.url);
		const json = await visitor.request('POST', '/signin?/password', '{"email":1}');
		expect(json.status).toBeLessThan(500);
		const multipart = new FormData();
		multipart.append('email', new Blob(['x']), 'a.txt');
		multipart.append('password', 'x');
		expect((await visitor.post('/signin?/password', multipart)).status).toBeLessThan(500);
		expect((await visitor.post('/signin?/password')).status).toBeLessThan(500);
	});

	it('password reset with a bad token or mismatched passwords changes nothing', async () => {
		const visitor = new HttpClient(app.url);
		for (const token of ['a'.repeat(32), '../../etc', '%00']) {
			const response = await visitor.post(`/signin/reset/${encodeURIComponent(token)}`, {
				password: 'uusi-salasana-123',
				confirm: 'uusi-salasana-123'
			});
			expect(response.status).toBeLessThan(500);
		}
		const mismatch = await visitor.post(`/signin/reset/${'b'.repeat(32)}`, {
			password: 'abcdefghijk',
			confirm: 'abcdefghijX'
		});
		expect(mismatch.status).toBe(400);
	});

	it('the language switch ignores unknown languages and foreign redirect targets', async () => {
		const visitor = new HttpClient(app.url);
		const response = await visitor.post('/language', {
			locale: 'xx',
			next: 'https://evil.example.com/'
		});
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/');
		const other = await visitor.post('/language', { locale: 'en', next: '//evil.example.com' });
		expect(other.headers.get('location')).toBe('/');
	});
});

describe('workshop forms', () => {
	let vaala: HttpClient;
	let workshops: string;

	beforeAll(async () => {
		vaala = new HttpClient(app.url);
		await vaala.signIn('yhteys-785@example.fi');
		const home = await (await vaala.get('/municipalities/785')).text();
		const membershipId = /\/municipalities\/785\/memberships\/([0-9a-f-]{36})/.exec(home)?.[1];
		workshops = `/municipalities/785/memberships/${membershipId}/workshops`;
	});

	it('a proposal with hostile values: a message by the field, the input kept, nothing written', async () => {
		const before = await newestAuditId();
		for (const value of HOSTILE) {
			const response = await vaala.post(`${workshops}/new`, {
				need: value,
				goal: value,
				strategyLink: value,
				preferredDates: value,
				format: value,
				focusAreaId: value,
				participantIds: value
			});
			expect(response.status, JSON.stringify(value.slice(0, 20))).toBe(400);
			const body = await response.text();
			expectNoLeak(body);
			expect(body).toMatch(
				/Tämä tieto tarvitaan|Enintään|Valitse|merkkejä, joita ei voi tallentaa/
			);
		}
		const kept = await (
			await vaala.post(`${workshops}/new`, { need: 'Strategian jalkauttaminen', goal: '' })
		).text();
		expect(kept).toContain('Strategian jalkauttaminen');
		expect(kept).toContain('Tämä tieto tarvitaan.');
		expect(await newestAuditId()).toBe(before);
	});

	it('the coordinator’s schedule with impossible times: a message by each field, nothing written', async () => {
		// the demo's Vaala has its five taken in the current season: one more is an extra
		const proposal = await vaala.post(`${workshops}/new`, {
			need: 'Johtamisen kehittäminen',
			goal: 'Yhteiset pelisäännöt',
			format: 'online',
			asExtra: 'on'
		});
		expect(proposal.status).toBe(303);
		// the new proposal's row among Vaala's workshops (the demo's come first)
		const list = await (await vaala.get(workshops)).text();
		const row = list.split('<tr').find((r) => r.includes('Johtamisen kehittäminen'));
		const id = /\/municipalities\/785\/workshops\/([0-9a-f-]{36})/.exec(row ?? '')?.[1];
		expect(id).toBeDefined();
		const before = await newestAuditId();
		const cases: Record<string, string>[] = [
			{
				format: 'online',
				startsAt: '2024-02-30T10:00',
				endsAt: 'x',
				onlineUrl: 'javascript:alert(1)'
			},
			{ format: 'online', startsAt: '2001-01-01T10:00', endsAt: '2001-01-01T09:00', onlineUrl: '' },
			{ format: 'on_site', startsAt: '2026-03-29T03:30', endsAt: '', place: '' }
		];
		for (const form of cases) {
			const response = await coordinator.post(
				`/municipalities/785/workshops/${id}?/schedule`,
				form
			);
			expect(response.status).toBe(400);
			const body = await response.text();
			expectNoLeak(body);
			expect(body).toMatch(/Anna|Päättymisen|kelpaa|Tätä kellonaikaa|Valitse/);
		}
		expect(await newestAuditId()).toBe(before);
	});

	it('answers in Swedish for a Swedish reader', async () => {
		const swedish = new HttpClient(app.url);
		await swedish.signIn('yhteys-785@example.fi');
		await swedish.post('/language', { locale: 'sv', next: '/' });
		const body = await (await swedish.post(`${workshops}/new`, { need: '', goal: '' })).text();
		expect(body).toContain('Den här uppgiften behövs.');
	});
});

describe('the server log', () => {
	it('has no stack trace from any of this', () => {
		expect(app.stderr()).not.toMatch(/\n\s+at /);
	});
});
