import { alias } from 'drizzle-orm/pg-core';
import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db';
import {
	analysisRecommendations,
	files,
	memberships,
	municipalities,
	networks,
	seasonFocusAreas,
	seasons,
	users,
	workshopExperts,
	workshopFeedback,
	workshopMaterials,
	workshopParticipants,
	workshops
} from '../db/schema';
import { numberedPage } from '../pagination';
import {
	entitlementLedger,
	type EntitlementLedger,
	type LedgerWorkshop
} from '$lib/domain/workshops/entitlement';
import { FEEDBACK_QUESTIONS, summariseFeedback } from '$lib/domain/events/feedback';
import type { WorkshopState } from '$lib/domain/workshops/workshop-states';
import { isUuid } from '$lib/domain/uuid';

export const WORKSHOPS_PAGE_SIZE = 25;
export const LEDGERS_PAGE_SIZE = 50;

/**
 * The entitlement ledgers of some memberships at a moment, from one grouped query on
 * `workshops_membership_state`: the cost follows the number of memberships asked for (a page),
 * not the size of the network.
 */
export async function membershipLedgers(
	db: DbOrTx,
	list: readonly { id: string; entitlement: number }[],
	now: Date
): Promise<Map<string, EntitlementLedger>> {
	const ledgers = new Map<string, EntitlementLedger>();
	if (list.length === 0) return ledgers;
	const started = sql<boolean>`coalesce(${workshops.startsAt} <= ${now}, false)`;
	const rows = await db
		.select({
			membershipId: workshops.membershipId,
			state: workshops.state,
			cancellation: workshops.cancellation,
			extra: workshops.extra,
			started,
			n: count()
		})
		.from(workshops)
		.where(
			inArray(
				workshops.membershipId,
				list.map((m) => m.id)
			)
		)
		// by position: the start's comparison is one expression with one parameter
		.groupBy(sql`1, 2, 3, 4, 5`);
	// the rule counts workshops one by one; a start before or after `now` stands in for the time
	const before = new Date(now.getTime() - 1);
	const after = new Date(now.getTime() + 1);
	const items = new Map<string, LedgerWorkshop[]>();
	for (const r of rows) {
		const list = items.get(r.membershipId) ?? [];
		for (let i = 0; i < r.n; i++) {
			list.push({
				state: r.state,
				cancellation: r.cancellation,
				extra: r.extra,
				startsAt: r.state === 'proposed' ? null : r.started ? before : after
			});
		}
		items.set(r.membershipId, list);
	}
	for (const m of list) {
		ledgers.set(m.id, entitlementLedger(m.entitlement, items.get(m.id) ?? [], now));
	}
	return ledgers;
}

/** One membership of a municipality with its season, for the workshop pages. */
export async function getMembershipForWorkshops(db: Db, code: string, membershipId: string) {
	if (!isUuid(membershipId)) return null;
	const [row] = await db
		.select({
			id: memberships.id,
			state: memberships.state,
			municipality: {
				code: municipalities.code,
				nameFi: municipalities.nameFi,
				nameSv: municipalities.nameSv
			},
			season: {
				id: seasons.id,
				number: seasons.number,
				startsOn: seasons.startsOn,
				endsOn: seasons.endsOn,
				networkId: seasons.networkId,
				entitlement: seasons.workshopsPerMunicipality
			},
			networkShortName: networks.shortName
		})
		.from(memberships)
		.innerJoin(municipalities, eq(municipalities.code, memberships.municipalityCode))
		.innerJoin(seasons, eq(seasons.id, memberships.seasonId))
		.innerJoin(networks, eq(networks.id, seasons.networkId))
		.where(and(eq(memberships.id, membershipId), eq(memberships.municipalityCode, code)))
		.limit(1);
	return row ?? null;
}

export async function seasonFocusAreasOf(db: Db, seasonId: string) {
	return db
		.select({
			id: seasonFocusAreas.id,
			textFi: seasonFocusAreas.textFi,
			textSv: seasonFocusAreas.textSv,
			textEn: seasonFocusAreas.textEn
		})
		.from(seasonFocusAreas)
		.where(eq(seasonFocusAreas.seasonId, seasonId))
		.orderBy(asc(seasonFocusAreas.position));
}

