import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db';
import { membershipDecisions, memberships, users } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import { storeFile } from '../files/store-file';
import {
	canTransition,
	stateAfterDecision,
	type DecisionOutcome,
	type MembershipState
} from '$lib/domain/membership';
import type { AttendanceGroup } from '$lib/domain/positions';
import { isUniqueViolation } from '../db/errors';

export type MembershipError =
	| 'not_found'
	| 'already_member'
	| 'transition_refused'
	| 'not_invited'
	| 'contact_not_in_municipality';

export type CommandResult<T = undefined> =
	{ ok: true; value: T } | { ok: false; error: MembershipError };

/** Invites a municipality to a season; a second invitation of the same one is refused. */
export async function inviteMunicipality(
	db: Db,
	actor: Actor,
	input: { seasonId: string; municipalityCode: string }
): Promise<CommandResult<string>> {
	try {
		return await db.transaction(async (tx) => {
			const [row] = await tx
				.insert(memberships)
				.values({ seasonId: input.seasonId, municipalityCode: input.municipalityCode })
				.returning();
			await recordAudit(tx, actor, {
				action: 'membership.invite',
				entityType: 'membership',
				entityId: row!.id,
				after: {
					seasonId: input.seasonId,
					municipalityCode: input.municipalityCode,
					state: 'invited'
				}
			});
			return { ok: true as const, value: row!.id };
		});
	} catch (e) {
		if (isUniqueViolation(e)) return { ok: false, error: 'already_member' };
		throw e;
	}
}

async function lockMembership(tx: DbOrTx, id: string) {
	const [row] = await tx.select().from(memberships).where(eq(memberships.id, id)).for('update');
	return row;
}

/** Moves a membership to another state if the rules allow it. */
export async function changeMembershipState(
	db: Db,
	actor: Actor,
	input: { membershipId: string; to: MembershipState }
): Promise<CommandResult> {
	return db.transaction(async (tx) => {
		const current = await lockMembership(tx, input.membershipId);
		if (!current) return { ok: false, error: 'not_found' };
		if (!canTransition(current.state, input.to)) return { ok: false, error: 'transition_refused' };
		await tx
			.update(memberships)
			.set({ state: input.to, stateChangedAt: sql`now()` })
			.where(eq(memberships.id, current.id));
		await recordAudit(tx, actor, {
			action: 'membership.state',
			entityType: 'membership',
			entityId: current.id,
			before: { state: current.state },
			after: { state: input.to }
		});
		return { ok: true, value: undefined };
	});
}

export interface DecisionInput {
	body: string;
	meetingDate: string;
	section: string;
	presenterTitle: string;
	proposal: string;
	decision: string;
	outcome: DecisionOutcome;
	minutes?: { name: string; bytes: Uint8Array } | null;
}

/**
 * Records a municipal body's decision on joining and moves the membership accordingly
 * (approved → decided, rejected → declined), in one transaction with its minutes extract.
 */
export async function recordDecision(
	db: Db,
	actor: Actor,
	membershipId: string,
	input: DecisionInput
): Promise<CommandResult<string>> {
	return db.transaction(async (tx) => {
		const current = await lockMembership(tx, membershipId);
		if (!current) return { ok: false, error: 'not_found' };
		const next = stateAfterDecision(current.state, input.outcome);
		if (!next.ok) return { ok: false, error: next.reason };
		const minutesFileId = input.minutes
			? await storeFile(tx, {
					name: input.minutes.name,
					contentType: 'application/pdf',
					bytes: input.minutes.bytes,
					uploadedBy: actor.userId
				})
			: null;
		const { minutes: _minutes, ...fields } = input;
		const [decision] = await tx
			.insert(membershipDecisions)
			.values({ ...fields, membershipId, minutesFileId, recordedBy: actor.userId })
			.returning({ id: membershipDecisions.id });
		if (next.state !== current.state) {
			await tx
				.update(memberships)
				.set({ state: next.state, stateChangedAt: sql`now()` })
				.where(eq(memberships.id, membershipId));
		}
		await recordAudit(tx, actor, {
			action: 'membership.decision',
			entityType: 'membership',
			entityId: membershipId,
			before: { state: current.state },
			after: { ...fields, minutesFileId, state: next.state }
		});
		return { ok: true, value: decision!.id };
	});
}

/** Names the contact person and the groups that may attend seminars on site. */
export async function setMembershipDetails(
	db: Db,
	actor: Actor,
	membershipId: string,
	input: { contactPersonId: string | null; onSiteGroups: AttendanceGroup[] }
): Promise<CommandResult> {
	return db.transaction(async (tx) => {
		const current = await lockMembership(tx, membershipId);
		if (!current) return { ok: false, error: 'not_found' };
		if (input.contactPersonId) {
			const [person] = await tx
				.select({ id: users.id })
				.from(users)
				.where(
					and(
						eq(users.id, input.contactPersonId),
						eq(users.municipalityCode, current.municipalityCode),
						sql`${users.erasedAt} is null`
					)
				)
				.limit(1);
			if (!person) return { ok: false, error: 'contact_not_in_municipality' };
		}
		await tx
			.update(memberships)
			.set({ contactPersonId: input.contactPersonId, onSiteGroups: input.onSiteGroups })
			.where(eq(memberships.id, membershipId));
		await recordAudit(tx, actor, {
			action: 'membership.update',
			entityType: 'membership',
			entityId: membershipId,
			before: { contactPersonId: current.contactPersonId, onSiteGroups: current.onSiteGroups },
			after: input
		});
		return { ok: true, value: undefined };
	});
}
