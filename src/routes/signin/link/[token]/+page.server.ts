import { fail, redirect } from '@sveltejs/kit';
import { sessionCookieOptions } from '$lib/server/auth/cookies';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { isTokenUsable, signInWithLink } from '$lib/server/auth/sign-in';
import { db } from '$lib/server/db';
import type { Actions, PageServerLoad } from './$types';

// Public: the token in the address is the credential. Opening the page does not use the
// link (mail scanners open links); the button does.
export const load: PageServerLoad = async ({ params }) => ({
	usable: await isTokenUsable(db(), params.token, 'sign_in')
});

export const actions: Actions = {
	default: async (event) => {
		const result = await signInWithLink(db(), event.params.token);
		if (!result.ok) return fail(400, { invalid: true });
		event.cookies.set(
			SESSION_COOKIE,
			result.token,
			sessionCookieOptions(event.url, result.expiresAt)
		);
		redirect(303, '/');
	}
};
