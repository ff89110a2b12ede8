import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	checkManualAllocation,
	matchingReference,
	matchPayment,
	matchPayments,
	openCentsOf,
	reminderDay,
	type IncomingPayment
} from './payment-matching';
import { createNationalReference, createRfReference } from './reference-number';

const national = (base: string) => {
	const r = createNationalReference(base);
	if (!r.ok) throw new Error(r.problem);
	return r.value;
};
const rf = (nat: string) => {
	const r = createRfReference(nat);
	if (!r.ok) throw new Error(r.problem);
	return r.value;
};

// Vaala's 2024 fee: 9 000 € + 25,5 % VAT.
const VAALA = national('2024000001');
const KAJAANI = national('2024000002');

describe('matchPayment', () => {
	it('allocates an exact payment and leaves nothing', () => {
		expect(matchPayment(1_129_500, 1_129_500)).toEqual({
			outcome: 'exact',
			allocatedCents: 1_129_500,
			unallocatedCents: 0
		});
	});

	it('allocates all of a partial payment', () => {
		expect(matchPayment(500_000, 1_129_500)).toEqual({
			outcome: 'partly',
			allocatedCents: 500_000,
			unallocatedCents: 0
		});
	});

	it('allocates up to the open amount of an overpayment and lists the rest', () => {
		expect(matchPayment(1_130_000, 1_129_500)).toEqual({
			outcome: 'over',
			allocatedCents: 1_129_500,
			unallocatedCents: 500
		});
	});

	it('lists a payment to an invoice already paid as over, nothing allocated', () => {
		expect(matchPayment(100, 0)).toEqual({
			outcome: 'over',
			allocatedCents: 0,
			unallocatedCents: 100
		});
	});

	it('lists an unknown reference whole', () => {
		expect(matchPayment(100, null)).toEqual({
			outcome: 'unknown',
			allocatedCents: 0,
			unallocatedCents: 100
		});
	});
});

describe('matchingReference', () => {
	it('reads an RF reference made in Finland as its national reference', () => {
		expect(matchingReference({ kind: 'rf', value: rf(VAALA) })).toBe(VAALA);
		expect(matchingReference({ kind: 'national', value: VAALA })).toBe(VAALA);
		expect(matchingReference(null)).toBeNull();
	});

	it('finds no national reference in an RF made of letters', () => {
		// ISO 11649's own example
		expect(matchingReference({ kind: 'rf', value: 'RF18539007547034' })).toBeNull();
		expect(matchingReference({ kind: 'rf', value: 'RF712348231' })).toBeNull();
	});
});

describe('matchPayments', () => {
	it('matches a file in order: the second payment of an invoice finds what the first left', () => {
		const open = new Map([
			[VAALA, 1_129_500],
			[KAJAANI, 200_000]
		]);
		const result = matchPayments(
			[
				{ amountCents: 1_000_000, reference: { kind: 'national', value: VAALA } },
				{ amountCents: 200_000, reference: { kind: 'rf', value: rf(VAALA) } },
				{ amountCents: 200_000, reference: { kind: 'national', value: KAJAANI } },
				{ amountCents: 5_000, reference: null }
			],
			open
		);
		expect(result.map((r) => [r.outcome, r.allocatedCents, r.unallocatedCents])).toEqual([
			['partly', 1_000_000, 0],
			['over', 129_500, 70_500],
			['exact', 200_000, 0],
			['unknown', 0, 5_000]
		]);
		expect(open.get(VAALA)).toBe(1_129_500);
	});

	const references = [VAALA, KAJAANI, national('2024000003')];
	const payment = fc.record({
		amountCents: fc.integer({ min: 1, max: 5_000_000 }),
		reference: fc.oneof(
			fc.constant(null),
			fc.constantFrom(...references).map((value) => ({ kind: 'national' as const, value })),
			fc.constantFrom(...references).map((value) => ({ kind: 'rf' as const, value: rf(value) }))
		)
	});
	const openAmounts = fc
		.tuple(
			fc.integer({ min: 0, max: 3_000_000 }),
			fc.integer({ min: 0, max: 3_000_000 }),
			fc.boolean()
		)
		.map(
			([a, b, third]) =>
				new Map([[VAALA, a], [KAJAANI, b], ...(third ? [[references[2]!, 10_000] as const] : [])])
		);

	it('never allocates more than a payment nor more than an invoice has open; nothing is lost', () => {
		fc.assert(
			fc.property(fc.array(payment, { maxLength: 12 }), openAmounts, (payments, open) => {
				const result = matchPayments(payments as IncomingPayment[], open);
				const allocatedTo = new Map<string, number>();
				result.forEach((r, i) => {
					expect(r.allocatedCents).toBeGreaterThanOrEqual(0);
					expect(r.unallocatedCents).toBeGreaterThanOrEqual(0);
					expect(r.allocatedCents + r.unallocatedCents).toBe(payments[i]!.amountCents);
					if (r.invoiceReference === null) expect(r.allocatedCents).toBe(0);
					else
						allocatedTo.set(
							r.invoiceReference,
							(allocatedTo.get(r.invoiceReference) ?? 0) + r.allocatedCents
						);
				});
				for (const [reference, cents] of allocatedTo) {
					expect(cents).toBeLessThanOrEqual(open.get(reference)!);
				}
			})
		);
	});
});

describe('checkManualAllocation', () => {
	it('takes a positive amount within the payment and the invoice', () => {
		expect(
			checkManualAllocation({ amountCents: 100, paymentLeftCents: 100, invoiceOpenCents: 100 })
		).toBeNull();
		expect(
			checkManualAllocation({ amountCents: 0, paymentLeftCents: 100, invoiceOpenCents: 100 })
		).toBe('not_positive');
		expect(
			checkManualAllocation({ amountCents: 101, paymentLeftCents: 100, invoiceOpenCents: 200 })
		).toBe('exceeds_payment');
		expect(
			checkManualAllocation({ amountCents: 101, paymentLeftCents: 200, invoiceOpenCents: 100 })
		).toBe('exceeds_invoice');
	});

	it('is open for what is neither paid nor credited, never negative', () => {
		expect(openCentsOf({ grossCents: 1000, paidCents: 300, creditedCents: 200 })).toBe(500);
		expect(openCentsOf({ grossCents: 1000, paidCents: 1000, creditedCents: 200 })).toBe(0);
	});
});

describe('reminderDay', () => {
	it('is a week after the due date, across months and years', () => {
		expect(reminderDay('2024-10-31')).toBe('2024-11-07');
		expect(reminderDay('2024-12-28')).toBe('2025-01-04');
	});
});
