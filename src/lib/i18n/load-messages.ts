import type { Messages } from './fi';
import type { Locale } from './locales';

/**
 * Loads one language's catalogue. Each language is its own chunk, so a browser downloads
 * only the language it shows.
 */
export async function loadMessages(locale: Locale): Promise<Messages> {
	switch (locale) {
		case 'sv':
			return (await import('./sv')).sv;
		case 'en':
			return (await import('./en')).en;
		default:
			return (await import('./fi')).fi;
	}
}
