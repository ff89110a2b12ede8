import type { Locale } from '$lib/i18n/locales';

/**
 * The board's PDF report of a municipality's situation analysis (ADR 027): which language it is
 * written in. A report goes to the municipality's council and board, so it is in the
 * municipality's own language — Swedish where the municipality is Swedish-speaking or bilingual
 * with a Swedish majority (Statistics Finland's language status 2 and 3), Finnish elsewhere —
 * and in English only when asked for (`?lang=en`), for a foreign reader.
 */

/** Statistics Finland's language status: 0 Finnish, 1 bilingual Finnish majority, 2 Swedish, 3 bilingual Swedish majority. */
export type LanguageStatus = 0 | 1 | 2 | 3;

export function reportLanguage(languageStatus: number, requested: string | null): Locale {
	if (requested === 'en') return 'en';
	return languageStatus === 2 || languageStatus === 3 ? 'sv' : 'fi';
}

/** A score as printed: a whole number (the rule's scores are 0–100), '–' without one. */
export function printedScore(score: number | null | undefined): number | null {
	return score === null || score === undefined ? null : Math.round(score);
}

/** A change as printed: a whole number with its sign ("+12", "−3", "±0"). */
export function signedChange(change: number): string {
	const whole = Math.round(change);
	if (whole === 0) return '±0';
	return whole > 0 ? `+${whole}` : `\u2212${-whole}`;
}
