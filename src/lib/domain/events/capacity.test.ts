import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	applyPromotions,
	confirmedCount,
	freeSeats,
	onSiteByMunicipality,
	placeSignUp,
	promotions,
	waitingPosition,
	type EventCapacity,
	type Seat
} from './capacity';
import { ATTENDANCE_MODES, type AttendanceMode } from './event-types';

const seat = (
	seq: number,
	municipalityCode: string,
	state: Seat['state'] = 'waiting',
	mode: AttendanceMode = 'on_site'
): Seat => ({ id: `s${seq}`, municipalityCode, mode, state, seq });

const ids = (seats: readonly Seat[]) => seats.map((s) => s.id);

describe('placing a sign-up', () => {
	const capacity: EventCapacity = { onSite: 2, online: null, perMunicipalityOnSite: null };

	it('confirms while seats are free, then puts people on the waiting list', () => {
		const seats = [seat(1, '785', 'confirmed')];
		expect(
			placeSignUp(capacity, seats, { id: 's2', municipalityCode: '205', mode: 'on_site', seq: 2 })
		).toBe('confirmed');
		const full = [...seats, seat(2, '205', 'confirmed')];
		expect(
			placeSignUp(capacity, full, { id: 's3', municipalityCode: '205', mode: 'on_site', seq: 3 })
		).toBe('waiting');
		expect(
			placeSignUp(capacity, full, { id: 's3', municipalityCode: '205', mode: 'online', seq: 3 })
		).toBe('confirmed');
	});

	it('puts a municipality at its cap on the waiting list though seats are free', () => {
		const capped = { ...capacity, onSite: 10, perMunicipalityOnSite: 1 };
		const seats = [seat(1, '785', 'confirmed')];
		expect(
			placeSignUp(capped, seats, { id: 's2', municipalityCode: '785', mode: 'on_site', seq: 2 })
		).toBe('waiting');
		expect(
			placeSignUp(capped, seats, { id: 's2', municipalityCode: '205', mode: 'on_site', seq: 2 })
		).toBe('confirmed');
	});

	it('does not let a newcomer past an eligible person already waiting', () => {
		// not settled: a seat is free and s2 waits for it
		const seats = [seat(1, '785', 'confirmed'), seat(2, '205')];
		expect(
			placeSignUp(capacity, seats, { id: 's3', municipalityCode: '091', mode: 'on_site', seq: 3 })
		).toBe('waiting');
	});
});

describe('promotion', () => {
	it('fills a freed seat with the first waiting, passing over a municipality at its cap', () => {
		const capacity: EventCapacity = { onSite: 3, online: null, perMunicipalityOnSite: 2 };
		const seats = [
			seat(1, '785', 'confirmed'),
			seat(2, '785', 'confirmed'),
			// s3 cancelled: one seat free
			seat(4, '785'),
			seat(5, '205'),
			seat(6, '091')
		];
		const pass = promotions(capacity, seats);
		expect(ids(pass.promoted)).toEqual(['s5']);
		expect(pass.passedOver).toEqual([{ seat: seats[2], reason: 'municipality_full' }]);
	});

	it('promotes in order when capacity rises, skipping those no longer eligible', () => {
		const capacity: EventCapacity = { onSite: 4, online: null, perMunicipalityOnSite: null };
		const seats = [
			seat(1, '785', 'confirmed'),
			seat(2, '785', 'confirmed'),
			seat(3, '205'),
			seat(4, '205'),
			seat(5, '091')
		];
		const pass = promotions(capacity, seats, (s) => s.id !== 's3');
		expect(ids(pass.promoted)).toEqual(['s4', 's5']);
		expect(pass.passedOver.map((p) => [p.seat.id, p.reason])).toEqual([['s3', 'not_eligible']]);
	});

	it('keeps each mode’s seats and waiting list apart', () => {
		const capacity: EventCapacity = { onSite: 1, online: 1, perMunicipalityOnSite: null };
		const seats = [
			seat(1, '785', 'confirmed', 'on_site'),
			seat(2, '785', 'waiting', 'on_site'),
			seat(3, '205', 'waiting', 'online'),
			seat(4, '205', 'waiting', 'online')
		];
		expect(ids(promotions(capacity, seats).promoted)).toEqual(['s3']);
		expect(freeSeats(capacity, seats, 'online')).toBe(1);
		expect(waitingPosition(seats, 's2')).toBe(1);
		expect(waitingPosition(seats, 's4')).toBe(2);
		expect(waitingPosition(seats, 's1')).toBeNull();
	});

	it('demotes no one when capacity is lowered below the confirmed', () => {
		const capacity: EventCapacity = { onSite: 1, online: null, perMunicipalityOnSite: null };
		const seats = [seat(1, '785', 'confirmed'), seat(2, '785', 'confirmed'), seat(3, '205')];
		expect(freeSeats(capacity, seats, 'on_site')).toBe(0);
		expect(promotions(capacity, seats).promoted).toEqual([]);
	});
});

