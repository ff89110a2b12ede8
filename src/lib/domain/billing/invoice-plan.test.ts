import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueDateOf, planMemberInvoices, type MemberBillingFacts } from './invoice-plan';

const facts = (over: Partial<MemberBillingFacts> = {}): MemberBillingFacts => ({
	kinds: ['fee', 'travel', 'extra'],
	year: 2024,
	invoiceDate: '2024-01-15',
	generalVatBasisPoints: 2400,
	hasBillingDetails: true,
	population: 2_900,
	feeTier: { yearlyFeeCents: 900_000, vatTreatment: 'vat_standard' },
	feeAlreadyBilled: false,
	travel: [],
	extras: [],
	extraWorkshopFeeCents: null,
	...over
});

describe('what a member is billed in a run', () => {
	it('bills Vaala its 9 000 € fee with 24 % VAT for the year', () => {
		const plan = planMemberInvoices(facts());
		expect(plan.ok).toBe(true);
		if (!plan.ok) return;
		expect(plan.invoices).toHaveLength(1);
		const [fee] = plan.invoices;
		expect(fee!.kind).toBe('fee');
		expect(fee!.totals).toMatchObject({
			netCents: 900_000,
			vatCents: 216_000,
			grossCents: 1_116_000
		});
		expect(fee!.lines[0]).toMatchObject({
			periodStart: '2024-01-01',
			periodEnd: '2024-12-31',
			text: { key: 'fee', year: 2024 }
		});
		expect(plan.nothing).toEqual([
			{ kind: 'travel', reason: 'nothing_to_bill' },
			{ kind: 'extra', reason: 'nothing_to_bill' }
		]);
	});

	it('bills a VAT-exempt tier under category E with its exemption reason', () => {
		const plan = planMemberInvoices(
			facts({ feeTier: { yearlyFeeCents: 900_000, vatTreatment: 'vat_exempt' } })
		);
		expect(plan.ok && plan.invoices[0]!.totals).toMatchObject({ vatCents: 0, grossCents: 900_000 });
		expect(plan.ok && plan.invoices[0]!.lines[0]).toMatchObject({
			vatCategory: 'E',
			vatBasisPoints: 0,
			exemptionReason: 'VATEX-EU-132'
		});
	});

	it('names every reason a member cannot be invoiced yet, and bills nothing', () => {
		expect(
			planMemberInvoices(
				facts({
					hasBillingDetails: false,
					generalVatBasisPoints: null,
					population: null,
					extras: [{ workshopId: 'w', day: '2024-04-10' }]
				})
			)
		).toEqual({
			ok: false,
			blockers: ['no_billing_details', 'no_vat_rate', 'no_population', 'no_extra_fee']
		});
		expect(planMemberInvoices(facts({ feeTier: null }))).toEqual({
			ok: false,
			blockers: ['no_fee_tier']
		});
	});

	it('does not ask for a fee tier when the year is billed already', () => {
		const plan = planMemberInvoices(
			facts({ kinds: ['fee'], feeTier: null, feeAlreadyBilled: true })
		);
		expect(plan).toEqual({
			ok: true,
			invoices: [],
			nothing: [{ kind: 'fee', reason: 'already_billed' }]
		});
	});

	it('bills travel parts and extras as their own invoices, a line each, at the general rate', () => {
		const plan = planMemberInvoices(
			facts({
				kinds: ['travel', 'extra'],
				generalVatBasisPoints: 2550,
				travel: [
					{
						journeyId: 'b',
						netCents: 4_321,
						day: '2024-05-02',
						fromPlace: 'Oulu',
						toPlace: 'Vaala'
					},
					{
						journeyId: 'a',
						netCents: 10_000,
						day: '2024-04-10',
						fromPlace: 'Helsinki',
						toPlace: 'Vaala'
					}
				],
				extras: [{ workshopId: 'w1', day: '2024-06-01' }],
				extraWorkshopFeeCents: 150_000
			})
		);
		expect(plan.ok).toBe(true);
		if (!plan.ok) return;
		const [travel, extra] = plan.invoices;
		expect(travel!.lines.map((l) => l.journeyId)).toEqual(['a', 'b']);
		expect(travel!.totals).toMatchObject({ netCents: 14_321, vatCents: 3_652 });
		expect(extra!.lines[0]).toMatchObject({ workshopId: 'w1', unitPriceCents: 150_000 });
		expect(extra!.totals.vatCents).toBe(38_250);
	});

	it('always gives invoices whose lines add up to their totals', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 0, max: 5_000_000 }), { maxLength: 8 }),
				fc.integer({ min: 0, max: 5_000_000 }),
				fc.constantFrom(2400, 2550, 1000, 1400),
				(travel, fee, vat) => {
					const plan = planMemberInvoices(
						facts({
							generalVatBasisPoints: vat,
							feeTier: { yearlyFeeCents: fee, vatTreatment: 'vat_standard' },
							travel: travel.map((netCents, i) => ({
								journeyId: `j${i}`,
								netCents,
								day: '2024-04-10',
								fromPlace: 'A',
								toPlace: 'B'
							}))
						})
					);
					expect(plan.ok).toBe(true);
					for (const inv of plan.ok ? plan.invoices : []) {
						expect(inv.totals.netCents).toBe(inv.lines.reduce((s, l) => s + l.unitPriceCents, 0));
						expect(inv.totals.grossCents).toBe(inv.totals.netCents + inv.totals.vatCents);
					}
				}
			)
		);
	});

	it('counts the due date in calendar days, over a month and a year end', () => {
		expect(dueDateOf('2024-01-15', 14)).toBe('2024-01-29');
		expect(dueDateOf('2024-02-20', 14)).toBe('2024-03-05');
		expect(dueDateOf('2024-12-25', 14)).toBe('2025-01-08');
	});
});
