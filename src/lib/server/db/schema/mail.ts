import { index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const mailStatusEnum = pgEnum('mail_status', ['kept', 'sent', 'failed']);

/** Every e-mail the platform sends; without SMTP it stays here for coordinators to read. */
export const outbox = pgTable(
	'outbox',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		to: text('to').notNull(),
		subject: text('subject').notNull(),
		text: text('text').notNull(),
		status: mailStatusEnum('status').notNull(),
		error: text('error'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		sentAt: timestamp('sent_at', { withTimezone: true })
	},
	(t) => [
		// the outbox page lists newest first
		index('outbox_created').on(t.createdAt.desc(), t.id)
	]
);
