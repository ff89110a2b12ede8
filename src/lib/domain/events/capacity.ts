import type { AttendanceMode } from './event-types';

/**
 * Seats and waiting lists. Each mode (on site, online) has its own seats and its own waiting
 * list, first come first served by the order sign-ups arrived in; on site a municipality may
 * also be capped, so that one large town cannot take every seat.
 *
 * The rule is one pass, `promotions`: a new sign-up joins the end of its waiting list and is
 * confirmed if that pass promotes it, and a freed seat or a raised capacity runs the same pass.
 * The database keeps it true under concurrency: the use case locks the event's row, reads its
 * sign-ups, applies this rule and writes in the same transaction.
 */

export interface EventCapacity {
	/** Seats on site; null: no limit. */
	onSite: number | null;
	/** Seats online; null: no limit. */
	online: number | null;
	/** Confirmed on-site sign-ups one municipality may hold; null: no cap. */
	perMunicipalityOnSite: number | null;
}

export type SeatState = 'confirmed' | 'waiting';

/** A sign-up that holds or waits for a seat; cancelled sign-ups are not seats. */
export interface Seat {
	id: string;
	municipalityCode: string;
	mode: AttendanceMode;
	state: SeatState;
	/** Order of arrival (the sign-ups' sequence); unique within an event. */
	seq: number;
}

export type PassOverReason =
	/** Its municipality holds as many on-site seats as the cap allows. */
	| 'municipality_full'
	/** The person may no longer attend (e.g. the membership ended or a position changed). */
	| 'not_eligible';

export interface PromotionPass<S extends Seat> {
	/** To confirm, in the order they arrived. */
	promoted: S[];
	/** Waiting sign-ups reached while a seat was free but left waiting, and why. */
	passedOver: { seat: S; reason: PassOverReason }[];
}

const bySeq = (a: Seat, b: Seat) => a.seq - b.seq;

function seatLimit(capacity: EventCapacity, mode: AttendanceMode): number {
	const limit = mode === 'on_site' ? capacity.onSite : capacity.online;
	return limit ?? Number.POSITIVE_INFINITY;
}

/** Confirmed seats in a mode. */
export function confirmedCount(seats: readonly Seat[], mode: AttendanceMode): number {
	return seats.filter((s) => s.mode === mode && s.state === 'confirmed').length;
}

/** Confirmed on-site seats per municipality. */
export function onSiteByMunicipality(seats: readonly Seat[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const s of seats) {
		if (s.mode === 'on_site' && s.state === 'confirmed') {
			counts.set(s.municipalityCode, (counts.get(s.municipalityCode) ?? 0) + 1);
		}
	}
	return counts;
}

/** Free seats in a mode: never negative (a lowered capacity demotes no one); Infinity if unlimited. */
export function freeSeats(
	capacity: EventCapacity,
	seats: readonly Seat[],
	mode: AttendanceMode
): number {
	return Math.max(0, seatLimit(capacity, mode) - confirmedCount(seats, mode));
}

/**
 * Which waiting sign-ups take the free seats: in each mode, in order of arrival, passing over
 * those whose municipality is at its on-site cap and those `eligible` refuses, until the seats
 * run out. Those passed over keep their place for the next pass. Applying the result and
 * running it again promotes no one (given the same `eligible`).
 */
export function promotions<S extends Seat>(
	capacity: EventCapacity,
	seats: readonly S[],
	eligible: (seat: S) => boolean = () => true
): PromotionPass<S> {
	const promoted: S[] = [];
	const passedOver: PromotionPass<S>['passedOver'] = [];
	const perMunicipality = onSiteByMunicipality(seats);
	const cap = capacity.perMunicipalityOnSite ?? Number.POSITIVE_INFINITY;
	for (const mode of ['on_site', 'online'] as const) {
		let free = freeSeats(capacity, seats, mode);
		const waiting = seats.filter((s) => s.mode === mode && s.state === 'waiting').sort(bySeq);
		for (const seat of waiting) {
			if (free <= 0) break;
			const held = perMunicipality.get(seat.municipalityCode) ?? 0;
			if (mode === 'on_site' && held >= cap) {
				passedOver.push({ seat, reason: 'municipality_full' });
			} else if (!eligible(seat)) {
				passedOver.push({ seat, reason: 'not_eligible' });
			} else {
				promoted.push(seat);
				free--;
				if (mode === 'on_site') perMunicipality.set(seat.municipalityCode, held + 1);
			}
		}
	}
	return { promoted: promoted.sort(bySeq), passedOver };
}

/** The seats with the promoted ones confirmed. */
export function applyPromotions<S extends Seat>(
	seats: readonly S[],
	promoted: readonly Seat[]
): S[] {
	const ids = new Set(promoted.map((s) => s.id));
	return seats.map((s) => (ids.has(s.id) ? { ...s, state: 'confirmed' } : s));
}

/**
 * Where a new sign-up goes: confirmed if a seat is free to it, else the end of the waiting
 * list. `request.seq` must be greater than every existing one. In a settled event (one where
 * `promotions` finds no one) no other sign-up moves.
 */
export function placeSignUp<S extends Seat>(
	capacity: EventCapacity,
	seats: readonly S[],
	request: Omit<S, 'state'>,
	eligible?: (seat: S) => boolean
): SeatState {
	const newcomer = { ...request, state: 'waiting' } as S;
	const pass = promotions(capacity, [...seats, newcomer], eligible);
	return pass.promoted.some((s) => s.id === request.id) ? 'confirmed' : 'waiting';
}

/** 1 for the first in its mode's waiting list; null if the sign-up is not waiting. */
export function waitingPosition(seats: readonly Seat[], id: string): number | null {
	const seat = seats.find((s) => s.id === id);
	if (!seat || seat.state !== 'waiting') return null;
	return seats.filter((s) => s.mode === seat.mode && s.state === 'waiting' && s.seq <= seat.seq)
		.length;
}
