import { sql } from 'drizzle-orm';
import {
	type AnyPgColumn,
	bigint,
	boolean,
	check,
	date,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	primaryKey,
	smallint,
	text,
	timestamp,
	unique,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { memberships } from './memberships';
import { networks } from './networks';
import { municipalities } from './registry';
import { seasons } from './seasons';
import { workshops } from './workshops';

/**
 * Billing (issue 10, ADR 017 for the rules, ADR 022 for runs and numbering). Amounts are
 * integer cents, VAT rates integer basis points (2550 = 25,5 %), quantities ten-thousandths.
 */

/**
 * Finland's general VAT rate by the day it came into force: data, not code (ADR 022). The
 * migration enters 24 % from 2013 and 25,5 % from 1.9.2024; a new rate is a new row.
 */
export const vatRates = pgTable(
	'vat_rates',
	{
		validFrom: date('valid_from').primaryKey(),
		basisPoints: integer('basis_points').notNull(),
		source: text('source').notNull().default('')
	},
	(t) => [check('vat_rates_range', sql`${t.basisPoints} between 0 and 10000`)]
);

export const penaltyInterestBasisEnum = pgEnum('penalty_interest_basis', [
	'interest_act_4',
	'interest_act_4a',
	'fixed'
]);
export const invoiceDeliveryEnum = pgEnum('invoice_delivery', ['e_invoice', 'email']);
export const invoiceLanguageEnum = pgEnum('invoice_language', ['fi', 'sv']);

/** The seller on a network's invoices, kept by its coordinators. */
export const networkBillingDetails = pgTable(
	'network_billing_details',
	{
		networkId: uuid('network_id')
			.primaryKey()
			.references(() => networks.id, { onDelete: 'cascade' }),
		sellerName: text('seller_name').notNull(),
		/** Normal form "0112038-9" (business-id.ts). */
		businessId: text('business_id').notNull(),
		/** Normal form "FI01120389". */
		vatNumber: text('vat_number').notNull(),
		streetAddress: text('street_address').notNull(),
		postalCode: text('postal_code').notNull(),
		city: text('city').notNull(),
		/** Electronic form, no spaces. */
		iban: text('iban').notNull(),
		bic: text('bic').notNull(),
		paymentTermsDays: smallint('payment_terms_days').notNull().default(14),
		penaltyInterestBasis: penaltyInterestBasisEnum('penalty_interest_basis')
			.notNull()
			.default('interest_act_4'),
		/** The agreed yearly rate when the basis is `fixed`. */
		penaltyInterestBasisPoints: integer('penalty_interest_basis_points'),
		/** The seller's own e-invoice address and operator, for the e-invoices it sends. */
		eInvoiceAddress: text('e_invoice_address'),
		eInvoiceOperator: text('e_invoice_operator'),
		/** Price of one extra workshop (without VAT); null until the network sets one. */
		extraWorkshopFeeCents: integer('extra_workshop_fee_cents'),
		updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check('network_billing_terms', sql`${t.paymentTermsDays} between 0 and 365`),
		check(
			'network_billing_penalty',
			sql`(${t.penaltyInterestBasis} = 'fixed') = (${t.penaltyInterestBasisPoints} is not null) and (${t.penaltyInterestBasisPoints} is null or ${t.penaltyInterestBasisPoints} between 0 and 10000)`
		),
		check(
			'network_billing_e_invoice',
			sql`(${t.eInvoiceAddress} is null) = (${t.eInvoiceOperator} is null)`
		),
		check(
			'network_billing_extra_fee',
			sql`${t.extraWorkshopFeeCents} is null or ${t.extraWorkshopFeeCents} >= 0`
		),
		// a person's edits (personal data export, erasure)
		index('network_billing_updated_by').on(t.updatedBy)
	]
);

/**
 * A municipality as a buyer: filled in by its contact person, checked by the coordinator. One
 * row per municipality, whatever networks it belongs to.
 */
export const memberBillingDetails = pgTable(
	'member_billing_details',
	{
		municipalityCode: text('municipality_code')
			.primaryKey()
			.references(() => municipalities.code, { onDelete: 'restrict' }),
		/** The name on the invoice ("Vaalan kunta"). */
		billingName: text('billing_name').notNull(),
		businessId: text('business_id').notNull(),
		streetAddress: text('street_address').notNull(),
		postalCode: text('postal_code').notNull(),
		city: text('city').notNull(),
		eInvoiceAddress: text('e_invoice_address'),
		/** The operator's intermediator ID (välittäjätunnus). */
		eInvoiceOperator: text('e_invoice_operator'),
		/** What the municipality wants on every invoice (EN 16931 BT-10). */
		buyerReference: text('buyer_reference').notNull().default(''),
		delivery: invoiceDeliveryEnum('delivery').notNull().default('e_invoice'),
		/** Where PDF invoices go when the delivery is e-mail. */
		invoiceEmail: text('invoice_email'),
		language: invoiceLanguageEnum('language').notNull().default('fi'),
		/** When a coordinator last checked the details, and who. */
		checkedBy: uuid('checked_by').references(() => users.id, { onDelete: 'set null' }),
		checkedAt: timestamp('checked_at', { withTimezone: true }),
		updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check(
			'member_billing_e_invoice',
			sql`(${t.eInvoiceAddress} is null) = (${t.eInvoiceOperator} is null)`
		),
		check(
			'member_billing_delivery',
			sql`case when ${t.delivery} = 'e_invoice' then ${t.eInvoiceAddress} is not null else ${t.invoiceEmail} is not null end`
		),
		// a person's edits and checks (personal data export, erasure)
		index('member_billing_updated_by').on(t.updatedBy),
		index('member_billing_checked_by').on(t.checkedBy)
	]
);

/**
 * The last invoice number handed out per network and year. Taken by `update … returning` in
 * the transaction that inserts the invoice, so its row lock orders the numbers and a rollback
 * gives the number back: no gaps, no doubles (ADR 022).
 */
export const invoiceCounters = pgTable(
	'invoice_counters',
	{
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		year: smallint('year').notNull(),
		lastSequence: integer('last_sequence').notNull().default(0)
	},
	(t) => [
		primaryKey({ columns: [t.networkId, t.year] }),
		check('invoice_counters_sequence', sql`${t.lastSequence} between 0 and 999999`)
	]
);

export const invoiceKindEnum = pgEnum('invoice_kind', ['fee', 'travel', 'extra']);
export const invoiceDocumentEnum = pgEnum('invoice_document', ['invoice', 'credit_note']);
export const invoiceRunStateEnum = pgEnum('invoice_run_state', ['queued', 'running', 'done']);
export const invoiceRunMemberStateEnum = pgEnum('invoice_run_member_state', [
	'pending',
	'billed',
	'skipped'
]);

/**
 * An invoice run: what the coordinator confirmed after the preview. The `invoice_run` job bills
 * its members one transaction each and counts them here (ADR 022).
 */
export const invoiceRuns = pgTable(
	'invoice_runs',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'restrict' }),
		seasonId: uuid('season_id')
			.notNull()
			.references(() => seasons.id, { onDelete: 'restrict' }),
		year: smallint('year').notNull(),
		invoiceDate: date('invoice_date').notNull(),
		kinds: invoiceKindEnum('kinds').array().notNull(),
		state: invoiceRunStateEnum('state').notNull().default('queued'),
		membersTotal: integer('members_total').notNull().default(0),
		membersBilled: integer('members_billed').notNull().default(0),
		membersSkipped: integer('members_skipped').notNull().default(0),
		invoicesCreated: integer('invoices_created').notNull().default(0),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		startedAt: timestamp('started_at', { withTimezone: true }),
		finishedAt: timestamp('finished_at', { withTimezone: true })
	},
	(t) => [
		check('invoice_runs_year', sql`${t.year} between 2000 and 9999`),
		check('invoice_runs_kinds', sql`cardinality(${t.kinds}) > 0`),
		check(
			'invoice_runs_counts',
			sql`${t.membersBilled} >= 0 and ${t.membersSkipped} >= 0 and ${t.invoicesCreated} >= 0 and ${t.membersBilled} + ${t.membersSkipped} <= ${t.membersTotal}`
		),
		check('invoice_runs_done', sql`(${t.state} = 'done') = (${t.finishedAt} is not null)`),
		// a network's runs, newest first (the runs list)
		index('invoice_runs_network_created').on(t.networkId, t.createdAt),
		// a season's runs
		index('invoice_runs_season').on(t.seasonId),
		// runs a person started (personal data export, erasure)
		index('invoice_runs_created_by').on(t.createdBy)
	]
);

