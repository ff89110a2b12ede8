import { and, arrayOverlaps, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db';
import { membershipDecisions, memberships, users } from '../db/schema';
import { membershipReadiness, type ReadinessCheck } from '$lib/domain/membership';
import { ATTENDANCE_GROUPS, GROUP_POSITIONS, type AttendanceGroup } from '$lib/domain/positions';

const contact = alias(users, 'contact');

export interface MembershipReadiness {
	membershipId: string;
	contactName: string | null;
	checks: ReadinessCheck[];
}

/**
 * What each of a municipality's memberships still needs from the municipality (the rules are
 * membershipReadiness in lib/domain/membership.ts). Two queries whatever the number of
 * memberships: the memberships with their contact person and approved decisions, and the
 * municipality's people counted by attendance group (users_municipality_name). The code is
 * part of the lookup, so another municipality's membership is simply not found.
 */
export async function getMembershipReadiness(
	db: Db,
	code: string,
	membershipIds: readonly string[]
): Promise<Map<string, MembershipReadiness>> {
	const result = new Map<string, MembershipReadiness>();
	if (membershipIds.length === 0) return result;
	const [rows, [people]] = await Promise.all([
		db
			.select({
				id: memberships.id,
				state: memberships.state,
				onSiteGroups: memberships.onSiteGroups,
				contactName: contact.name,
				contactErasedAt: contact.erasedAt,
				// membership_decisions_membership
				approvedDecisions:
					sql<number>`(select count(*) from ${membershipDecisions} d where d.membership_id = ${memberships.id} and d.outcome = 'approved')`.mapWith(
						Number
					)
			})
			.from(memberships)
			.leftJoin(contact, eq(contact.id, memberships.contactPersonId))
			.where(
				and(inArray(memberships.id, [...membershipIds]), eq(memberships.municipalityCode, code))
			)
			.limit(membershipIds.length),
		db
			.select({
				total: count(),
				...(Object.fromEntries(
					ATTENDANCE_GROUPS.map((g) => [
						g,
						sql<number>`count(*) filter (where ${arrayOverlaps(users.positions, [...GROUP_POSITIONS[g]])})`.mapWith(
							Number
						)
					])
				) as Record<AttendanceGroup, ReturnType<typeof sql<number>>>)
			})
			.from(users)
			.where(and(eq(users.municipalityCode, code), isNull(users.erasedAt)))
	]);
	const peopleInGroup = Object.fromEntries(
		ATTENDANCE_GROUPS.map((g) => [g, Number(people?.[g] ?? 0)])
	) as Record<AttendanceGroup, number>;
	for (const row of rows) {
		const contactPersonNamed = row.contactName !== null && row.contactErasedAt === null;
		result.set(row.id, {
			membershipId: row.id,
			contactName: contactPersonNamed ? row.contactName : null,
			checks: membershipReadiness({
				state: row.state,
				approvedDecisions: row.approvedDecisions,
				contactPersonNamed,
				people: Number(people?.total ?? 0),
				onSiteGroups: row.onSiteGroups,
				peopleInGroup
			})
		});
	}
	return result;
}
