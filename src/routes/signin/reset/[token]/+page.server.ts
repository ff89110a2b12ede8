import { fail, redirect } from '@sveltejs/kit';
import { newPasswordSchema } from '$lib/schemas/auth';
import { sessionCookieOptions } from '$lib/server/auth/cookies';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { isTokenUsable, resetPassword } from '$lib/server/auth/sign-in';
import { db } from '$lib/server/db';
import { parseForm } from '$lib/server/http/parse';
import type { Actions, PageServerLoad } from './$types';

// Public: the token in the address is the credential.
export const load: PageServerLoad = async ({ params }) => ({
	usable: await isTokenUsable(db(), params.token, 'password_reset')
});

export const actions: Actions = {
	default: async (event) => {
		const form = await parseForm(event.request, newPasswordSchema, {
			omitFromValues: ['password', 'confirm']
		});
		if (!form.ok) return fail(400, { errors: form.errors });
		const result = await resetPassword(db(), {
			token: event.params.token,
			password: form.data.password
		});
		if (!result.ok) return fail(400, { invalid: true });
		event.cookies.set(
			SESSION_COOKIE,
			result.token,
			sessionCookieOptions(event.url, result.expiresAt)
		);
		redirect(303, '/?passwordChanged=1');
	}
};
