/** The languages of the user interface, Finnish first. Importable from client and server. */
export const LOCALES = ['fi', 'sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fi';
export const LOCALE_COOKIE = 'verkosto_lang';

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Picks the best supported language from an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | undefined {
	if (!header) return undefined;
	const ranked = header
		.split(',')
		.slice(0, 20)
		.map((part, index) => {
			const [tag = '', ...params] = part.trim().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			const quality = q ? Number.parseFloat(q.slice(2)) : 1;
			return { lang: tag.toLowerCase().split('-')[0] ?? '', quality, index };
		})
		.filter((e) => Number.isFinite(e.quality) && e.quality > 0)
		.sort((a, b) => b.quality - a.quality || a.index - b.index);
	return ranked.map((e) => e.lang).find(isLocale);
}

/** BCP 47 tags for Intl: numbers, money and dates in the Finnish way in every language. */
export const INTL_TAG: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'fi-FI' };
export const TIME_ZONE = 'Europe/Helsinki';
