import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	EXPERT_ROUTES,
	MUNICIPALITY_WORKSHOP_ROUTES,
	PUBLIC_ROUTES,
	SECRET_ADDRESS_ROUTES,
	SIGNED_IN_ROUTES
} from '../../src/lib/server/auth/route-access';
import { startApp, type RunningApp } from './support/app-server';
import { HttpClient } from './support/http';
import { findRoutes, pathFor } from './support/routes';

/**
 * Every route that is not public refuses an anonymous visitor and a signed-in person
 * without the role. Routes are found on disk, so a new route is checked without editing this.
 */
const routes = findRoutes();
const guarded = routes.filter((r) => !PUBLIC_ROUTES.has(r.id));
let app: RunningApp;
let anonymous: HttpClient;
let expert: HttpClient;
let coordinator: HttpClient;
/** Kajaani's participant: the one without the role on routes an expert may open. */
let outsider: HttpClient;

beforeAll(async () => {
	app = await startApp();
	anonymous = new HttpClient(app.url);
	expert = new HttpClient(app.url);
	coordinator = new HttpClient(app.url);
	outsider = new HttpClient(app.url);
	await expert.signIn('asiantuntija@example.fi');
	await coordinator.signIn('koordinaattori@example.fi');
	await outsider.signIn('osallistuja-205@example.fi');
});

/** Routes of one workshop or journey: an expert not assigned to it, or not its own, is refused. */
const ownedByExpert = (id: string) => id.includes('[workshopId]') || id.includes('[journeyId]');

/** Who is refused a route for want of its role: an expert, or on an expert's routes an outsider. */
const withoutRole = (id: string) => (EXPERT_ROUTES.has(id) ? outsider : expert);
afterAll(() => app?.stop());

describe('route discovery', () => {
	it('finds the routes, and every public one exists', () => {
		expect(guarded.length).toBeGreaterThan(3);
		const ids = new Set(routes.map((r) => r.id));
		for (const id of PUBLIC_ROUTES) expect(ids, id).toContain(id);
		for (const id of EXPERT_ROUTES.keys()) expect(ids, id).toContain(id);
		for (const id of MUNICIPALITY_WORKSHOP_ROUTES) {
			expect(ids, id).toContain(id);
			expect(id.startsWith('/municipalities/[code]/'), id).toBe(true);
		}
	});
});

/**
 * Routes public by a secret in their address ask nobody to sign in (a calendar program cannot),
 * so an unknown secret must be refused as such: 404, no redirect, no cookie.
 */
describe.each([...SECRET_ADDRESS_ROUTES])('%s (public by its secret)', (id, reason) => {
	it('says why it is public, and answers an unknown secret with 404', async () => {
		expect(reason.length).toBeGreaterThan(40);
		for (const client of [anonymous, coordinator]) {
			const response = await client.get(pathFor(id));
			expect(response.status).toBe(404);
			expect(response.headers.get('set-cookie')).toBeNull();
		}
	});
});

describe.each(guarded.map((r) => [r.id, r] as const))('%s', (_id, route) => {
	const getable = route.page || route.methods.includes('GET');

	it.runIf(getable)('sends an anonymous visitor to sign in', async () => {
		const response = await anonymous.get(route.samplePath);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toMatch(/^\/signin\?next=/);
	});

	it.runIf(getable && !SIGNED_IN_ROUTES.has(route.id))(
		'refuses a signed-in person without the role',
		async () => {
			const response = await withoutRole(route.id).get(route.samplePath);
			expect(response.status).toBe(403);
			// a workshop's or a journey's own routes: an expert not its own is refused as well
			if (ownedByExpert(route.id)) {
				expect((await expert.get(route.samplePath)).status).toBe(403);
			}
		}
	);

	it.runIf(getable)('lets a coordinator in', async () => {
		const response = await coordinator.get(route.samplePath);
		expect([200, 404]).toContain(response.status);
	});

	const posts = [
		...route.actionNames.map((name) =>
			name === 'default' ? route.samplePath : `${route.samplePath}?/${name}`
		),
		...(route.methods.includes('POST') ? [route.samplePath] : [])
	];

	it.runIf(posts.length > 0)(
		'refuses every form post from an anonymous visitor and from a person without the role',
		async () => {
			for (const target of posts) {
				const anon = await anonymous.post(target, { x: '1' });
				expect([303, 401, 403], `anonymous POST ${target}`).toContain(anon.status);
				if (anon.status === 303) expect(anon.headers.get('location')).toMatch(/^\/signin/);
				if (!SIGNED_IN_ROUTES.has(route.id)) {
					const other = await withoutRole(route.id).post(target, { x: '1' });
					expect(other.status, `POST ${target} without the role`).toBe(403);
				}
				if (ownedByExpert(route.id)) {
					const other = await expert.post(target, { x: '1' });
					expect(other.status, `expert POST ${target}`).toBe(403);
				}
			}
		}
	);
});

