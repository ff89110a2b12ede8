import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../db';
import { eventSignUps, events, memberships, users } from '../db/schema';
import { promotions, type EventCapacity, type Seat } from '$lib/domain/events/capacity';
import { eligibleModes, type Attendee } from '$lib/domain/events/eligibility';
import { DEFAULT_EVENT_TYPE_RULES } from '$lib/domain/events/event-types';
import type { Position } from '$lib/domain/positions';
import { isUuid } from '$lib/domain/uuid';

/**
 * Seats of one event, read and written under the event row's lock. Every use case that seats,
 * frees or moves someone takes the lock first (`lockEvent`), so sign-ups of one event are
 * applied one after another whatever the number of app servers; the row's `confirmed_*`
 * counts are then recomputed in the same transaction and the table's check refuses more
 * confirmed seats than the capacity.
 */

export type EventRow = typeof events.$inferSelect;

export async function lockEvent(tx: Tx, eventId: string): Promise<EventRow | undefined> {
	if (!isUuid(eventId)) return undefined;
	const [row] = await tx.select().from(events).where(eq(events.id, eventId)).for('update');
	return row;
}

export function capacityOf(event: EventRow): EventCapacity {
	return {
		onSite: event.capacityOnSite,
		online: event.capacityOnline,
		perMunicipalityOnSite: event.perMunicipalityOnSite
	};
}

export interface SeatRow extends Seat {
	userId: string;
}

/** The event's sign-ups that hold or wait for a seat, in order of arrival. */
export async function activeSeats(tx: DbOrTx, eventId: string): Promise<SeatRow[]> {
	const rows = await tx
		.select({
			id: eventSignUps.id,
			userId: eventSignUps.userId,
			municipalityCode: eventSignUps.municipalityCode,
			mode: eventSignUps.mode,
			state: eventSignUps.state,
			seq: eventSignUps.seq
		})
		.from(eventSignUps)
		.where(and(eq(eventSignUps.eventId, eventId), ne(eventSignUps.state, 'cancelled')))
		.orderBy(eventSignUps.seq);
	return rows as SeatRow[];
}

/** A person as the eligibility rule sees them, with their municipality's membership of the season. */
export interface AttendeeFacts {
	userId: string;
	attendee: Attendee;
	membership: {
		municipalityCode: string;
		state: (typeof memberships.$inferSelect)['state'];
		onSiteGroups: (typeof memberships.$inferSelect)['onSiteGroups'];
	} | null;
}

/**
 * The facts the eligibility rule needs for these people at this season: positions (with
 * `contact_person` added for the person the membership names) and the membership.
 */
export async function attendeeFacts(
	tx: DbOrTx,
	seasonId: string,
	userIds: readonly string[]
): Promise<Map<string, AttendeeFacts>> {
	const facts = new Map<string, AttendeeFacts>();
	if (userIds.length === 0) return facts;
	const rows = await tx
		.select({
			userId: users.id,
			municipalityCode: users.municipalityCode,
			positions: users.positions,
			erasedAt: users.erasedAt,
			disabledAt: users.disabledAt,
			membershipState: memberships.state,
			onSiteGroups: memberships.onSiteGroups,
			contactPersonId: memberships.contactPersonId
		})
		.from(users)
		.leftJoin(
			memberships,
			and(
				eq(memberships.municipalityCode, users.municipalityCode),
				eq(memberships.seasonId, seasonId)
			)
		)
		.where(inArray(users.id, [...userIds]));
	for (const r of rows) {
		if (!r.municipalityCode || r.erasedAt || r.disabledAt) continue;
		const positions: Position[] = [...r.positions];
		if (r.contactPersonId === r.userId && !positions.includes('contact_person')) {
			positions.push('contact_person');
		}
		facts.set(r.userId, {
			userId: r.userId,
			attendee: { municipalityCode: r.municipalityCode, positions },
			membership: r.membershipState
				? {
						municipalityCode: r.municipalityCode,
						state: r.membershipState,
						onSiteGroups: r.onSiteGroups ?? []
					}
				: null
		});
	}
	return facts;
}

export function modesFor(event: EventRow, facts: AttendeeFacts | undefined) {
	if (!facts) return [];
	return eligibleModes(facts.attendee, facts.membership, {
		rule: DEFAULT_EVENT_TYPE_RULES[event.type],
		format: event.format
	});
}

/**
 * Gives free seats to those waiting, in order, passing over those whose municipality is at its
 * cap or who may no longer attend; then recounts the row. Returns the promoted sign-ups.
 */
export async function settleSeats(tx: Tx, event: EventRow, promote: boolean): Promise<SeatRow[]> {
	let promoted: SeatRow[] = [];
	if (promote) {
		const seats = await activeSeats(tx, event.id);
		const waiting = seats.filter((s) => s.state === 'waiting');
		if (waiting.length > 0) {
			const facts = await attendeeFacts(
				tx,
				event.seasonId,
				waiting.map((s) => s.userId)
			);
			const pass = promotions(capacityOf(event), seats, (seat) =>
				modesFor(event, facts.get(seat.userId)).includes(seat.mode)
			);
			promoted = pass.promoted;
			if (promoted.length > 0) {
				await tx
					.update(eventSignUps)
					.set({ state: 'confirmed', confirmedAt: sql`now()` })
					.where(
						inArray(
							eventSignUps.id,
							promoted.map((s) => s.id)
						)
					);
			}
		}
	}
	await recountSeats(tx, event.id);
	return promoted;
}

/** Recomputes the row's confirmed counts; the table's check refuses a count above capacity. */
export async function recountSeats(tx: Tx, eventId: string): Promise<void> {
	const count = (mode: 'on_site' | 'online') =>
		sql`(select count(*)::int from ${eventSignUps} s where s.event_id = ${eventId} and s.state = 'confirmed' and s.mode = ${mode})`;
	await tx
		.update(events)
		.set({ confirmedOnSite: count('on_site'), confirmedOnline: count('online') })
		.where(eq(events.id, eventId));
}
