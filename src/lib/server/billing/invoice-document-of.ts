import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { invoices } from '../db/schema';
import { serverTranslator } from '$lib/i18n/catalogue';
import { ovtFromBusinessId } from '$lib/domain/billing/business-id';
import {
	buildCreditNoteDocument,
	buildInvoiceDocument,
	type DocumentResult,
	type InvoiceDocumentInput
} from '$lib/domain/billing/invoice-document';
import { loadCreditFacts, selectionOf } from './credit-facts';
import type { InvoiceView } from './invoice-queries';
import type { InvoiceBuyer, InvoiceSeller } from './invoice-parties';

/**
 * The document input of an issued invoice, from its row alone: the parties, lines and amounts
 * as they were frozen at issue (ADR 022), never today's billing details. The seller's own
 * e-invoice address, when the network has not given one, is its OVT code made from its
 * business ID (0037 + the digits), which every Finnish organisation has.
 */
export function invoiceDocumentInputOf(view: InvoiceView): InvoiceDocumentInput {
	const { invoice, lines } = view;
	const seller = invoice.seller as unknown as InvoiceSeller;
	const buyer = invoice.buyer as unknown as InvoiceBuyer;
	const t = serverTranslator(invoice.language);
	const periods = lines.filter((l) => l.periodStart && l.periodEnd);
	return {
		number: invoice.number,
		issueDate: invoice.issueDate,
		dueDate: invoice.dueDate,
		invoicePeriod:
			periods.length > 0 && periods.length === lines.length
				? {
						start: periods.map((l) => l.periodStart!).sort()[0]!,
						end: periods
							.map((l) => l.periodEnd!)
							.sort()
							.at(-1)!
					}
				: null,
		language: invoice.language,
		seller: {
			name: seller.name,
			businessId: seller.businessId,
			vatNumber: seller.vatNumber,
			street: seller.streetAddress,
			postalCode: seller.postalCode,
			city: seller.city,
			countryCode: seller.countryCode,
			iban: seller.iban,
			bic: seller.bic,
			eInvoiceAddress: seller.eInvoiceAddress ?? ovtFromBusinessId(seller.businessId),
			eInvoiceOperator: seller.eInvoiceOperator
		},
		buyer: {
			name: buyer.name,
			businessId: buyer.businessId,
			street: buyer.streetAddress,
			postalCode: buyer.postalCode,
			city: buyer.city,
			countryCode: buyer.countryCode,
			eInvoiceAddress: buyer.eInvoiceAddress,
			eInvoiceOperator: buyer.eInvoiceOperator,
			buyerReference: invoice.buyerReference || null
		},
		reference: invoice.reference,
		paymentTerms: t('billing.paymentTerms', { days: seller.paymentTermsDays }),
		penaltyInterestBasisPoints:
			seller.penaltyInterest.basis === 'fixed' ? seller.penaltyInterest.basisPoints : null,
		lines: lines.map(lineInputOf)
	};
}

/** A stored line as a document's input line. */
function lineInputOf(l: InvoiceView['lines'][number]) {
	return {
		description: l.description,
		quantityTenThousandths: l.quantityTenThousandths,
		unitCode: 'C62' as const,
		unitPriceCents: l.unitPriceCents,
		vatCategory: l.vatCategory,
		vatBasisPoints: l.vatBasisPoints,
		exemptionReason: l.exemptionReason,
		period: l.periodStart && l.periodEnd ? { start: l.periodStart, end: l.periodEnd } : null
	};
}

/**
 * The `InvoiceDocument` of an issued invoice or credit note, for the PDF, Finvoice and UBL
 * renderers. A credit note's is computed again by the domain from the invoice's lines, the
 * notes issued before it and what it credited (all frozen), and must come out as the amounts
 * stored at issue (ADR 026); its note (BT-22) is the reason it was made.
 */
export async function invoiceDocumentOf(
	db: Db,
	view: InvoiceView
): Promise<DocumentResult | { ok: false; problems: 'credit_note' }> {
	if (view.invoice.document === 'invoice')
		return buildInvoiceDocument(invoiceDocumentInputOf(view));
	const originalId = view.invoice.creditedInvoiceId;
	if (!originalId) return { ok: false, problems: 'credit_note' };
	const [original] = await db
		.select({ number: invoices.number, issueDate: invoices.issueDate })
		.from(invoices)
		.where(eq(invoices.id, originalId));
	if (!original) return { ok: false, problems: 'credit_note' };
	const facts = await loadCreditFacts(db, originalId);
	const at = facts.notes.findIndex((n) => n.note.id === view.invoice.id);
	if (at < 0) return { ok: false, problems: 'credit_note' };
	const { dueDate: _dueDate, lines: _lines, ...common } = invoiceDocumentInputOf(view);
	const document = buildCreditNoteDocument({
		...common,
		note: view.invoice.creditReason,
		original: {
			number: original.number,
			issueDate: original.issueDate,
			lines: facts.originalLines.map(lineInputOf)
		},
		earlierCredits: facts.notes.slice(0, at).map((n) => n.domain),
		selection: selectionOf(facts.originalLines, facts.notes[at]!.lines)
	});
	if (document.ok && document.value.totals.grossCents !== view.invoice.grossCents) {
		return { ok: false, problems: 'credit_note' };
	}
	return document;
}