/**
 * One municipality's people can neither read nor change another municipality's people,
 * memberships, decisions or files: every route under /municipalities/[code] is requested with
 * Vaala's real ids by Kajaani's contact person and participant.
 */
describe('isolation between municipalities', () => {
	const municipal = routes.filter((r) => r.id.startsWith('/municipalities/[code]'));
	let vaala: Record<string, string>;
	let kajaaniContact: HttpClient;
	let kajaaniParticipant: HttpClient;
	let vaalaParticipant: HttpClient;

	beforeAll(async () => {
		kajaaniContact = new HttpClient(app.url);
		kajaaniParticipant = new HttpClient(app.url);
		vaalaParticipant = new HttpClient(app.url);
		await kajaaniContact.signIn('yhteys-205@example.fi');
		await kajaaniParticipant.signIn('osallistuja-205@example.fi');
		await vaalaParticipant.signIn('osallistuja-785@example.fi');
		const home = await (await coordinator.get('/municipalities/785')).text();
		const membershipId = /\/municipalities\/785\/memberships\/([0-9a-f-]{36})/.exec(home)?.[1];
		const people = await (await coordinator.get('/municipalities/785/people')).text();
		const personId = /\/municipalities\/785\/people\/([0-9a-f-]{36})/.exec(people)?.[1];
		expect(membershipId).toBeDefined();
		expect(personId).toBeDefined();
		// a workshop of Vaala's, proposed by its contact person, whose address the others try
		const vaalaContact = new HttpClient(app.url);
		await vaalaContact.signIn('yhteys-785@example.fi');
		const workshops = `/municipalities/785/memberships/${membershipId}/workshops`;
		// the demo's Vaala has its five taken in the current season: one more is an extra
		const proposal = await vaalaContact.post(`${workshops}/new`, {
			need: 'Strategian jalkauttaminen',
			goal: 'Toimeenpanosuunnitelma',
			format: 'on_site',
			asExtra: 'on'
		});
		expect(proposal.status).toBe(303);
		const list = await (await vaalaContact.get(workshops)).text();
		const workshopId = /\/municipalities\/785\/workshops\/([0-9a-f-]{36})/.exec(list)?.[1];
		expect(workshopId).toBeDefined();
		vaala = {
			code: '785',
			membershipId: membershipId!,
			personId: personId!,
			workshopId: workshopId!
		};
	});

	it('finds the municipality routes', () => {
		expect(municipal.length).toBeGreaterThanOrEqual(5);
	});

	it.each(municipal.map((r) => [r.id, r] as const))(
		'%s refuses another municipality’s people, and changes nothing',
		async (_id, route) => {
			const target = pathFor(route.id, vaala);
			const before = await (await coordinator.get('/admin/audit')).text();
			for (const client of [kajaaniContact, kajaaniParticipant]) {
				if (route.page || route.methods.includes('GET')) {
					expect((await client.get(target)).status, `GET ${target}`).toBe(403);
				}
				for (const name of route.actionNames) {
					const url = name === 'default' ? target : `${target}?/${name}`;
					const response = await client.post(url, {
						name: 'X',
						email: 'x@example.fi',
						to: 'withdrawn',
						confirm: 'yes'
					});
					expect(response.status, `POST ${url}`).toBe(403);
				}
			}
			const after = await (await coordinator.get('/admin/audit')).text();
			expect(/data-entry="(\d+)"/.exec(after)?.[1]).toBe(/data-entry="(\d+)"/.exec(before)?.[1]);
		}
	);

	it('lets a participant read their own municipality but not manage its people', async () => {
		expect((await vaalaParticipant.get('/municipalities/785')).status).toBe(200);
		expect(
			(await vaalaParticipant.get(`/municipalities/785/memberships/${vaala.membershipId}`)).status
		).toBe(200);
		expect((await vaalaParticipant.get('/municipalities/785/people')).status).toBe(403);
		expect(
			(await vaalaParticipant.get(`/municipalities/785/workshops/${vaala.workshopId}`)).status
		).toBe(200);
		expect(
			(
				await vaalaParticipant.get(
					`/municipalities/785/memberships/${vaala.membershipId}/workshops/new`
				)
			).status
		).toBe(403);
		const post = await vaalaParticipant.post(
			`/municipalities/785/memberships/${vaala.membershipId}?/decision`,
			{
				body: 'kunnanhallitus'
			}
		);
		expect(post.status).toBe(403);
	});

	it('does not find a membership through another municipality’s address', async () => {
		const response = await kajaaniContact.get(
			`/municipalities/205/memberships/${vaala.membershipId}`
		);
		expect(response.status).toBe(404);
	});

	it('does not find a workshop through another municipality’s address', async () => {
		const response = await kajaaniContact.get(`/municipalities/205/workshops/${vaala.workshopId}`);
		expect(response.status).toBe(404);
	});
});

