import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import {
	analyses,
	analysisAnswers,
	analysisInvitations,
	analysisQuestions,
	analysisResponses,
	memberships,
	municipalities,
	networks,
	seasons
} from '../db/schema';
import { isWellFormedToken, tokenId } from '../auth/tokens';
import { loadVersion, type LoadedVersion } from './questionnaire-rows';
import type { AnswerValue } from '$lib/domain/analysis/answers';

/**
 * What a respondent's secret link opens: their own invitation, the analysis's state and the
 * version they answer (their response's, once begun; else the analysis's), with their own saved
 * answers by question key, and nothing of anyone else's. null for an unknown or renewed link.
 */
export async function findInvitationByToken(db: DbOrTx, token: string) {
	if (!isWellFormedToken(token)) return null;
	const [row] = await db
		.select({
			invitationId: analysisInvitations.id,
			userId: analysisInvitations.userId,
			analysis: { id: analyses.id, state: analyses.state, versionId: analyses.versionId },
			municipality: {
				code: municipalities.code,
				nameFi: municipalities.nameFi,
				nameSv: municipalities.nameSv
			},
			season: { number: seasons.number },
			network: { shortName: networks.shortName },
			response: {
				id: analysisResponses.id,
				versionId: analysisResponses.versionId,
				complete: analysisResponses.complete
			}
		})
		.from(analysisInvitations)
		.innerJoin(analyses, eq(analyses.id, analysisInvitations.analysisId))
		.innerJoin(memberships, eq(memberships.id, analyses.membershipId))
		.innerJoin(municipalities, eq(municipalities.code, memberships.municipalityCode))
		.innerJoin(seasons, eq(seasons.id, memberships.seasonId))
		.innerJoin(networks, eq(networks.id, seasons.networkId))
		.leftJoin(analysisResponses, eq(analysisResponses.invitationId, analysisInvitations.id))
		.where(eq(analysisInvitations.tokenHash, tokenId(token)))
		.limit(1);
	return row ?? null;
}
export type Invitation = NonNullable<Awaited<ReturnType<typeof findInvitationByToken>>>;

/** A response's answers by question key. */
export async function responseAnswers(
	db: DbOrTx,
	responseId: string
): Promise<Map<string, AnswerValue>> {
	const rows = await db
		.select({ key: analysisQuestions.key, value: analysisAnswers.value })
		.from(analysisAnswers)
		.innerJoin(analysisQuestions, eq(analysisQuestions.id, analysisAnswers.questionId))
		.where(eq(analysisAnswers.responseId, responseId));
	return new Map(rows.map((r) => [r.key, r.value]));
}

export interface RespondentView {
	invitation: Invitation;
	version: LoadedVersion;
	answers: Map<string, AnswerValue>;
}

export async function viewAsRespondent(db: DbOrTx, token: string): Promise<RespondentView | null> {
	const invitation = await findInvitationByToken(db, token);
	if (!invitation) return null;
	const response = invitation.response?.id ? invitation.response : null;
	const version = await loadVersion(db, response?.versionId ?? invitation.analysis.versionId);
	const answers = response ? await responseAnswers(db, response.id) : new Map();
	return { invitation, version: version!, answers };
}
