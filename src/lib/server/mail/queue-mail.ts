import type { Tx } from '../db';
import { outbox } from '../db/schema';
import { enqueueJob } from '../jobs/enqueue-job';
import type { Mail } from './send-mail';

export interface QueuedMail extends Mail {
	/** A calendar invitation (iCalendar text) sent as the message's text/calendar part. */
	calendar?: { method: 'REQUEST' | 'CANCEL'; content: string };
	/** An invoice whose PDF is attached, drawn from its row as issued when the mail is sent. */
	invoiceId?: string;
}

/**
 * Puts a message in the outbox as 'queued' and enqueues its delivery (`deliver_mail`) in the
 * caller's transaction: the message goes out if and only if the change that caused it commits.
 * Call `nudgeJobs()` after the commit to send it at once rather than at the next poll.
 * Sign-in links do not come this way: they are sent while the person waits (`sendMail`).
 */
export async function queueMail(
	tx: Tx,
	mail: QueuedMail
): Promise<{ outboxId: number; jobId: number }> {
	const [row] = await tx
		.insert(outbox)
		.values({
			to: mail.to,
			subject: mail.subject,
			text: mail.text,
			status: 'queued',
			calendar: mail.calendar?.content ?? null,
			calendarMethod: mail.calendar?.method ?? null,
			invoiceId: mail.invoiceId ?? null
		})
		.returning({ id: outbox.id });
	const jobId = await enqueueJob(tx, 'deliver_mail', { outboxId: row!.id });
	return { outboxId: row!.id, jobId };
}
