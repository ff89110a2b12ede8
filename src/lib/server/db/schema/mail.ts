import { bigserial, index, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

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
		error: text('error'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		sentAt: timestamp('sent_at', { withTimezone: true })
	},
	(t) => [
		// mail to one address (personal data export, erasure)
		index('outbox_to').on(t.to)
	]
);
