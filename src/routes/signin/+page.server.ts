import { fail, redirect } from '@sveltejs/kit';
import { emailOnlySchema, passwordSignInSchema } from '$lib/schemas/auth';
import { safeNext } from '$lib/server/auth/guard';
import { sessionCookieOptions } from '$lib/server/auth/cookies';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { requestSignInLink, signInWithPassword } from '$lib/server/auth/sign-in';
import { db } from '$lib/server/db';
import { parseForm } from '$lib/server/http/parse';
import { mailSettings, publicOrigin } from '$lib/server/mail/settings';
import type { Actions, PageServerLoad } from './$types';

// Public: the sign-in page.
export const load: PageServerLoad = ({ url, locals }) => {
	const next = safeNext(url.searchParams.get('next'));
	if (locals.user) redirect(303, next);
	return {
		next,
		signedOut: url.searchParams.has('signedOut'),
		required: url.searchParams.has('next')
	};
};

export const actions: Actions = {
	password: async (event) => {
		const form = await parseForm(event.request, passwordSignInSchema, {
			omitFromValues: ['password']
		});
		const next = safeNext(event.url.searchParams.get('next'));
		if (!form.ok) return fail(400, { form: 'password', errors: form.errors, values: form.values });
		const result = await signInWithPassword(db(), {
			...form.data,
			address: event.getClientAddress()
		});
		if (!result.ok) {
			const values = { email: form.data.email };
			return result.reason === 'rate_limited'
				? fail(429, { form: 'password', values, rateLimited: result.retryAfterMinutes })
				: fail(400, { form: 'password', values, failed: true });
		}
		event.cookies.set(
			SESSION_COOKIE,
			result.token,
			sessionCookieOptions(event.url, result.expiresAt)
		);
		redirect(303, next);
	},

	link: async (event) => {
		const form = await parseForm(event.request, emailOnlySchema);
		if (!form.ok) return fail(400, { form: 'link', errors: form.errors, values: form.values });
		const result = await requestSignInLink(db(), mailSettings(), {
			email: form.data.email,
			address: event.getClientAddress(),
			origin: publicOrigin(event.url)
		});
		if (!result.ok) {
			return fail(429, { form: 'link', values: form.data, rateLimited: result.retryAfterMinutes });
		}
		return { form: 'link', linkSent: true, values: form.data };
	}
};
