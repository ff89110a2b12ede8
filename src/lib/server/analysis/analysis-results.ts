import { and, asc, eq, sql } from 'drizzle-orm';
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
import {
	MIN_RESPONDENTS,
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

interface SummaryRow extends Record<string, unknown> {
	key: string;
	n: number;
	min: number;
	q1: number;
	median: number;
	q3: number;
	max: number;
}

const toSummary = (r: SummaryRow | undefined) =>
	r
		? suppressSmallGroup({
				n: Number(r.n),
				min: Number(r.min),
				lowerQuartile: Number(r.q1),
				median: Number(r.median),
				upperQuartile: Number(r.q3),
				max: Number(r.max)
			})
		: suppressSmallGroup(null);

/**
 * Members' section means for the target version's scored sections, matched across versions
 * by key and scoring fingerprint (ADR 019), each only with MIN_RESPONDENTS respondents or more;
 * then per group the count, range and type 7 quartiles (percentile_cont). `sizeClass` null:
 * the whole network's members of the season.
 */
async function groupSummaries(
	db: DbOrTx,
	input: { versionId: string; seasonId: string; sizeClass: number | null }
): Promise<{ sections: Map<string, GroupDistribution>; overall: GroupDistribution }> {
	const sizeFilter = input.sizeClass === null ? sql`true` : sql`mu.size_class = ${input.sizeClass}`;
	const memberScores = sql`
		target as (
			select s.key, s.scoring_fingerprint, s.weight
			from analysis_sections s
			where s.version_id = ${input.versionId}
				and exists (select 1 from analysis_questions q where q.section_id = s.id and q.weight is not null)
		),
		member as (
			select rs.analysis_id, t.key, t.weight, avg(rs.score) as score
			from target t
			join analysis_sections s on s.key = t.key and s.scoring_fingerprint = t.scoring_fingerprint
			join analysis_response_scores rs on rs.section_id = s.id
			join analyses a on a.id = rs.analysis_id
			join memberships m on m.id = a.membership_id
			join municipalities mu on mu.code = m.municipality_code
			where m.season_id = ${input.seasonId} and ${sizeFilter}
			group by rs.analysis_id, t.key, t.weight
			having count(*) >= ${MIN_RESPONDENTS}
		)`;
	const summary = sql`count(*)::int as n, min(score) as min,
		percentile_cont(0.25) within group (order by score) as q1,
		percentile_cont(0.5) within group (order by score) as median,
		percentile_cont(0.75) within group (order by score) as q3,
		max(score) as max`;
	const [sectionRows, overallRows] = await Promise.all([
		db.execute<SummaryRow>(sql`with ${memberScores}
			select key, ${summary} from member group by key`),
		db.execute<SummaryRow>(sql`with ${memberScores},
			overall as (
				select analysis_id, sum(weight * score) / sum(weight) as score
				from member group by analysis_id
				having count(*) = (select count(*) from target)
			)
			select 'overall' as key, ${summary} from overall`)
	]);
	const rowsOf = (r: unknown) =>
		(Array.isArray(r) ? r : (r as { rows: SummaryRow[] }).rows) as SummaryRow[];
	const sections = new Map(rowsOf(sectionRows).map((r) => [r.key, toSummary(r)]));
	const overallRow = rowsOf(overallRows)[0];
	return {
		sections,
		overall: overallRow && Number(overallRow.n) > 0 ? toSummary(overallRow) : toSummary(undefined)
	};
}

/** The municipality's own respondents' section scores, one entry per respondent. */
async function ownRespondentScores(
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

export async function analysisResults(
	db: DbOrTx,
	analysis: MunicipalityAnalysis
): Promise<AnalysisResults> {
	const version = (await loadVersion(db, analysis.analysis.versionId))!;
	const [respondentScores, network, sizeClass, counts] = await Promise.all([
		ownRespondentScores(db, analysis.analysis.id, version),
		groupSummaries(db, {
			versionId: version.version.id,
			seasonId: analysis.season.id,
			sizeClass: null
		}),
		analysis.municipality.sizeClass === null
			? Promise.resolve({ sections: new Map(), overall: suppressSmallGroup(null) })
			: groupSummaries(db, {
					versionId: version.version.id,
					seasonId: analysis.season.id,
					sizeClass: analysis.municipality.sizeClass
				}),
		db
			.select({ n: sql<number>`count(*)::int` })
			.from(analysisResponses)
			.where(eq(analysisResponses.analysisId, analysis.analysis.id))
	]);
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
		respondents: { invited: counts[0]?.n ?? 0, withScore: respondentScores.length },
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
