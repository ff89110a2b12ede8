import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	checkInvoiceLines,
	creditNote,
	invoiceTotals,
	creditedLines,
	remainingCreditSelection,
	scaledQuantity,
	type CreditNote,
	type InvoiceLine,
	type InvoiceTotals
} from './invoice-totals';
import { vatOf } from './vat';

const fee = (euros: number, bp: number): InvoiceLine => ({
	quantity: 1,
	unitPriceCents: euros * 100,
	vatCategory: 'S',
	vatBasisPoints: bp
});
const travel = (cents: number, quantity = 1): InvoiceLine => ({
	quantity,
	unitPriceCents: cents,
	vatCategory: 'S',
	vatBasisPoints: 2550
});

function totals(lines: InvoiceLine[]): InvoiceTotals {
	const result = invoiceTotals(lines);
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.value;
}

function credit(
	original: InvoiceLine[],
	earlier: CreditNote[],
	selection = remainingCreditSelection(original, earlier)
): CreditNote {
	const result = creditNote(original, earlier, selection);
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	return result.value;
}

describe('invoiceTotals', () => {
	it('bills Vaala’s 9 000 € fee with 24 % VAT in 2023 and 25,5 % in 2024', () => {
		expect(totals([fee(9_000, 2400)])).toEqual({
			lineNetCents: [900_000],
			breakdown: [
				{
					vatCategory: 'S',
					vatBasisPoints: 2400,
					taxableCents: 900_000,
					vatCents: 216_000,
					exemptionReason: null,
					remainderCents: 0
				}
			],
			netCents: 900_000,
			vatCents: 216_000,
			grossCents: 1_116_000
		});
		expect(totals([fee(9_000, 2550)]).grossCents).toBe(1_129_500);
	});

	it('rounds VAT once per group (BR-CO-17), not per line', () => {
		// Three 1,00 € lines at 25,5 %: per line 0,255 → 0,26 would make 0,78; the group's
		// 3,00 € × 25,5 % = 0,765 → 0,77.
		const t = totals([travel(100), travel(100), travel(100)]);
		expect(t.breakdown).toHaveLength(1);
		expect(t.vatCents).toBe(77);
		expect(t.grossCents).toBe(377);
	});

	it('rounds each line net to the cent: quantity × price', () => {
		// 2,5 km × 0,57 € = 1,425 € → 1,43; 0,3333 × 10,00 € = 3,333 → 3,33.
		const t = totals([travel(57, 2.5), travel(1_000, 0.3333)]);
		expect(t.lineNetCents).toEqual([143, 333]);
		expect(t.netCents).toBe(476);
	});

	it('keeps a breakdown group per category and rate, in a fixed order', () => {
		const t = totals([
			travel(10_000),
			{
				quantity: 1,
				unitPriceCents: 5_000,
				vatCategory: 'E',
				vatBasisPoints: 0,
				exemptionReason: 'VATEX-EU-132'
			},
			fee(100, 2400),
			{ quantity: 2, unitPriceCents: 1_000, vatCategory: 'Z', vatBasisPoints: 0 },
			travel(2_000)
		]);
		expect(
			t.breakdown.map((g) => [g.vatCategory, g.vatBasisPoints, g.taxableCents, g.vatCents])
		).toEqual([
			['S', 2400, 10_000, 2_400],
			['S', 2550, 12_000, 3_060],
			['Z', 0, 2_000, 0],
			['E', 0, 5_000, 0]
		]);
		expect(t.breakdown[3]!.exemptionReason).toBe('VATEX-EU-132');
		expect(t.netCents).toBe(29_000);
		expect(t.vatCents).toBe(5_460);
	});

	it('takes an invoice not subject to VAT, with its reason and no rate', () => {
		const t = totals([
			{
				quantity: 1,
				unitPriceCents: 900_000,
				vatCategory: 'O',
				vatBasisPoints: null,
				exemptionReason: 'VATEX-EU-O'
			}
		]);
		expect(t.breakdown).toEqual([
			{
				vatCategory: 'O',
				vatBasisPoints: null,
				taxableCents: 900_000,
				vatCents: 0,
				exemptionReason: 'VATEX-EU-O',
				remainderCents: 0
			}
		]);
		expect(t.grossCents).toBe(900_000);
	});

	it('names what EN 16931 would refuse', () => {
		expect(checkInvoiceLines([])).toEqual([{ kind: 'no_lines' }]);
		expect(
			checkInvoiceLines([
				{ ...travel(100), quantity: 1.00001 },
				{ ...travel(100), unitPriceCents: -100 },
				{ ...travel(100), unitPriceCents: 1.5 },
				{ ...travel(100), vatBasisPoints: 0 },
				{ ...travel(100), vatCategory: 'Z' },
				{ ...travel(100), vatCategory: 'E', vatBasisPoints: 0 },
				{ ...travel(100), exemptionReason: 'VATEX-EU-132' },
				{ ...travel(100), vatCategory: 'AE', vatBasisPoints: 0, exemptionReason: 'VATEX-EU-AE' },
				{ ...travel(100), vatCategory: 'AE', vatBasisPoints: 0, exemptionReason: 'Reverse charge' }
			])
		).toEqual([
			{ kind: 'quantity', line: 0 },
			{ kind: 'unit_price', line: 1 },
			{ kind: 'unit_price', line: 2 },
			{ kind: 'vat_rate', line: 3 },
			{ kind: 'vat_rate', line: 4 },
			{ kind: 'exemption_reason_missing', line: 5 },
			{ kind: 'exemption_reason_not_allowed', line: 6 },
			{ kind: 'exemption_reasons_differ', vatCategory: 'AE' }
		]);
		expect(
			checkInvoiceLines([
				travel(100),
				{
					quantity: 1,
					unitPriceCents: 1,
					vatCategory: 'O',
					vatBasisPoints: 0,
					exemptionReason: 'x'
				}
			])
		).toEqual([{ kind: 'vat_rate', line: 1 }, { kind: 'not_subject_with_other_categories' }]);
		expect(invoiceTotals([])).toEqual({ ok: false, problems: [{ kind: 'no_lines' }] });
	});

	it('reads quantities of up to four decimals exactly', () => {
		expect(scaledQuantity(1)).toBe(10_000);
		expect(scaledQuantity(2.5)).toBe(25_000);
		expect(scaledQuantity(0.0001)).toBe(1);
		expect(scaledQuantity(-1.2345)).toBe(-12_345);
		expect(scaledQuantity(0.1 + 0.2)).toBeNull();
		expect(scaledQuantity(1e21)).toBeNull();
		expect(scaledQuantity(Number.NaN)).toBeNull();
	});
});

