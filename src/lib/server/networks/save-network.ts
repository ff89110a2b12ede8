import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { networks, roleAssignments } from '../db/schema';
import { changedFields, recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import type { NetworkForm } from '$lib/schemas/network';
import { isUniqueViolation } from '../db/errors';

export type SaveNetworkResult =
	{ ok: true; id: string } | { ok: false; error: 'slug_taken' | 'not_found' };

/** Creates a network (its creator becomes its coordinator) or updates one. */
export async function saveNetwork(
	db: Db,
	actor: Actor & { userId: string },
	form: NetworkForm,
	id?: string
): Promise<SaveNetworkResult> {
	try {
		return await db.transaction(async (tx) => {
			if (id) {
				const [before] = await tx.select().from(networks).where(eq(networks.id, id)).for('update');
				if (!before) return { ok: false as const, error: 'not_found' as const };
				await tx.update(networks).set(form).where(eq(networks.id, id));
				const diff = changedFields(before as unknown as Record<string, unknown>, form);
				if (diff)
					await recordAudit(tx, actor, {
						action: 'network.update',
						entityType: 'network',
						entityId: id,
						...diff
					});
				return { ok: true as const, id };
			}
			const [row] = await tx.insert(networks).values(form).returning({ id: networks.id });
			await tx
				.insert(roleAssignments)
				.values({ userId: actor.userId, role: 'coordinator', networkId: row!.id });
			await recordAudit(tx, actor, {
				action: 'network.create',
				entityType: 'network',
				entityId: row!.id,
				after: form
			});
			return { ok: true as const, id: row!.id };
		});
	} catch (e) {
		if (isUniqueViolation(e)) return { ok: false, error: 'slug_taken' };
		throw e;
	}
}
