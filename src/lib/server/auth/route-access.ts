/**
 * Routes anyone holding a secret address may open without signing in, each with the reason it
 * cannot ask for a session. An unknown or revoked secret answers 404 (tests/e2e/access.e2e.ts).
 */
export const SECRET_ADDRESS_ROUTES: ReadonlyMap<string, string> = new Map([
	[
		'/calendar/[token]',
		'calendar programs fetch a subscribed feed without cookies or a sign-in; the 160-bit token ' +
			'is the credential, renewed from /account/calendars (docs/decisions/020-calendar-feeds.md)'
	]
]);

/**
 * Routes anyone may open. Every other route must refuse an anonymous visitor and a person
 * without its role; tests/e2e/access.e2e.ts finds every route and checks it.
 */
export const PUBLIC_ROUTES = new Set([
	...SECRET_ADDRESS_ROUTES.keys(),
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
	'/account/calendars',
	'/account/data',
	// events are shown to whom they concern (network staff, members' people) and 404 to others
	'/events',
	'/events/[id]',
	'/events/[id]/ics',
	'/events/[id]/feedback',
	// staff see every municipality's sign-ups, a contact person their own; anyone else 403/404
	'/events/[id]/participants',
	'/events/[id]/participants/export/[format]',
	// an event's files, for everyone who sees the event
	'/events/[id]/materials/[fileId]'
]);
