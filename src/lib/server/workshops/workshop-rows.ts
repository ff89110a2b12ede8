import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../db';
import {
	memberships,
	networks,
	roleAssignments,
	seasonFocusAreas,
	seasons,
	users,
	workshopExperts,
	workshopParticipants,
	workshops
} from '../db/schema';
import type { Workshop } from '$lib/domain/workshops/workshop-states';
import type { LedgerWorkshop } from '$lib/domain/workshops/entitlement';
import { isUuid } from '$lib/domain/uuid';

/**
 * Reading and writing a workshop's rows for the use cases: the workshop under its row's lock
 * with what the rules need (its membership, season and experts), and the checks that people
 * named in a form are who they must be.
 */

export type WorkshopRow = typeof workshops.$inferSelect;

export interface LockedWorkshop {
	workshop: WorkshopRow;
	municipalityCode: string;
	season: {
		id: string;
		number: number;
		startsOn: string;
		endsOn: string;
		networkId: string;
		lateCancellationDays: number;
	};
	expertIds: string[];
}

/**
 * The workshop and its context, its row locked for the transaction: every use case that
 * changes a workshop takes this lock first, so two changes of one workshop run one after the
 * other and each sees the other's result.
 */
export async function lockWorkshop(tx: Tx, workshopId: string): Promise<LockedWorkshop | null> {
	if (!isUuid(workshopId)) return null;
	const [row] = await tx
		.select({
			workshop: workshops,
			municipalityCode: memberships.municipalityCode,
			season: {
				id: seasons.id,
				number: seasons.number,
				startsOn: seasons.startsOn,
				endsOn: seasons.endsOn,
				networkId: seasons.networkId,
				lateCancellationDays: seasons.lateCancellationDays
			}
		})
		.from(workshops)
		.innerJoin(memberships, eq(memberships.id, workshops.membershipId))
		.innerJoin(seasons, eq(seasons.id, memberships.seasonId))
		.where(eq(workshops.id, workshopId))
		.for('update', { of: workshops });
	if (!row) return null;
	return { ...row, expertIds: await expertIdsOf(tx, workshopId) };
}

export async function expertIdsOf(db: DbOrTx, workshopId: string): Promise<string[]> {
	const rows = await db
		.select({ userId: workshopExperts.userId })
		.from(workshopExperts)
		.where(eq(workshopExperts.workshopId, workshopId))
		.orderBy(workshopExperts.assignedAt, workshopExperts.userId);
	return rows.map((r) => r.userId);
}

export async function participantIdsOf(db: DbOrTx, workshopId: string): Promise<string[]> {
	const rows = await db
		.select({ userId: workshopParticipants.userId })
		.from(workshopParticipants)
		.where(eq(workshopParticipants.workshopId, workshopId));
	return rows.map((r) => r.userId);
}

/** The workshop as the domain rules see it. */
export function toDomainWorkshop(locked: LockedWorkshop): Workshop {
	const w = locked.workshop;
	return {
		state: w.state,
		cancellation: w.cancellation,
		municipalityCode: locked.municipalityCode,
		extra: w.extra,
		format: w.format,
		startsAt: w.startsAt,
		endsAt: w.endsAt,
		place: w.place,
		onlineUrl: w.onlineUrl,
		expertIds: locked.expertIds
	};
}

/** A membership's workshops as the entitlement ledger counts them. */
export async function ledgerWorkshopsOf(
	db: DbOrTx,
	membershipId: string
): Promise<LedgerWorkshop[]> {
	return db
		.select({
			state: workshops.state,
			cancellation: workshops.cancellation,
			startsAt: workshops.startsAt,
			extra: workshops.extra
		})
		.from(workshops)
		.where(eq(workshops.membershipId, membershipId));
}

/**
 * Which of these people are the municipality's own (not erased, not disabled): only they take
 * part in its workshops.
 */
export async function municipalityPeople(
	db: DbOrTx,
	municipalityCode: string,
	userIds: readonly string[]
): Promise<Set<string>> {
	const ids = userIds.filter(isUuid);
	if (ids.length === 0) return new Set();
	const rows = await db
		.select({ id: users.id })
		.from(users)
		.where(
			and(
				inArray(users.id, ids),
				eq(users.municipalityCode, municipalityCode),
				isNull(users.erasedAt),
				isNull(users.disabledAt)
			)
		);
	return new Set(rows.map((r) => r.id));
}

/** Which of these people are experts of the network (not erased, not disabled). */
export async function networkExperts(
	db: DbOrTx,
	networkId: string,
	userIds: readonly string[]
): Promise<Set<string>> {
	const ids = userIds.filter(isUuid);
	if (ids.length === 0) return new Set();
	const rows = await db
		.select({ id: users.id })
		.from(users)
		.innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
		.where(
			and(
				inArray(users.id, ids),
				eq(roleAssignments.role, 'expert'),
				eq(roleAssignments.networkId, networkId),
				isNull(users.erasedAt),
				isNull(users.disabledAt)
			)
		);
	return new Set(rows.map((r) => r.id));
}

/** Is this focus area one of the season's? */
export async function isSeasonFocusArea(
	db: DbOrTx,
	seasonId: string,
	focusAreaId: string
): Promise<boolean> {
	if (!isUuid(focusAreaId)) return false;
	const [row] = await db
		.select({ id: seasonFocusAreas.id })
		.from(seasonFocusAreas)
		.where(and(eq(seasonFocusAreas.id, focusAreaId), eq(seasonFocusAreas.seasonId, seasonId)))
		.limit(1);
	return !!row;
}

/** The network's experts to choose from when assigning (a network has some dozens). */
export async function listNetworkExperts(db: DbOrTx, networkId: string) {
	return db
		.selectDistinct({ id: users.id, name: users.name, title: users.title })
		.from(users)
		.innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
		.where(
			and(
				eq(roleAssignments.role, 'expert'),
				eq(roleAssignments.networkId, networkId),
				isNull(users.erasedAt),
				isNull(users.disabledAt)
			)
		)
		.orderBy(users.name, users.id)
		.limit(500);
}

/** The network a season belongs to, for a membership. */
export async function membershipContext(db: DbOrTx, membershipId: string) {
	if (!isUuid(membershipId)) return null;
	const [row] = await db
		.select({
			membershipId: memberships.id,
			municipalityCode: memberships.municipalityCode,
			state: memberships.state,
			seasonId: seasons.id,
			networkId: networks.id
		})
		.from(memberships)
		.innerJoin(seasons, eq(seasons.id, memberships.seasonId))
		.innerJoin(networks, eq(networks.id, seasons.networkId))
		.where(eq(memberships.id, membershipId))
		.limit(1);
	return row ?? null;
}

/** Replaces a workshop's people of one kind; returns who was added and who removed. */
export async function replacePeople(
	tx: Tx,
	table: typeof workshopExperts | typeof workshopParticipants,
	workshopId: string,
	before: readonly string[],
	after: readonly string[]
): Promise<{ added: string[]; removed: string[] }> {
	const added = after.filter((id) => !before.includes(id));
	const removed = before.filter((id) => !after.includes(id));
	if (removed.length > 0) {
		await tx
			.delete(table)
			.where(and(eq(table.workshopId, workshopId), inArray(table.userId, removed)));
	}
	if (added.length > 0) {
		await tx
			.insert(table)
			.values(added.map((userId) => ({ workshopId, userId })))
			.onConflictDoNothing();
	}
	return { added, removed };
}