/** The memberships a run bills, fixed when it is confirmed; each billed or skipped once. */
export const invoiceRunMembers = pgTable(
	'invoice_run_members',
	{
		runId: uuid('run_id')
			.notNull()
			.references(() => invoiceRuns.id, { onDelete: 'cascade' }),
		membershipId: uuid('membership_id')
			.notNull()
			.references(() => memberships.id, { onDelete: 'restrict' }),
		state: invoiceRunMemberStateEnum('state').notNull().default('pending'),
		/** Why it was skipped, a code the UI translates (`billing.blocker.*`). */
		reason: text('reason'),
		invoices: integer('invoices').notNull().default(0),
		finishedAt: timestamp('finished_at', { withTimezone: true }),
		/**
		 * The order the run bills its members in, fixed when it is confirmed: by the
		 * municipality's name, as the preview lists them, so that a run's invoice numbers follow
		 * the names (and the demo's are the same on every load).
		 */
		position: integer('position').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.runId, t.membershipId] }),
		unique('invoice_run_members_position').on(t.runId, t.position),
		check(
			'invoice_run_members_reason',
			sql`(${t.state} = 'skipped') = (${t.reason} is not null) and (${t.state} = 'pending') = (${t.finishedAt} is null)`
		),
		// the run's members still to bill, and its skipped ones (the run page)
		index('invoice_run_members_state').on(t.runId, t.state, t.position),
		// a membership's runs (and the restrict when one is deleted)
		index('invoice_run_members_membership').on(t.membershipId)
	]
);

