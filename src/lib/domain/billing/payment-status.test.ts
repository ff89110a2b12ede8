import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	checkLedger,
	FINNISH_REFERENCE_RATES,
	paymentStatusOn,
	penaltyInterest,
	penaltyRateOn,
	type InvoiceLedger
} from './payment-status';

// Vaala's 2024 fee: 9 000 € + 25,5 % VAT, due 31.10.2024.
const vaala: InvoiceLedger = {
	grossCents: 1_129_500,
	dueDate: '2024-10-31',
	payments: [],
	credits: []
};
const paid = (day: string, amountCents: number) => ({ day, amountCents });

describe('paymentStatusOn', () => {
	it('is open until the due date and overdue after it', () => {
		expect(paymentStatusOn(vaala, '2024-10-31')).toEqual({
			status: 'open',
			paidCents: 0,
			creditedCents: 0,
			openCents: 1_129_500,
			overpaidCents: 0,
			daysOverdue: 0
		});
		expect(paymentStatusOn(vaala, '2024-11-14')).toMatchObject({
			status: 'overdue',
			daysOverdue: 14
		});
	});

	it('is partly paid, then overdue with the rest open, then paid', () => {
		const ledger = {
			...vaala,
			payments: [paid('2024-10-15', 500_000), paid('2024-11-20', 629_500)]
		};
		expect(paymentStatusOn(ledger, '2024-10-20')).toMatchObject({
			status: 'partly_paid',
			paidCents: 500_000,
			openCents: 629_500
		});
		expect(paymentStatusOn(ledger, '2024-11-01')).toMatchObject({
			status: 'overdue',
			openCents: 629_500,
			daysOverdue: 1
		});
		expect(paymentStatusOn(ledger, '2024-11-20')).toMatchObject({
			status: 'paid',
			openCents: 0,
			daysOverdue: 0
		});
	});

	it('counts what came in beyond the invoice as overpaid', () => {
		const ledger = {
			...vaala,
			payments: [paid('2024-10-15', 1_129_500), paid('2024-10-16', 1_129_500)]
		};
		expect(paymentStatusOn(ledger, '2024-12-01')).toMatchObject({
			status: 'paid',
			overpaidCents: 1_129_500
		});
	});

	it('is credited when credit notes cover it, and paid when a credit and payments do', () => {
		expect(
			paymentStatusOn({ ...vaala, credits: [paid('2024-10-05', 1_129_500)] }, '2025-01-01')
		).toMatchObject({
			status: 'credited',
			openCents: 0
		});
		const partly = { ...vaala, credits: [paid('2024-10-05', 129_500)] };
		expect(paymentStatusOn(partly, '2024-10-06')).toMatchObject({
			status: 'open',
			openCents: 1_000_000
		});
		expect(
			paymentStatusOn({ ...partly, payments: [paid('2024-10-30', 1_000_000)] }, '2024-10-30')
		).toMatchObject({ status: 'paid', creditedCents: 129_500, paidCents: 1_000_000 });
		// Paid first, credited afterwards: the credited amount is to be refunded.
		expect(
			paymentStatusOn(
				{
					...vaala,
					payments: [paid('2024-10-30', 1_129_500)],
					credits: [paid('2024-11-05', 1_129_500)]
				},
				'2024-11-05'
			)
		).toMatchObject({ status: 'credited', overpaidCents: 1_129_500 });
	});

	it('counts only what is dated on or before the day', () => {
		const ledger = { ...vaala, payments: [paid('2024-11-03', 1_129_500)] };
		expect(paymentStatusOn(ledger, '2024-11-02').status).toBe('overdue');
		expect(paymentStatusOn(ledger, '2024-11-03').status).toBe('paid');
	});

	it('always accounts for every cent', () => {
		const entry = fc.record({
			day: fc
				.integer({ min: 0, max: 120 })
				.map((d) => new Date(Date.UTC(2024, 8, 1 + d)).toISOString().slice(0, 10)),
			amountCents: fc.integer({ min: 1, max: 2_000_000 })
		});
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 2_000_000 }),
				fc.array(entry, { maxLength: 5 }),
				fc.array(entry, { maxLength: 2 }),
				fc.integer({ min: 0, max: 150 }),
				(grossCents, payments, credits, offset) => {
					const ledger = { grossCents, dueDate: '2024-10-31', payments, credits };
					const day = new Date(Date.UTC(2024, 8, 1 + offset)).toISOString().slice(0, 10);
					const s = paymentStatusOn(ledger, day);
					expect(s.paidCents + s.creditedCents + s.openCents - s.overpaidCents).toBe(grossCents);
					expect(s.openCents === 0 || s.overpaidCents === 0).toBe(true);
					expect(['paid', 'credited'].includes(s.status)).toBe(s.openCents === 0);
					expect(s.status === 'overdue').toBe(s.openCents > 0 && day > ledger.dueDate);
				}
			)
		);
	});
});