// ---------------------------------------------------------------------------------------------
// Properties

const MUNICIPALITIES = ['785', '205', '091', '578'];
const limit = fc.option(fc.integer({ min: 0, max: 8 }), { freq: 4 });
const capacityArb = fc.record({
	onSite: limit,
	online: limit,
	perMunicipalityOnSite: fc.option(fc.integer({ min: 1, max: 4 }))
});
const ineligibleArb = fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 8 });

/** Any state, reachable or not (too many confirmed, caps broken). */
const seatsArb = fc
	.uniqueArray(
		fc.record({
			seq: fc.integer({ min: 0, max: 40 }),
			municipalityCode: fc.constantFrom(...MUNICIPALITIES),
			mode: fc.constantFrom(...ATTENDANCE_MODES),
			state: fc.constantFrom('confirmed' as const, 'waiting' as const)
		}),
		{ selector: (s) => s.seq, maxLength: 25 }
	)
	.map((list) => list.map((s): Seat => ({ ...s, id: `s${s.seq}` })));

const opArb = fc.oneof(
	{
		arbitrary: fc.record({
			kind: fc.constant('sign_up' as const),
			municipalityCode: fc.constantFrom(...MUNICIPALITIES),
			mode: fc.constantFrom(...ATTENDANCE_MODES)
		}),
		weight: 5
	},
	{
		arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
		weight: 2
	},
	{
		arbitrary: fc.record({
			kind: fc.constant('raise' as const),
			mode: fc.constantFrom(...ATTENDANCE_MODES),
			by: fc.integer({ min: 1, max: 3 })
		}),
		weight: 1
	}
);

type Op = typeof opArb extends fc.Arbitrary<infer O> ? O : never;

const limitOf = (c: EventCapacity, mode: AttendanceMode) =>
	(mode === 'on_site' ? c.onSite : c.online) ?? Number.POSITIVE_INFINITY;

/**
 * Runs the operations as the use cases will: a sign-up is placed, anything else is followed by
 * one promotion pass; calls `check` after each.
 */
function simulate(
	initial: EventCapacity,
	ops: readonly Op[],
	eligible: (s: Seat) => boolean,
	check: (capacity: EventCapacity, seats: Seat[]) => void
) {
	let capacity = initial;
	let seats: Seat[] = [];
	let next = 0;
	for (const op of ops) {
		if (op.kind === 'sign_up') {
			const request = {
				id: `s${next}`,
				municipalityCode: op.municipalityCode,
				mode: op.mode,
				seq: next
			};
			next++;
			seats = [...seats, { ...request, state: placeSignUp(capacity, seats, request, eligible) }];
		} else {
			if (op.kind === 'cancel') {
				if (seats.length === 0) continue;
				seats = seats.filter((_, i) => i !== op.pick % seats.length);
			} else {
				const key = op.mode === 'on_site' ? 'onSite' : 'online';
				const was = capacity[key];
				if (was !== null) capacity = { ...capacity, [key]: was + op.by };
			}
			seats = applyPromotions(seats, promotions(capacity, seats, eligible).promoted);
		}
		check(capacity, seats);
	}
}