/** The municipality's people to choose participants from (a municipality has at most hundreds). */
export async function listWorkshopCandidates(db: Db, code: string) {
	return db
		.select({ id: users.id, name: users.name, title: users.title })
		.from(users)
		.where(and(eq(users.municipalityCode, code), isNull(users.erasedAt), isNull(users.disabledAt)))
		.orderBy(asc(users.name), asc(users.id))
		.limit(500);
}

const workshopListColumns = {
	id: workshops.id,
	state: workshops.state,
	cancellation: workshops.cancellation,
	extra: workshops.extra,
	extraApprovedAt: workshops.extraApprovedAt,
	format: workshops.format,
	startsAt: workshops.startsAt,
	endsAt: workshops.endsAt,
	need: workshops.need,
	goal: workshops.goal,
	focusArea: {
		textFi: seasonFocusAreas.textFi,
		textSv: seasonFocusAreas.textSv,
		textEn: seasonFocusAreas.textEn
	}
};

/** One page of a membership's workshops: those with a time in time order, then the proposals. */
export async function listMembershipWorkshops(db: Db, membershipId: string, requestedPage: number) {
	const where = eq(workshops.membershipId, membershipId);
	const [total] = await db.select({ n: count() }).from(workshops).where(where);
	const { page, pages, offset } = numberedPage(total?.n ?? 0, requestedPage, WORKSHOPS_PAGE_SIZE);
	const rows = await db
		.select(workshopListColumns)
		.from(workshops)
		.leftJoin(seasonFocusAreas, eq(seasonFocusAreas.id, workshops.focusAreaId))
		.where(where)
		.orderBy(sql`${workshops.startsAt} asc nulls last`, asc(workshops.createdAt), asc(workshops.id))
		.limit(WORKSHOPS_PAGE_SIZE)
		.offset(offset);
	return { page, pages, total: total?.n ?? 0, rows };
}

const proposer = alias(users, 'proposer');
const canceller = alias(users, 'canceller');

/**
 * A workshop of this municipality with everything its page shows; null when it is not found
 * there (another municipality's workshop is simply not found through this address).
 */
export async function getWorkshop(db: Db, code: string, workshopId: string) {
	if (!isUuid(workshopId)) return null;
	const [row] = await db
		.select({
			workshop: workshops,
			membershipState: memberships.state,
			municipality: {
				code: municipalities.code,
				nameFi: municipalities.nameFi,
				nameSv: municipalities.nameSv
			},
			season: {
				id: seasons.id,
				number: seasons.number,
				startsOn: seasons.startsOn,
				endsOn: seasons.endsOn,
				networkId: seasons.networkId,
				lateCancellationDays: seasons.lateCancellationDays
			},
			networkShortName: networks.shortName,
			focusArea: {
				id: seasonFocusAreas.id,
				textFi: seasonFocusAreas.textFi,
				textSv: seasonFocusAreas.textSv,
				textEn: seasonFocusAreas.textEn
			},
			proposedBy: proposer.name,
			cancelledBy: canceller.name,
			// the finding it follows (ADR 027): the recommendation and its analysis
			recommendation: {
				id: analysisRecommendations.id,
				title: analysisRecommendations.title,
				analysisId: analysisRecommendations.analysisId
			}
		})
		.from(workshops)
		.innerJoin(memberships, eq(memberships.id, workshops.membershipId))
		.innerJoin(municipalities, eq(municipalities.code, memberships.municipalityCode))
		.innerJoin(seasons, eq(seasons.id, memberships.seasonId))
		.innerJoin(networks, eq(networks.id, seasons.networkId))
		.leftJoin(seasonFocusAreas, eq(seasonFocusAreas.id, workshops.focusAreaId))
		.leftJoin(proposer, eq(proposer.id, workshops.proposedBy))
		.leftJoin(canceller, eq(canceller.id, workshops.cancelledBy))
		.leftJoin(analysisRecommendations, eq(analysisRecommendations.id, workshops.recommendationId))
		.where(and(eq(workshops.id, workshopId), eq(memberships.municipalityCode, code)))
		.limit(1);
	if (!row) return null;
	const [experts, participants, materials] = await Promise.all([
		db
			.select({ id: users.id, name: users.name, title: users.title, email: users.email })
			.from(workshopExperts)
			.innerJoin(users, eq(users.id, workshopExperts.userId))
			.where(eq(workshopExperts.workshopId, workshopId))
			.orderBy(asc(users.name), asc(users.id)),
		db
			.select({
				id: users.id,
				name: users.name,
				title: users.title,
				attended: workshopParticipants.attended
			})
			.from(workshopParticipants)
			.innerJoin(users, eq(users.id, workshopParticipants.userId))
			.where(eq(workshopParticipants.workshopId, workshopId))
			.orderBy(asc(users.name), asc(users.id))
			.limit(500),
		db
			.select({
				id: files.id,
				name: files.name,
				size: files.size,
				addedAt: workshopMaterials.addedAt
			})
			.from(workshopMaterials)
			.innerJoin(files, eq(files.id, workshopMaterials.fileId))
			.where(eq(workshopMaterials.workshopId, workshopId))
			.orderBy(asc(workshopMaterials.addedAt), asc(files.id))
			.limit(100)
	]);
	return {
		...row,
		focusArea: row.focusArea?.id ? row.focusArea : null,
		recommendation: row.recommendation?.id ? row.recommendation : null,
		experts,
		participants,
		materials
	};
}

