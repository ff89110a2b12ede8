import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../db';
import { eventSignUps } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import { placeSignUp, waitingPosition } from '$lib/domain/events/capacity';
import { checkEligibility, type EligibilityRefusal } from '$lib/domain/events/eligibility';
import { DEFAULT_EVENT_TYPE_RULES, type AttendanceMode } from '$lib/domain/events/event-types';
import { checkSignUpWindow, type SignUpWindowRefusal } from '$lib/domain/events/deadlines';
import { activeSeats, attendeeFacts, capacityOf, lockEvent, recountSeats } from './seats';
import { noticeSignUps } from './event-notices';

/**
 * Who is signing people up: a person themselves, a contact person for their municipality's
 * people, or the network's coordinator, who may act outside the sign-up window until the
 * event ends.
 */
export type SignUpAuthority =
	| { as: 'self' }
	| { as: 'contact_person'; municipalityCodes: readonly string[] }
	| { as: 'coordinator' };

export interface SignUpRequest {
	userId: string;
	mode: AttendanceMode;
	/** Special arrangements (diet, access); empty for none. */
	arrangements: string;
}

export type PersonRefusal =
	EligibilityRefusal | 'unknown_person' | 'not_yours' | 'already_signed_up' | 'listed_twice';

export type SignUpResult =
	| {
			ok: true;
			placed: {
				signUpId: string;
				userId: string;
				state: 'confirmed' | 'waiting';
				/** 1 = first on its waiting list. */
				waitingPosition: number | null;
			}[];
	  }
	| { ok: false; error: 'not_found' | SignUpWindowRefusal | 'nobody' }
	| { ok: false; error: 'people'; refusals: { userId: string; reason: PersonRefusal }[] };

/**
 * Signs up one or more people for an event, each in a mode, all or none: if any one of them
 * may not be signed up, nothing is written and each refusal is returned. Each sign-up takes
 * a free seat in its mode or, when the mode (or, on site, the municipality's share) is full,
 * the end of that mode's waiting list. The event row is locked for the whole transaction, so
 * concurrent sign-ups are placed one after another in the order they got the lock.
 */
export async function signUpForEvent(
	db: Db,
	actor: Actor,
	authority: SignUpAuthority,
	input: { eventId: string; people: readonly SignUpRequest[] },
	now: Date = new Date()
): Promise<SignUpResult> {
	if (input.people.length === 0) return { ok: false, error: 'nobody' };
	return db.transaction(async (tx): Promise<SignUpResult> => {
		const event = await lockEvent(tx, input.eventId);
		if (!event) return { ok: false, error: 'not_found' };
		const schedule = { ...event, cancelled: event.cancelledAt !== null };
		const window = checkSignUpWindow(schedule, now);
		if (!window.ok) {
			const coordinatorMay = authority.as === 'coordinator' && window.reason === 'sign_up_closed';
			const coordinatorEarly =
				authority.as === 'coordinator' && window.reason === 'sign_up_not_open';
			if (!coordinatorMay && !coordinatorEarly) return { ok: false, error: window.reason };
		}

		const userIds = input.people.map((p) => p.userId);
		const facts = await attendeeFacts(tx, event.seasonId, userIds);
		const existing = await tx
			.select({ userId: eventSignUps.userId })
			.from(eventSignUps)
			.where(
				and(
					eq(eventSignUps.eventId, event.id),
					inArray(eventSignUps.userId, userIds),
					ne(eventSignUps.state, 'cancelled')
				)
			);
		const signedUp = new Set(existing.map((r) => r.userId));
		const seen = new Set<string>();
		const refusals: { userId: string; reason: PersonRefusal }[] = [];
		for (const person of input.people) {
			const fact = facts.get(person.userId);
			let reason: PersonRefusal | null = null;
			if (seen.has(person.userId)) reason = 'listed_twice';
			else if (!fact) reason = 'unknown_person';
			else if (
				authority.as === 'contact_person' &&
				!authority.municipalityCodes.includes(fact.attendee.municipalityCode)
			) {
				reason = 'not_yours';
			} else if (signedUp.has(person.userId)) reason = 'already_signed_up';
			else {
				const rule = { rule: DEFAULT_EVENT_TYPE_RULES[event.type], format: event.format };
				const eligibility = checkEligibility(fact.attendee, fact.membership, rule, person.mode);
				if (!eligibility.ok) reason = eligibility.reason;
			}
			seen.add(person.userId);
			if (reason) refusals.push({ userId: person.userId, reason });
		}
		if (refusals.length > 0) return { ok: false, error: 'people', refusals };

		const seats = await activeSeats(tx, event.id);
		const placed: Extract<SignUpResult, { ok: true }>['placed'] = [];
		for (const person of input.people) {
			const municipalityCode = facts.get(person.userId)!.attendee.municipalityCode;
			const [row] = await tx
				.insert(eventSignUps)
				.values({
					eventId: event.id,
					userId: person.userId,
					municipalityCode,
					mode: person.mode,
					state: 'waiting',
					arrangements: person.arrangements || null,
					signedUpBy: actor.userId
				})
				.returning({ id: eventSignUps.id, seq: eventSignUps.seq });
			const request = {
				id: row!.id,
				userId: person.userId,
				municipalityCode,
				mode: person.mode,
				seq: row!.seq
			};
			const state = placeSignUp(capacityOf(event), seats, request);
			seats.push({ ...request, state });
			if (state === 'confirmed') {
				await tx
					.update(eventSignUps)
					.set({ state: 'confirmed', confirmedAt: now })
					.where(eq(eventSignUps.id, row!.id));
			}
			placed.push({ signUpId: row!.id, userId: person.userId, state, waitingPosition: null });
		}
		for (const p of placed) p.waitingPosition = waitingPosition(seats, p.signUpId);
		await recountSeats(tx, event.id);
		await recordAudit(
			tx,
			actor,
			placed.map((p, i) => ({
				action: 'event.sign_up',
				entityType: 'event',
				entityId: event.id,
				after: {
					signUpId: p.signUpId,
					userId: p.userId,
					mode: input.people[i]!.mode,
					state: p.state,
					// special arrangements may tell of health: the log says only that some were given
					hasArrangements: input.people[i]!.arrangements !== ''
				}
			}))
		);
		await noticeSignUps(
			tx,
			event,
			'signed_up',
			placed.map((p) => p.signUpId)
		);
		return { ok: true, placed };
	});
}
