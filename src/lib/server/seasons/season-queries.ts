import { and, asc, count, desc, eq, inArray, lte } from 'drizzle-orm';
import type { Db } from '../db';
import { numberedPage } from '../pagination';
import {
	feeTiers,
	memberships,
	municipalities,
	networks,
	seasonFocusAreas,
	seasons
} from '../db/schema';
import { feeTierFor } from '$lib/domain/fees';
import { isMember, MEMBERSHIP_STATES, type MembershipState } from '$lib/domain/membership';
import { isUuid } from '$lib/domain/uuid';

/** Seasons of the given networks, newest first. A network has a season a year or two. */
export async function listSeasons(db: Db, networkIds: string[]) {
	if (networkIds.length === 0) return [];
	return db
		.select({
			id: seasons.id,
			networkId: seasons.networkId,
			number: seasons.number,
			startsOn: seasons.startsOn,
			endsOn: seasons.endsOn,
			leadThemeFi: seasons.leadThemeFi,
			leadThemeSv: seasons.leadThemeSv,
			leadThemeEn: seasons.leadThemeEn,
			networkShortName: networks.shortName,
			networkSlug: networks.slug
		})
		.from(seasons)
		.innerJoin(networks, eq(networks.id, seasons.networkId))
		.where(inArray(seasons.networkId, networkIds))
		.orderBy(desc(seasons.startsOn))
		.limit(200);
}

export async function getSeason(db: Db, id: string) {
	if (!isUuid(id)) return null;
	const [season] = await db
		.select({ season: seasons, network: networks })
		.from(seasons)
		.innerJoin(networks, eq(networks.id, seasons.networkId))
		.where(eq(seasons.id, id))
		.limit(1);
	if (!season) return null;
	const [focusAreas, tiers] = await Promise.all([
		db
			.select()
			.from(seasonFocusAreas)
			.where(eq(seasonFocusAreas.seasonId, id))
			.orderBy(asc(seasonFocusAreas.position)),
		networkFeeTiers(db, season.network.id, season.season.startsOn)
	]);
	return { ...season.season, network: season.network, focusAreas, feeTiers: tiers };
}

/** The fee tiers in force on a day (the schedule with the latest start on or before it). */
export async function networkFeeTiers(db: Db, networkId: string, day: string) {
	const tiers = await db
		.select()
		.from(feeTiers)
		.where(and(eq(feeTiers.networkId, networkId), lte(feeTiers.validFrom, day)))
		.orderBy(desc(feeTiers.validFrom), asc(feeTiers.minPopulation))
		.limit(50);
	const latest = tiers[0]?.validFrom;
	return tiers.filter((t) => t.validFrom === latest);
}

export const MEMBERS_PAGE_SIZE = 50;

/** One page of a season's members with their state, size class and fee tier. */
export async function listSeasonMembers(
	db: Db,
	season: { id: string; startsOn: string; feeTiers: Awaited<ReturnType<typeof networkFeeTiers>> },
	options: { page: number; state: MembershipState | null; perPage?: number }
) {
	const perPage = options.perPage ?? MEMBERS_PAGE_SIZE;
	const where = and(
		eq(memberships.seasonId, season.id),
		options.state ? eq(memberships.state, options.state) : undefined
	);
	const [totalRow] = await db.select({ n: count() }).from(memberships).where(where);
	const total = totalRow?.n ?? 0;
	const { page, pages, offset } = numberedPage(total, options.page, perPage);
	const rows = await db
		.select({
			id: memberships.id,
			state: memberships.state,
			code: municipalities.code,
			nameFi: municipalities.nameFi,
			nameSv: municipalities.nameSv,
			population: municipalities.population,
			sizeClass: municipalities.sizeClass,
			abolishedOn: municipalities.abolishedOn
		})
		.from(memberships)
		.innerJoin(municipalities, eq(municipalities.code, memberships.municipalityCode))
		.where(where)
		.orderBy(asc(municipalities.nameFi))
		.limit(perPage)
		.offset(offset);
	const tiers = season.feeTiers.map((t) => ({ ...t, name: t.nameFi }));
	return {
		total,
		page,
		pages,
		rows: rows.map((r) => {
			const tier = r.population === null ? null : feeTierFor(tiers, r.population, season.startsOn);
			return {
				...r,
				feeTier: tier
					? {
							nameFi: tier.nameFi,
							nameSv: tier.nameSv,
							nameEn: tier.nameEn,
							yearlyFeeCents: tier.yearlyFeeCents
						}
					: null
			};
		})
	};
}

/**
 * How many municipalities each season has in each state: one row per season and state, counted
 * by the database (memberships_season_state), so the cost does not grow with the members.
 */
export async function countMembersByState(db: Db, seasonIds: readonly string[]) {
	const counts = new Map<string, Record<MembershipState, number>>();
	if (seasonIds.length === 0) return counts;
	for (const id of seasonIds) {
		counts.set(
			id,
			Object.fromEntries(MEMBERSHIP_STATES.map((st) => [st, 0])) as Record<MembershipState, number>
		);
	}
	const rows = await db
		.select({ seasonId: memberships.seasonId, state: memberships.state, n: count() })
		.from(memberships)
		.where(inArray(memberships.seasonId, [...seasonIds]))
		.groupBy(memberships.seasonId, memberships.state);
	for (const row of rows) counts.get(row.seasonId)![row.state] = row.n;
	return counts;
}

export const MEMBER_NAMES_PAGE_SIZE = 100;

/**
 * One page of the names of a season's member municipalities (decided or active), by Finnish
 * name: names only, for the network's public page. A season has at most every municipality.
 */
export async function listMemberMunicipalities(
	db: Db,
	seasonId: string,
	options: { page: number; perPage?: number }
) {
	const perPage = options.perPage ?? MEMBER_NAMES_PAGE_SIZE;
	const where = and(
		eq(memberships.seasonId, seasonId),
		inArray(memberships.state, MEMBERSHIP_STATES.filter(isMember))
	);
	const [totalRow] = await db.select({ n: count() }).from(memberships).where(where);
	const total = totalRow?.n ?? 0;
	const { page, pages, offset } = numberedPage(total, options.page, perPage);
	const rows = await db
		.select({
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
	return { total, page, pages, rows };
}
