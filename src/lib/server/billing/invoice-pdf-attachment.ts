import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { invoices } from '../db/schema';
import { getInvoice } from './invoice-queries';
import { invoiceFile } from './invoice-file';

/**
 * An invoice's PDF as a mail attachment, drawn from its row as issued when the outbox sends the
 * mail (ADR 026). Throws when the PDF cannot be made, so the delivery job retries and at last
 * marks the mail failed rather than sending an invoice mail without its invoice.
 */
export async function invoicePdfAttachment(
	db: Db,
	invoiceId: string
): Promise<{ filename: string; content: Buffer; contentType: string }> {
	const [row] = await db
		.select({ networkId: invoices.networkId })
		.from(invoices)
		.where(eq(invoices.id, invoiceId));
	const view = row ? await getInvoice(db, invoiceId, { networkIds: [row.networkId] }) : null;
	if (!view) throw new Error(`invoice ${invoiceId} not found for its mail`);
	const file = await invoiceFile(db, view, 'pdf');
	if (!file.ok) throw new Error(`invoice ${invoiceId} PDF: ${file.problems.join(', ')}`);
	return { filename: file.filename, content: file.body, contentType: file.contentType };
}