describe('credit notes', () => {
	const invoice = [fee(9_000, 2550), travel(12_345), travel(6_789, 3)];

	it('credits a whole invoice to exactly zero', () => {
		const note = credit(invoice, []);
		const t = totals(invoice);
		expect(note.completesCredit).toBe(true);
		expect(note.lines.map((l) => l.quantity)).toEqual([-1, -1, -3]);
		expect(note.totals.netCents).toBe(-t.netCents);
		expect(note.totals.vatCents).toBe(-t.vatCents);
		expect(note.totals.grossCents).toBe(-t.grossCents);
		expect(note.totals.breakdown.every((g) => g.remainderCents === 0)).toBe(true);
	});

	it('credits part of a line, then the rest, adding up to the invoice to the cent', () => {
		// Three 1,00 € lines' worth in one line: VAT 0,77 on the invoice.
		const lines = [travel(100, 3)];
		const first = credit(lines, [], [{ line: 0, quantity: 1 }]);
		expect(first.totals).toMatchObject({ netCents: -100, vatCents: -26, grossCents: -126 });
		expect(first.completesCredit).toBe(false);
		const second = credit(lines, [first], [{ line: 0, quantity: 2 }]);
		// BR-CO-17 alone would give −0,51 (2,00 × 25,5 %); −0,51 − 0,26 ≠ −0,77.
		expect(second.totals).toMatchObject({ netCents: -200, vatCents: -51, grossCents: -251 });
		expect(second.totals.breakdown[0]!.remainderCents).toBe(0);
		expect(second.completesCredit).toBe(true);
		expect(first.totals.grossCents + second.totals.grossCents).toBe(-totals(lines).grossCents);
	});

	it('lets the last note of a group take the VAT that is left', () => {
		// Invoice: 3 × 1,00 € → VAT 0,77. Credits of 1,00 € each: 0,26 + 0,26, and the last 0,25.
		const lines = [travel(100, 3)];
		const a = credit(lines, [], [{ line: 0, quantity: 1 }]);
		const b = credit(lines, [a], [{ line: 0, quantity: 1 }]);
		const c = credit(lines, [a, b], [{ line: 0, quantity: 1 }]);
		expect([a, b, c].map((n) => n.totals.vatCents)).toEqual([-26, -26, -25]);
		expect(c.totals.breakdown[0]!.remainderCents).toBe(1);
	});

	it('refuses what cannot be credited', () => {
		const first = credit(invoice, [], [{ line: 2, quantity: 2 }]);
		expect(creditNote(invoice, [first], [])).toEqual({
			ok: false,
			problems: [{ kind: 'nothing_selected' }]
		});
		expect(
			creditNote(
				invoice,
				[first],
				[
					{ line: 3, quantity: 1 },
					{ line: 0, quantity: 0 },
					{ line: 1, quantity: -1 },
					{ line: 2, quantity: 2 },
					{ line: 0, quantity: 0.5 },
					{ line: 0, quantity: 0.5 }
				]
			)
		).toEqual({
			ok: false,
			problems: [
				{ kind: 'unknown_line', line: 3 },
				{ kind: 'quantity', line: 0 },
				{ kind: 'quantity', line: 1 },
				{ kind: 'exceeds_remaining', line: 2 },
				{ kind: 'selected_twice', line: 0 },
				{ kind: 'selected_twice', line: 0 }
			]
		});
		const all = credit(invoice, [first]);
		expect(creditNote(invoice, [first, all], [{ line: 1, quantity: 1 }])).toEqual({
			ok: false,
			problems: [{ kind: 'exceeds_remaining', line: 1 }]
		});
		expect(remainingCreditSelection(invoice, [first, all])).toEqual([]);
	});

	it('refuses earlier notes that do not belong to the invoice', () => {
		const foreign = credit([travel(100, 5)], []);
		expect(creditNote(invoice, [foreign], [{ line: 0, quantity: 1 }])).toEqual({
			ok: false,
			problems: [{ kind: 'earlier_credits_inconsistent' }]
		});
	});

	it('refuses to credit an invoice that was never valid', () => {
		expect(creditNote([], [], [{ line: 0, quantity: 1 }])).toEqual({
			ok: false,
			problems: [{ kind: 'original', problems: [{ kind: 'no_lines' }] }]
		});
	});
});

