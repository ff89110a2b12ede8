import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../db';
import { invoices } from '../db/schema';
import { queueMail } from '../mail/queue-mail';
import { serverTranslator } from '$lib/i18n/catalogue';
import { formatDate, formatMoney } from '$lib/i18n/format';
import { formatNationalReference } from '$lib/domain/billing/reference-number';

/**
 * Hands an issued invoice to the outbox for the buyer's invoice address, with its PDF attached
 * when the mail is sent (ADR 026), in the caller's transaction: the mail goes out if and only if
 * the invoice is issued. `mailed_at` is set by an update guarded by `mailed_at is null`, so an
 * invoice is mailed exactly once however often this is called.
 */
export async function queueInvoiceMail(
	tx: Tx,
	invoice: {
		id: string;
		number: string;
		language: 'fi' | 'sv';
		to: string;
		sellerName: string;
		dueDate: string;
		grossCents: number;
		reference: string;
	}
): Promise<boolean> {
	const marked = await tx
		.update(invoices)
		.set({ mailedAt: sql`now()` })
		.where(and(eq(invoices.id, invoice.id), isNull(invoices.mailedAt)))
		.returning({ id: invoices.id });
	if (marked.length === 0) return false;
	const t = serverTranslator(invoice.language);
	await queueMail(tx, {
		to: invoice.to,
		subject: t('credit.mail.subject', { number: invoice.number, seller: invoice.sellerName }),
		text: t('credit.mail.text', {
			number: invoice.number,
			seller: invoice.sellerName,
			amount: formatMoney(invoice.language, invoice.grossCents),
			due: formatDate(invoice.language, invoice.dueDate),
			reference: formatNationalReference(invoice.reference)
		}),
		invoiceId: invoice.id
	});
	return true;
}
