import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import {
	memberBillingDetails,
	memberships,
	municipalities,
	networkBillingDetails
} from '../db/schema';
import { numberedPage } from '../pagination';
import { BILLED_MEMBERSHIP_STATES } from './billing-facts';

export async function getNetworkBillingDetails(db: Db, networkId: string) {
	const [row] = await db
		.select()
		.from(networkBillingDetails)
		.where(eq(networkBillingDetails.networkId, networkId))
		.limit(1);
	return row ?? null;
}

export async function getMemberBillingDetails(db: Db, municipalityCode: string) {
	const [row] = await db
		.select()
		.from(memberBillingDetails)
		.where(eq(memberBillingDetails.municipalityCode, municipalityCode))
		.limit(1);
	return row ?? null;
}

export const MEMBER_DETAILS_PAGE_SIZE = 50;

/**
 * A season's billed members with their billing details (or none yet), missing ones first, a
 * page at a time: what the coordinator checks before an invoice run.
 */
export async function listMemberBillingDetails(
	db: Db,
	seasonId: string,
	options: { page: number; missingOnly: boolean; perPage?: number }
) {
	const perPage = options.perPage ?? MEMBER_DETAILS_PAGE_SIZE;
	const where = and(
		eq(memberships.seasonId, seasonId),
		inArray(memberships.state, [...BILLED_MEMBERSHIP_STATES]),
		options.missingOnly ? isNull(memberBillingDetails.municipalityCode) : undefined
	);
	const base = () =>
		db
			.select({ n: count() })
			.from(memberships)
			.leftJoin(
				memberBillingDetails,
				eq(memberBillingDetails.municipalityCode, memberships.municipalityCode)
			);
	const [[totalRow], [missingRow]] = await Promise.all([
		base().where(where),
		base().where(
			and(
				eq(memberships.seasonId, seasonId),
				inArray(memberships.state, [...BILLED_MEMBERSHIP_STATES]),
				isNull(memberBillingDetails.municipalityCode)
			)
		)
	]);
	const total = totalRow?.n ?? 0;
	const { page, pages, offset } = numberedPage(total, options.page, perPage);
	const rows = await db
		.select({
			code: municipalities.code,
			nameFi: municipalities.nameFi,
			nameSv: municipalities.nameSv,
			details: memberBillingDetails
		})
		.from(memberships)
		.innerJoin(municipalities, eq(municipalities.code, memberships.municipalityCode))
		.leftJoin(
			memberBillingDetails,
			eq(memberBillingDetails.municipalityCode, memberships.municipalityCode)
		)
		.where(where)
		.orderBy(asc(municipalities.nameFi))
		.limit(perPage)
		.offset(offset);
	return { total, missing: missingRow?.n ?? 0, page, pages, rows };
}
