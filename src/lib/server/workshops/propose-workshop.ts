import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../db';
import {
	analyses,
	analysisRecommendations,
	memberships,
	seasons,
	workshopParticipants,
	workshops
} from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import { helsinkiDate } from '$lib/domain/helsinki-time';
import { entitlementLedger, placeProposal } from '$lib/domain/workshops/entitlement';
import {
	checkProposer,
	type ActorRefusal,
	type WorkshopActor,
	type WorkshopFormat
} from '$lib/domain/workshops/workshop-states';
import { isUuid } from '$lib/domain/uuid';
import { isSeasonFocusArea, ledgerWorkshopsOf, municipalityPeople } from './workshop-rows';
import { noticeCoordinators } from './workshop-notices';

export interface ProposalInput {
	membershipId: string;
	/** One of the season's focus areas; null only when the season has none. */
	focusAreaId: string | null;
	need: string;
	goal: string;
	strategyLink: string;
	preferredDates: string;
	format: WorkshopFormat;
	/** The municipality's people who should take part. */
	participantIds: readonly string[];
	/** Proposed beyond the entitlement, for the coordinator to approve. */
	asExtra: boolean;
	/**
	 * The situation analysis's recommendation it follows (ADR 027): one of this membership's
	 * analysis, and not already a workshop that is not cancelled.
	 */
	recommendationId?: string | null;
}

export type ProposalField = 'focusAreaId' | 'participantIds';

export type ProposeWorkshopResult =
	| { ok: true; workshopId: string; extra: boolean }
	| {
			ok: false;
			error:
				| 'not_found'
				| ActorRefusal
				| 'membership_not_active'
				| 'season_over'
				| 'entitlement_used'
				| 'extra_not_needed'
				| 'already_proposed';
	  }
	| { ok: false; error: 'fields'; fields: Partial<Record<ProposalField, 'invalidChoice'>> };

/**
 * A contact person (or the coordinator) proposes a workshop for an active membership. The
 * membership's row is locked first, its workshops are counted under the lock and the proposal
 * takes its place in the ledger before it is inserted: two proposals for the last workshop
 * of the entitlement run one after the other, and the second finds nothing left (ADR 018).
 * Beyond the entitlement a workshop is proposed only when asked for as an extra. The network's
 * coordinators are told of a municipality's proposal by mail (coordinator-notice-job.ts).
 */
export async function proposeWorkshop(
	db: Db,
	actor: Actor,
	as: WorkshopActor,
	input: ProposalInput,
	now: Date = new Date()
): Promise<ProposeWorkshopResult> {
	if (!isUuid(input.membershipId)) return { ok: false, error: 'not_found' };
	return db.transaction(async (tx): Promise<ProposeWorkshopResult> => {
		const [membership] = await tx
			.select({
				id: memberships.id,
				municipalityCode: memberships.municipalityCode,
				state: memberships.state,
				seasonId: seasons.id,
				endsOn: seasons.endsOn,
				entitlement: seasons.workshopsPerMunicipality
			})
			.from(memberships)
			.innerJoin(seasons, eq(seasons.id, memberships.seasonId))
			.where(eq(memberships.id, input.membershipId))
			.for('update', { of: memberships });
		if (!membership) return { ok: false, error: 'not_found' };
		const refusal = checkProposer(as, membership.municipalityCode);
		if (refusal) return { ok: false, error: refusal };
		if (membership.state !== 'active') return { ok: false, error: 'membership_not_active' };
		if (helsinkiDate(now) > membership.endsOn) return { ok: false, error: 'season_over' };
		const recommendationId = input.recommendationId ?? null;
		if (recommendationId !== null) {
			// under the membership's lock: a second press finds the first one's workshop (the
			// partial unique index workshops_recommendation is the floor under it)
			if (!isUuid(recommendationId)) return { ok: false, error: 'not_found' };
			const [recommendation] = await tx
				.select({ id: analysisRecommendations.id, workshopId: workshops.id })
				.from(analysisRecommendations)
				.innerJoin(analyses, eq(analyses.id, analysisRecommendations.analysisId))
				.leftJoin(
					workshops,
					and(
						eq(workshops.recommendationId, analysisRecommendations.id),
						ne(workshops.state, 'cancelled')
					)
				)
				.where(
					and(
						eq(analysisRecommendations.id, recommendationId),
						eq(analyses.membershipId, membership.id)
					)
				)
				.limit(1);
			if (!recommendation) return { ok: false, error: 'not_found' };
			if (recommendation.workshopId) return { ok: false, error: 'already_proposed' };
		}

		const fields: Extract<ProposeWorkshopResult, { error: 'fields' }>['fields'] = {};
		if (
			input.focusAreaId !== null &&
			!(await isSeasonFocusArea(tx, membership.seasonId, input.focusAreaId))
		) {
			fields.focusAreaId = 'invalidChoice';
		}
		const participantIds = [...new Set(input.participantIds)];
		const own = await municipalityPeople(tx, membership.municipalityCode, participantIds);
		if (participantIds.some((id) => !own.has(id))) fields.participantIds = 'invalidChoice';
		if (Object.keys(fields).length > 0) return { ok: false, error: 'fields', fields };

		const ledger = entitlementLedger(
			membership.entitlement,
			await ledgerWorkshopsOf(tx, membership.id),
			now
		);
		const placement = placeProposal(ledger, { asExtra: input.asExtra });
		if (!placement.ok) return { ok: false, error: placement.reason };

		const values = {
			membershipId: membership.id,
			seasonId: membership.seasonId,
			focusAreaId: input.focusAreaId,
			need: input.need,
			goal: input.goal,
			strategyLink: input.strategyLink,
			preferredDates: input.preferredDates,
			format: input.format,
			extra: placement.extra,
			recommendationId
		};
		const [row] = await tx
			.insert(workshops)
			.values({ ...values, proposedBy: actor.userId, createdAt: now, updatedAt: now })
			.returning({ id: workshops.id });
		if (participantIds.length > 0) {
			await tx
				.insert(workshopParticipants)
				.values(participantIds.map((userId) => ({ workshopId: row!.id, userId })));
		}
		await recordAudit(tx, actor, {
			action: 'workshop.propose',
			entityType: 'workshop',
			entityId: row!.id,
			after: { ...values, state: 'proposed', participantIds }
		});
		// a coordinator proposing for a municipality knows already
		if (as.role !== 'coordinator') await noticeCoordinators(tx, 'workshop_proposed', row!.id);
		return { ok: true, workshopId: row!.id, extra: placement.extra };
	});
}
