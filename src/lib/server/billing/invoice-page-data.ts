import type { InvoiceListState } from '$lib/domain/billing/invoice-state';
import type { InvoiceView } from './invoice-queries';
import type { InvoiceBuyer, InvoiceSeller } from './invoice-parties';

/** What an invoice's page shows: the row as issued with its parties typed, and its state. */
export function invoicePageData(view: InvoiceView, state: InvoiceListState) {
	const { invoice } = view;
	return {
		invoice: {
			id: invoice.id,
			number: invoice.number,
			document: invoice.document,
			kind: invoice.kind,
			year: invoice.year,
			issueDate: invoice.issueDate,
			dueDate: invoice.dueDate,
			reference: invoice.reference,
			rfReference: invoice.rfReference,
			buyerReference: invoice.buyerReference,
			netCents: invoice.netCents,
			vatCents: invoice.vatCents,
			grossCents: invoice.grossCents,
			paidCents: invoice.paidCents,
			creditedCents: invoice.creditedCents,
			creditReason: invoice.creditReason,
			mailedAt: invoice.mailedAt?.toISOString() ?? null,
			municipalityCode: invoice.municipalityCode,
			seller: invoice.seller as unknown as InvoiceSeller,
			buyer: invoice.buyer as unknown as InvoiceBuyer,
			vatBreakdown: invoice.vatBreakdown as unknown as {
				vatCategory: string;
				vatBasisPoints: number | null;
				taxableCents: number;
				vatCents: number;
			}[]
		},
		lines: view.lines.map((l) => ({
			id: l.id,
			description: l.description,
			quantityTenThousandths: l.quantityTenThousandths,
			unitPriceCents: l.unitPriceCents,
			vatCategory: l.vatCategory,
			vatBasisPoints: l.vatBasisPoints,
			netCents: l.netCents
		})),
		creditedInvoice: view.creditedInvoice,
		state
	};
}
