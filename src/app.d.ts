import type { SessionUser } from '$lib/server/auth/session';
import type { Locale } from '$lib/i18n/locales';
import type { MessageKey } from '$lib/i18n/fi';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** A catalogue key for the page to show in the user's language. */
			key?: MessageKey;
			id?: string;
		}
		interface Locals {
			locale: Locale;
			user: SessionUser | null;
		}
		interface PageData {
			locale: Locale;
		}
	}
}

export {};