export type WorkshopPage = NonNullable<Awaited<ReturnType<typeof getWorkshop>>>;

/** A workshop's feedback as its experts and the coordinator read it: figures per question. */
export async function workshopFeedbackResults(db: Db, workshopId: string) {
	const answers = await db
		.select({ scores: workshopFeedback.scores, comment: workshopFeedback.comment })
		.from(workshopFeedback)
		.where(eq(workshopFeedback.workshopId, workshopId))
		.orderBy(desc(workshopFeedback.createdAt), asc(workshopFeedback.id))
		.limit(500);
	return {
		answers: answers.length,
		questions: summariseFeedback(
			FEEDBACK_QUESTIONS,
			answers.map((a) => a.scores)
		),
		comments: answers.map((a) => a.comment.trim()).filter((c) => c !== '')
	};
}

/** Whether this person has answered the workshop's feedback form. */
export async function hasGivenWorkshopFeedback(db: Db, workshopId: string, userId: string) {
	const [row] = await db
		.select({ id: workshopFeedback.id })
		.from(workshopFeedback)
		.where(and(eq(workshopFeedback.workshopId, workshopId), eq(workshopFeedback.userId, userId)))
		.limit(1);
	return !!row;
}

/** A material of a workshop of this municipality, for download; null when not found there. */
export async function getWorkshopMaterial(
	db: Db,
	code: string,
	workshopId: string,
	fileId: string
) {
	if (!isUuid(workshopId) || !isUuid(fileId)) return null;
	const [row] = await db
		.select({ name: files.name, contentType: files.contentType, data: files.data })
		.from(workshopMaterials)
		.innerJoin(files, eq(files.id, workshopMaterials.fileId))
		.innerJoin(workshops, eq(workshops.id, workshopMaterials.workshopId))
		.innerJoin(memberships, eq(memberships.id, workshops.membershipId))
		.where(
			and(
				eq(workshopMaterials.workshopId, workshopId),
				eq(workshopMaterials.fileId, fileId),
				eq(memberships.municipalityCode, code)
			)
		)
		.limit(1);
	return row ?? null;
}

/** Is this person an expert assigned to the workshop? */
export async function isAssignedExpert(db: Db, workshopId: string, userId: string) {
	if (!isUuid(workshopId)) return false;
	const [row] = await db
		.select({ id: workshopExperts.userId })
		.from(workshopExperts)
		.where(and(eq(workshopExperts.workshopId, workshopId), eq(workshopExperts.userId, userId)))
		.limit(1);
	return !!row;
}

