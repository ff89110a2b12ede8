import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { networkBillingDetails } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import type { NetworkBillingInput } from '$lib/schemas/billing';

/**
 * Saves a network's billing details (the seller on its invoices). Invoices already issued keep
 * the details they were issued with (ADR 022).
 */
export async function saveNetworkBillingDetails(
	db: Db,
	actor: Actor,
	networkId: string,
	input: NetworkBillingInput
): Promise<void> {
	await db.transaction(async (tx) => {
		const [before] = await tx
			.select()
			.from(networkBillingDetails)
			.where(eq(networkBillingDetails.networkId, networkId))
			.for('update');
		const values = { ...input, updatedBy: actor.userId, updatedAt: sql`now()` };
		await tx
			.insert(networkBillingDetails)
			.values({ networkId, ...values })
			.onConflictDoUpdate({ target: networkBillingDetails.networkId, set: values });
		await recordAudit(tx, actor, {
			action: 'billing.network_details',
			entityType: 'network',
			entityId: networkId,
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
