import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	entitlementLedger,
	isBillableExtra,
	ledgerBucket,
	placeProposal,
	takesEntitlement,
	type LedgerWorkshop
} from './entitlement';
import { CANCELLATIONS, WORKSHOP_STATES, type Cancellation } from './workshop-states';

const at = (iso: string) => new Date(iso);
const now = at('2024-05-15T09:00:00Z');

const held = (extra = false): LedgerWorkshop => ({
	state: 'held',
	cancellation: null,
	startsAt: at('2024-02-01T07:00:00Z'),
	extra
});
const agreedOn = (iso: string, extra = false): LedgerWorkshop => ({
	state: 'agreed',
	cancellation: null,
	startsAt: at(iso),
	extra
});
const proposed = (extra = false): LedgerWorkshop => ({
	state: 'proposed',
	cancellation: null,
	startsAt: null,
	extra
});
const cancelled = (cancellation: Cancellation, extra = false): LedgerWorkshop => ({
	state: 'cancelled',
	cancellation,
	startsAt: at('2024-04-01T06:00:00Z'),
	extra
});

describe('the ledger', () => {
	it('reads "3 held, 1 scheduled, 1 left"', () => {
		const ledger = entitlementLedger(
			5,
			[held(), held(), held(), agreedOn('2024-06-05T06:00:00Z')],
			now
		);
		expect(ledger).toMatchObject({ used: 3, planned: 1, left: 1, over: 0 });
		expect(ledger.counts).toEqual({
			held: 3,
			awaitingRecord: 0,
			lateCancelled: 0,
			scheduled: 1,
			proposed: 0
		});
	});

	it('counts a late cancellation by the municipality, not one in time nor the network’s', () => {
		const ledger = entitlementLedger(
			5,
			[
				cancelled('municipality_late'),
				cancelled('municipality_in_time'),
				cancelled('network'),
				held()
			],
			now
		);
		expect(ledger).toMatchObject({ used: 2, planned: 0, left: 3 });
		expect(ledger.counts.lateCancelled).toBe(1);
	});

	it('uses an agreed workshop whose start has passed though not yet marked held', () => {
		expect(ledgerBucket(agreedOn('2024-05-15T09:00:00Z'), now)).toBe('awaiting_record');
		expect(ledgerBucket(agreedOn('2024-05-15T09:00:01Z'), now)).toBe('scheduled');
		expect(entitlementLedger(5, [agreedOn('2024-05-01T06:00:00Z')], now)).toMatchObject({
			used: 1,
			planned: 0
		});
	});

	it('lets a proposal take its place at once', () => {
		expect(entitlementLedger(1, [proposed()], now)).toMatchObject({ planned: 1, left: 0 });
	});

	it('keeps extras apart: billable once held or cancelled late', () => {
		const five = [held(), held(), held(), held(), held()];
		const ledger = entitlementLedger(
			5,
			[
				...five,
				held(true),
				cancelled('municipality_late', true),
				cancelled('network', true),
				agreedOn('2024-06-05T06:00:00Z', true),
				proposed(true)
			],
			now
		);
		expect(ledger).toMatchObject({ used: 5, planned: 0, left: 0, over: 0, extraBillable: 2 });
		expect(ledger.extra).toEqual({
			held: 1,
			awaitingRecord: 0,
			lateCancelled: 1,
			scheduled: 1,
			proposed: 1
		});
		expect(isBillableExtra(held(true))).toBe(true);
		expect(isBillableExtra(cancelled('municipality_late', true))).toBe(true);
		expect(isBillableExtra(cancelled('municipality_in_time', true))).toBe(false);
		expect(isBillableExtra(agreedOn('2024-05-01T06:00:00Z', true))).toBe(false);
		expect(isBillableExtra(held())).toBe(false);
	});

	it('shows what is over when the entitlement was lowered, never a negative left', () => {
		expect(entitlementLedger(3, [held(), held(), held(), proposed()], now)).toMatchObject({
			used: 3,
			planned: 1,
			left: 0,
			over: 1
		});
	});

	it('refuses an entitlement that is not a whole number of at least 0', () => {
		expect(() => entitlementLedger(-1, [], now)).toThrow(RangeError);
		expect(() => entitlementLedger(2.5, [], now)).toThrow(RangeError);
	});
});

