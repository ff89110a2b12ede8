import { and, asc, count, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db';
import {
	files,
	journeyLines,
	journeyShares,
	journeyWorkshops,
	journeys,
	memberships,
	municipalities,
	networks,
	seasons,
	users,
	workshopExperts,
	workshops
} from '../../db/schema';
import { numberedPage } from '../../pagination';
import { costLineAmounts, sumAmounts } from '$lib/domain/workshops/travel-costs';
import type { JourneyState } from '$lib/domain/workshops/travel-costs';
import { isUuid } from '$lib/domain/uuid';
import { listKilometreRates, toCostLineInput } from './journey-rows';

export const JOURNEYS_PAGE_SIZE = 25;

const journeyColumns = {
	id: journeys.id,
	state: journeys.state,
	fromPlace: journeys.fromPlace,
	toPlace: journeys.toPlace,
	submittedAt: journeys.submittedAt,
	grossCents: journeys.grossCents,
	createdAt: journeys.createdAt,
	expertName: users.name
};

/** One page of an expert's journeys, newest first. */
export async function listExpertJourneys(db: Db, expertId: string, requestedPage: number) {
	const where = eq(journeys.expertId, expertId);
	const [total] = await db.select({ n: count() }).from(journeys).where(where);
	const { page, pages, offset } = numberedPage(total?.n ?? 0, requestedPage, JOURNEYS_PAGE_SIZE);
	const rows = await db
		.select(journeyColumns)
		.from(journeys)
		.innerJoin(users, eq(users.id, journeys.expertId))
		.where(where)
		.orderBy(desc(journeys.createdAt), asc(journeys.id))
		.limit(JOURNEYS_PAGE_SIZE)
		.offset(offset);
	return { page, pages, total: total?.n ?? 0, rows };
}

/**
 * One page of the journeys in a state (submitted: the coordinator's queue, oldest first) that
 * served workshops of the coordinator's networks.
 */
export async function listNetworkJourneys(
	db: Db,
	networkIds: readonly string[],
	options: { state: JourneyState; page: number }
) {
	if (networkIds.length === 0) return { page: 1, pages: 1, total: 0, rows: [] };
	const served = db
		.select({ id: journeyWorkshops.journeyId })
		.from(journeyWorkshops)
		.innerJoin(workshops, eq(workshops.id, journeyWorkshops.workshopId))
		.innerJoin(memberships, eq(memberships.id, workshops.membershipId))
		.innerJoin(seasons, eq(seasons.id, memberships.seasonId))
		.where(inArray(seasons.networkId, [...networkIds]));
	const where = and(eq(journeys.state, options.state), inArray(journeys.id, served));
	const [total] = await db.select({ n: count() }).from(journeys).where(where);
	const { page, pages, offset } = numberedPage(total?.n ?? 0, options.page, JOURNEYS_PAGE_SIZE);
	const rows = await db
		.select(journeyColumns)
		.from(journeys)
		.innerJoin(users, eq(users.id, journeys.expertId))
		.where(where)
		.orderBy(
			options.state === 'submitted' ? asc(journeys.submittedAt) : desc(journeys.updatedAt),
			asc(journeys.id)
		)
		.limit(JOURNEYS_PAGE_SIZE)
		.offset(offset);
	return { page, pages, total: total?.n ?? 0, rows };
}

/** An expert's workshops a journey may be claimed for, newest first (some dozens a season). */
export async function listClaimableWorkshops(db: Db, expertId: string) {
	return db
		.select({
			id: workshops.id,
			startsAt: workshops.startsAt,
			state: workshops.state,
			municipality: {
				code: municipalities.code,
				nameFi: municipalities.nameFi,
				nameSv: municipalities.nameSv
			}
		})
		.from(workshopExperts)
		.innerJoin(workshops, eq(workshops.id, workshopExperts.workshopId))
		.innerJoin(memberships, eq(memberships.id, workshops.membershipId))
		.innerJoin(municipalities, eq(municipalities.code, memberships.municipalityCode))
		.where(
			and(
				eq(workshopExperts.userId, expertId),
				inArray(workshops.state, ['agreed', 'held', 'cancelled']),
				isNotNull(workshops.startsAt)
			)
		)
		.orderBy(desc(workshops.startsAt), asc(workshops.id))
		.limit(200);
}

/**
 * A journey with its expert, workshops, lines (each priced as it would be approved today, or
 * as approved), receipts and shares; null when there is none.
 */
export async function getJourney(db: Db, journeyId: string) {
	if (!isUuid(journeyId)) return null;
	const [row] = await db
		.select({ journey: journeys, expertName: users.name })
		.from(journeys)
		.innerJoin(users, eq(users.id, journeys.expertId))
		.where(eq(journeys.id, journeyId))
		.limit(1);
	if (!row) return null;
	const [served, lines, shares, rates] = await Promise.all([
		db
			.select({
				id: workshops.id,
				startsAt: workshops.startsAt,
				state: workshops.state,
				networkId: seasons.networkId,
				networkShortName: networks.shortName,
				municipality: {
					code: municipalities.code,
					nameFi: municipalities.nameFi,
					nameSv: municipalities.nameSv
				}
			})
			.from(journeyWorkshops)
			.innerJoin(workshops, eq(workshops.id, journeyWorkshops.workshopId))
			.innerJoin(memberships, eq(memberships.id, workshops.membershipId))
			.innerJoin(municipalities, eq(municipalities.code, memberships.municipalityCode))
			.innerJoin(seasons, eq(seasons.id, memberships.seasonId))
			.innerJoin(networks, eq(networks.id, seasons.networkId))
			.where(eq(journeyWorkshops.journeyId, journeyId))
			.orderBy(asc(workshops.startsAt), asc(workshops.id)),
		db
			.select({ line: journeyLines, receiptName: files.name })
			.from(journeyLines)
			.leftJoin(files, eq(files.id, journeyLines.receiptFileId))
			.where(eq(journeyLines.journeyId, journeyId))
			.orderBy(asc(journeyLines.position), asc(journeyLines.id))
			.limit(200),
		db
			.select({
				municipalityCode: journeyShares.municipalityCode,
				nameFi: municipalities.nameFi,
				nameSv: municipalities.nameSv,
				weight: journeyShares.weight,
				grossCents: journeyShares.grossCents,
				vatCents: journeyShares.vatCents,
				netCents: journeyShares.netCents
			})
			.from(journeyShares)
			.innerJoin(municipalities, eq(municipalities.code, journeyShares.municipalityCode))
			.where(eq(journeyShares.journeyId, journeyId))
			.orderBy(asc(journeyShares.municipalityCode)),
		listKilometreRates(db)
	]);
	const priced = lines.map(({ line, receiptName }) => {
		const amounts =
			line.approvedGrossCents !== null && line.approvedVatCents !== null
				? {
						grossCents: line.approvedGrossCents,
						vatCents: line.approvedVatCents,
						netCents: line.approvedGrossCents - line.approvedVatCents
					}
				: costLineAmounts(toCostLineInput(line), rates);
		return { ...line, receiptName, amounts };
	});
	return {
		...row,
		workshops: served,
		lines: priced,
		shares,
		total: sumAmounts(priced.flatMap((l) => (l.amounts ? [l.amounts] : [])))
	};
}

export type JourneyPage = NonNullable<Awaited<ReturnType<typeof getJourney>>>;

/** A receipt of a journey's line, for download; null when not found there. */
export async function getReceipt(db: Db, journeyId: string, lineId: string) {
	if (!isUuid(journeyId) || !isUuid(lineId)) return null;
	const [row] = await db
		.select({ name: files.name, contentType: files.contentType, data: files.data })
		.from(journeyLines)
		.innerJoin(files, eq(files.id, journeyLines.receiptFileId))
		.where(and(eq(journeyLines.id, lineId), eq(journeyLines.journeyId, journeyId)))
		.limit(1);
	return row ?? null;
}
