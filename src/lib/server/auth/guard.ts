import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { hasRole, type Role, type SessionUser } from './session';

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
	if (!roles.some((role) => hasRole(user, role))) error(403, 'forbidden');
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