// Properties

const standardRates = [2550, 2400, 1400, 1350, 1000, 1];

const line: fc.Arbitrary<InvoiceLine> = fc.oneof(
	fc.record({
		quantity: fc.integer({ min: -2_000_000, max: 2_000_000 }).map((q) => q / 10_000),
		unitPriceCents: fc.integer({ min: 0, max: 10_000_000 }),
		vatCategory: fc.constant('S' as const),
		vatBasisPoints: fc.constantFrom(...standardRates)
	}),
	fc
		.record({
			quantity: fc.integer({ min: -2_000_000, max: 2_000_000 }).map((q) => q / 10_000),
			unitPriceCents: fc.integer({ min: 0, max: 10_000_000 }),
			vatCategory: fc.constantFrom('Z' as const, 'E' as const, 'AE' as const),
			vatBasisPoints: fc.constant(0)
		})
		.map((l) => (l.vatCategory === 'Z' ? l : { ...l, exemptionReason: `VATEX-${l.vatCategory}` }))
);
const lines = fc.array(line, { minLength: 1, maxLength: 12 });
/** Invoices as billed: positive quantities. */
const billedLines = fc.array(
	line.map((l) => ({ ...l, quantity: Math.abs(l.quantity) || 1 })),
	{ minLength: 1, maxLength: 8 }
);

/**
 * EN 16931's sums hold exactly; each line net is within half a cent of quantity × price, or
 * `carriedCents` more where a credit note takes what is left of a line after earlier ones.
 */
function expectConsistent(t: InvoiceTotals, input: readonly InvoiceLine[], carriedCents = 0) {
	const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
	expect(sum(t.lineNetCents)).toBe(t.netCents); // BR-CO-10, BR-CO-13
	expect(sum(t.breakdown.map((g) => g.taxableCents))).toBe(t.netCents);
	expect(sum(t.breakdown.map((g) => g.vatCents))).toBe(t.vatCents); // BR-CO-14
	expect(t.netCents + t.vatCents).toBe(t.grossCents); // BR-CO-15
	for (const g of t.breakdown) {
		const expected = g.vatCategory === 'S' ? vatOf(g.taxableCents, g.vatBasisPoints!) : 0;
		expect(g.vatCents - g.remainderCents).toBe(expected); // BR-CO-17
		const members = input
			.map((l, i) => ({ l, net: t.lineNetCents[i]! }))
			.filter(({ l }) => l.vatCategory === g.vatCategory && l.vatBasisPoints === g.vatBasisPoints);
		expect(sum(members.map((m) => m.net))).toBe(g.taxableCents); // BR-S-08 and the like
	}
	input.forEach((l, i) => {
		const exact = BigInt(scaledQuantity(l.quantity)!) * BigInt(l.unitPriceCents);
		const error = BigInt(t.lineNetCents[i]!) * 10_000n - exact;
		expect(2n * (error < 0n ? -error : error) <= 10_000n * BigInt(1 + 2 * carriedCents)).toBe(true);
	});
}

