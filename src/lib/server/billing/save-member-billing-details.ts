import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { memberBillingDetails } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import type { MemberBillingInput } from '$lib/schemas/billing';

/**
 * Saves a municipality's billing details. A contact person's save clears the coordinator's
 * check, so the coordinator sees what changed; a coordinator's save is a check in itself.
 */
export async function saveMemberBillingDetails(
	db: Db,
	actor: Actor,
	municipalityCode: string,
	input: MemberBillingInput,
	options: { byCoordinator: boolean }
): Promise<void> {
	await db.transaction(async (tx) => {
		const [before] = await tx
			.select()
			.from(memberBillingDetails)
			.where(eq(memberBillingDetails.municipalityCode, municipalityCode))
			.for('update');
		const values = {
			...input,
			updatedBy: actor.userId,
			updatedAt: sql`now()`,
			checkedBy: options.byCoordinator ? actor.userId : null,
			checkedAt: options.byCoordinator ? sql`now()` : null
		};
		await tx
			.insert(memberBillingDetails)
			.values({ municipalityCode, ...values })
			.onConflictDoUpdate({ target: memberBillingDetails.municipalityCode, set: values });
		await recordAudit(tx, actor, {
			action: 'billing.member_details',
			entityType: 'municipality',
			entityId: municipalityCode,
			before: before ? withoutMeta(before) : null,
			after: input
		});
	});
}

/** The row without its bookkeeping, as the audit log's "before". */
function withoutMeta<T extends { updatedAt: unknown; updatedBy: unknown }>(row: T) {
	// eslint-disable-next-line @typescript-eslint/no-unused-vars
	const { updatedAt, updatedBy, ...rest } = row;
	return rest;
}
