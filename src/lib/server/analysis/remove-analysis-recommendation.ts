import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { analysisRecommendations } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import { isUuid } from '$lib/domain/uuid';

/**
 * Removes a recommendation of an analysis (ADR 027). A workshop proposed from it stays, its
 * link set null by the database; its need and goal still say what it was about.
 */
export async function removeAnalysisRecommendation(
	db: Db,
	actor: Actor,
	input: { analysisId: string; recommendationId: string }
): Promise<{ ok: true } | { ok: false; error: 'not_found' }> {
	if (!isUuid(input.recommendationId)) return { ok: false, error: 'not_found' };
	return db.transaction(async (tx) => {
		const [removed] = await tx
			.delete(analysisRecommendations)
			.where(
				and(
					eq(analysisRecommendations.id, input.recommendationId),
					eq(analysisRecommendations.analysisId, input.analysisId)
				)
			)
			.returning();
		if (!removed) return { ok: false, error: 'not_found' } as const;
		await recordAudit(tx, actor, {
			action: 'analysis.recommendation.remove',
			entityType: 'analysis_recommendation',
			entityId: removed.id,
			before: {
				analysisId: removed.analysisId,
				position: removed.position,
				title: removed.title,
				text: removed.text,
				focusAreaId: removed.focusAreaId
			}
		});
		return { ok: true } as const;
	});
}
