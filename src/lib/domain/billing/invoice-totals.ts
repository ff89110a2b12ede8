import { divideHalfAwayFromZero, toSafeNumber } from './rounding';
import { vatOf } from './vat';

/**
 * An invoice's amounts from its lines, as EN 16931-1 computes and validates them (the rule
 * ids are the standard's; BT- are its business terms):
 *
 * - Line net amount (BT-131) = quantity (BT-129) × item net price (BT-146), rounded to the
 *   cent (BR-DEC-23 allows two decimals; Peppol's PEPPOL-EN16931-R120 checks the product).
 * - VAT breakdown (BG-23): one group per VAT category code (BT-118, UNCL5305) and rate
 *   (BT-119). Its taxable amount (BT-116) is the sum of its lines' net amounts (BR-S-08,
 *   BR-Z-08, BR-E-08, BR-AE-08, BR-O-08); its VAT (BT-117) is the taxable amount × rate,
 *   rounded to the cent once per group (BR-CO-17, BR-S-09), and 0 in the other categories
 *   (BR-Z-09, BR-E-09, BR-AE-09, BR-O-09). VAT is never summed from rounded line VATs.
 * - Sum of line net amounts (BT-106) = Σ BT-131 (BR-CO-10); with no document-level
 *   allowances or charges the total without VAT (BT-109) is the same (BR-CO-13); total VAT
 *   (BT-110) = Σ BT-117 (BR-CO-14); total with VAT (BT-112) = BT-109 + BT-110 (BR-CO-15), and
 *   with nothing prepaid the amount due (BT-115) equals it (BR-CO-16).
 *
 * Rounding is half away from zero. The standard says "rounded to two decimals"; its current
 * validation artefacts (CEN/TC 434, ConnectingEurope eInvoicing-EN16931) round the magnitude
 * of BT-116 × BT-119 half up and allow ±1 currency unit, and rounding the magnitude keeps a
 * credit the exact mirror of what it credits.
 *
 * Amounts are integer cents, negative on a credit. Quantities are decimals of at most four
 * places. Document-level allowances and charges (BG-20, BG-21) are not used by Verkosto.
 */

/** UNCL5305 VAT category codes that Verkosto uses (EN 16931 BT-118, BT-151). */
export const VAT_CATEGORIES = ['S', 'Z', 'E', 'AE', 'O'] as const;
/** S standard rate, Z zero rated, E exempt, AE reverse charge, O not subject to VAT. */
export type VatCategory = (typeof VAT_CATEGORIES)[number];

export interface InvoiceLine {
	/** Invoiced quantity (BT-129), at most four decimals; negative to credit. */
	quantity: number;
	/** Item net price (BT-146) in cents; never negative (BR-27). */
	unitPriceCents: number;
	vatCategory: VatCategory;
	/** Invoiced item VAT rate (BT-152) in basis points: above 0 for S, 0 for Z, E and AE, null for O. */
	vatBasisPoints: number | null;
	/**
	 * VAT exemption reason (BT-121 code such as "VATEX-EU-132", or BT-120 text) for E, AE and O,
	 * where the breakdown must carry one (BR-E-10, BR-AE-10, BR-O-10); none for S and Z
	 * (BR-S-10, BR-Z-10).
	 */
	exemptionReason?: string | null;
}

export interface VatBreakdownGroup {
	vatCategory: VatCategory;
	vatBasisPoints: number | null;
	/** BT-116 */
	taxableCents: number;
	/** BT-117 */
	vatCents: number;
	exemptionReason: string | null;
	/**
	 * How far BT-117 is from BR-CO-17's rounding: 0 on every invoice; on the credit note that
	 * credits the last of a group, the cents that make all credits add up to the invoice.
	 */
	remainderCents: number;
}

export interface InvoiceTotals {
	/** BT-131 of each line, in the lines' order. */
	lineNetCents: number[];
	/** BG-23, ordered by category (as in VAT_CATEGORIES) and then rate. */
	breakdown: VatBreakdownGroup[];
	/** BT-106 = BT-109 */
	netCents: number;
	/** BT-110 */
	vatCents: number;
	/** BT-112 = BT-115 */
	grossCents: number;
}

