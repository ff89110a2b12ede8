import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { analysisRecommendations } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import { isUuid } from '$lib/domain/uuid';
import { isSeasonFocusArea } from '../workshops/workshop-rows';

export interface RecommendationInput {
	analysisId: string;
	/** The analysis's season: a focus area must be one of its own. */
	seasonId: string;
	/** null: a new recommendation. */
	recommendationId: string | null;
	position: number;
	title: string;
	text: string;
	focusAreaId: string | null;
}

export type SaveRecommendationResult =
	| { ok: true; id: string }
	| { ok: false; error: 'not_found' }
	| { ok: false; error: 'fields'; fields: { focusAreaId: 'invalidChoice' } };

/**
 * Adds or edits a recommended workshop theme of an analysis (ADR 027). The recommendation is
 * looked up together with its analysis, so another analysis's id is simply not found; a focus
 * area must be one of the analysis's season. Audited with the before and after.
 */
export async function saveAnalysisRecommendation(
	db: Db,
	actor: Actor,
	input: RecommendationInput,
	now: Date = new Date()
): Promise<SaveRecommendationResult> {
	if (input.recommendationId !== null && !isUuid(input.recommendationId)) {
		return { ok: false, error: 'not_found' };
	}
	return db.transaction(async (tx): Promise<SaveRecommendationResult> => {
		if (input.focusAreaId && !(await isSeasonFocusArea(tx, input.seasonId, input.focusAreaId))) {
			return { ok: false, error: 'fields', fields: { focusAreaId: 'invalidChoice' } };
		}
		const values = {
			position: input.position,
			title: input.title,
			text: input.text,
			focusAreaId: input.focusAreaId
		};
		if (input.recommendationId === null) {
			const [row] = await tx
				.insert(analysisRecommendations)
				.values({
					...values,
					analysisId: input.analysisId,
					createdBy: actor.userId,
					createdAt: now,
					updatedAt: now
				})
				.returning({ id: analysisRecommendations.id });
			await recordAudit(tx, actor, {
				action: 'analysis.recommendation.add',
				entityType: 'analysis_recommendation',
				entityId: row!.id,
				after: { analysisId: input.analysisId, ...values }
			});
			return { ok: true, id: row!.id };
		}
		const where = and(
			eq(analysisRecommendations.id, input.recommendationId),
			eq(analysisRecommendations.analysisId, input.analysisId)
		);
		const [before] = await tx
			.select({
				position: analysisRecommendations.position,
				title: analysisRecommendations.title,
				text: analysisRecommendations.text,
				focusAreaId: analysisRecommendations.focusAreaId
			})
			.from(analysisRecommendations)
			.where(where)
			.for('update');
		if (!before) return { ok: false, error: 'not_found' };
		await tx
			.update(analysisRecommendations)
			.set({ ...values, updatedAt: now })
			.where(where);
		await recordAudit(tx, actor, {
			action: 'analysis.recommendation.edit',
			entityType: 'analysis_recommendation',
			entityId: input.recommendationId,
			before,
			after: values
		});
		return { ok: true, id: input.recommendationId };
	});
}
