import { and, asc, count, countDistinct, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db';
import {
	journeyShares,
	journeyWorkshops,
	journeys,
	memberships,
	municipalities,
	networks,
	seasonFocusAreas,
	seasons,
	users,
	workshops
} from '../../db/schema';
import { numberedPage } from '../../pagination';
import { approvedWithin, type ApprovalPeriod } from './period-query';
import type { CostAmounts } from '$lib/domain/workshops/travel-costs';

/**
 * A season's workshop reports for the network's staff (issue 8): workshops per focus area by
 * state, and the approved travel costs per municipality (each journey's fixed parts) and per
 * expert (each journey whole). Everything is summed by the database over the season's own
 * rows: memberships of the season (`memberships_season_state`) → their workshops
 * (`workshops_membership_state`) → the journeys that served them (`journey_workshops_workshop`)
 * → the journeys' parts (`journey_shares` primary key). A page's cost follows the season's
 * size, not the network's or the database's.
 */

export type { ApprovalPeriod };

export const COST_REPORT_PAGE_SIZE = 50;

export interface CostRow extends CostAmounts {
	/** Approved journeys that contributed. */
	journeys: number;
}

const int = (expression: SQL) => sql<number>`coalesce(${expression}, 0)`.mapWith(Number);
const sumOf = (column: AnyPgColumn) => int(sql`sum(${column})`);
const countIf = (condition: SQL) => int(sql`count(*) filter (where ${condition})`);

/** One row per focus area of the season (in their order), and one for workshops with none. */
export async function workshopsByFocusArea(db: Db, seasonId: string) {
	const [areas, rows] = await Promise.all([
		db
			.select({
				id: seasonFocusAreas.id,
				textFi: seasonFocusAreas.textFi,
				textSv: seasonFocusAreas.textSv,
				textEn: seasonFocusAreas.textEn
			})
			.from(seasonFocusAreas)
			.where(eq(seasonFocusAreas.seasonId, seasonId))
			.orderBy(asc(seasonFocusAreas.position)),
		db
			.select({
				focusAreaId: workshops.focusAreaId,
				proposed: countIf(sql`${workshops.state} = 'proposed'`),
				agreed: countIf(sql`${workshops.state} = 'agreed'`),
				held: countIf(sql`${workshops.state} = 'held'`),
				cancelled: countIf(sql`${workshops.state} = 'cancelled'`),
				lateCancelled: countIf(sql`${workshops.cancellation} = 'municipality_late'`),
				extra: countIf(sql`${workshops.extra}`),
				total: count()
			})
			.from(memberships)
			.innerJoin(workshops, eq(workshops.membershipId, memberships.id))
			.where(eq(memberships.seasonId, seasonId))
			.groupBy(workshops.focusAreaId)
	]);
	const empty = {
		proposed: 0,
		agreed: 0,
		held: 0,
		cancelled: 0,
		lateCancelled: 0,
		extra: 0,
		total: 0
	};
	const counts = new Map(rows.map(({ focusAreaId, ...c }) => [focusAreaId, c]));
	const result: ({ area: (typeof areas)[number] | null } & typeof empty)[] = areas.map((area) => ({
		area,
		...(counts.get(area.id) ?? empty)
	}));
	const none = counts.get(null);
	if (none) result.push({ area: null, ...none });
	const total = result.reduce(
		(sum, row) => ({
			proposed: sum.proposed + row.proposed,
			agreed: sum.agreed + row.agreed,
			held: sum.held + row.held,
			cancelled: sum.cancelled + row.cancelled,
			lateCancelled: sum.lateCancelled + row.lateCancelled,
			extra: sum.extra + row.extra,
			total: sum.total + row.total
		}),
		empty
	);
	return { rows: result, total };
}

export type FocusAreaReport = Awaited<ReturnType<typeof workshopsByFocusArea>>;

/** The start of a Helsinki day as an instant (midnight exists on every Helsinki day). */
/** Approved journeys that served a workshop of the season, approved within the period. */
function approvedInSeason(db: Db, seasonId: string, period: ApprovalPeriod): SQL {
	const served = db
		.select({ id: journeyWorkshops.journeyId })
		.from(memberships)
		.innerJoin(workshops, eq(workshops.membershipId, memberships.id))
		.innerJoin(journeyWorkshops, eq(journeyWorkshops.workshopId, workshops.id))
		.where(eq(memberships.seasonId, seasonId));
	return and(eq(journeys.state, 'approved'), inArray(journeys.id, served), approvedWithin(period))!;
}

/** The season's approved costs in all: the journeys' fixed totals. */
export async function approvedCostTotal(
	db: Db,
	seasonId: string,
	period: ApprovalPeriod
): Promise<CostRow> {
	const [row] = await db
		.select({
			journeys: count(),
			grossCents: sumOf(journeys.grossCents),
			vatCents: sumOf(journeys.vatCents),
			netCents: sumOf(journeys.netCents)
		})
		.from(journeys)
		.where(approvedInSeason(db, seasonId, period));
	return row ?? { journeys: 0, grossCents: 0, vatCents: 0, netCents: 0 };
}

/**
 * One page of the approved costs per municipality, by name: each journey's part fixed at
 * approval (net and VAT split by largest remainder, cost-split.ts), summed.
 */
export async function approvedCostsPerMunicipality(
	db: Db,
	seasonId: string,
	period: ApprovalPeriod,
	requestedPage: number,
	perPage = COST_REPORT_PAGE_SIZE
) {
	const where = approvedInSeason(db, seasonId, period);
	const [total] = await db
		.select({ n: countDistinct(journeyShares.municipalityCode) })
		.from(journeyShares)
		.innerJoin(journeys, eq(journeys.id, journeyShares.journeyId))
		.where(where);
	const { page, pages, offset } = numberedPage(total?.n ?? 0, requestedPage, perPage);
	const rows = await db
		.select({
			code: municipalities.code,
			nameFi: municipalities.nameFi,
			nameSv: municipalities.nameSv,
			journeys: count(),
			grossCents: sumOf(journeyShares.grossCents),
			vatCents: sumOf(journeyShares.vatCents),
			netCents: sumOf(journeyShares.netCents)
		})
		.from(journeyShares)
		.innerJoin(journeys, eq(journeys.id, journeyShares.journeyId))
		.innerJoin(municipalities, eq(municipalities.code, journeyShares.municipalityCode))
		.where(where)
		.groupBy(municipalities.code, municipalities.nameFi, municipalities.nameSv)
		.orderBy(asc(municipalities.nameFi), asc(municipalities.code))
		.limit(perPage)
		.offset(offset);
	return { page, pages, total: total?.n ?? 0, rows };
}

/** One page of the approved costs per expert, by name: each journey whole. */
export async function approvedCostsPerExpert(
	db: Db,
	seasonId: string,
	period: ApprovalPeriod,
	requestedPage: number,
	perPage = COST_REPORT_PAGE_SIZE
) {
	const where = approvedInSeason(db, seasonId, period);
	const [total] = await db
		.select({ n: countDistinct(journeys.expertId) })
		.from(journeys)
		.where(where);
	const { page, pages, offset } = numberedPage(total?.n ?? 0, requestedPage, perPage);
	const rows = await db
		.select({
			expertId: users.id,
			name: users.name,
			journeys: count(),
			grossCents: sumOf(journeys.grossCents),
			vatCents: sumOf(journeys.vatCents),
			netCents: sumOf(journeys.netCents)
		})
		.from(journeys)
		.innerJoin(users, eq(users.id, journeys.expertId))
		.where(where)
		.groupBy(users.id, users.name)
		.orderBy(asc(users.name), asc(users.id))
		.limit(perPage)
		.offset(offset);
	return { page, pages, total: total?.n ?? 0, rows };
}

/** The seasons whose reports a member of staff may open, newest first (a few a network). */
export async function staffReportSeasons(db: Db, networkIds: readonly string[]) {
	if (networkIds.length === 0) return [];
	return db
		.select({ id: seasons.id, number: seasons.number, networkShortName: networks.shortName })
		.from(seasons)
		.innerJoin(networks, eq(networks.id, seasons.networkId))
		.where(inArray(seasons.networkId, [...networkIds]))
		.orderBy(desc(seasons.startsOn), asc(networks.shortName))
		.limit(20);
}
