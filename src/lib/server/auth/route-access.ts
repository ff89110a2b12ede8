/**
 * Routes anyone may open. Every other route must refuse an anonymous visitor and a person
 * without its role; tests/e2e/access.e2e.ts finds every route and checks it.
 */
export const PUBLIC_ROUTES = new Set([
	'/',
	'/healthz',
	'/language',
	'/n/[slug]',
	'/signin',
	'/signin/link/[token]',
	'/signin/reset',
	'/signin/reset/[token]',
	'/signout'
]);

/** Routes any signed-in person may open, whatever their role. */
export const SIGNED_IN_ROUTES = new Set<string>([
	'/account',
	'/account/data',
	// events are shown to whom they concern (network staff, members' people) and 404 to others
	'/events',
	'/events/[id]',
	'/events/[id]/ics',
	'/events/[id]/feedback'
]);