export type InvoiceLineProblem =
	| { kind: 'no_lines' }
	| { kind: 'quantity'; line: number }
	| { kind: 'unit_price'; line: number }
	| { kind: 'vat_rate'; line: number }
	| { kind: 'exemption_reason_missing'; line: number }
	| { kind: 'exemption_reason_not_allowed'; line: number }
	| { kind: 'exemption_reasons_differ'; vatCategory: VatCategory }
	/** A "not subject to VAT" line beside other categories (BR-O-11 … BR-O-14). */
	| { kind: 'not_subject_with_other_categories' };

export type TotalsResult =
	{ ok: true; value: InvoiceTotals } | { ok: false; problems: InvoiceLineProblem[] };

const QUANTITY_SCALE = 10_000;
const MAX_QUANTITY = 1_000_000_000;

/** A quantity in ten-thousandths, or null when it has more than four decimals or is too large. */
export function scaledQuantity(quantity: number): number | null {
	if (!Number.isFinite(quantity) || Math.abs(quantity) > MAX_QUANTITY) return null;
	const m = /^(-?)(\d+)(?:\.(\d{1,4}))?$/.exec(String(quantity));
	if (!m) return null;
	const scaled = Number(m[2]) * QUANTITY_SCALE + Number((m[3] ?? '').padEnd(4, '0'));
	return m[1] === '-' && scaled !== 0 ? -scaled : scaled;
}

/** BT-131: quantity (in ten-thousandths) × price, rounded to the cent. */
function lineNet(scaled: number, unitPriceCents: number): number {
	return toSafeNumber(
		divideHalfAwayFromZero(BigInt(scaled) * BigInt(unitPriceCents), BigInt(QUANTITY_SCALE))
	);
}

function needsReason(category: VatCategory): boolean {
	return category === 'E' || category === 'AE' || category === 'O';
}

function rateFits(category: VatCategory, bp: number | null): boolean {
	if (category === 'O') return bp === null;
	if (bp === null || !Number.isInteger(bp)) return false;
	return category === 'S' ? bp > 0 && bp <= 10_000 : bp === 0;
}

const groupKey = (category: VatCategory, bp: number | null) => `${category}:${bp ?? ''}`;

/** Everything about the lines that EN 16931 would refuse, as codes. */
export function checkInvoiceLines(lines: readonly InvoiceLine[]): InvoiceLineProblem[] {
	const problems: InvoiceLineProblem[] = [];
	if (lines.length === 0) problems.push({ kind: 'no_lines' });
	const reasons = new Map<VatCategory, Set<string>>();
	lines.forEach((l, line) => {
		if (scaledQuantity(l.quantity) === null) problems.push({ kind: 'quantity', line });
		if (!Number.isSafeInteger(l.unitPriceCents) || l.unitPriceCents < 0) {
			problems.push({ kind: 'unit_price', line });
		}
		if (!rateFits(l.vatCategory, l.vatBasisPoints)) problems.push({ kind: 'vat_rate', line });
		const reason = l.exemptionReason?.trim() ?? '';
		if (needsReason(l.vatCategory)) {
			if (reason === '') problems.push({ kind: 'exemption_reason_missing', line });
			else reasons.set(l.vatCategory, (reasons.get(l.vatCategory) ?? new Set()).add(reason));
		} else if (reason !== '') {
			problems.push({ kind: 'exemption_reason_not_allowed', line });
		}
	});
	for (const [vatCategory, set] of reasons) {
		if (set.size > 1) problems.push({ kind: 'exemption_reasons_differ', vatCategory });
	}
	const categories = new Set(lines.map((l) => l.vatCategory));
	if (categories.has('O') && categories.size > 1) {
		problems.push({ kind: 'not_subject_with_other_categories' });
	}
	return problems;
}

