import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import {
	analysisAnswers,
	analysisQuestions,
	analysisResponseScores,
	analysisResponses,
	analysisSections
} from '../db/schema';
import type { MunicipalityAnalysis } from './analysis-queries';
import { loadVersion, type LoadedVersion } from './questionnaire-rows';
import { groupDistributionsBy, type GroupSummaries } from './member-scores';
import {
	municipalityScores,
	overallScore,
	type MunicipalityScores,
	type RespondentScores
} from '$lib/domain/analysis/scoring';
import {
	positionIn,
	suppressSmallGroup,
	type GroupDistribution,
	type Position
} from '$lib/domain/analysis/distribution';
import { scoredSections } from '$lib/domain/analysis/questionnaire';

/**
 * The results of one municipality's analysis (ADR 019, ADR 024): its own scores from its own
 * respondents' section scores (a municipality has a handful of respondents), and the network's
 * and its size class's distributions aggregated in the database from every member's section
 * means, so the page reads a few rows per section whatever the size of the network. No other
 * member's figure leaves the database: only count, quartiles and range of a group of five or
 * more (suppressSmallGroup).
 */

export type GroupKind = 'network' | 'size_class';

export interface SectionResult {
	key: string;
	own: MunicipalityScores['sections'][number];
	groups: Record<GroupKind, { distribution: GroupDistribution; position: Position | null }>;
}

export interface AnalysisResults {
	version: LoadedVersion;
	own: MunicipalityScores;
	respondents: { invited: number; withScore: number };
	sections: SectionResult[];
	overall: Record<GroupKind, { distribution: GroupDistribution; position: Position | null }>;
}

/** The municipality's own respondents' section scores, one entry per respondent. */
export async function ownRespondentScores(
	db: DbOrTx,
	analysisId: string,
	version: LoadedVersion
): Promise<RespondentScores[]> {
	const rows = await db
		.select({
			responseId: analysisResponseScores.responseId,
			key: analysisSections.key,
			score: analysisResponseScores.score
		})
		.from(analysisResponseScores)
		.innerJoin(analysisSections, eq(analysisSections.id, analysisResponseScores.sectionId))
		.where(
			and(
				eq(analysisResponseScores.analysisId, analysisId),
				eq(analysisSections.versionId, version.version.id)
			)
		);
	const byResponse = new Map<string, Map<string, number | null>>();
	for (const r of rows) {
		const m = byResponse.get(r.responseId) ?? new Map<string, number | null>();
		m.set(r.key, r.score);
		byResponse.set(r.responseId, m);
	}
	const scored = scoredSections(version.questionnaire);
	return [...byResponse.values()].map((m) => {
		const sections = new Map(scored.map((s) => [s.key, m.get(s.key) ?? null]));
		return { sections, overall: overallScore(version.questionnaire, sections) };
	});
}

const NOBODY: GroupSummaries = { sections: new Map(), overall: suppressSmallGroup(null) };

export async function analysisResults(
	db: DbOrTx,
	analysis: MunicipalityAnalysis
): Promise<AnalysisResults> {
	const version = (await loadVersion(db, analysis.analysis.versionId))!;
	const [respondentScores, groups] = await Promise.all([
		ownRespondentScores(db, analysis.analysis.id, version),
		// the network and every size class in one pass; only the municipality's own class is used
		groupDistributionsBy(db, {
			versionId: version.version.id,
			seasonId: analysis.season.id,
			by: ['network', 'size_class']
		})
	]);
	const network = groups.get('network')!.get('all') ?? NOBODY;
	const sizeClass =
		analysis.municipality.sizeClass === null
			? NOBODY
			: (groups.get('size_class')!.get(String(analysis.municipality.sizeClass)) ?? NOBODY);
	const own = municipalityScores(version.questionnaire, respondentScores);
	const place = (
		d: GroupDistribution | undefined,
		score: number | null
	): { distribution: GroupDistribution; position: Position | null } => {
		const distribution = d ?? suppressSmallGroup(null);
		return { distribution, position: positionIn(score, distribution) };
	};
	return {
		version,
		own,
		// the responses begun, as the analysis's row keeps them (ADR 032)
		respondents: { invited: analysis.analysis.startedCount, withScore: respondentScores.length },
		sections: own.sections.map((s) => ({
			key: s.section,
			own: s,
			groups: {
				network: place(network.sections.get(s.section), s.score),
				size_class: place(sizeClass.sections.get(s.section), s.score)
			}
		})),
		overall: {
			network: place(network.overall, own.overall.score),
			size_class: place(sizeClass.overall, own.overall.score)
		}
	};
}

/**
 * The free-text answers of an analysis, by question, without names: for the municipality and
 * the network's staff only (the route decides who sees them).
 */
export async function freeTextAnswers(db: DbOrTx, analysisId: string, versionId: string) {
	return db
		.select({ questionKey: analysisQuestions.key, value: analysisAnswers.value })
		.from(analysisAnswers)
		.innerJoin(analysisResponses, eq(analysisResponses.id, analysisAnswers.responseId))
		.innerJoin(analysisQuestions, eq(analysisQuestions.id, analysisAnswers.questionId))
		.where(
			and(
				eq(analysisResponses.analysisId, analysisId),
				eq(analysisAnswers.versionId, versionId),
				eq(analysisQuestions.kind, 'free_text')
			)
		)
		.orderBy(asc(analysisQuestions.position), asc(analysisAnswers.answeredAt))
		.limit(1000);
}
