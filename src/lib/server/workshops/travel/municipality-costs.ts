import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db';
import {
	files,
	journeyLines,
	journeyShares,
	journeyWorkshops,
	journeys,
	memberships,
	users,
	workshops
} from '../../db/schema';
import { numberedPage } from '../../pagination';
import { isUuid } from '$lib/domain/uuid';
import { approvedWithin, type ApprovalPeriod } from '../reports/period-query';

/**
 * A municipality's approved travel costs (issue 8): each approved journey that has a part for
 * it, with the part fixed at approval (cost-split.ts), the journey's lines as approved, and the
 * workshops of the municipality it served. Read from `journey_shares_municipality`, so a page
 * costs what the municipality's own journeys cost, whatever else the database holds.
 *
 * Receipts: a journey's receipts are the whole journey's. Only a journey wholly the
 * municipality's (its one share) lets the municipality download them; of a shared journey it
 * sees the lines and amounts but not the other municipalities' documents (ADR 018).
 */

export const MUNICIPALITY_COSTS_PAGE_SIZE = 20;

export type CostPeriod = ApprovalPeriod;

function partsOf(code: string, period: CostPeriod): SQL {
	return and(
		eq(journeyShares.municipalityCode, code),
		eq(journeys.state, 'approved'),
		approvedWithin(period)
	)!;
}

const int = (expression: SQL) => sql<number>`coalesce(${expression}, 0)`.mapWith(Number);

/** The municipality's parts in all, for the period. */
export async function municipalityCostTotal(db: Db, code: string, period: CostPeriod) {
	const [row] = await db
		.select({
			journeys: count(),
			grossCents: int(sql`sum(${journeyShares.grossCents})`),
			vatCents: int(sql`sum(${journeyShares.vatCents})`),
			netCents: int(sql`sum(${journeyShares.netCents})`)
		})
		.from(journeyShares)
		.innerJoin(journeys, eq(journeys.id, journeyShares.journeyId))
		.where(partsOf(code, period));
	return row ?? { journeys: 0, grossCents: 0, vatCents: 0, netCents: 0 };
}

/**
 * One page of the municipality's approved journeys, newest approval first, each with its part,
 * the whole journey's total and weights, its lines and the municipality's workshops it served.
 */
export async function listMunicipalityCosts(
	db: Db,
	code: string,
	period: CostPeriod,
	requestedPage: number,
	perPage = MUNICIPALITY_COSTS_PAGE_SIZE
) {
	const where = partsOf(code, period);
	const [total] = await db
		.select({ n: count() })
		.from(journeyShares)
		.innerJoin(journeys, eq(journeys.id, journeyShares.journeyId))
		.where(where);
	const { page, pages, offset } = numberedPage(total?.n ?? 0, requestedPage, perPage);
	const others = sql`(select count(*) from ${journeyShares} s where s.journey_id = ${journeys.id} and s.municipality_code <> ${code})`;
	const rows = await db
		.select({
			journeyId: journeys.id,
			approvedAt: journeys.reviewedAt,
			fromPlace: journeys.fromPlace,
			toPlace: journeys.toPlace,
			expertName: users.name,
			journeyGrossCents: journeys.grossCents,
			weight: journeyShares.weight,
			totalWeight: int(
				sql`(select sum(s.weight) from ${journeyShares} s where s.journey_id = ${journeys.id})`
			),
			shared: sql<boolean>`${others} > 0`,
			grossCents: journeyShares.grossCents,
			vatCents: journeyShares.vatCents,
			netCents: journeyShares.netCents
		})
		.from(journeyShares)
		.innerJoin(journeys, eq(journeys.id, journeyShares.journeyId))
		.innerJoin(users, eq(users.id, journeys.expertId))
		.where(where)
		.orderBy(desc(journeys.reviewedAt), asc(journeys.id))
		.limit(perPage)
		.offset(offset);
	const ids = rows.map((r) => r.journeyId);
	// `in ()` of no ids is false: an empty page asks nothing more of the tables
	const [lines, served] = await Promise.all([
		db
			.select({
				id: journeyLines.id,
				journeyId: journeyLines.journeyId,
				kind: journeyLines.kind,
				day: journeyLines.day,
				distanceTenths: journeyLines.distanceTenths,
				description: journeyLines.description,
				grossCents: journeyLines.approvedGrossCents,
				vatCents: journeyLines.approvedVatCents,
				receiptName: files.name
			})
			.from(journeyLines)
			.leftJoin(files, eq(files.id, journeyLines.receiptFileId))
			.where(inArray(journeyLines.journeyId, ids))
			.orderBy(asc(journeyLines.journeyId), asc(journeyLines.position), asc(journeyLines.id)),
		db
			.select({
				journeyId: journeyWorkshops.journeyId,
				workshopId: workshops.id,
				startsAt: workshops.startsAt
			})
			.from(journeyWorkshops)
			.innerJoin(workshops, eq(workshops.id, journeyWorkshops.workshopId))
			.innerJoin(memberships, eq(memberships.id, workshops.membershipId))
			.where(and(inArray(journeyWorkshops.journeyId, ids), eq(memberships.municipalityCode, code)))
			.orderBy(asc(workshops.startsAt))
	]);
	return {
		page,
		pages,
		total: total?.n ?? 0,
		rows: rows.map((r) => ({
			...r,
			grossCents: r.grossCents ?? 0,
			vatCents: r.vatCents ?? 0,
			netCents: r.netCents ?? 0,
			lines: lines
				.filter((l) => l.journeyId === r.journeyId)
				.map(({ receiptName, ...l }) => ({
					...l,
					// a shared journey's receipts are not this municipality's to read
					receiptName: r.shared ? null : receiptName
				})),
			workshops: served.filter((w) => w.journeyId === r.journeyId)
		}))
	};
}

export type MunicipalityCosts = Awaited<ReturnType<typeof listMunicipalityCosts>>;

/**
 * A receipt of an approved journey wholly the municipality's (its only share); null for any
 * other journey, line or municipality.
 */
export async function getMunicipalityReceipt(
	db: Db,
	code: string,
	journeyId: string,
	lineId: string
) {
	if (!isUuid(journeyId) || !isUuid(lineId)) return null;
	const [row] = await db
		.select({ name: files.name, contentType: files.contentType, data: files.data })
		.from(journeyLines)
		.innerJoin(journeys, eq(journeys.id, journeyLines.journeyId))
		.innerJoin(journeyShares, eq(journeyShares.journeyId, journeys.id))
		.innerJoin(files, eq(files.id, journeyLines.receiptFileId))
		.where(
			and(
				eq(journeyLines.id, lineId),
				eq(journeyLines.journeyId, journeyId),
				eq(journeys.state, 'approved'),
				eq(journeyShares.municipalityCode, code),
				sql`not exists (select 1 from ${journeyShares} s where s.journey_id = ${journeys.id} and s.municipality_code <> ${code})`
			)
		)
		.limit(1);
	return row ?? null;
}
