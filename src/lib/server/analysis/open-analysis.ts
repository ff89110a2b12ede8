import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { analyses, memberships, seasons } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import { latestPublishedVersion } from './questionnaire-rows';
import { isMember, MEMBERSHIP_STATES } from '$lib/domain/membership';
import { isUuid } from '$lib/domain/uuid';

export type OpenAnalysisResult =
	| { ok: true; analysisId: string; created: boolean }
	| { ok: false; error: 'not_found' | 'not_published' };

const MEMBER_STATES = MEMBERSHIP_STATES.filter(isMember);

/**
 * Opens a member's situation analysis on the season's newest published version; opening one
 * that is open already answers with it (the unique membership key decides a race).
 */
export async function openAnalysis(
	db: Db,
	actor: Actor,
	input: {
		code: string;
		membershipId: string;
		/** A coordinator opens only in the networks they coordinate; null: the municipality's own. */
		networkIds: readonly string[] | null;
	}
): Promise<OpenAnalysisResult> {
	if (!isUuid(input.membershipId)) return { ok: false, error: 'not_found' };
	return db.transaction(async (tx): Promise<OpenAnalysisResult> => {
		const [membership] = await tx
			.select({
				id: memberships.id,
				seasonId: memberships.seasonId,
				networkId: seasons.networkId
			})
			.from(memberships)
			.innerJoin(seasons, eq(seasons.id, memberships.seasonId))
			.where(
				and(
					eq(memberships.id, input.membershipId),
					eq(memberships.municipalityCode, input.code),
					inArray(memberships.state, MEMBER_STATES)
				)
			);
		if (!membership || (input.networkIds && !input.networkIds.includes(membership.networkId))) {
			return { ok: false, error: 'not_found' };
		}
		const version = await latestPublishedVersion(tx, membership.seasonId);
		if (!version) return { ok: false, error: 'not_published' };
		const [created] = await tx
			.insert(analyses)
			.values({ membershipId: membership.id, versionId: version.id, openedBy: actor.userId })
			.onConflictDoNothing({ target: analyses.membershipId })
			.returning({ id: analyses.id });
		if (!created) {
			const [existing] = await tx
				.select({ id: analyses.id })
				.from(analyses)
				.where(eq(analyses.membershipId, membership.id));
			return { ok: true, analysisId: existing!.id, created: false };
		}
		await recordAudit(tx, actor, {
			action: 'analysis.open',
			entityType: 'analysis',
			entityId: created.id,
			after: { membershipId: membership.id, version: version.number }
		});
		return { ok: true, analysisId: created.id, created: true };
	});
}