/**
 * An invoice or a credit note (document type 380 / 381). Everything printed on it is frozen at
 * issue: the seller's and buyer's details as JSON (`InvoiceParty`), the amounts, the reference.
 * A fee is billed once per membership and year (`invoices_fee_once`).
 */
export const invoices = pgTable(
	'invoices',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'restrict' }),
		seasonId: uuid('season_id')
			.notNull()
			.references(() => seasons.id, { onDelete: 'restrict' }),
		membershipId: uuid('membership_id')
			.notNull()
			.references(() => memberships.id, { onDelete: 'restrict' }),
		/** The buyer, copied from the membership so a municipality's list needs no join. */
		municipalityCode: text('municipality_code')
			.notNull()
			.references(() => municipalities.code, { onDelete: 'restrict' }),
		year: smallint('year').notNull(),
		kind: invoiceKindEnum('kind').notNull(),
		document: invoiceDocumentEnum('document').notNull().default('invoice'),
		/** What a credit note credits. */
		creditedInvoiceId: uuid('credited_invoice_id').references((): AnyPgColumn => invoices.id, {
			onDelete: 'restrict'
		}),
		runId: uuid('run_id').references(() => invoiceRuns.id, { onDelete: 'set null' }),
		/** The running number within the network and the number's year (invoice_counters). */
		sequence: integer('sequence').notNull(),
		/** "2026-000123" (invoice-number.ts); BT-1. */
		number: text('number').notNull(),
		issueDate: date('issue_date').notNull(),
		dueDate: date('due_date').notNull(),
		/** National reference made from the number, and its RF form (reference-number.ts). */
		reference: text('reference').notNull(),
		rfReference: text('rf_reference').notNull(),
		currency: text('currency').notNull().default('EUR'),
		language: invoiceLanguageEnum('language').notNull(),
		delivery: invoiceDeliveryEnum('delivery').notNull(),
		buyerReference: text('buyer_reference').notNull().default(''),
		/** Seller as issued: name, IDs, address, bank account, terms, penalty interest. */
		seller: jsonb('seller').$type<Record<string, unknown>>().notNull(),
		/** Buyer as issued: name, IDs, address, e-invoice address, e-mail. */
		buyer: jsonb('buyer').$type<Record<string, unknown>>().notNull(),
		/** BT-109, BT-110, BT-112 (invoice-totals.ts); negative on a credit note. */
		netCents: integer('net_cents').notNull(),
		vatCents: integer('vat_cents').notNull(),
		grossCents: integer('gross_cents').notNull(),
		/** The VAT breakdown (BG-23) as computed at issue. */
		vatBreakdown: jsonb('vat_breakdown').$type<Record<string, unknown>[]>().notNull(),
		/**
		 * Kept by the payments and credit notes that settle it, in their own transactions, so the
		 * state of a list of invoices is read from the row (payment-status.ts gives the rule).
		 */
		paidCents: integer('paid_cents').notNull().default(0),
		creditedCents: integer('credited_cents').notNull().default(0),
		/** When the payment reminder went out (the `invoice_reminder` job, ADR 025), once. */
		remindedAt: timestamp('reminded_at', { withTimezone: true }),
		/** Why a credit note was made, as the coordinator wrote it (BT-22 on its documents). */
		creditReason: text('credit_reason'),
		/** When the invoice's PDF was handed to the outbox for the buyer's invoice e-mail (once). */
		mailedAt: timestamp('mailed_at', { withTimezone: true }),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('invoices_number').on(t.networkId, t.number),
		// The number's year is the issue date's, which a credit note (or an invoice dated in
		// another year than it bills) does not share with `year`: the number itself is unique.
		uniqueIndex('invoices_sequence').on(
			t.networkId,
			sql`(extract(year from ${t.issueDate}))`,
			t.sequence
		),
		// a year's fee is billed once: the database keeps an invoice run idempotent
		uniqueIndex('invoices_fee_once')
			.on(t.membershipId, t.year, t.kind)
			.where(sql`${t.document} = 'invoice' and ${t.kind} = 'fee'`),
		check('invoices_sequence_range', sql`${t.sequence} between 1 and 999999`),
		check('invoices_year', sql`${t.year} between 2000 and 9999`),
		check('invoices_due', sql`${t.dueDate} >= ${t.issueDate}`),
		check(
			'invoices_credit',
			sql`(${t.document} = 'credit_note') = (${t.creditedInvoiceId} is not null)`
		),
		check(
			'invoices_totals',
			sql`${t.grossCents} = ${t.netCents} + ${t.vatCents} and case when ${t.document} = 'invoice' then ${t.netCents} >= 0 and ${t.vatCents} >= 0 else ${t.netCents} <= 0 and ${t.vatCents} <= 0 end`
		),
		check('invoices_settled', sql`${t.paidCents} >= 0 and ${t.creditedCents} >= 0`),
		// payments are allocated up to what is open, never beyond the invoice (ADR 025)
		check(
			'invoices_paid_within',
			sql`case when ${t.document} = 'invoice' then ${t.paidCents} <= ${t.grossCents} else ${t.paidCents} = 0 end`
		),
		// never more credited than invoiced; a credit note credits something and is credited by nothing (ADR 026)
		check(
			'invoices_credited_within',
			sql`case when ${t.document} = 'invoice' then ${t.creditedCents} <= ${t.grossCents} else ${t.creditedCents} = 0 and ${t.grossCents} < 0 end`
		),
		check(
			'invoices_credit_reason',
			sql`(${t.document} = 'credit_note') = (${t.creditReason} is not null) and (${t.creditReason} is null or length(trim(${t.creditReason})) > 0)`
		),
		// the coordinator's list of a season (and a year), newest first by key (ADR 031)
		index('invoices_season_number').on(t.seasonId, t.year, t.number),
		// the coordinator's list of a network (and a year), newest first by key (ADR 031)
		index('invoices_network_number').on(t.networkId, t.year, t.number),
		// a municipality's invoices, newest first
		index('invoices_municipality').on(t.municipalityCode, t.issueDate),
		// the list's open, partly paid and overdue invoices: only the unsettled ones, by key
		index('invoices_unsettled')
			.on(t.networkId, t.year, t.number)
			.where(
				sql`${t.document} = 'invoice' and ${t.paidCents} + ${t.creditedCents} < ${t.grossCents}`
			),
		// the list's credited invoices and credit notes: the few rows a credit touched, by key
		index('invoices_credits')
			.on(t.networkId, t.year, t.number)
			.where(sql`${t.document} = 'credit_note' or ${t.creditedCents} > 0`),
		// payments matched by reference number
		index('invoices_reference').on(t.reference),
		// the credit notes of an invoice
		index('invoices_credited').on(t.creditedInvoiceId),
		// a run's invoices
		index('invoices_run').on(t.runId),
		// a membership's invoices (billing a member, the restrict when one is deleted)
		index('invoices_membership').on(t.membershipId, t.kind),
		// invoices a person issued (personal data export, erasure)
		index('invoices_created_by').on(t.createdBy),
		// open receivables by age per member (the reports): only what is still to be paid
		index('invoices_open')
			.on(t.networkId, t.municipalityCode, t.dueDate)
			.where(
				sql`${t.document} = 'invoice' and ${t.paidCents} + ${t.creditedCents} < ${t.grossCents}`
			)
	]
);

