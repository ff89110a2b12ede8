import type { VatTreatment } from '../fees';
import { invoiceTotals, type InvoiceLine, type InvoiceTotals } from './invoice-totals';

/**
 * What one member is billed in an invoice run (ADR 022): from the facts the server read under
 * the membership's lock, the invoices to issue (one per kind, each with its lines and totals)
 * or the reasons the member cannot be invoiced yet. No I/O and no user-facing text: lines name
 * their description as a code and parameters, which the server writes in the invoice's
 * language.
 */

export const INVOICE_KINDS = ['fee', 'travel', 'extra'] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];

/** Why a member cannot be invoiced yet; the UI translates `billing.blocker.<code>`. */
export type BillingBlocker =
	'no_billing_details' | 'no_population' | 'no_fee_tier' | 'no_vat_rate' | 'no_extra_fee';

/** Why a kind gives no invoice for a member that can be invoiced. */
export type NothingToBill = 'already_billed' | 'nothing_to_bill';

export interface TravelShareFact {
	journeyId: string;
	/** The member's part of the journey without VAT, fixed at approval. */
	netCents: number;
	/** The journey's first day (yyyy-mm-dd). */
	day: string;
	fromPlace: string;
	toPlace: string;
}

export interface ExtraWorkshopFact {
	workshopId: string;
	/** The day it was held or was to be held (yyyy-mm-dd). */
	day: string;
}

export interface MemberBillingFacts {
	kinds: readonly InvoiceKind[];
	year: number;
	invoiceDate: string;
	/** The general VAT rate in force on the invoice date, from the `vat_rates` data. */
	generalVatBasisPoints: number | null;
	hasBillingDetails: boolean;
	population: number | null;
	/** The tier valid on the invoice date for the population (fees.ts `feeTierFor`). */
	feeTier: { yearlyFeeCents: number; vatTreatment: VatTreatment } | null;
	feeAlreadyBilled: boolean;
	travel: readonly TravelShareFact[];
	extras: readonly ExtraWorkshopFact[];
	extraWorkshopFeeCents: number | null;
}

export type LineText =
	| { key: 'fee'; year: number }
	| { key: 'travel'; day: string; fromPlace: string; toPlace: string }
	| { key: 'extra'; day: string };

export interface PlannedLine extends InvoiceLine {
	text: LineText;
	periodStart: string | null;
	periodEnd: string | null;
	workshopId: string | null;
	/** The journey whose share this line bills. */
	journeyId: string | null;
}

export interface PlannedInvoice {
	kind: InvoiceKind;
	lines: PlannedLine[];
	totals: InvoiceTotals;
}

export type MemberPlan =
	| {
			ok: true;
			invoices: PlannedInvoice[];
			/** The kinds asked for that give no invoice, and why. */
			nothing: { kind: InvoiceKind; reason: NothingToBill }[];
	  }
	| { ok: false; blockers: BillingBlocker[] };

/** The exemption reason (BT-120) of a VAT-exempt fee, as the breakdown must carry one (BR-E-10). */
export const FEE_EXEMPTION_REASON = 'VATEX-EU-132';

function standardLine(
	unitPriceCents: number,
	vat: number,
	text: LineText,
	extra: Partial<PlannedLine> = {}
): PlannedLine {
	return {
		quantity: 1,
		unitPriceCents,
		vatCategory: 'S',
		vatBasisPoints: vat,
		exemptionReason: null,
		text,
		periodStart: null,
		periodEnd: null,
		workshopId: null,
		journeyId: null,
		...extra
	};
}

export function planMemberInvoices(facts: MemberBillingFacts): MemberPlan {
	const wants = (kind: InvoiceKind) => facts.kinds.includes(kind);
	const blockers = new Set<BillingBlocker>();
	const vat = facts.generalVatBasisPoints;
	if (!facts.hasBillingDetails) blockers.add('no_billing_details');
	if (vat === null) blockers.add('no_vat_rate');
	const billFee = wants('fee') && !facts.feeAlreadyBilled;
	if (billFee) {
		if (facts.population === null) blockers.add('no_population');
		else if (!facts.feeTier) blockers.add('no_fee_tier');
	}
	const billExtras = wants('extra') && facts.extras.length > 0;
	if (billExtras && facts.extraWorkshopFeeCents === null) blockers.add('no_extra_fee');
	if (blockers.size > 0) return { ok: false, blockers: [...blockers] };

	const invoices: PlannedInvoice[] = [];
	const nothing: { kind: InvoiceKind; reason: NothingToBill }[] = [];
	const add = (kind: InvoiceKind, lines: PlannedLine[]) => {
		const totals = invoiceTotals(lines);
		// The lines are built here from checked facts; a refusal is a bug, not bad input.
		if (!totals.ok) throw new Error(`invalid ${kind} lines: ${JSON.stringify(totals.problems)}`);
		invoices.push({ kind, lines, totals: totals.value });
	};

	if (wants('fee')) {
		if (!billFee) nothing.push({ kind: 'fee', reason: 'already_billed' });
		else {
			const tier = facts.feeTier!;
			const period = { periodStart: `${facts.year}-01-01`, periodEnd: `${facts.year}-12-31` };
			const text: LineText = { key: 'fee', year: facts.year };
			add('fee', [
				tier.vatTreatment === 'vat_standard'
					? standardLine(tier.yearlyFeeCents, vat!, text, period)
					: {
							...standardLine(tier.yearlyFeeCents, 0, text, period),
							vatCategory: 'E',
							vatBasisPoints: 0,
							exemptionReason: FEE_EXEMPTION_REASON
						}
			]);
		}
	}
	if (wants('travel')) {
		if (facts.travel.length === 0) nothing.push({ kind: 'travel', reason: 'nothing_to_bill' });
		else {
			const shares = [...facts.travel].sort(
				(a, b) => a.day.localeCompare(b.day) || a.journeyId.localeCompare(b.journeyId)
			);
			add(
				'travel',
				shares.map((s) =>
					standardLine(
						s.netCents,
						vat!,
						{ key: 'travel', day: s.day, fromPlace: s.fromPlace, toPlace: s.toPlace },
						{ journeyId: s.journeyId }
					)
				)
			);
		}
	}
	if (wants('extra')) {
		if (!billExtras) nothing.push({ kind: 'extra', reason: 'nothing_to_bill' });
		else {
			const extras = [...facts.extras].sort(
				(a, b) => a.day.localeCompare(b.day) || a.workshopId.localeCompare(b.workshopId)
			);
			add(
				'extra',
				extras.map((w) =>
					standardLine(
						facts.extraWorkshopFeeCents!,
						vat!,
						{ key: 'extra', day: w.day },
						{
							workshopId: w.workshopId
						}
					)
				)
			);
		}
	}
	return { ok: true, invoices, nothing };
}

/** The due date: the invoice date plus the payment terms' days (yyyy-mm-dd). */
export function dueDateOf(invoiceDate: string, termsDays: number): string {
	const d = new Date(`${invoiceDate}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + termsDays);
	return d.toISOString().slice(0, 10);
}
