import { redirect } from '@sveltejs/kit';
import { isLocale, LOCALE_COOKIE } from '$lib/i18n/locales';
import { safeNext } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { setUserLocale } from '$lib/server/users/set-user-locale';
import { userActor } from '$lib/server/actor';
import type { RequestHandler } from './$types';

// Public: anyone may choose the language. A signed-in user's choice is also saved on their account.
export const POST: RequestHandler = async (event) => {
	let form: FormData;
	try {
		form = await event.request.formData();
	} catch {
		form = new FormData();
	}
	const locale = form.get('locale');
	const next = safeNext(typeof form.get('next') === 'string' ? String(form.get('next')) : null);
	if (isLocale(locale)) {
		event.cookies.set(LOCALE_COOKIE, locale, {
			path: '/',
			httpOnly: false,
			sameSite: 'lax',
			secure: event.url.protocol === 'https:',
			maxAge: 60 * 60 * 24 * 365
		});
		const user = event.locals.user;
		if (user && user.locale !== locale) {
			await setUserLocale(db(), userActor(user), user.id, locale);
		}
	}
	redirect(303, next);
};