export const vatCategoryEnum = pgEnum('vat_category', ['S', 'Z', 'E', 'AE', 'O']);

/**
 * One line of an invoice or credit note, as issued. A credit line names the line it credits and
 * has a negative quantity (ADR 017). An extra workshop is billed by one line only
 * (`invoice_lines_workshop_once`); approved travel costs point at their line from
 * `journey_shares.invoice_line_id`.
 */
export const invoiceLines = pgTable(
	'invoice_lines',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		invoiceId: uuid('invoice_id')
			.notNull()
			.references(() => invoices.id, { onDelete: 'cascade' }),
		position: smallint('position').notNull(),
		/** In the invoice's language, as printed (BT-153). */
		description: text('description').notNull(),
		/** BT-129 in ten-thousandths (1 = 10 000); negative on a credit note. */
		quantityTenThousandths: integer('quantity_ten_thousandths').notNull(),
		/** UN/ECE Recommendation 20 unit (BT-130): C62 "one". */
		unitCode: text('unit_code').notNull().default('C62'),
		/** BT-146, never negative. */
		unitPriceCents: integer('unit_price_cents').notNull(),
		vatCategory: vatCategoryEnum('vat_category').notNull(),
		/** BT-152: above 0 for S, 0 for Z, E, AE, null for O. */
		vatBasisPoints: integer('vat_basis_points'),
		exemptionReason: text('exemption_reason'),
		/** BT-131 */
		netCents: integer('net_cents').notNull(),
		/** BG-26: the period billed (a fee's year), if any. */
		periodStart: date('period_start'),
		periodEnd: date('period_end'),
		creditedLineId: uuid('credited_line_id').references((): AnyPgColumn => invoiceLines.id, {
			onDelete: 'restrict'
		}),
		/**
		 * On an invoice's line, the net its credit lines took off it (a magnitude), kept by the
		 * credit note's transaction under the invoice's row lock; the check refuses more than the
		 * line's net (ADR 026).
		 */
		creditedCents: integer('credited_cents').notNull().default(0),
		/** On a credit line: it credits an amount (quantity −1 at the amount), not a quantity. */
		creditByAmount: boolean('credit_by_amount').notNull().default(false),
		/** The extra workshop this line bills. */
		workshopId: uuid('workshop_id').references(() => workshops.id, { onDelete: 'restrict' })
	},
	(t) => [
		unique('invoice_lines_position').on(t.invoiceId, t.position),
		uniqueIndex('invoice_lines_workshop_once')
			.on(t.workshopId)
			.where(sql`${t.workshopId} is not null and ${t.creditedLineId} is null`),
		check('invoice_lines_price', sql`${t.unitPriceCents} >= 0`),
		// a credit line takes off (never adds), and only an invoice's line can be credited
		check(
			'invoice_lines_credit',
			sql`case when ${t.creditedLineId} is null then ${t.creditedCents} between 0 and ${t.netCents} and not ${t.creditByAmount} else ${t.quantityTenThousandths} < 0 and ${t.netCents} <= 0 and ${t.creditedCents} = 0 and (not ${t.creditByAmount} or ${t.quantityTenThousandths} = -10000) end`
		),
		check(
			'invoice_lines_vat',
			sql`case ${t.vatCategory} when 'S' then ${t.vatBasisPoints} between 1 and 10000 when 'O' then ${t.vatBasisPoints} is null else ${t.vatBasisPoints} = 0 end`
		),
		check(
			'invoice_lines_period',
			sql`(${t.periodStart} is null) = (${t.periodEnd} is null) and (${t.periodStart} is null or ${t.periodStart} <= ${t.periodEnd})`
		),
		// the credit lines of a line (what is left to credit)
		index('invoice_lines_credited').on(t.creditedLineId)
	]
);