describe('placing a proposal', () => {
	it('takes a place while one is left, then refuses the sixth unless asked as an extra', () => {
		const four = entitlementLedger(5, [held(), held(), held(), held()], now);
		expect(placeProposal(four, { asExtra: false })).toEqual({ ok: true, extra: false });
		expect(placeProposal(four, { asExtra: true })).toEqual({
			ok: false,
			reason: 'extra_not_needed'
		});
		const five = entitlementLedger(5, [held(), held(), held(), held(), proposed()], now);
		expect(placeProposal(five, { asExtra: false })).toEqual({
			ok: false,
			reason: 'entitlement_used'
		});
		expect(placeProposal(five, { asExtra: true })).toEqual({ ok: true, extra: true });
	});

	it('gives a place back when the network cancels', () => {
		const before = entitlementLedger(5, [held(), held(), held(), held(), proposed()], now);
		const after = entitlementLedger(5, [held(), held(), held(), held(), cancelled('network')], now);
		expect([before.left, after.left]).toEqual([0, 1]);
	});
});

describe('the ledger’s invariants', () => {
	const instant = fc.date({
		min: at('2023-01-01T00:00:00Z'),
		max: at('2025-12-31T00:00:00Z'),
		noInvalidDate: true
	});
	const workshop = (extra: fc.Arbitrary<boolean>): fc.Arbitrary<LedgerWorkshop> =>
		fc
			.record({
				state: fc.constantFrom(...WORKSHOP_STATES),
				cancellation: fc.constantFrom(...CANCELLATIONS),
				startsAt: fc.option(instant),
				extra
			})
			.map((w) => ({ ...w, cancellation: w.state === 'cancelled' ? w.cancellation : null }));

	it('never leaves a negative number; used + planned + left = entitlement + over', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 10 }),
				fc.array(workshop(fc.boolean()), { maxLength: 20 }),
				instant,
				(entitlement, workshops, at) => {
					const l = entitlementLedger(entitlement, workshops, at);
					expect(l.left).toBeGreaterThanOrEqual(0);
					expect(l.over).toBeGreaterThanOrEqual(0);
					expect(l.left === 0 || l.over === 0).toBe(true);
					expect(l.used + l.planned + l.left).toBe(entitlement + l.over);
				}
			)
		);
	});

	it('adds up to the entitlement without extras while the rules were kept', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 10 }),
				fc.array(workshop(fc.constant(false)), { maxLength: 20 }),
				instant,
				(entitlement, all, at) => {
					const taking = all.filter((w) => takesEntitlement(ledgerBucket(w, at)));
					const kept = [
						...all.filter((w) => !takesEntitlement(ledgerBucket(w, at))),
						...taking.slice(0, entitlement)
					];
					const l = entitlementLedger(entitlement, kept, at);
					expect(l.used + l.planned + l.left).toBe(entitlement);
					expect(l.over).toBe(0);
				}
			)
		);
	});

	it('is not moved by extras', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 10 }),
				fc.array(workshop(fc.constant(false)), { maxLength: 15 }),
				fc.array(workshop(fc.constant(true)), { maxLength: 15 }),
				instant,
				(entitlement, within, extras, at) => {
					const without = entitlementLedger(entitlement, within, at);
					const withExtras = entitlementLedger(entitlement, [...within, ...extras], at);
					expect({ ...withExtras, extra: null, extraBillable: null }).toEqual({
						...without,
						extra: null,
						extraBillable: null
					});
					expect(withExtras.extraBillable).toBe(extras.filter(isBillableExtra).length);
				}
			)
		);
	});

	it('never lets proposals placed one by one take more than the entitlement', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 8 }),
				fc.array(fc.boolean(), { maxLength: 20 }),
				(entitlement, requests) => {
					const workshops: LedgerWorkshop[] = [];
					for (const asExtra of requests) {
						const ledger = entitlementLedger(entitlement, workshops, now);
						const placed = placeProposal(ledger, { asExtra });
						expect(placed.ok).toBe(asExtra ? ledger.left === 0 : ledger.left > 0);
						if (placed.ok) workshops.push(proposed(placed.extra));
					}
					const final = entitlementLedger(entitlement, workshops, now);
					expect(final.over).toBe(0);
					expect(final.planned).toBeLessThanOrEqual(entitlement);
					if (final.extra.proposed > 0) expect(final.left).toBe(0);
				}
			)
		);
	});
});