/** Groups lines (with their net amounts) into the VAT breakdown, VAT per BR-CO-17. */
function breakdownOf(lines: readonly InvoiceLine[], nets: readonly number[]): VatBreakdownGroup[] {
	const groups = new Map<string, VatBreakdownGroup>();
	lines.forEach((l, i) => {
		const key = groupKey(l.vatCategory, l.vatBasisPoints);
		const group = groups.get(key) ?? {
			vatCategory: l.vatCategory,
			vatBasisPoints: l.vatBasisPoints,
			taxableCents: 0,
			vatCents: 0,
			exemptionReason: needsReason(l.vatCategory) ? (l.exemptionReason?.trim() ?? null) : null,
			remainderCents: 0
		};
		group.taxableCents += nets[i]!;
		groups.set(key, group);
	});
	for (const group of groups.values()) {
		group.vatCents =
			group.vatCategory === 'S' ? vatOf(group.taxableCents, group.vatBasisPoints!) : 0;
	}
	return [...groups.values()].sort(
		(a, b) =>
			VAT_CATEGORIES.indexOf(a.vatCategory) - VAT_CATEGORIES.indexOf(b.vatCategory) ||
			(a.vatBasisPoints ?? 0) - (b.vatBasisPoints ?? 0)
	);
}

function totalsOf(lineNetCents: number[], breakdown: VatBreakdownGroup[]): InvoiceTotals {
	const netCents = breakdown.reduce((sum, g) => sum + g.taxableCents, 0);
	const vatCents = breakdown.reduce((sum, g) => sum + g.vatCents, 0);
	return { lineNetCents, breakdown, netCents, vatCents, grossCents: netCents + vatCents };
}

/** The amounts of an invoice (or of a credit given as negative lines). */
export function invoiceTotals(lines: readonly InvoiceLine[]): TotalsResult {
	const problems = checkInvoiceLines(lines);
	if (problems.length > 0) return { ok: false, problems };
	const nets = lines.map((l) => lineNet(scaledQuantity(l.quantity)!, l.unitPriceCents));
	return { ok: true, value: totalsOf(nets, breakdownOf(lines, nets)) };
}

// Credit notes

/** What to credit of one line of the original: a positive quantity, at most what is left. */
export interface CreditSelection {
	/** Index of the line in the original invoice. */
	line: number;
	quantity: number;
}

/** A line of a credit note: the original line with a negative quantity. */
export interface CreditLine extends InvoiceLine {
	/** Index of the credited line in the original invoice. */
	creditsLine: number;
}

export interface CreditNote {
	lines: CreditLine[];
	/** Negative amounts: what the note takes off the invoice. */
	totals: InvoiceTotals;
	/** True when, with this note, every line of the invoice is credited in full. */
	completesCredit: boolean;
}

export type CreditProblem =
	| { kind: 'original'; problems: InvoiceLineProblem[] }
	| { kind: 'earlier_credits_inconsistent' }
	| { kind: 'nothing_selected' }
	| { kind: 'unknown_line'; line: number }
	| { kind: 'selected_twice'; line: number }
	| { kind: 'quantity'; line: number }
	| { kind: 'exceeds_remaining'; line: number };

export type CreditResult =
	{ ok: true; value: CreditNote } | { ok: false; problems: CreditProblem[] };

/**
 * What the earlier notes credited: per original line the quantity (in ten-thousandths, as a
 * magnitude) and the net amounts (signed, as on the notes), and per VAT group the VAT (signed).
 */
function creditedSoFar(original: readonly InvoiceLine[], earlier: readonly CreditNote[]) {
	const quantity = original.map(() => 0);
	const net = original.map(() => 0);
	const vat = new Map<string, number>();
	let consistent = true;
	for (const note of earlier) {
		note.lines.forEach((l, i) => {
			const scaled = scaledQuantity(l.quantity);
			const invoiced = original[l.creditsLine];
			// A credit line runs against its line: negative for a positive line and the other way.
			if (invoiced && scaled !== null && Math.sign(scaled) === -Math.sign(invoiced.quantity)) {
				quantity[l.creditsLine]! += Math.abs(scaled);
				net[l.creditsLine]! += note.totals.lineNetCents[i] ?? 0;
			} else {
				consistent = false;
			}
		});
		for (const g of note.totals.breakdown) {
			const key = groupKey(g.vatCategory, g.vatBasisPoints);
			vat.set(key, (vat.get(key) ?? 0) + g.vatCents);
		}
	}
	return { quantity, net, vat, consistent };
}

