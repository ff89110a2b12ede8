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

/**
 * What to credit of one line of the original: a positive quantity (at most what is left of the
 * line), or an amount in cents without VAT (at most what is left of the line's net). An amount
 * credit is written as a line of quantity −1 at that amount as its price, so that its net is the
 * amount exactly (EN 16931: line net = quantity × price).
 */
export type CreditSelection =
	{ line: number; quantity: number } | { line: number; amountCents: number };

/** A line of a credit note: the original line with a negative quantity. */
export interface CreditLine extends InvoiceLine {
	/** Index of the credited line in the original invoice. */
	creditsLine: number;
	/**
	 * True when the line credits an amount (quantity −1 at the amount) rather than a quantity at
	 * the original price. An amount equal to the price of a quantity-1 line is written as a
	 * quantity, so a stored line is by amount exactly when its price differs from the original's.
	 */
	byAmount?: boolean;
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
	| { kind: 'amount'; line: number }
	/** A line once credited by amount is credited further by amount only. */
	| { kind: 'credited_by_amount'; line: number }
	| { kind: 'exceeds_remaining'; line: number };

export type CreditResult =
	{ ok: true; value: CreditNote } | { ok: false; problems: CreditProblem[] };

/**
 * What the earlier notes credited: per original line the quantity credited by quantity (in
 * ten-thousandths, as a magnitude), the net amounts (signed, as on the notes) and whether an
 * amount was credited, and per VAT group the VAT (signed).
 */
function creditedSoFar(original: readonly InvoiceLine[], earlier: readonly CreditNote[]) {
	const quantity = original.map(() => 0);
	const net = original.map(() => 0);
	const byAmount = original.map(() => false);
	const vat = new Map<string, number>();
	let consistent = true;
	for (const note of earlier) {
		note.lines.forEach((l, i) => {
			const scaled = scaledQuantity(l.quantity);
			const invoiced = original[l.creditsLine];
			// A credit line runs against its line: negative for a positive line and the other way.
			if (invoiced && scaled !== null && Math.sign(scaled) === -Math.sign(invoiced.quantity)) {
				if (l.byAmount) byAmount[l.creditsLine] = true;
				else quantity[l.creditsLine]! += Math.abs(scaled);
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
	return { quantity, net, byAmount, vat, consistent };
}

/**
 * A credit note for part or all of an invoice, after the credit notes already made for it.
 * Each line credited by quantity nets quantity × price like any line, never more than is left
 * of the line's net; a line credited by amount nets the amount; each group's VAT follows
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
	const invoicedNet = invoice.value.lineNetCents.map((n) => Math.abs(n));
	const so = creditedSoFar(original, earlier);
	if (
		!so.consistent ||
		so.quantity.some((q, i) => q > invoiced[i]!) ||
		so.net.some((n, i) => Math.abs(n) > invoicedNet[i]!)
	) {
		return { ok: false, problems: [{ kind: 'earlier_credits_inconsistent' }] };
	}
	const netLeft = (i: number) => invoicedNet[i]! - Math.abs(so.net[i]!);

	const problems: CreditProblem[] = [];
	if (selection.length === 0) problems.push({ kind: 'nothing_selected' });
	const seen = new Set<number>();
	for (const chosen of selection) {
		const { line } = chosen;
		if (!Number.isInteger(line) || line < 0 || line >= original.length) {
			problems.push({ kind: 'unknown_line', line });
			continue;
		}
		if (seen.has(line)) problems.push({ kind: 'selected_twice', line });
		seen.add(line);
		if ('amountCents' in chosen) {
			const amount = chosen.amountCents;
			if (!Number.isSafeInteger(amount) || amount <= 0) problems.push({ kind: 'amount', line });
			else if (amount > netLeft(line)) problems.push({ kind: 'exceeds_remaining', line });
			continue;
		}
		const scaled = scaledQuantity(chosen.quantity);
		if (so.byAmount[line]) problems.push({ kind: 'credited_by_amount', line });
		else if (scaled === null || scaled <= 0) problems.push({ kind: 'quantity', line });
		else if (scaled > invoiced[line]! - so.quantity[line]!) {
			problems.push({ kind: 'exceeds_remaining', line });
		}
	}
	if (problems.length > 0) return { ok: false, problems };

	const creditedAfter = [...so.quantity];
	const complete = original.map(
		(_, i) => creditedAfter[i] === invoiced[i] || (so.byAmount[i]! && netLeft(i) === 0)
	);
	const lines: CreditLine[] = [];
	const nets: number[] = [];
	for (const chosen of selection) {
		const { line } = chosen;
		const l = original[line]!;
		const sign = -Math.sign(l.quantity) || -1;
		const exactRest = 0 - invoice.value.lineNetCents[line]! - so.net[line]!;
		if (
			'amountCents' in chosen &&
			!(
				invoiced[line] === QUANTITY_SCALE &&
				chosen.amountCents === l.unitPriceCents &&
				so.net[line] === 0 &&
				so.quantity[line] === 0
			)
		) {
			lines.push({
				...l,
				quantity: sign,
				unitPriceCents: chosen.amountCents,
				creditsLine: line,
				byAmount: true
			});
			nets.push(sign * chosen.amountCents);
			complete[line] = chosen.amountCents === netLeft(line);
			continue;
		}
		// an amount that is the whole of a quantity-1 line's price is that quantity
		const scaled = 'amountCents' in chosen ? QUANTITY_SCALE : scaledQuantity(chosen.quantity)!;
		creditedAfter[line]! += scaled;
		complete[line] = creditedAfter[line] === invoiced[line];
		const signed = sign * scaled;
		lines.push({ ...l, quantity: signed / QUANTITY_SCALE, creditsLine: line });
		// Rounded partial credits may not add up to more than the line's net: the last of them
		// takes at most what is left, and the one that completes the line exactly that.
		const rounded = lineNet(signed, l.unitPriceCents);
		nets.push(
			complete[line] ? exactRest : Math.sign(rounded) * Math.min(Math.abs(rounded), netLeft(line))
		);
	}

	const breakdown = breakdownOf(lines, nets);
	for (const group of breakdown) {
		const key = groupKey(group.vatCategory, group.vatBasisPoints);
		const groupDone = original.every(
			(l, i) => groupKey(l.vatCategory, l.vatBasisPoints) !== key || complete[i]
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
			completesCredit: complete.every(Boolean)
		}
	};
}

/**
 * Whether each line of the original is credited in full by the notes so far (by quantity, or
 * by amount to its whole net), and what is left of it.
 */
export function creditedLines(
	original: readonly InvoiceLine[],
	earlier: readonly CreditNote[]
): { quantityLeft: number; netLeftCents: number; byAmount: boolean }[] {
	const so = creditedSoFar(original, earlier);
	const invoice = invoiceTotals(original);
	return original.map((l, i) => {
		const invoicedNet = invoice.ok ? Math.abs(invoice.value.lineNetCents[i]!) : 0;
		const netLeftCents = invoicedNet - Math.abs(so.net[i]!);
		const quantityLeft = Math.abs(scaledQuantity(l.quantity) ?? 0) - so.quantity[i]!;
		return {
			quantityLeft: so.byAmount[i] ? (netLeftCents > 0 ? quantityLeft : 0) : quantityLeft,
			netLeftCents,
			byAmount: so.byAmount[i]!
		};
	});
}

/** The selection that credits everything not yet credited. */
export function remainingCreditSelection(
	original: readonly InvoiceLine[],
	earlier: readonly CreditNote[]
): CreditSelection[] {
	const selection: CreditSelection[] = [];
	creditedLines(original, earlier).forEach((left, line) => {
		if (left.byAmount) {
			if (left.netLeftCents > 0) selection.push({ line, amountCents: left.netLeftCents });
		} else if (left.quantityLeft > 0) {
			selection.push({ line, quantity: left.quantityLeft / QUANTITY_SCALE });
		}
	});
	return selection;
}
