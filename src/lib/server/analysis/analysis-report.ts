import type { DbOrTx } from '../db';
import type { MunicipalityAnalysis } from './analysis-queries';
import { analysisResults, type GroupKind, type SectionResult } from './analysis-results';
import { seasonComparison } from './season-change';
import { analysisSummary } from './analysis-summary';
import { textIn } from '$lib/domain/analysis/questionnaire';
import type { SeasonChange } from '$lib/domain/analysis/distribution';
import { MIN_GROUP_SIZE } from '$lib/domain/analysis/distribution';
import { MIN_RESPONDENTS, type ScoreWithSpread } from '$lib/domain/analysis/scoring';
import type { Locale } from '$lib/i18n/locales';

/**
 * Everything a municipality's results show, in one language (ADR 027): the results page renders
 * it as HTML and the board's PDF report draws it, so the two show the same figures. Only the
 * municipality's own figures and groups' distributions (ADR 024); free-text answers are not in
 * it (the page adds them for those who may read them; the report, which may be published with
 * the board's minutes, leaves them out).
 */
export interface AnalysisReportModel {
	language: Locale;
	municipality: { code: string; name: string; sizeClass: number | null };
	network: { shortName: string; name: string };
	season: string;
	analysis: { id: string; state: 'open' | 'closed'; versionNumber: number };
	respondents: { invited: number; withScore: number };
	rule: { minRespondents: number; minGroup: number };
	sections: (Omit<SectionResult, 'own'> & { title: string; own: ScoreWithSpread })[];
	overall: {
		own: ScoreWithSpread;
		groups: SectionResult['groups'];
	};
	change: {
		season: string;
		versionNumber: number;
		rows: ({ key: string; title: string } & SeasonChange)[];
	} | null;
	summary: { text: string; updatedAt: Date; updatedBy: string | null } | null;
	recommendations: {
		id: string;
		position: number;
		title: string;
		text: string;
		focusAreaId: string | null;
		focusArea: string | null;
		workshop: { id: string; state: 'proposed' | 'agreed' | 'held' | 'cancelled' } | null;
	}[];
}

export const GROUP_KINDS: readonly GroupKind[] = ['network', 'size_class'];

export async function analysisReport(
	db: DbOrTx,
	analysis: MunicipalityAnalysis,
	language: Locale
): Promise<AnalysisReportModel> {
	const results = await analysisResults(db, analysis);
	const [change, summary] = await Promise.all([
		seasonComparison(db, analysis, results),
		analysisSummary(db, analysis.analysis.id)
	]);
	const titles = new Map(
		results.version.questionnaire.sections.map((s) => [s.key, textIn(s.title, language)])
	);
	const municipalityName =
		language === 'sv' && analysis.municipality.nameSv
			? analysis.municipality.nameSv
			: analysis.municipality.nameFi;
	return {
		language,
		municipality: {
			code: analysis.municipality.code,
			name: municipalityName,
			sizeClass: analysis.municipality.sizeClass
		},
		network: { shortName: analysis.network.shortName, name: analysis.network.name },
		season: `${analysis.network.shortName} ${analysis.season.number}`,
		analysis: {
			id: analysis.analysis.id,
			state: analysis.analysis.state,
			versionNumber: results.version.version.number
		},
		respondents: results.respondents,
		rule: { minRespondents: MIN_RESPONDENTS, minGroup: MIN_GROUP_SIZE },
		sections: results.sections.map((s) => ({ ...s, title: titles.get(s.key) ?? s.key })),
		overall: { own: results.own.overall, groups: results.overall },
		change: change && {
			season: `${analysis.network.shortName} ${change.previous.seasonNumber}`,
			versionNumber: change.previous.versionNumber,
			rows: change.sections.map((c) => ({
				...c,
				key: c.section,
				title: titles.get(c.section) ?? c.section
			}))
		},
		summary: summary.summary,
		recommendations: summary.recommendations.map((r) => ({
			id: r.id,
			position: r.position,
			title: r.title,
			text: r.text,
			focusAreaId: r.focusAreaId,
			focusArea: r.focusArea ? textIn(r.focusArea, language) : null,
			workshop: r.workshop
		}))
	};
}
