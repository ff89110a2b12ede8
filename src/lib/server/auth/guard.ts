import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { hasRole, type Role, type SessionUser } from './session';
import { serverTranslator } from '$lib/i18n/catalogue';

export type MunicipalityAccess = 'read' | 'manage';

export type GuardEvent = Pick<RequestEvent, 'locals' | 'url'>;

/**
 * Refusals carry their heading in the user's language: pages show +error.svelte, but a
 * download address opened in a browser shows src/error.html, which can only print the message.
 */
export function forbidden(event: GuardEvent): never {
	error(403, serverTranslator(event.locals.locale ?? 'fi')('page.forbidden'));
}

export function notFound(event: GuardEvent): never {
	error(404, serverTranslator(event.locals.locale ?? 'fi')('page.notFound'));
}

/**
 * The first line of every load, action and endpoint that is not public. An anonymous
 * visitor is sent to sign in (and back afterwards); a signed-in user without the role gets 403.
 */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	const user = event.locals.user;
	if (!user) {
		const next = event.url.pathname + event.url.search;
		redirect(303, `/signin?next=${encodeURIComponent(next)}`);
	}
	return user;
}

export function requireRole(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	...roles: Role[]
): SessionUser {
	const user = requireUser(event);
	if (!roles.some((role) => hasRole(user, role))) forbidden(event);
	return user;
}

export const requireCoordinator = (event: Pick<RequestEvent, 'locals' | 'url'>) =>
	requireRole(event, 'coordinator');

/** A redirect target from a query string: only a path on this site, never another host. */
export function safeNext(value: string | null | undefined, fallback = '/'): string {
	if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
		return fallback;
	}
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f]/.test(value) || value.length > 2000) return fallback;
	return value;
}

/** What a person may do with a municipality's data: coordinators and its contact person manage, its participants read. */
export function municipalityAccess(user: SessionUser, code: string): MunicipalityAccess | null {
	if (hasRole(user, 'coordinator')) return 'manage';
	const own = user.roles.filter((r) => r.municipalityCode === code);
	if (own.some((r) => r.role === 'contact_person')) return 'manage';
	if (own.some((r) => r.role === 'participant')) return 'read';
	return null;
}

/**
 * For routes under /municipalities/[code]: another municipality's people get 403 whatever
 * they ask for, so nothing tells them what exists there.
 */
export function requireMunicipality(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	code: string,
	need: MunicipalityAccess
): SessionUser {
	const user = requireUser(event);
	if (!/^\d{3}$/.test(code)) notFound(event);
	const access = municipalityAccess(user, code);
	if (!access || (need === 'manage' && access !== 'manage')) forbidden(event);
	return user;
}
