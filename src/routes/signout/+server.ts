import { redirect } from '@sveltejs/kit';
import { SESSION_COOKIE, invalidateSession } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import type { RequestHandler } from './$types';

// Public: signing out is harmless for anyone; it ends the session the cookie names.
export const POST: RequestHandler = async ({ cookies }) => {
	const token = cookies.get(SESSION_COOKIE);
	if (token) await invalidateSession(db(), token);
	cookies.delete(SESSION_COOKIE, { path: '/' });
	redirect(303, '/signin?signedOut=1');
};
