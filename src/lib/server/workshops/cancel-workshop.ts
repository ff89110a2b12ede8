import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { workshops } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import {
	transition,
	type Cancellation,
	type TransitionRefusal,
	type WorkshopActor
} from '$lib/domain/workshops/workshop-states';
import { lockWorkshop, toDomainWorkshop } from './workshop-rows';
import { noticeWorkshop } from './workshop-notices';

export type CancelWorkshopResult =
	{ ok: true; cancellation: Cancellation } | { ok: false; error: 'not_found' | TransitionRefusal };

/**
 * Cancels a proposed or agreed workshop with a reason. By the municipality (its contact person,
 * or the coordinator for it), a cancellation fewer than the season's late-cancellation days
 * (14 by default) before the workshop's day is late and counts against the entitlement
 * (lib/domain/workshops/late-cancellation.ts); by the network it never does. Lateness is decided now and kept. Those invited get the calendar
 * entry cancelled.
 */
export async function cancelWorkshop(
	db: Db,
	actor: Actor,
	as: WorkshopActor,
	input: { workshopId: string; by: 'municipality' | 'network'; reason: string },
	now: Date = new Date()
): Promise<CancelWorkshopResult> {
	return db.transaction(async (tx): Promise<CancelWorkshopResult> => {
		const locked = await lockWorkshop(tx, input.workshopId);
		if (!locked) return { ok: false, error: 'not_found' };
		const reason = input.reason.trim();
		const result = transition(
			toDomainWorkshop(locked),
			{ kind: 'cancel', by: input.by, reason },
			as,
			{ now, lateCancellationDays: locked.season.lateCancellationDays }
		);
		if (!result.ok) return { ok: false, error: result.reason };
		const before = locked.workshop;
		const invited = before.state === 'agreed';
		await tx
			.update(workshops)
			.set({
				state: 'cancelled',
				cancellation: result.cancellation,
				cancellationReason: reason,
				cancelledBy: actor.userId,
				cancelledAt: now,
				sequence: invited ? before.sequence + 1 : before.sequence,
				updatedAt: now
			})
			.where(eq(workshops.id, before.id));
		await recordAudit(tx, actor, {
			action: 'workshop.cancel',
			entityType: 'workshop',
			entityId: before.id,
			before: { state: before.state },
			after: { state: 'cancelled', cancellation: result.cancellation, reason }
		});
		if (invited) await noticeWorkshop(tx, before.id, 'cancelled');
		return { ok: true, cancellation: result.cancellation! };
	});
}
