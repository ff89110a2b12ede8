import { error, fail, redirect } from '@sveltejs/kit';
import { userActor } from '$lib/server/actor';
import { getAccount } from '$lib/server/account/get-account';
import { profileSchema, updateProfile } from '$lib/server/account/update-profile';
import { requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { parseForm } from '$lib/server/http/parse';
import { LOCALE_COOKIE } from '$lib/i18n/locales';
import type { Actions, PageServerLoad } from './$types';

// Any signed-in person: their own details, their municipality's membership, their data.
export const load: PageServerLoad = async (event) => {
	const user = requireUser(event);
	const account = await getAccount(db(), user.id);
	if (!account) error(404, 'not found');
	return { account, saved: event.url.searchParams.has('saved') };
};

export const actions: Actions = {
	save: async (event) => {
		const user = requireUser(event);
		const form = await parseForm(event.request, profileSchema);
		if (!form.ok) return fail(400, { errors: form.errors, values: form.values });
		const result = await updateProfile(db(), userActor(user), user.id, form.data);
		if (!result.ok) error(404, 'not found');
		// the chosen language also becomes this browser's, as the language menu does
		event.cookies.set(LOCALE_COOKIE, form.data.locale, {
			path: '/',
			httpOnly: false,
			sameSite: 'lax',
			secure: event.url.protocol === 'https:',
			maxAge: 60 * 60 * 24 * 365
		});
		// a new page load, so that the page answers in the language just chosen
		redirect(303, '/account?saved');
	}
};
