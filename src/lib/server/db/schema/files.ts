import { sql } from 'drizzle-orm';
import {
	check,
	customType,
	index,
	integer,
	pgTable,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { users } from './auth';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value))
});

/**
 * Uploaded documents (season presentations, minutes extracts), kept in the database so app
 * servers hold no state of their own.
 */
export const files = pgTable(
	'files',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		name: text('name').notNull(),
		contentType: text('content_type').notNull(),
		size: integer('size').notNull(),
		sha256: text('sha256').notNull(),
		data: bytea('data').notNull(),
		uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check('files_size_limit', sql`${t.size} between 1 and 20971520`),
		// files a person uploaded (personal data export)
		index('files_uploaded_by').on(t.uploadedBy)
	]
);
