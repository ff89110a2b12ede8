import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../db';
import { invoices, roleAssignments, users } from '../../db/schema';
import { defineJob } from '../../jobs/define-job';
import { enqueueJob } from '../../jobs/enqueue-job';
import { queueMail } from '../../mail/queue-mail';
import { recordAudit } from '../../audit/record-audit';
import { systemActor } from '../../actor';
import type { InvoiceBuyer, InvoiceSeller } from '../invoice-parties';
import { serverTranslator } from '$lib/i18n/catalogue';
import { formatDate, formatMoney } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locales';
import { fromHelsinki, helsinkiDate } from '$lib/domain/helsinki-time';
import { invoiceListState } from '$lib/domain/billing/invoice-state';
import { openCentsOf, reminderDay } from '$lib/domain/billing/payment-matching';
import { formatNationalReference } from '$lib/domain/billing/reference-number';
import { formatIban } from '$lib/domain/billing/bank-account';
import { UUID_PATTERN } from '$lib/domain/uuid';

const reminderKey = (invoiceId: string) => `invoice_reminder:${invoiceId}`;

/** Reminders go out in office hours: 9.00 in Helsinki on the reminder day. */
export function reminderInstant(dueDate: string): Date {
	const at = fromHelsinki(reminderDay(dueDate), '09:00');
	if (!at.ok) throw new Error(`no reminder time for ${dueDate}`);
	return at.instant;
}

/** Enqueued with the invoice, in the transaction that issues it: one check per invoice. */
export async function scheduleInvoiceReminder(tx: Tx, invoice: { id: string; dueDate: string }) {
	await enqueueJob(
		tx,
		'invoice_reminder',
		{ invoiceId: invoice.id },
		{ runAt: reminderInstant(invoice.dueDate), dedupeKey: reminderKey(invoice.id) }
	);
}

/** Who is reminded: the buyer's invoice e-mail, and the municipality's contact persons. */
async function recipients(tx: Tx, municipalityCode: string, buyer: InvoiceBuyer, language: Locale) {
	const people = await tx
		.selectDistinct({ name: users.name, email: users.email, locale: users.locale })
		.from(roleAssignments)
		.innerJoin(users, eq(users.id, roleAssignments.userId))
		.where(
			and(
				eq(roleAssignments.municipalityCode, municipalityCode),
				eq(roleAssignments.role, 'contact_person'),
				isNull(users.erasedAt),
				isNull(users.disabledAt)
			)
		);
	const all: { name: string; email: string; locale: Locale }[] = [
		...(buyer.email ? [{ name: buyer.name, email: buyer.email, locale: language }] : []),
		...people.map((p) => ({ ...p, locale: p.locale as Locale }))
	];
	const seen = new Set<string>();
	return all.filter((p) => {
		const key = p.email.toLowerCase();
		return !seen.has(key) && seen.add(key);
	});
}

/**
 * The payment reminder of an invoice (ADR 025), due a week after its due date. When it runs it
 * locks the invoice and mails only if the invoice is still overdue and was not reminded yet;
 * `reminded_at` is set in the same transaction as the mail is queued and the job marked done,
 * so each invoice is reminded at most once.
 */
export const invoiceReminderJob = defineJob({
	label: 'jobs.kind.invoice_reminder',
	payload: z.object({ invoiceId: z.string().regex(UUID_PATTERN) }),
	async run(tx, { invoiceId }, ctx) {
		const [invoice] = await tx
			.select()
			.from(invoices)
			.where(eq(invoices.id, invoiceId))
			.for('update');
		if (!invoice || invoice.document !== 'invoice' || invoice.remindedAt) return;
		const today = helsinkiDate(ctx.now);
		if (invoiceListState(invoice, today) !== 'overdue') return;
		const buyer = invoice.buyer as unknown as InvoiceBuyer;
		const seller = invoice.seller as unknown as InvoiceSeller;
		const openCents = openCentsOf(invoice);
		const link = `${ctx.settings.publicOrigin}/municipalities/${invoice.municipalityCode}/invoices/${invoice.id}`;
		const to = await recipients(tx, invoice.municipalityCode, buyer, invoice.language);
		for (const person of to) {
			const t = serverTranslator(person.locale);
			await queueMail(tx, {
				to: person.email,
				subject: t('mail.invoiceReminder.subject', { number: invoice.number }),
				text: [
					t('mail.event.greeting', { name: person.name }),
					'',
					t('mail.invoiceReminder.body', {
						number: invoice.number,
						dueDate: formatDate(person.locale, invoice.dueDate),
						buyer: buyer.name
					}),
					'',
					t('mail.invoiceReminder.open', { amount: formatMoney(person.locale, openCents) }),
					t('mail.invoiceReminder.reference', {
						reference: formatNationalReference(invoice.reference)
					}),
					t('mail.invoiceReminder.account', {
						iban: formatIban(seller.iban),
						bic: seller.bic
					}),
					'',
					t('mail.invoiceReminder.already'),
					'',
					t('mail.invoiceReminder.link', { link }),
					'',
					t('mail.event.signature', { network: seller.name })
				].join('\n')
			});
		}
		await tx.update(invoices).set({ remindedAt: ctx.now }).where(eq(invoices.id, invoice.id));
		await recordAudit(tx, systemActor, {
			action: 'invoice.remind',
			entityType: 'invoice',
			entityId: invoice.id,
			after: { number: invoice.number, openCents, recipients: to.length }
		});
	}
});
