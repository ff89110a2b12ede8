import type { Db } from '../db';
import { renderFinvoice } from './documents/finvoice';
import { renderInvoicePdf } from './documents/invoice-pdf';
import { renderUbl } from './documents/ubl';
import { invoiceDocumentOf } from './invoice-document-of';
import type { InvoiceView } from './invoice-queries';

export const INVOICE_FILES = ['pdf', 'finvoice', 'ubl'] as const;
export type InvoiceFileKind = (typeof INVOICE_FILES)[number];

export type InvoiceFile =
	| { ok: true; body: Buffer; contentType: string; filename: string }
	/** The document cannot be made: what an e-invoice needs is missing. */
	| { ok: false; problems: string[] };

/**
 * An issued invoice as a file to download: the PDF, Finvoice 3.0 or Peppol BIS Billing 3.0 UBL,
 * all drawn from the one `InvoiceDocument` made from the invoice's row as issued.
 */
export async function invoiceFile(
	db: Db,
	view: InvoiceView,
	kind: InvoiceFileKind
): Promise<InvoiceFile> {
	const document = await invoiceDocumentOf(db, view);
	if (!document.ok) {
		return {
			ok: false,
			problems:
				typeof document.problems === 'string'
					? [document.problems]
					: document.problems.map((p) => `${p.field}:${p.problem}`)
		};
	}
	const base = `${view.invoice.document === 'credit_note' ? 'hyvityslasku' : 'lasku'}-${view.invoice.number}`;
	if (kind === 'pdf') {
		return {
			ok: true,
			body: await renderInvoicePdf(document.value),
			contentType: 'application/pdf',
			filename: `${base}.pdf`
		};
	}
	const xml = kind === 'finvoice' ? renderFinvoice(document.value) : renderUbl(document.value);
	if (!xml.ok) return { ok: false, problems: xml.problems.map(String) };
	return {
		ok: true,
		body: Buffer.from(xml.value, 'utf8'),
		contentType: 'application/xml; charset=utf-8',
		filename: `${base}-${kind}.xml`
	};
}

/** The file as a download: private, never cached. */
export function invoiceFileResponse(file: Extract<InvoiceFile, { ok: true }>): Response {
	return new Response(new Uint8Array(file.body), {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${file.filename}"`,
			'cache-control': 'private, no-store'
		}
	});
}
