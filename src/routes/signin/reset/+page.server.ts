import { fail } from '@sveltejs/kit';
import { emailOnlySchema } from '$lib/schemas/auth';
import { requestPasswordReset } from '$lib/server/auth/sign-in';
import { db } from '$lib/server/db';
import { parseForm } from '$lib/server/http/parse';
import { mailSettings, publicOrigin } from '$lib/server/mail/settings';
import type { Actions, PageServerLoad } from './$types';

// Public: asking for a password reset link.
export const load: PageServerLoad = () => ({});

export const actions: Actions = {
	default: async (event) => {
		const form = await parseForm(event.request, emailOnlySchema);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const result = await requestPasswordReset(db(), mailSettings(), {
			email: form.data.email,
			address: event.getClientAddress(),
			origin: publicOrigin(event.url)
		});
		if (!result.ok) return fail(429, { values: form.data, rateLimited: result.retryAfterMinutes });
		return { sent: true, values: form.data };
	}
};