describe('checkLedger', () => {
	it('accepts a sound ledger', () => {
		expect(
			checkLedger({ ...vaala, payments: [paid('2024-10-15', 1)], credits: [paid('2024-10-16', 1)] })
		).toEqual([]);
	});

	it('refuses negative credits and other nonsense', () => {
		expect(
			checkLedger({
				grossCents: 0,
				dueDate: '2024-02-30',
				payments: [paid('2024-10-15', 0), paid('15.10.2024', 1)],
				credits: [paid('2024-10-16', -100), paid('2024-10-16', 0.5)]
			})
		).toEqual([
			{ kind: 'gross_not_positive' },
			{ kind: 'bad_date', day: '2024-02-30' },
			{ kind: 'bad_date', day: '15.10.2024' },
			{ kind: 'payment_not_positive', index: 0 },
			{ kind: 'credit_not_positive', index: 0 },
			{ kind: 'credit_not_positive', index: 1 }
		]);
		expect(
			checkLedger({
				...vaala,
				credits: [paid('2024-10-05', 1_000_000), paid('2024-10-06', 129_501)]
			})
		).toEqual([{ kind: 'credits_exceed_invoice' }]);
	});
});

describe('penalty interest', () => {
	const thousand: InvoiceLedger = {
		grossCents: 100_000,
		dueDate: '2024-03-01',
		payments: [],
		credits: []
	};

	it('is the reference rate plus 7 points (4 §) or 8 points (4 a §)', () => {
		// 1.1.–30.6.2024: reference 4,5 %, so 11,5 % and 12,5 % (Bank of Finland).
		expect(
			penaltyRateOn(FINNISH_REFERENCE_RATES, { kind: 'interest_act_4' }, '2024-03-02')
		).toEqual({ basisPoints: 1150 });
		expect(
			penaltyRateOn(FINNISH_REFERENCE_RATES, { kind: 'interest_act_4a' }, '2024-03-02')
		).toEqual({ basisPoints: 1250 });
		// 1.1.–30.6.2023: reference 2,5 %, so 9,5 % and 10,5 % (notice 1276/2022).
		expect(
			penaltyRateOn(FINNISH_REFERENCE_RATES, { kind: 'interest_act_4' }, '2023-06-30')
		).toEqual({ basisPoints: 950 });
		expect(
			penaltyRateOn(FINNISH_REFERENCE_RATES, { kind: 'fixed', basisPoints: 1600 }, '2099-01-01')
		).toEqual({ basisPoints: 1600 });
		expect(
			penaltyRateOn(FINNISH_REFERENCE_RATES, { kind: 'interest_act_4' }, '2022-12-31')
		).toEqual({ missing: '2022-07-01' });
	});

	it('runs from the day after the due date to the day of payment, actual/365', () => {
		// 1 000 € paid 30 days late at 11,5 %: 1 000 × 0,115 × 30 / 365 = 9,452… → 9,45 €.
		const late = { ...thousand, payments: [paid('2024-03-31', 100_000)] };
		const result = penaltyInterest(late, '2024-04-30', FINNISH_REFERENCE_RATES, {
			kind: 'interest_act_4'
		});
		expect(result).toEqual({
			ok: true,
			value: {
				cents: 945,
				periods: [
					{
						from: '2024-03-02',
						to: '2024-03-31',
						days: 30,
						balanceCents: 100_000,
						basisPoints: 1150
					}
				]
			}
		});
	});

	it('is nothing when paid by the due date', () => {
		const onTime = { ...thousand, payments: [paid('2024-03-01', 100_000)] };
		expect(
			penaltyInterest(onTime, '2024-12-31', FINNISH_REFERENCE_RATES, { kind: 'interest_act_4a' })
		).toEqual({
			ok: true,
			value: { cents: 0, periods: [] }
		});
	});

	it('follows the rate of each half-year and the balance after part payments', () => {
		// Due 21.12.2024, 1 000 €: 10 days of December at 11,5 %, then 10 days of January 2025
		// at 10,5 % (reference 3,5 %), 500 € paid on 10.1., the rest on 20.1.
		const ledger: InvoiceLedger = {
			grossCents: 100_000,
			dueDate: '2024-12-21',
			payments: [paid('2025-01-10', 50_000), paid('2025-01-20', 50_000)],
			credits: []
		};
		const result = penaltyInterest(ledger, '2025-02-01', FINNISH_REFERENCE_RATES, {
			kind: 'interest_act_4'
		});
		expect(result.ok && result.value.periods).toEqual([
			{ from: '2024-12-22', to: '2024-12-31', days: 10, balanceCents: 100_000, basisPoints: 1150 },
			{ from: '2025-01-01', to: '2025-01-10', days: 10, balanceCents: 100_000, basisPoints: 1050 },
			{ from: '2025-01-11', to: '2025-01-20', days: 10, balanceCents: 50_000, basisPoints: 1050 }
		]);
		// (100 000 × 1150 × 10 + 100 000 × 1050 × 10 + 50 000 × 1050 × 10) / 3 650 000 = 746,57…
		expect(result.ok && result.value.cents).toBe(747);
	});

	it('refuses a half-year without a confirmed reference rate rather than guess', () => {
		const result = penaltyInterest(thousand, '2026-07-15', FINNISH_REFERENCE_RATES, {
			kind: 'interest_act_4'
		});
		expect(result).toEqual({
			ok: false,
			problem: { kind: 'no_reference_rate', halfYear: '2026-07-01' }
		});
	});

	it('refuses a damaged ledger', () => {
		expect(
			penaltyInterest(
				{ ...thousand, credits: [paid('2024-03-05', -5)] },
				'today',
				FINNISH_REFERENCE_RATES,
				{ kind: 'interest_act_4' }
			)
		).toEqual({
			ok: false,
			problem: {
				kind: 'ledger',
				problems: [
					{ kind: 'credit_not_positive', index: 0 },
					{ kind: 'bad_date', day: 'today' }
				]
			}
		});
	});

	it('never decreases as days pass, and grows no faster than the full balance at the highest rate', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 10_000_000 }),
				fc.integer({ min: 0, max: 400 }),
				fc.integer({ min: 0, max: 400 }),
				(grossCents, a, b) => {
					const ledger = { grossCents, dueDate: '2024-01-15', payments: [], credits: [] };
					const day = (n: number) => new Date(Date.UTC(2024, 0, 15 + n)).toISOString().slice(0, 10);
					const [early, late] = [Math.min(a, b), Math.max(a, b)];
					const interest = (n: number) => {
						const r = penaltyInterest(ledger, day(n), FINNISH_REFERENCE_RATES, {
							kind: 'interest_act_4a'
						});
						if (!r.ok) throw new Error(JSON.stringify(r.problem));
						return r.value.cents;
					};
					expect(interest(late)).toBeGreaterThanOrEqual(interest(early));
					expect(interest(late)).toBeLessThanOrEqual(
						Math.ceil((grossCents * 1250 * late) / 3_650_000)
					);
				}
			)
		);
	});
});