/** One page of a season's active members with their workshop ledgers, by name. */
export async function listSeasonLedgers(
	db: Db,
	season: { id: string; workshopsPerMunicipality: number },
	requestedPage: number,
	now: Date,
	perPage = LEDGERS_PAGE_SIZE
) {
	const where = and(eq(memberships.seasonId, season.id), eq(memberships.state, 'active'));
	const [total] = await db.select({ n: count() }).from(memberships).where(where);
	const { page, pages, offset } = numberedPage(total?.n ?? 0, requestedPage, perPage);
	const rows = await db
		.select({
			membershipId: memberships.id,
			code: municipalities.code,
			nameFi: municipalities.nameFi,
			nameSv: municipalities.nameSv
		})
		.from(memberships)
		.innerJoin(municipalities, eq(municipalities.code, memberships.municipalityCode))
		.where(where)
		.orderBy(asc(municipalities.nameFi), asc(municipalities.code))
		.limit(perPage)
		.offset(offset);
	const ledgers = await membershipLedgers(
		db,
		rows.map((r) => ({ id: r.membershipId, entitlement: season.workshopsPerMunicipality })),
		now
	);
	return {
		page,
		pages,
		total: total?.n ?? 0,
		rows: rows.map((r) => ({ ...r, ledger: ledgers.get(r.membershipId)! }))
	};
}

/** One page of a season's workshops in a state (all by default), proposals first by age. */
export async function listSeasonWorkshops(
	db: Db,
	seasonId: string,
	options: { state: WorkshopState | null; page: number }
) {
	// one range of workshops_season_state_start: the page is read in the index's order
	const where = and(
		eq(workshops.seasonId, seasonId),
		options.state ? eq(workshops.state, options.state) : undefined
	);
	const [total] = await db.select({ n: count() }).from(workshops).where(where);
	const { page, pages, offset } = numberedPage(total?.n ?? 0, options.page, WORKSHOPS_PAGE_SIZE);
	const rows = await db
		.select({
			...workshopListColumns,
			municipality: {
				code: municipalities.code,
				nameFi: municipalities.nameFi,
				nameSv: municipalities.nameSv
			}
		})
		.from(workshops)
		.innerJoin(memberships, eq(memberships.id, workshops.membershipId))
		.innerJoin(municipalities, eq(municipalities.code, memberships.municipalityCode))
		.leftJoin(seasonFocusAreas, eq(seasonFocusAreas.id, workshops.focusAreaId))
		.where(where)
		.orderBy(
			sql`${workshops.startsAt} asc nulls first`,
			asc(workshops.createdAt),
			asc(workshops.id)
		)
		.limit(WORKSHOPS_PAGE_SIZE)
		.offset(offset);
	return { page, pages, total: total?.n ?? 0, rows };
}

/**
 * One page of an expert's assignments across municipalities and networks: those ahead or
 * waiting to be recorded (agreed) in time order, or those done (held, cancelled) newest first.
 */
export async function listExpertAssignments(
	db: Db,
	userId: string,
	options: { done: boolean; page: number }
) {
	// one range of workshop_experts_user, whose done and start the database copies from the
	// workshop (migration 0015): the page costs the same however long the expert's history
	const where = and(eq(workshopExperts.userId, userId), eq(workshopExperts.done, options.done));
	const [total] = await db.select({ n: count() }).from(workshopExperts).where(where);
	const { page, pages, offset } = numberedPage(total?.n ?? 0, options.page, WORKSHOPS_PAGE_SIZE);
	const rows = await db
		.select({
			...workshopListColumns,
			place: workshops.place,
			municipality: {
				code: municipalities.code,
				nameFi: municipalities.nameFi,
				nameSv: municipalities.nameSv
			},
			networkShortName: networks.shortName,
			seasonNumber: seasons.number
		})
		.from(workshopExperts)
		.innerJoin(workshops, eq(workshops.id, workshopExperts.workshopId))
		.innerJoin(memberships, eq(memberships.id, workshops.membershipId))
		.innerJoin(municipalities, eq(municipalities.code, memberships.municipalityCode))
		.innerJoin(seasons, eq(seasons.id, memberships.seasonId))
		.innerJoin(networks, eq(networks.id, seasons.networkId))
		.leftJoin(seasonFocusAreas, eq(seasonFocusAreas.id, workshops.focusAreaId))
		.where(where)
		.orderBy(
			...(options.done
				? [desc(workshopExperts.startsAt), desc(workshopExperts.workshopId)]
				: [asc(workshopExperts.startsAt), asc(workshopExperts.workshopId)])
		)
		.limit(WORKSHOPS_PAGE_SIZE)
		.offset(offset);
	return { page, pages, total: total?.n ?? 0, rows };
}
