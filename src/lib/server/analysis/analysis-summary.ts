import { and, asc, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import {
	analysisRecommendations,
	analysisSummaries,
	seasonFocusAreas,
	users,
	workshops
} from '../db/schema';

/**
 * The expert's summary of an analysis and its recommendations in order (ADR 027), each with
 * its focus area and the workshop proposed from it (the newest not cancelled, if any). For
 * whoever sees the analysis's results (the route decides); an analysis has a handful.
 */
export async function analysisSummary(db: DbOrTx, analysisId: string) {
	const [summary] = await db
		.select({
			text: analysisSummaries.text,
			updatedAt: analysisSummaries.updatedAt,
			updatedBy: users.name
		})
		.from(analysisSummaries)
		.leftJoin(users, eq(users.id, analysisSummaries.updatedBy))
		.where(eq(analysisSummaries.analysisId, analysisId))
		.limit(1);
	const recommendations = await db
		.select({
			id: analysisRecommendations.id,
			position: analysisRecommendations.position,
			title: analysisRecommendations.title,
			text: analysisRecommendations.text,
			focusAreaId: analysisRecommendations.focusAreaId,
			focusArea: {
				fi: seasonFocusAreas.textFi,
				sv: seasonFocusAreas.textSv,
				en: seasonFocusAreas.textEn
			},
			workshop: { id: workshops.id, state: workshops.state }
		})
		.from(analysisRecommendations)
		.leftJoin(seasonFocusAreas, eq(seasonFocusAreas.id, analysisRecommendations.focusAreaId))
		.leftJoin(
			workshops,
			and(
				eq(workshops.recommendationId, analysisRecommendations.id),
				ne(workshops.state, 'cancelled')
			)
		)
		.where(eq(analysisRecommendations.analysisId, analysisId))
		.orderBy(asc(analysisRecommendations.position), asc(analysisRecommendations.createdAt))
		.limit(100);
	return {
		summary: summary ?? null,
		recommendations: recommendations.map((r) => ({
			...r,
			focusArea: r.focusAreaId ? r.focusArea : null,
			workshop: r.workshop?.id ? r.workshop : null
		}))
	};
}
export type AnalysisSummary = Awaited<ReturnType<typeof analysisSummary>>;
