import type { Locale } from '$lib/i18n/locales';

const SUFFIX = { fi: 'Fi', sv: 'Sv', en: 'En' } as const;

/**
 * A text kept in three columns (`titleFi`, `titleSv`, `titleEn`) in the reader's language,
 * the Finnish one where the other is empty: Finnish is the one every record must have.
 */
export function localized<B extends string>(
	row: Record<`${B}Fi` | `${B}Sv` | `${B}En`, string>,
	base: B,
	locale: Locale
): string {
	const own = row[`${base}${SUFFIX[locale]}`];
	return own && own.trim() !== '' ? own : row[`${base}Fi`];
}

/** The `lang` attribute for a text shown by `localized`: set when it fell back to Finnish. */
export function localizedLang<B extends string>(
	row: Record<`${B}Fi` | `${B}Sv` | `${B}En`, string>,
	base: B,
	locale: Locale
): string | undefined {
	if (locale === 'fi') return undefined;
	const own = row[`${base}${SUFFIX[locale]}`];
	return own && own.trim() !== '' ? undefined : 'fi';
}
