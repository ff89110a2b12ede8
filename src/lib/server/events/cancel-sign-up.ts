import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../db';
import { eventSignUps } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import {
	checkCancellationWindow,
	promotionOpen,
	type CancellationRefusal
} from '$lib/domain/events/deadlines';
import { lockEvent, settleSeats } from './seats';
import { noticeSignUps } from './event-notices';
import type { SignUpAuthority } from './sign-up-for-event';
import { isUuid } from '$lib/domain/uuid';

export type CancelSignUpResult =
	{ ok: true; promoted: number } | { ok: false; error: 'not_found' | CancellationRefusal };

/**
 * Cancels a sign-up, confirmed or waiting. A freed seat goes at once to the first eligible
 * person waiting in that mode (until the event starts), who is told by e-mail. A person
 * cancels their own, a contact person their municipality's, before the cancellation deadline;
 * the coordinator until the event ends. Someone else's sign-up is simply not found.
 */
export async function cancelSignUp(
	db: Db,
	actor: Actor,
	authority: SignUpAuthority,
	input: { eventId: string; signUpId: string },
	now: Date = new Date()
): Promise<CancelSignUpResult> {
	if (!isUuid(input.signUpId)) return { ok: false, error: 'not_found' };
	return db.transaction(async (tx): Promise<CancelSignUpResult> => {
		const event = await lockEvent(tx, input.eventId);
		if (!event) return { ok: false, error: 'not_found' };
		const [signUp] = await tx
			.select()
			.from(eventSignUps)
			.where(
				and(
					eq(eventSignUps.id, input.signUpId),
					eq(eventSignUps.eventId, event.id),
					ne(eventSignUps.state, 'cancelled')
				)
			)
			.limit(1);
		if (!signUp) return { ok: false, error: 'not_found' };
		if (authority.as === 'self' && signUp.userId !== actor.userId) {
			return { ok: false, error: 'not_found' };
		}
		if (
			authority.as === 'contact_person' &&
			!authority.municipalityCodes.includes(signUp.municipalityCode)
		) {
			return { ok: false, error: 'not_found' };
		}
		const schedule = { ...event, cancelled: event.cancelledAt !== null };
		const window = checkCancellationWindow(schedule, now);
		if (
			!window.ok &&
			!(authority.as === 'coordinator' && window.reason === 'cancellation_deadline_passed')
		) {
			return { ok: false, error: window.reason };
		}
		await tx
			.update(eventSignUps)
			.set({ state: 'cancelled', cancelledAt: now })
			.where(eq(eventSignUps.id, signUp.id));
		const promoted = await settleSeats(tx, event, promotionOpen(schedule, now));
		await recordAudit(tx, actor, [
			{
				action: 'event.cancel_sign_up',
				entityType: 'event',
				entityId: event.id,
				before: { signUpId: signUp.id, userId: signUp.userId, state: signUp.state },
				after: { signUpId: signUp.id, state: 'cancelled' }
			},
			...promoted.map((p) => ({
				action: 'event.promote',
				entityType: 'event',
				entityId: event.id,
				before: { signUpId: p.id, userId: p.userId, state: 'waiting' },
				after: { signUpId: p.id, state: 'confirmed' }
			}))
		]);
		await noticeSignUps(tx, event, 'sign_up_cancelled', [signUp.id]);
		await noticeSignUps(
			tx,
			event,
			'promoted',
			promoted.map((p) => p.id)
		);
		return { ok: true, promoted: promoted.length };
	});
}
