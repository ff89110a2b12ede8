import { bigserial, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { invoices } from './billing';

export const mailStatusEnum = pgEnum('mail_status', ['kept', 'sent', 'failed', 'queued']);

/** Every e-mail the platform sends; without SMTP it stays here for coordinators to read. */
export const outbox = pgTable(
	'outbox',
	{
		/** Ascending with time: the outbox page pages by it, newest first. */
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		to: text('to').notNull(),
		subject: text('subject').notNull(),
		text: text('text').notNull(),
		status: mailStatusEnum('status').notNull(),
		/** A calendar invitation sent with the message (text/calendar), and its iTIP method. */
		calendar: text('calendar'),
		calendarMethod: text('calendar_method'),
		/** An invoice whose PDF goes with the message, drawn from its row when it is sent (ADR 026). */
		invoiceId: uuid('invoice_id').references(() => invoices.id, { onDelete: 'set null' }),
		error: text('error'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		sentAt: timestamp('sent_at', { withTimezone: true })
	},
	(t) => [
		// mail to one address (personal data export, erasure)
		index('outbox_to').on(t.to),
		// an invoice's mail (and the set null when one is deleted)
		index('outbox_invoice').on(t.invoiceId)
	]
);
