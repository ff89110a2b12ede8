import type { DbOrTx } from '../db';
import type { ExportTable } from '../export/table-export';
import { memberScores } from './member-scores';
import type { LoadedVersion } from './questionnaire-rows';
import { scoredSections, textIn } from '$lib/domain/analysis/questionnaire';
import { serverTranslator } from '$lib/i18n/catalogue';
import type { Locale } from '$lib/i18n/locales';

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The season's members' scores per section and overall, for the network's coordinators: one
 * row per member with a score, aggregated in the database (member-scores.ts). Never an
 * individual respondent's answer or score.
 */
export async function exportMemberScores(
	db: DbOrTx,
	input: { seasonId: string; title: string; version: LoadedVersion },
	locale: Locale
): Promise<ExportTable> {
	const t = serverTranslator(locale);
	const sections = scoredSections(input.version.questionnaire);
	const rows = await memberScores(db, {
		versionId: input.version.version.id,
		seasonId: input.seasonId
	});
	return {
		title: input.title,
		columns: [
			{ header: t('registry.code'), width: 8 },
			{ header: t('analysis.municipality'), width: 24 },
			{ header: t('analysis.sizeClass'), numeric: true },
			{ header: t('analysis.region'), width: 20 },
			...sections.map((s) => ({ header: textIn(s.title, locale), numeric: true })),
			{ header: t('analysis.overall'), numeric: true }
		],
		rows: rows.map((r) => [
			r.code,
			locale === 'sv' && r.nameSv ? r.nameSv : r.nameFi,
			r.sizeClass,
			r.regionFi,
			...sections.map((s) => {
				const v = r.sections.get(s.key);
				return v === undefined ? null : round1(v);
			}),
			r.overall === null ? null : round1(r.overall)
		]),
		notes: [t('analysis.exportNote', { version: input.version.version.number })]
	};
}
