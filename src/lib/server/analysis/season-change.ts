import { and, desc, eq, lt } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { analyses, memberships, seasons } from '../db/schema';
import type { MunicipalityAnalysis } from './analysis-queries';
import type { AnalysisResults } from './analysis-results';
import { ownRespondentScores } from './analysis-results';
import { loadVersion } from './questionnaire-rows';
import { municipalityScores } from '$lib/domain/analysis/scoring';
import { compareSeasons, type SeasonChange } from '$lib/domain/analysis/distribution';
import { scoredSections, sectionScoringFingerprint } from '$lib/domain/analysis/questionnaire';

export interface SeasonComparison {
	previous: { seasonNumber: number; versionNumber: number };
	/** Per scored section of the current results, in their order. */
	sections: ({ section: string } & SeasonChange)[];
}

/**
 * The change per section from the municipality's analysis of the network's previous season
 * (ADR 027): sections are matched by key and compared only where they score alike in both
 * versions (same scoring fingerprint, ADR 019), through the domain's compareSeasons. The
 * earlier scores are the municipality's own, from its own respondents there (a handful of
 * rows). Null when the municipality has no analysis in an earlier season of the network.
 */
export async function seasonComparison(
	db: DbOrTx,
	analysis: MunicipalityAnalysis,
	current: AnalysisResults
): Promise<SeasonComparison | null> {
	const [currentSeason] = await db
		.select({ startsOn: seasons.startsOn })
		.from(seasons)
		.where(eq(seasons.id, analysis.season.id));
	const [earlier] = await db
		.select({ id: analyses.id, versionId: analyses.versionId, seasonNumber: seasons.number })
		.from(analyses)
		.innerJoin(memberships, eq(memberships.id, analyses.membershipId))
		.innerJoin(seasons, eq(seasons.id, memberships.seasonId))
		.where(
			and(
				eq(memberships.municipalityCode, analysis.municipality.code),
				eq(seasons.networkId, analysis.season.networkId),
				lt(seasons.startsOn, currentSeason!.startsOn)
			)
		)
		.orderBy(desc(seasons.startsOn))
		.limit(1);
	if (!earlier) return null;
	const version = (await loadVersion(db, earlier.versionId))!;
	const own = municipalityScores(
		version.questionnaire,
		await ownRespondentScores(db, earlier.id, version)
	);
	const print = (sections: ReturnType<typeof scoredSections>) =>
		new Map(sections.map((s) => [s.key, sectionScoringFingerprint(s)]));
	const before = print(scoredSections(version.questionnaire));
	const now = print(scoredSections(current.version.questionnaire));
	return {
		previous: { seasonNumber: earlier.seasonNumber, versionNumber: version.version.number },
		sections: compareSeasons(
			current.own.sections.map((s) => ({
				section: s.section,
				score: s.score,
				scoringFingerprint: now.get(s.section)!
			})),
			own.sections.map((s) => ({
				section: s.section,
				score: s.score,
				scoringFingerprint: before.get(s.section)!
			}))
		)
	};
}
