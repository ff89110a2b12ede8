import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';

/** Who changed what and when, with the record before and after. Written in the same transaction. */
export const auditLog = pgTable(
	'audit_log',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
		/** The actor's e-mail at the time, or 'system' for imports and the demo seed. */
		actorLabel: text('actor_label').notNull(),
		action: text('action').notNull(),
		entityType: text('entity_type').notNull(),
		entityId: text('entity_id').notNull(),
		before: jsonb('before'),
		after: jsonb('after')
	},
	(t) => [
		// the audit page pages newest first by id (keyset); filters by time range use this
		index('audit_log_at').on(t.at),
		// history of one record, newest first
		index('audit_log_entity').on(t.entityType, t.entityId, t.id.desc()),
		// what one person did, newest first (by the label, which outlives an erased account)
		index('audit_log_actor').on(t.actorLabel, t.id.desc()),
		// what an account did, whatever its e-mail was then (personal data export)
		index('audit_log_actor_id').on(t.actorId),
		// one kind of action, newest first
		index('audit_log_action').on(t.action, t.id.desc())
	]
);
