/**
 * Routes anyone holding a secret address may open without signing in, each with the reason it
 * cannot ask for a session. An unknown or revoked secret answers 404 (tests/e2e/access.e2e.ts).
 */
export const SECRET_ADDRESS_ROUTES: ReadonlyMap<string, string> = new Map([
	[
		'/calendar/[token]',
		'calendar programs fetch a subscribed feed without cookies or a sign-in; the 160-bit token ' +
			'is the credential, renewed from /account/calendars (docs/decisions/020-calendar-feeds.md)'
	],
	[
		'/respond/[token]',
		'a respondent of a situation analysis answers from the link mailed to them, without an ' +
			'account of their own; the 160-bit token (kept hashed) is the credential, shows only their ' +
			'own answers, and is renewed by inviting again (docs/decisions/024-analysis-storage.md)'
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

/**
 * Routes the network's experts may open as well as its coordinators, each with what an expert
 * sees there. A municipality's people without a role there are refused (tests/e2e/access.e2e.ts
 * asks another municipality's participant); on a workshop's own routes an expert not assigned
 * to it is refused too, and on a journey's another expert.
 */
export const EXPERT_ROUTES: ReadonlyMap<string, string> = new Map([
	['/workshops', 'the workshops assigned to the expert, across municipalities'],
	[
		'/municipalities/[code]/workshops/[workshopId]',
		'a workshop assigned to the expert: its facts, the record form, materials and feedback'
	],
	[
		'/municipalities/[code]/workshops/[workshopId]/materials/[fileId]',
		'a file of a workshop assigned to the expert'
	],
	[
		'/municipalities/[code]/analysis/[analysisId]/results',
		'the results of a municipality’s situation analysis, free text included, for an expert ' +
			'assigned to one of its workshops of that season (analysis-viewer.ts)'
	],
	[
		'/municipalities/[code]/analysis/[analysisId]/report.pdf',
		'the board’s PDF report of a municipality’s analysis, for whoever sees its results (ADR 027)'
	],
	[
		'/municipalities/[code]/analysis/[analysisId]/summary',
		'the expert’s summary and recommendations of an analysis, written by an expert assigned to ' +
			'one of the membership’s workshops or by the coordinator (ADR 027)'
	],
	['/workshops/journeys', 'the expert’s own journey claims (travel costs), and a new one'],
	['/workshops/journeys/[journeyId]', 'the expert’s own journey claim: its costs and receipts'],
	['/workshops/journeys/[journeyId]/receipts/[lineId]', 'a receipt of the expert’s own journey'],
	[
		'/seasons/[id]/workshops/reports',
		'the season’s workshop reports (per focus area, approved costs per municipality and expert) for its network’s staff'
	],
	['/seasons/[id]/workshops/reports/export/[format]', 'the same reports as CSV or XLSX']
]);

/**
 * Routes of a municipality's workshops (issue 8), and who opens them: the guard of every one is
 * the municipality's (`requireMunicipality`, or view-workshop.ts for a single workshop), so the
 * isolation test in tests/e2e/access.e2e.ts covers them with another municipality's people.
 *
 * - `/municipalities/[code]/memberships/[membershipId]/workshops`: the ledger and the list;
 *   the municipality's people and the coordinators of the season's network
 * - `…/workshops/new`: the proposal form; the contact person and those coordinators
 * - `/municipalities/[code]/workshops/[workshopId]` (+ `/materials/[fileId]`): the municipality's
 *   people, those coordinators and the experts assigned (EXPERT_ROUTES)
 * - `/seasons/[id]/workshops` (+ `/export/[format]`): the coordinators of the season's network
 */
export const MUNICIPALITY_WORKSHOP_ROUTES = new Set<string>([
	'/municipalities/[code]/memberships/[membershipId]/workshops',
	'/municipalities/[code]/memberships/[membershipId]/workshops/new',
	'/municipalities/[code]/workshops/[workshopId]',
	'/municipalities/[code]/workshops/[workshopId]/materials/[fileId]'
]);
