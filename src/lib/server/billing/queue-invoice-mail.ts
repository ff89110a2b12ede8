import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../db';
import { invoices } from '../db/schema';
import { queueMail } from '../mail/queue-mail';
import { serverTranslator } from '$lib/i18n/catalogue';
import { formatDate, formatMoney } from '$lib/i18n/format';
import { formatNationalReference } from '$lib/domain/billing/reference-number';

interface MailedDocument {
	id: string;
	number: string;
	/** The member's language as the document was issued. */
	language: 'fi' | 'sv';
	to: string;
	sellerName: string;
	grossCents: number;
}

/** An invoice: what to pay, by when, with which reference. */
export interface MailedInvoice extends MailedDocument {
	document: 'invoice';
	dueDate: string;
	reference: string;
}

/** A credit note: what it takes off which invoice; nothing to pay. */
export interface MailedCreditNote extends MailedDocument {
	document: 'credit_note';
	creditedNumber: string;
}

function mailOf(doc: MailedInvoice | MailedCreditNote) {
	const t = serverTranslator(doc.language);
	if (doc.document === 'credit_note') {
		const params = {
			number: doc.number,
			credited: doc.creditedNumber,
			seller: doc.sellerName,
			amount: formatMoney(doc.language, Math.abs(doc.grossCents))
		};
		return {
			subject: t('credit.noteMail.subject', params),
			text: t('credit.noteMail.text', params)
		};
	}
	return {
		subject: t('credit.mail.subject', { number: doc.number, seller: doc.sellerName }),
		text: t('credit.mail.text', {
			number: doc.number,
			seller: doc.sellerName,
			amount: formatMoney(doc.language, doc.grossCents),
			due: formatDate(doc.language, doc.dueDate),
			reference: formatNationalReference(doc.reference)
		})
	};
}

/**
 * Hands an issued invoice or credit note to the outbox for the buyer's invoice address, with
 * its PDF attached when the mail is sent (ADR 026), in the caller's transaction: the mail goes
 * out if and only if the document is issued. `mailed_at` is set by an update guarded by
 * `mailed_at is null`, so a document is mailed exactly once however often this is called.
 */
export async function queueInvoiceMail(
	tx: Tx,
	doc: MailedInvoice | MailedCreditNote
): Promise<boolean> {
	const marked = await tx
		.update(invoices)
		.set({ mailedAt: sql`now()` })
		.where(and(eq(invoices.id, doc.id), isNull(invoices.mailedAt)))
		.returning({ id: invoices.id });
	if (marked.length === 0) return false;
	await queueMail(tx, { to: doc.to, ...mailOf(doc), invoiceId: doc.id });
	return true;
}