describe('totals always add up', () => {
	it('lines, breakdown and totals agree as EN 16931 requires', () => {
		fc.assert(
			fc.property(lines, (ls) => {
				const t = totals(ls);
				expectConsistent(t, ls);
				for (const g of t.breakdown) expect(g.remainderCents).toBe(0);
			})
		);
	});

	it('negated lines give exactly the negated totals', () => {
		fc.assert(
			fc.property(lines, (ls) => {
				const t = totals(ls);
				const n = totals(ls.map((l) => ({ ...l, quantity: -l.quantity })));
				expect(n.lineNetCents.map((x, i) => x + t.lineNetCents[i]!)).toEqual(
					t.lineNetCents.map(() => 0)
				);
				expect(n.netCents + t.netCents).toBe(0);
				expect(n.vatCents + t.vatCents).toBe(0);
				expect(n.grossCents + t.grossCents).toBe(0);
			})
		);
	});

	it('a credit note in full nets the invoice to zero, group by group', () => {
		fc.assert(
			fc.property(billedLines, (ls) => {
				const t = totals(ls);
				const note = credit(ls, []);
				expectConsistent(note.totals, note.lines);
				expect(note.totals.grossCents + t.grossCents).toBe(0);
				expect(
					note.totals.breakdown.map((g) => [
						g.vatCategory,
						g.vatBasisPoints,
						0 - g.taxableCents,
						0 - g.vatCents
					])
				).toEqual(
					t.breakdown.map((g) => [g.vatCategory, g.vatBasisPoints, g.taxableCents, g.vatCents])
				);
			})
		);
	});

	it('partial credit notes never credit more than was billed, and all of them net the invoice to zero', () => {
		fc.assert(
			fc.property(
				billedLines,
				fc.array(fc.tuple(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true })), {
					minLength: 1,
					maxLength: 6
				}),
				(ls, steps) => {
					const notes: CreditNote[] = [];
					for (const [pick, share] of steps) {
						const left = remainingCreditSelection(ls, notes);
						if (left.length === 0) break;
						const chosen = left[pick % left.length]!;
						// quantity credits only: no line here is ever credited by amount
						if (!('quantity' in chosen)) throw new Error('a line credited by amount');
						const { line, quantity } = chosen;
						const part = Math.max(1, Math.floor(Math.round(quantity * 10_000) * share)) / 10_000;
						notes.push(credit(ls, notes, [{ line, quantity: part }]));
					}
					notes.push(
						...(remainingCreditSelection(ls, notes).length > 0 ? [credit(ls, notes)] : [])
					);
					const t = totals(ls);
					for (const n of notes) {
						expectConsistent(n.totals, n.lines, notes.length);
						expect(n.totals.grossCents).toBeLessThanOrEqual(0);
						// Well inside the ±1 € that the validators allow BT-117.
						for (const g of n.totals.breakdown)
							expect(Math.abs(g.remainderCents)).toBeLessThanOrEqual(notes.length);
					}
					expect(notes.at(-1)!.completesCredit).toBe(true);
					const sum = (f: (x: InvoiceTotals) => number) =>
						notes.reduce((a, n) => a + f(n.totals), 0);
					expect(sum((x) => x.netCents) + t.netCents).toBe(0);
					expect(sum((x) => x.vatCents) + t.vatCents).toBe(0);
					expect(sum((x) => x.grossCents) + t.grossCents).toBe(0);
				}
			)
		);
	});
});

