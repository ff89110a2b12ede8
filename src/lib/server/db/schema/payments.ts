import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	date,
	index,
	integer,
	pgEnum,
	pgTable,
	text,
	timestamp,
	unique,
	uuid
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { invoices } from './billing';
import { networks } from './networks';

/**
 * Payments from the bank (issue 10, ADR 025): the camt.054 files a coordinator imported, one
 * payment per credit in them, and what each payment was allocated to. Amounts are integer cents.
 *
 * The sums are kept on the rows they belong to, in the transaction that writes an allocation and
 * under the row locks of the payment and the invoice: `payments.allocated_cents` (never above the
 * payment) and `invoices.paid_cents` (never above the invoice). Check constraints hold both.
 */

/** One imported camt.054 file. The same file (its bytes, or the bank's message ID) once. */
export const bankFiles = pgTable(
	'bank_files',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		/** GrpHdr/MsgId: unique per bank for every notification it sends. */
		messageId: text('message_id').notNull(),
		/** SHA-256 of the file's bytes, hex. */
		sha256: text('sha256').notNull(),
		fileName: text('file_name').notNull().default(''),
		/** The account the notification is of (IBAN), if given. */
		account: text('account'),
		credits: integer('credits').notNull(),
		/** Credits already imported from an earlier (overlapping) file, not counted again. */
		duplicates: integer('duplicates').notNull(),
		skippedEntries: integer('skipped_entries').notNull().default(0),
		exact: integer('exact').notNull().default(0),
		partly: integer('partly').notNull().default(0),
		over: integer('over').notNull().default(0),
		unknown: integer('unknown').notNull().default(0),
		totalCents: integer('total_cents').notNull().default(0),
		importedBy: uuid('imported_by').references(() => users.id, { onDelete: 'set null' }),
		importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('bank_files_hash').on(t.networkId, t.sha256),
		unique('bank_files_message').on(t.networkId, t.messageId),
		check(
			'bank_files_counts',
			sql`${t.credits} >= 0 and ${t.duplicates} between 0 and ${t.credits} and ${t.exact} + ${t.partly} + ${t.over} + ${t.unknown} + ${t.duplicates} = ${t.credits} and ${t.totalCents} >= 0`
		),
		// a network's imports, newest first
		index('bank_files_network_imported').on(t.networkId, t.importedAt),
		// files a person imported (personal data export, erasure)
		index('bank_files_imported_by').on(t.importedBy)
	]
);

export const paymentMatchEnum = pgEnum('payment_match', ['exact', 'partly', 'over', 'unknown']);

/** A credit on the network's account, as the bank told it; imported once per bank reference. */
export const payments = pgTable(
	'payments',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		bankFileId: uuid('bank_file_id')
			.notNull()
			.references(() => bankFiles.id, { onDelete: 'restrict' }),
		/** The bank's archive ID (AcctSvcrRef): a credit is never counted twice, whatever file. */
		entryReference: text('entry_reference').notNull(),
		bookingDate: date('booking_date').notNull(),
		valueDate: date('value_date').notNull(),
		amountCents: integer('amount_cents').notNull(),
		/** The reference as the bank sent it; null when none. */
		referenceText: text('reference_text'),
		/** The national reference it stands for (an RF reduced to it), when valid. */
		reference: text('reference'),
		payerName: text('payer_name'),
		/** How it matched on import. */
		match: paymentMatchEnum('match').notNull(),
		/** The sum of its allocations, kept with them. */
		allocatedCents: integer('allocated_cents').notNull().default(0),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('payments_entry').on(t.networkId, t.entryReference),
		check('payments_amount', sql`${t.amountCents} > 0`),
		check(
			'payments_allocated',
			sql`${t.allocatedCents} >= 0 and ${t.allocatedCents} <= ${t.amountCents}`
		),
		// the list: a network's payments by booking date, and those still to allocate
		index('payments_network_booked').on(t.networkId, t.bookingDate, t.id),
		index('payments_network_open')
			.on(t.networkId, t.bookingDate, t.id)
			.where(sql`${t.allocatedCents} < ${t.amountCents}`),
		// a file's payments (its summary page)
		index('payments_bank_file').on(t.bankFileId)
	]
);

/** Part of a payment settling an invoice: matched on import, or by a coordinator. */
export const paymentAllocations = pgTable(
	'payment_allocations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		paymentId: uuid('payment_id')
			.notNull()
			.references(() => payments.id, { onDelete: 'restrict' }),
		invoiceId: uuid('invoice_id')
			.notNull()
			.references(() => invoices.id, { onDelete: 'restrict' }),
		amountCents: integer('amount_cents').notNull(),
		/** Matched by its reference on import; false when a coordinator allocated it. */
		automatic: boolean('automatic').notNull(),
		allocatedBy: uuid('allocated_by').references(() => users.id, { onDelete: 'set null' }),
		allocatedAt: timestamp('allocated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check('payment_allocations_amount', sql`${t.amountCents} > 0`),
		// a payment's allocations (its page, undo)
		index('payment_allocations_payment').on(t.paymentId),
		// an invoice's payments (its page)
		index('payment_allocations_invoice').on(t.invoiceId),
		// allocations a person made (personal data export, erasure)
		index('payment_allocations_allocated_by').on(t.allocatedBy)
	]
);
