import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import {
	DEFAULT_LOCALE,
	isLocale,
	LOCALE_COOKIE,
	localeFromAcceptLanguage
} from '$lib/i18n/locales';
import { ConfigError, env } from '$lib/server/env';
import { FolderLockedError } from '$lib/server/db/folder-lock';
import { db, startDatabase, stopDatabase } from '$lib/server/db';
import { SESSION_COOKIE, validateSession } from '$lib/server/auth/session';
import { sessionCookieOptions } from '$lib/server/auth/cookies';
import { seedDemo } from '$lib/server/demo/seed-demo';
import { loadShippedRegistry } from '$lib/server/registry/import-registry';
import { closeMailTransports } from '$lib/server/mail/send-mail';
import { backgroundOrigin, mailSettings } from '$lib/server/mail/settings';
import { hideSecretPath } from '$lib/domain/secret-links';
import { nudgeJobs, startJobPoller, stopJobPoller } from '$lib/server/jobs/poller';
import { startPgliteMaintenance, stopPgliteMaintenance } from '$lib/server/db/pglite-maintenance';

/**
 * Opens and migrates the database before the first request (a fresh PGlite takes seconds), then
 * starts running background jobs.
 */
export const init: ServerInit = async () => {
	let config;
	let database;
	try {
		config = env();
		database = await startDatabase();
	} catch (e) {
		if (e instanceof ConfigError || e instanceof FolderLockedError) {
			// an operator's mistake: say what to mend, without a stack trace
			console.error(`Verkosto cannot start. ${e.message}`);
			process.exit(1);
		}
		throw e;
	}
	await loadShippedRegistry(database.db);
	if (config.DEMO && (await seedDemo(database.db))) {
		console.info('Demo data loaded. Sign in as koordinaattori@example.fi / verkosto-demo');
	}
	startPgliteMaintenance(database);
	// one poller per server (ADR 016); its timer does not keep the process alive
	startJobPoller({
		db: database.db,
		settings: { mail: mailSettings(), publicOrigin: backgroundOrigin() }
	});
	process.once('sveltekit:shutdown', async () => {
		// no new jobs claimed; the running one finishes before the database closes
		await stopPgliteMaintenance();
		await stopJobPoller();
		await closeMailTransports();
		await stopDatabase();
	});
};

/**
 * Language: an explicit choice (cookie) first, then the signed-in person's own setting, then the
 * browser's Accept-Language, then Finnish.
 */
const locale: Handle = async ({ event, resolve }) => {
	const chosen = event.cookies.get(LOCALE_COOKIE);
	event.locals.locale = isLocale(chosen)
		? chosen
		: (event.locals.user?.locale ??
			localeFromAcceptLanguage(event.request.headers.get('accept-language')) ??
			DEFAULT_LOCALE);
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
};

const session: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const valid = await validateSession(db(), token);
		if (valid) {
			event.locals.user = valid.user;
			if (valid.renewed) {
				event.cookies.set(SESSION_COOKIE, token, sessionCookieOptions(event.url, valid.expiresAt));
			}
		} else {
			event.cookies.delete(SESSION_COOKIE, { path: '/' });
		}
	}
	return resolve(event);
};

/**
 * Pages get their Content-Security-Policy from `kit.csp` (svelte.config.js). Other answers (file
 * downloads, JSON, an error SvelteKit writes itself) get this one: nothing may run or be framed.
 */
const NON_PAGE_CSP =
	"default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; " +
	"form-action 'none'; frame-ancestors 'none'";

/** HSTS for a year once the public address is https (never on http://localhost). */
const HSTS = 'max-age=31536000';

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const headers = response.headers;
	headers.set('x-content-type-options', 'nosniff');
	headers.set('referrer-policy', 'same-origin');
	headers.set('x-frame-options', 'DENY');
	if (!headers.has('content-security-policy')) headers.set('content-security-policy', NON_PAGE_CSP);
	if (event.url.protocol === 'https:') headers.set('strict-transport-security', HSTS);
	return response;
};

/**
 * Once a form action (or any other write) has been answered, what its use case enqueued has
 * committed: a sign-up's confirmation, a promotion's mail. The poller runs it now rather than
 * at its next tick (ADR 016); a read enqueues nothing.
 */
const nudgeJobsAfterWrites: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	if (event.request.method !== 'GET' && event.request.method !== 'HEAD') nudgeJobs();
	return response;
};

export const handle = sequence(securityHeaders, nudgeJobsAfterWrites, session, locale);

/** Unexpected errors: logged with an id, never shown to the user beyond a generic message. */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const id = crypto.randomUUID();
	if (status >= 500) {
		console.error(`[${id}] ${event.request.method} ${hideSecretPath(event.url.pathname)}:`, error);
	} else if (status !== 404) {
		// A refused request (415 for a body that is not a form, 400 for a broken one) is the
		// client's mistake: one line, no stack trace.
		console.warn(
			`[${id}] ${event.request.method} ${hideSecretPath(event.url.pathname)}: ${status} ${message}`
		);
	}
	return { message: 'error', id };
};
