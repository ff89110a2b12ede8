import type { Locale } from '$lib/i18n/locales';
import type { GroupDistribution } from './distribution';

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

/** The words a printed figure needs: the language's translator and number format. */
export interface ReportWords {
	t: (
		key: 'analysis.suppressed' | 'analysis.distributionText',
		params?: Record<string, string>
	) => string;
	n: (value: number) => string;
}

/** A score as the page and the PDF print it: a whole number, or "–" for none. */
export function scoreText(score: number | null | undefined, words: Pick<ReportWords, 'n'>): string {
	const printed = printedScore(score);
	return printed === null ? '–' : words.n(printed);
}

/**
 * A group's distribution in one line (n, median, quartiles, range), or the suppression notice
 * for a group under five: the same sentence on the results page and in the PDF.
 */
export function distributionText(d: GroupDistribution, words: ReportWords): string {
	if (d.suppressed) return words.t('analysis.suppressed');
	const score = (v: number | null) => scoreText(v, words);
	return words.t('analysis.distributionText', {
		n: words.n(d.n),
		median: score(d.median),
		q1: score(d.lowerQuartile),
		q3: score(d.upperQuartile),
		min: score(d.min),
		max: score(d.max)
	});
}
