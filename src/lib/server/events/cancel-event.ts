import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { events } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import { noticeEventCancelled } from './event-notices';
import { lockEvent } from './seats';

export type CancelEventResult =
	{ ok: true } | { ok: false; error: 'not_found' | 'cancelled' | 'event_past' };

/**
 * Cancels an event that has not ended: SEQUENCE is raised, everyone signed up gets the
 * cancellation (a calendar CANCEL to those holding a seat), and its reminders are dropped.
 * The sign-ups stay as they were, so the record shows who was coming.
 */
export async function cancelEvent(
	db: Db,
	actor: Actor,
	input: { eventId: string; reason: string },
	now: Date = new Date()
): Promise<CancelEventResult> {
	return db.transaction(async (tx): Promise<CancelEventResult> => {
		const event = await lockEvent(tx, input.eventId);
		if (!event) return { ok: false, error: 'not_found' };
		if (event.cancelledAt) return { ok: false, error: 'cancelled' };
		if (event.endsAt.getTime() <= now.getTime()) return { ok: false, error: 'event_past' };
		const [updated] = await tx
			.update(events)
			.set({
				cancelledAt: now,
				cancellationReason: input.reason,
				sequence: event.sequence + 1,
				updatedAt: now
			})
			.where(eq(events.id, event.id))
			.returning();
		await recordAudit(tx, actor, {
			action: 'event.cancel',
			entityType: 'event',
			entityId: event.id,
			before: { cancelledAt: null },
			after: { cancelledAt: now, cancellationReason: input.reason, sequence: updated!.sequence }
		});
		await noticeEventCancelled(tx, updated!);
		return { ok: true };
	});
}
