import { and, asc, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import {
	analyses,
	analysisInvitations,
	analysisQuestionnaires,
	analysisResponses,
	analysisVersions,
	memberships,
	municipalities,
	networks,
	seasons,
	users
} from '../db/schema';
import { numberedPage } from '../pagination';
import { isMember, MEMBERSHIP_STATES } from '$lib/domain/membership';
import { isUuid } from '$lib/domain/uuid';

const MEMBER_STATES = MEMBERSHIP_STATES.filter(isMember);

/**
 * A municipality's seasons as member, newest first, each with its analysis if opened and
 * whether the season has a published questionnaire to open one on. A municipality is a member
 * of a season a year or two.
 */
export async function listMunicipalityAnalyses(db: DbOrTx, code: string) {
	const rows = await db
		.select({
			membershipId: memberships.id,
			seasonId: seasons.id,
			seasonNumber: seasons.number,
			networkShortName: networks.shortName,
			analysis: { id: analyses.id, state: analyses.state, openedAt: analyses.openedAt }
		})
		.from(memberships)
		.innerJoin(seasons, eq(seasons.id, memberships.seasonId))
		.innerJoin(networks, eq(networks.id, seasons.networkId))
		.leftJoin(analyses, eq(analyses.membershipId, memberships.id))
		.where(and(eq(memberships.municipalityCode, code), inArray(memberships.state, MEMBER_STATES)))
		.orderBy(desc(seasons.startsOn))
		.limit(50);
	const seasonIds = rows.map((r) => r.seasonId);
	const published =
		seasonIds.length === 0
			? []
			: await db
					.selectDistinct({ seasonId: analysisQuestionnaires.seasonId })
					.from(analysisQuestionnaires)
					.innerJoin(
						analysisVersions,
						eq(analysisVersions.questionnaireId, analysisQuestionnaires.id)
					)
					.where(
						and(
							inArray(analysisQuestionnaires.seasonId, seasonIds),
							eq(analysisVersions.status, 'published')
						)
					);
	const open = new Set(published.map((p) => p.seasonId));
	return rows.map((r) => ({ ...r, questionnairePublished: open.has(r.seasonId) }));
}

/**
 * An analysis looked up together with the municipality code of its address, so another
 * municipality's analysis is simply not found.
 */
export async function findMunicipalityAnalysis(db: DbOrTx, code: string, analysisId: string) {
	if (!isUuid(analysisId)) return null;
	const [row] = await db
		.select({
			analysis: analyses,
			membership: {
				id: memberships.id,
				seasonId: memberships.seasonId,
				municipalityCode: memberships.municipalityCode
			},
			season: { id: seasons.id, number: seasons.number, networkId: seasons.networkId },
			network: { shortName: networks.shortName, name: networks.nameFi },
			municipality: {
				code: municipalities.code,
				nameFi: municipalities.nameFi,
				nameSv: municipalities.nameSv,
				sizeClass: municipalities.sizeClass,
				regionCode: municipalities.regionCode,
				languageStatus: municipalities.languageStatus
			},
			versionNumber: analysisVersions.number
		})
		.from(analyses)
		.innerJoin(memberships, eq(memberships.id, analyses.membershipId))
		.innerJoin(seasons, eq(seasons.id, memberships.seasonId))
		.innerJoin(networks, eq(networks.id, seasons.networkId))
		.innerJoin(municipalities, eq(municipalities.code, memberships.municipalityCode))
		.innerJoin(analysisVersions, eq(analysisVersions.id, analyses.versionId))
		.where(and(eq(analyses.id, analysisId), eq(memberships.municipalityCode, code)))
		.limit(1);
	return row ?? null;
}
export type MunicipalityAnalysis = NonNullable<
	Awaited<ReturnType<typeof findMunicipalityAnalysis>>
>;

export const RESPONDENTS_PAGE_SIZE = 50;

/**
 * One page of an analysis's respondents by name: who has begun and who has answered every
 * section. Names only to those who manage the analysis; never their answers.
 */
export async function listRespondents(db: DbOrTx, analysisId: string, requestedPage: number) {
	const where = eq(analysisInvitations.analysisId, analysisId);
	const [totals] = await db
		.select({ n: count(), started: count(analysisResponses.id) })
		.from(analysisInvitations)
		.leftJoin(analysisResponses, eq(analysisResponses.invitationId, analysisInvitations.id))
		.where(where);
	const [complete] = await db
		.select({ n: count() })
		.from(analysisResponses)
		.where(and(eq(analysisResponses.analysisId, analysisId), eq(analysisResponses.complete, true)));
	const total = totals?.n ?? 0;
	const { page, pages, offset } = numberedPage(total, requestedPage, RESPONDENTS_PAGE_SIZE);
	const rows = await db
		.select({
			invitationId: analysisInvitations.id,
			userId: users.id,
			name: users.name,
			email: users.email,
			invitedAt: analysisInvitations.invitedAt,
			answeredAt: analysisResponses.updatedAt,
			complete: analysisResponses.complete
		})
		.from(analysisInvitations)
		.leftJoin(users, eq(users.id, analysisInvitations.userId))
		.leftJoin(analysisResponses, eq(analysisResponses.invitationId, analysisInvitations.id))
		.where(where)
		.orderBy(asc(users.name), asc(analysisInvitations.id))
		.limit(RESPONDENTS_PAGE_SIZE)
		.offset(offset);
	return {
		rows,
		total,
		started: totals?.started ?? 0,
		complete: complete?.n ?? 0,
		page,
		pages
	};
}

/** The municipality's people who may be invited (not erased, not disabled), by name. */
export async function listInvitablePeople(db: DbOrTx, code: string) {
	return db
		.select({ id: users.id, name: users.name, title: users.title })
		.from(users)
		.where(and(eq(users.municipalityCode, code), isNull(users.erasedAt), isNull(users.disabledAt)))
		.orderBy(asc(users.name), asc(users.id))
		.limit(500);
}
