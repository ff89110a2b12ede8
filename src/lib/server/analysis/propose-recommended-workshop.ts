import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { analysisRecommendations } from '../db/schema';
import type { Actor } from '../actor';
import { isUuid } from '$lib/domain/uuid';
import { proposeWorkshop, type ProposeWorkshopResult } from '../workshops/propose-workshop';

/**
 * A recommendation of the expert's summary becomes the municipality's workshop proposal in one
 * step (ADR 027): its title is the goal, its text the need, its focus area the workshop's, and
 * the workshop keeps the link (workshops.recommendation_id). Everything else is proposeWorkshop's:
 * the membership's lock, the entitlement placed by the domain rule (never as an extra from
 * here: an extra is billed, so it is asked for on the ordinary form), the coordinators told.
 * Only the municipality's contact person proposes from a recommendation (the route checks).
 */
export async function proposeRecommendedWorkshop(
	db: Db,
	actor: Actor,
	input: {
		analysisId: string;
		membershipId: string;
		municipalityCode: string;
		recommendationId: string;
	},
	now: Date = new Date()
): Promise<ProposeWorkshopResult> {
	if (!isUuid(input.recommendationId)) return { ok: false, error: 'not_found' };
	const [recommendation] = await db
		.select({
			title: analysisRecommendations.title,
			text: analysisRecommendations.text,
			focusAreaId: analysisRecommendations.focusAreaId
		})
		.from(analysisRecommendations)
		.where(
			and(
				eq(analysisRecommendations.id, input.recommendationId),
				eq(analysisRecommendations.analysisId, input.analysisId)
			)
		)
		.limit(1);
	if (!recommendation) return { ok: false, error: 'not_found' };
	return proposeWorkshop(
		db,
		actor,
		{ role: 'contact_person', municipalityCode: input.municipalityCode },
		{
			membershipId: input.membershipId,
			focusAreaId: recommendation.focusAreaId,
			need: recommendation.text.trim() === '' ? recommendation.title : recommendation.text,
			goal: recommendation.title,
			strategyLink: '',
			preferredDates: '',
			format: 'on_site',
			participantIds: [],
			asExtra: false,
			recommendationId: input.recommendationId
		},
		now
	);
}
