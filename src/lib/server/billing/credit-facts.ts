import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../db';
import { invoiceLines, invoices } from '../db/schema';
import type {
	CreditNote,
	CreditSelection,
	InvoiceLine,
	InvoiceTotals,
	VatBreakdownGroup
} from '$lib/domain/billing/invoice-totals';

type LineRow = typeof invoiceLines.$inferSelect;
type InvoiceRow = typeof invoices.$inferSelect;

/** A stored line as the domain's line. */
export function domainLineOf(line: LineRow): InvoiceLine {
	return {
		quantity: line.quantityTenThousandths / 10_000,
		unitPriceCents: line.unitPriceCents,
		vatCategory: line.vatCategory,
		vatBasisPoints: line.vatBasisPoints,
		exemptionReason: line.exemptionReason
	};
}

/** A stored credit note's amounts as the domain computed them at issue. */
function totalsOf(note: InvoiceRow, lines: readonly LineRow[]): InvoiceTotals {
	return {
		lineNetCents: lines.map((l) => l.netCents),
		breakdown: note.vatBreakdown as unknown as VatBreakdownGroup[],
		netCents: note.netCents,
		vatCents: note.vatCents,
		grossCents: note.grossCents
	};
}

/** What a stored credit note credited, line by line, as the domain's selection. */
export function selectionOf(
	originalLines: readonly LineRow[],
	creditLines: readonly LineRow[]
): CreditSelection[] {
	return creditLines.map((l) => {
		const line = originalLines.findIndex((o) => o.id === l.creditedLineId);
		return l.creditByAmount
			? { line, amountCents: Math.abs(l.netCents) }
			: { line, quantity: Math.abs(l.quantityTenThousandths) / 10_000 };
	});
}

export interface CreditFacts {
	originalLines: LineRow[];
	/** The credit notes of the invoice in the order they were issued, each with its lines. */
	notes: { note: InvoiceRow; lines: LineRow[]; domain: CreditNote }[];
}

/**
 * An invoice's lines and its credit notes so far, as the domain's `creditNote` takes them. In a
 * credit note's transaction it is read after the invoice's row lock, so no other note can be
 * issued for the same invoice in between.
 */
export async function loadCreditFacts(db: Db | Tx, invoiceId: string): Promise<CreditFacts> {
	const originalLines = await db
		.select()
		.from(invoiceLines)
		.where(eq(invoiceLines.invoiceId, invoiceId))
		.orderBy(asc(invoiceLines.position));
	const noteRows = await db
		.select()
		.from(invoices)
		.where(and(eq(invoices.creditedInvoiceId, invoiceId), eq(invoices.document, 'credit_note')))
		.orderBy(asc(invoices.issueDate), asc(invoices.sequence));
	const creditLines =
		noteRows.length === 0
			? []
			: await db
					.select()
					.from(invoiceLines)
					.where(
						inArray(
							invoiceLines.invoiceId,
							noteRows.map((n) => n.id)
						)
					)
					.orderBy(asc(invoiceLines.position));
	const notes = noteRows.map((note) => {
		const lines = creditLines.filter((l) => l.invoiceId === note.id);
		const domain: CreditNote = {
			lines: lines.map((l) => ({
				...domainLineOf(l),
				creditsLine: originalLines.findIndex((o) => o.id === l.creditedLineId),
				...(l.creditByAmount ? { byAmount: true } : {})
			})),
			totals: totalsOf(note, lines),
			completesCredit: false
		};
		return { note, lines, domain };
	});
	return { originalLines, notes };
}