/**
 * A credit note for part or all of an invoice, after the credit notes already made for it.
 * Each credited line nets quantity × price like any line, and each group's VAT follows
 * BR-CO-17 — except that the note which credits the last of a line takes exactly the net that
 * is left of it, and the note which credits the last of a VAT group takes exactly the VAT left
 * of it, so that an invoice and all its credit notes always add up to zero, to the cent.
 */
export function creditNote(
	original: readonly InvoiceLine[],
	earlier: readonly CreditNote[],
	selection: readonly CreditSelection[]
): CreditResult {
	const invoice = invoiceTotals(original);
	if (!invoice.ok) {
		return { ok: false, problems: [{ kind: 'original', problems: invoice.problems }] };
	}
	const invoiced = original.map((l) => Math.abs(scaledQuantity(l.quantity)!));
	const so = creditedSoFar(original, earlier);
	if (!so.consistent || so.quantity.some((q, i) => q > invoiced[i]!)) {
		return { ok: false, problems: [{ kind: 'earlier_credits_inconsistent' }] };
	}

	const problems: CreditProblem[] = [];
	if (selection.length === 0) problems.push({ kind: 'nothing_selected' });
	const seen = new Set<number>();
	for (const { line, quantity } of selection) {
		if (!Number.isInteger(line) || line < 0 || line >= original.length) {
			problems.push({ kind: 'unknown_line', line });
			continue;
		}
		if (seen.has(line)) problems.push({ kind: 'selected_twice', line });
		seen.add(line);
		const scaled = scaledQuantity(quantity);
		if (scaled === null || scaled <= 0) problems.push({ kind: 'quantity', line });
		else if (scaled > invoiced[line]! - so.quantity[line]!) {
			problems.push({ kind: 'exceeds_remaining', line });
		}
	}
	if (problems.length > 0) return { ok: false, problems };

	const creditedAfter = [...so.quantity];
	const lines: CreditLine[] = [];
	const nets: number[] = [];
	for (const { line, quantity } of selection) {
		const l = original[line]!;
		const scaled = scaledQuantity(quantity)!;
		creditedAfter[line]! += scaled;
		const signed = -Math.sign(l.quantity) * scaled;
		lines.push({ ...l, quantity: signed / QUANTITY_SCALE, creditsLine: line });
		nets.push(
			creditedAfter[line] === invoiced[line]
				? 0 - invoice.value.lineNetCents[line]! - so.net[line]!
				: lineNet(signed, l.unitPriceCents)
		);
	}

	const breakdown = breakdownOf(lines, nets);
	for (const group of breakdown) {
		const key = groupKey(group.vatCategory, group.vatBasisPoints);
		const groupDone = original.every(
			(l, i) =>
				groupKey(l.vatCategory, l.vatBasisPoints) !== key || creditedAfter[i] === invoiced[i]
		);
		if (groupDone) {
			const billed = invoice.value.breakdown.find(
				(g) => groupKey(g.vatCategory, g.vatBasisPoints) === key
			)!.vatCents;
			// 0 − …, not −…: a credit of nothing is 0, never −0.
			const exact = 0 - billed - (so.vat.get(key) ?? 0);
			group.remainderCents = exact - group.vatCents;
			group.vatCents = exact;
		}
	}
	return {
		ok: true,
		value: {
			lines,
			totals: totalsOf(nets, breakdown),
			completesCredit: creditedAfter.every((q, i) => q === invoiced[i])
		}
	};
}

/** The selection that credits everything not yet credited. */
export function remainingCreditSelection(
	original: readonly InvoiceLine[],
	earlier: readonly CreditNote[]
): CreditSelection[] {
	const so = creditedSoFar(original, earlier);
	const selection: CreditSelection[] = [];
	original.forEach((l, line) => {
		const left = Math.abs(scaledQuantity(l.quantity) ?? 0) - so.quantity[line]!;
		if (left > 0) selection.push({ line, quantity: left / QUANTITY_SCALE });
	});
	return selection;
}