describe('credits by amount (ADR 026)', () => {
	it('credits 1 000 € of Vaala’s 9 000 € fee as a line of −1 at 1 000 €, then the rest to zero', () => {
		const invoice = [fee(9000, 2550), travel(12_345)];
		const first = credit(invoice, [], [{ line: 0, amountCents: 100_000 }]);
		expect(first.lines[0]).toMatchObject({ quantity: -1, unitPriceCents: 100_000, byAmount: true });
		expect(first.totals).toMatchObject({
			netCents: -100_000,
			vatCents: -25_500,
			grossCents: -125_500
		});
		expect(first.completesCredit).toBe(false);
		expect(creditedLines(invoice, [first])[0]).toEqual({
			quantityLeft: 10_000,
			netLeftCents: 800_000,
			byAmount: true
		});
		// once by amount, a line is credited further by amount only
		expect(creditNote(invoice, [first], [{ line: 0, quantity: 0.5 }])).toEqual({
			ok: false,
			problems: [{ kind: 'credited_by_amount', line: 0 }]
		});
		expect(creditNote(invoice, [first], [{ line: 0, amountCents: 800_001 }])).toEqual({
			ok: false,
			problems: [{ kind: 'exceeds_remaining', line: 0 }]
		});
		const rest = credit(invoice, [first]);
		const t = totals(invoice);
		expect(rest.completesCredit).toBe(true);
		expect(first.totals.grossCents + rest.totals.grossCents + t.grossCents).toBe(0);
		expect(first.totals.vatCents + rest.totals.vatCents + t.vatCents).toBe(0);
	});

	it('refuses a negative or zero amount, and an amount beyond the line', () => {
		const invoice = [fee(9000, 2400)];
		for (const amountCents of [-100, 0, 1.5]) {
			expect(creditNote(invoice, [], [{ line: 0, amountCents }])).toEqual({
				ok: false,
				problems: [{ kind: 'amount', line: 0 }]
			});
		}
		expect(creditNote(invoice, [], [{ line: 0, amountCents: 900_001 }])).toEqual({
			ok: false,
			problems: [{ kind: 'exceeds_remaining', line: 0 }]
		});
	});

	it('writes the whole price of a quantity-1 line as that quantity', () => {
		const note = credit([fee(9000, 2400)], [], [{ line: 0, amountCents: 900_000 }]);
		expect(note.lines[0]).toMatchObject({ quantity: -1, unitPriceCents: 900_000 });
		expect(note.lines[0]!.byAmount).toBeUndefined();
		expect(note.completesCredit).toBe(true);
	});

	it('mixed credits by quantity and by amount never take more than a line’s net, and all of them net the invoice to zero', () => {
		fc.assert(
			fc.property(
				billedLines,
				fc.array(fc.tuple(fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean()), {
					minLength: 1,
					maxLength: 6
				}),
				(ls, steps) => {
					const notes: CreditNote[] = [];
					for (const [pick, share, byAmount] of steps) {
						const lefts = creditedLines(ls, notes);
						const open = lefts
							.map((left, line) => ({ left, line }))
							.filter(({ left }) =>
								left.byAmount ? left.netLeftCents > 0 : left.quantityLeft > 0
							);
						if (open.length === 0) break;
						const { left, line } = open[pick % open.length]!;
						if ((byAmount || left.byAmount) && left.netLeftCents > 0) {
							const amountCents = Math.max(1, Math.floor(left.netLeftCents * share));
							notes.push(credit(ls, notes, [{ line, amountCents }]));
						} else if (!left.byAmount) {
							const part = Math.max(1, Math.floor(left.quantityLeft * share)) / 10_000;
							notes.push(credit(ls, notes, [{ line, quantity: part }]));
						}
					}
					if (remainingCreditSelection(ls, notes).length > 0) notes.push(credit(ls, notes));
					const t = totals(ls);
					ls.forEach((_, i) => {
						const taken = notes.reduce(
							(a, n) =>
								a +
								n.lines.reduce(
									(b, l, j) => b + (l.creditsLine === i ? n.totals.lineNetCents[j]! : 0),
									0
								),
							0
						);
						expect(taken + t.lineNetCents[i]!).toBe(0);
					});
					for (const n of notes) {
						n.totals.lineNetCents.forEach((net) => expect(net).toBeLessThanOrEqual(0));
						expect(n.totals.grossCents).toBeLessThanOrEqual(0);
					}
					expect(notes.at(-1)?.completesCredit ?? true).toBe(true);
					const sum = (f: (x: InvoiceTotals) => number) =>
						notes.reduce((a, n) => a + f(n.totals), 0);
					expect(sum((x) => x.netCents) + t.netCents).toBe(0);
					expect(sum((x) => x.vatCents) + t.vatCents).toBe(0);
					expect(sum((x) => x.grossCents) + t.grossCents).toBe(0);
				}
			)
		);
	});
});
