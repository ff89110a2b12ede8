import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { memberBillingDetails } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';

/** The coordinator marks a municipality's details checked as they are. */
export async function checkMemberBillingDetails(
	db: Db,
	actor: Actor,
	municipalityCode: string
): Promise<{ ok: boolean }> {
	return db.transaction(async (tx) => {
		const updated = await tx
			.update(memberBillingDetails)
			.set({ checkedBy: actor.userId, checkedAt: sql`now()` })
			.where(eq(memberBillingDetails.municipalityCode, municipalityCode))
			.returning({ code: memberBillingDetails.municipalityCode });
		if (updated.length === 0) return { ok: false };
		await recordAudit(tx, actor, {
			action: 'billing.member_details_checked',
			entityType: 'municipality',
			entityId: municipalityCode
		});
		return { ok: true };
	});
}