/**
 * What a network billed, credited and was paid per season and year, kept by a trigger on
 * `invoices` (migration 0017_credit_notes) in the transaction that issues, credits or allocates
 * a payment to an invoice, so the reports read a handful of rows however many invoices there
 * are (ADR 026). Amounts are gross cents; credited and paid are magnitudes; `bigint`, as a
 * season-year's sum outgrows `integer` (21,4 M€) long before one invoice does (0019).
 */
export const billingSeasonTotals = pgTable(
	'billing_season_totals',
	{
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		seasonId: uuid('season_id')
			.notNull()
			.references(() => seasons.id, { onDelete: 'cascade' }),
		year: smallint('year').notNull(),
		invoiceCount: integer('invoice_count').notNull().default(0),
		invoicedCents: bigint('invoiced_cents', { mode: 'number' }).notNull().default(0),
		creditNoteCount: integer('credit_note_count').notNull().default(0),
		creditedCents: bigint('credited_cents', { mode: 'number' }).notNull().default(0),
		paidCents: bigint('paid_cents', { mode: 'number' }).notNull().default(0)
	},
	(t) => [
		primaryKey({ columns: [t.networkId, t.seasonId, t.year] }),
		// a season's rows (and the cascade when one is deleted)
		index('billing_season_totals_season').on(t.seasonId)
	]
);