/**
 * An event's participant list and its export: a contact person sees only their own
 * municipality's people whatever they ask for, a participant who manages no one is refused.
 */
describe('isolation on an event’s participant list', () => {
	let kajaaniContact: HttpClient;
	let vaalaParticipant: HttpClient;
	let eventId: string;
	let vaalaNames: string[];

	beforeAll(async () => {
		kajaaniContact = new HttpClient(app.url);
		vaalaParticipant = new HttpClient(app.url);
		await kajaaniContact.signIn('yhteys-205@example.fi');
		await vaalaParticipant.signIn('osallistuja-785@example.fi');
		// an event of the season running with Vaala's people signed up, as the coordinator sees it
		const own = await (await coordinator.get('/municipalities/785/participation')).text();
		eventId = /href="\/events\/([0-9a-f-]{36})"/.exec(own)![1]!;
		const csv = await (
			await coordinator.get(`/events/${eventId}/participants/export/csv?municipality=785`)
		).text();
		vaalaNames = csv
			.split('\n')
			.slice(1)
			.map((line) => line.split(';')[0]!.replace(/"/g, '').trim())
			.filter(Boolean);
		expect(vaalaNames.length, 'Vaala has sign-ups for the event').toBeGreaterThan(0);
	});

	it('shows another municipality’s contact person none of Vaala’s people, on the page or in the export', async () => {
		for (const path of [
			`/events/${eventId}/participants`,
			`/events/${eventId}/participants?municipality=785`,
			`/events/${eventId}/participants/export/csv?municipality=785`,
			`/events/${eventId}/participants/export/csv`
		]) {
			const response = await kajaaniContact.get(path);
			expect(response.status, path).toBe(200);
			const body = await response.text();
			for (const name of vaalaNames) expect(body, `${path}: ${name}`).not.toContain(name);
		}
	});

	it('refuses a participant, who manages no one’s sign-ups, and the municipality’s list too', async () => {
		expect((await vaalaParticipant.get(`/events/${eventId}/participants`)).status).toBe(403);
		expect((await vaalaParticipant.get(`/events/${eventId}/participants/export/xlsx`)).status).toBe(
			403
		);
		expect((await vaalaParticipant.get('/municipalities/785/participation')).status).toBe(403);
	});
});
