import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC_ROUTES, SIGNED_IN_ROUTES } from '../../src/lib/server/auth/route-access';
import { startApp, type RunningApp } from './support/app-server';
import { HttpClient } from './support/http';
import { findRoutes } from './support/routes';

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

beforeAll(async () => {
	app = await startApp();
	anonymous = new HttpClient(app.url);
	expert = new HttpClient(app.url);
	coordinator = new HttpClient(app.url);
	await expert.signIn('asiantuntija@example.fi');
	await coordinator.signIn('koordinaattori@example.fi');
});
afterAll(() => app?.stop());

describe('route discovery', () => {
	it('finds the routes, and every public one exists', () => {
		expect(guarded.length).toBeGreaterThan(3);
		const ids = new Set(routes.map((r) => r.id));
		for (const id of PUBLIC_ROUTES) expect(ids, id).toContain(id);
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
			const response = await expert.get(route.samplePath);
			expect(response.status).toBe(403);
		}
	);

	it.runIf(getable)('lets a coordinator in', async () => {
		const response = await coordinator.get(route.samplePath);
		expect([200, 404]).toContain(response.status);
	});

	it.runIf(route.actions || route.methods.includes('POST'))(
		'refuses a form post from an anonymous visitor and from a person without the role',
		async () => {
			const anon = await anonymous.post(route.samplePath, { x: '1' });
			expect([303, 401, 403, 405]).toContain(anon.status);
			if (anon.status === 303) expect(anon.headers.get('location')).toMatch(/^\/signin/);
			if (!SIGNED_IN_ROUTES.has(route.id)) {
				const other = await expert.post(route.samplePath, { x: '1' });
				expect([403, 405]).toContain(other.status);
			}
		}
	);
});
