import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { hideSecretLinks } from '$lib/domain/secret-links';
import { outbox } from '../db/schema';
import { defineJob } from '../jobs/define-job';
import { mailTransport } from './send-mail';
import { invoicePdfAttachment } from '../billing/invoice-pdf-attachment';

/**
 * The Message-ID of an outbox message: made from the row (its id and when it was written) and
 * the sender's domain, never at random, so a message sent again after a crash between SMTP's
 * "accepted" and our commit carries the same id and mail clients show it once. The time keeps
 * two installations that send from one domain (staging and production) from sharing ids.
 */
export function outboxMessageId(row: { id: number; createdAt: Date }, from: string): string {
	const domain = /@([^\s<>@"]+?)\s*>?\s*$/.exec(from)?.[1] ?? 'verkosto.invalid';
	return `<outbox-${row.id}-${row.createdAt.getTime().toString(36)}@${domain}>`;
}

type Delivery = 'sent' | 'kept' | 'settled';

/**
 * Delivers one queued outbox message (`queueMail`). With SMTP_URL: sends it, then marks it
 * 'sent' (the kept copy's secret links hidden, as `sendMail` does); an SMTP error is thrown, so
 * the job is retried with back-off, and the message is marked 'failed' with the error when the
 * job gives up. Without SMTP_URL the message is marked 'kept', for coordinators to read.
 */
export const deliverMailJob = defineJob({
	label: 'jobs.kind.deliver_mail',
	payload: z.object({ outboxId: z.number().int().positive() }),

	async external(db, { outboxId }, { settings }): Promise<Delivery> {
		const smtpUrl = settings.mail.smtpUrl;
		if (!smtpUrl) return 'kept';
		const [row] = await db.select().from(outbox).where(eq(outbox.id, outboxId)).limit(1);
		// gone (erased with its recipient) or already delivered by an earlier run
		if (!row || row.status === 'sent' || row.status === 'kept') return 'settled';
		const attachment = row.invoiceId ? await invoicePdfAttachment(db, row.invoiceId) : null;
		await mailTransport(smtpUrl).sendMail({
			from: settings.mail.from,
			to: row.to,
			subject: row.subject,
			text: row.text,
			messageId: outboxMessageId(row, settings.mail.from),
			...(row.calendar
				? { icalEvent: { method: row.calendarMethod ?? 'REQUEST', content: row.calendar } }
				: {}),
			...(attachment ? { attachments: [attachment] } : {})
		});
		return 'sent';
	},

	async run(tx, { outboxId }, { now, settings }, delivery) {
		if (delivery === 'settled') return;
		const [row] = await tx
			.select()
			.from(outbox)
			.where(eq(outbox.id, outboxId))
			.limit(1)
			.for('update');
		if (!row || row.status === 'sent' || row.status === 'kept') return;
		const text = delivery === 'sent' ? hideSecretLinks(row.text) : row.text;
		await tx
			.update(outbox)
			.set({ status: delivery, sentAt: delivery === 'sent' ? now : null, error: null, text })
			.where(eq(outbox.id, outboxId));
		if (settings.mail.log) console.info(`[mail] to ${row.to}: ${row.subject}\n${text}\n`);
	},

	async onGiveUp(tx, { outboxId }, _ctx, error) {
		await tx.update(outbox).set({ status: 'failed', error }).where(eq(outbox.id, outboxId));
	}
});