describe('seats and waiting lists, for any run of sign-ups, cancellations and raises', () => {
	it('never confirms more than the capacity nor more than a municipality’s cap; leaves nothing to promote', () => {
		fc.assert(
			fc.property(
				capacityArb,
				fc.array(opArb, { maxLength: 60 }),
				ineligibleArb,
				(initial, ops, out) => {
					const eligible = (s: Seat) => !out.includes(s.seq);
					simulate(initial, ops, eligible, (capacity, seats) => {
						for (const mode of ATTENDANCE_MODES) {
							expect(confirmedCount(seats, mode)).toBeLessThanOrEqual(limitOf(capacity, mode));
						}
						for (const held of onSiteByMunicipality(seats).values()) {
							expect(held).toBeLessThanOrEqual(capacity.perMunicipalityOnSite ?? Infinity);
						}
						// settled: a second pass moves no one
						expect(promotions(capacity, seats, eligible).promoted).toEqual([]);
						// no one waits at a free seat unless their municipality is full or they may not come
						for (const mode of ATTENDANCE_MODES) {
							if (freeSeats(capacity, seats, mode) === 0) continue;
							for (const s of seats.filter((x) => x.mode === mode && x.state === 'waiting')) {
								const full =
									mode === 'on_site' &&
									(onSiteByMunicipality(seats).get(s.municipalityCode) ?? 0) >=
										(capacity.perMunicipalityOnSite ?? Infinity);
								expect(full || !eligible(s)).toBe(true);
							}
						}
					});
				}
			),
			{ numRuns: 300 }
		);
	});

	it('without caps, confirms exactly the first comers of each mode (first come, first served)', () => {
		fc.assert(
			fc.property(capacityArb, fc.array(opArb, { maxLength: 60 }), (initial, ops) => {
				simulate(
					{ ...initial, perMunicipalityOnSite: null },
					ops,
					() => true,
					(capacity, seats) => {
						for (const mode of ATTENDANCE_MODES) {
							const inMode = seats.filter((s) => s.mode === mode).sort((a, b) => a.seq - b.seq);
							const seatsFor = Math.min(limitOf(capacity, mode), inMode.length);
							expect(inMode.map((s) => s.state)).toEqual(
								inMode.map((_, i) => (i < seatsFor ? 'confirmed' : 'waiting'))
							);
						}
					}
				);
			}),
			{ numRuns: 300 }
		);
	});
});

describe('a promotion pass, on any state', () => {
	it('promotes in order of arrival, jumping only over those passed over with a reason', () => {
		fc.assert(
			fc.property(capacityArb, seatsArb, ineligibleArb, (capacity, seats, out) => {
				const pass = promotions(capacity, seats, (s) => !out.includes(s.seq));
				const passed = new Set(pass.passedOver.map((p) => p.seat.id));
				const promoted = new Set(ids(pass.promoted));
				expect(pass.promoted.map((s) => s.seq)).toEqual(
					pass.promoted.map((s) => s.seq).sort((a, b) => a - b)
				);
				for (const p of pass.promoted) {
					expect(p.state).toBe('waiting');
					for (const w of seats) {
						if (w.mode === p.mode && w.state === 'waiting' && w.seq < p.seq) {
							expect(promoted.has(w.id) || passed.has(w.id)).toBe(true);
						}
					}
				}
			}),
			{ numRuns: 500 }
		);
	});

	it('is idempotent: after applying it, a second pass promotes no one', () => {
		fc.assert(
			fc.property(capacityArb, seatsArb, ineligibleArb, (capacity, seats, out) => {
				const eligible = (s: Seat) => !out.includes(s.seq);
				const after = applyPromotions(seats, promotions(capacity, seats, eligible).promoted);
				expect(promotions(capacity, after, eligible).promoted).toEqual([]);
			}),
			{ numRuns: 500 }
		);
	});

	it('takes no more seats than are free and breaks no cap that held', () => {
		fc.assert(
			fc.property(capacityArb, seatsArb, (capacity, seats) => {
				const after = applyPromotions(seats, promotions(capacity, seats).promoted);
				for (const mode of ATTENDANCE_MODES) {
					expect(confirmedCount(after, mode)).toBeLessThanOrEqual(
						Math.max(limitOf(capacity, mode), confirmedCount(seats, mode))
					);
				}
				const before = onSiteByMunicipality(seats);
				for (const [code, held] of onSiteByMunicipality(after)) {
					expect(held).toBeLessThanOrEqual(
						Math.max(capacity.perMunicipalityOnSite ?? Infinity, before.get(code) ?? 0)
					);
				}
			}),
			{ numRuns: 500 }
		);
	});
});
