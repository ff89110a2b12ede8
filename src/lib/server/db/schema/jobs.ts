import { sql } from 'drizzle-orm';
import {
	bigserial,
	check,
	index,
	integer,
	jsonb,
	pgTable,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';

/**
 * Background work (mail delivery, reminders, feedback requests), claimed by one server at a time
 * with `for update skip locked` and leased until `locked_until` (ADR 016).
 */
export const jobs = pgTable(
	'jobs',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		kind: text('kind').notNull(),
		payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
		runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
		attempts: integer('attempts').notNull().default(0),
		maxAttempts: integer('max_attempts').notNull().default(8),
		lockedBy: text('locked_by'),
		lockedUntil: timestamp('locked_until', { withTimezone: true }),
		doneAt: timestamp('done_at', { withTimezone: true }),
		failedAt: timestamp('failed_at', { withTimezone: true }),
		lastError: text('last_error'),
		/** One pending job per key (`reminder:<sign-up>`): enqueueing again moves it. */
		dedupeKey: text('dedupe_key'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('jobs_dedupe_pending')
			.on(t.dedupeKey)
			.where(sql`${t.doneAt} is null and ${t.failedAt} is null`),
		// the due jobs, in order
		index('jobs_due')
			.on(t.runAt, t.id)
			.where(sql`${t.doneAt} is null and ${t.failedAt} is null`),
		// failed jobs waiting for a coordinator
		index('jobs_failed')
			.on(t.failedAt)
			.where(sql`${t.failedAt} is not null`),
		check('jobs_attempts', sql`${t.attempts} >= 0 and ${t.maxAttempts} > 0`)
	]
);
