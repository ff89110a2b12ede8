import { sql } from 'drizzle-orm';
import {
	check,
	date,
	index,
	integer,
	pgEnum,
	pgTable,
	primaryKey,
	smallint,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { invoiceLines } from './billing';
import { files } from './files';
import { municipalities } from './registry';
import { workshops } from './workshops';

/**
 * The tax-free kilometre allowance for one's own car, by the day it is valid from (ADR 018):
 * data, not code, so a new year's rate is a row. Migration 0008 enters the Tax Administration's
 * rates from 2023 on.
 */
export const kilometreRates = pgTable(
	'kilometre_rates',
	{
		validFrom: date('valid_from').primaryKey(),
		centsPerKm: integer('cents_per_km').notNull(),
		/** Where the rate comes from (the Tax Administration's decision). */
		source: text('source').notNull().default('')
	},
	(t) => [check('kilometre_rates_positive', sql`${t.centsPerKm} > 0`)]
);

export const journeyStateEnum = pgEnum('journey_state', [
	'draft',
	'submitted',
	'returned',
	'approved'
]);
export const costKindEnum = pgEnum('cost_kind', [
	'own_car',
	'train',
	'bus',
	'flight',
	'taxi',
	'hotel',
	'other'
]);

/**
 * An expert's journey to one or more workshops, claimed at actual cost: draft → submitted →
 * approved, or returned with a reason and submitted again (lib/domain/workshops/travel-costs.ts).
 * The totals are fixed when the coordinator approves it, and only then.
 */
export const journeys = pgTable(
	'journeys',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		expertId: uuid('expert_id')
			.notNull()
			.references(() => users.id, { onDelete: 'restrict' }),
		state: journeyStateEnum('state').notNull().default('draft'),
		fromPlace: text('from_place').notNull(),
		toPlace: text('to_place').notNull(),
		returnReason: text('return_reason').notNull().default(''),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
		reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
		/** Fixed at approval: the sum of the lines' amounts. */
		grossCents: integer('gross_cents'),
		vatCents: integer('vat_cents'),
		netCents: integer('net_cents'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		// approved, and only approved, has its totals, and they add up
		check(
			'journeys_approved_totals',
			sql`(${t.state} = 'approved') = (${t.grossCents} is not null and ${t.vatCents} is not null and ${t.netCents} is not null) and (${t.grossCents} is null or (${t.vatCents} >= 0 and ${t.netCents} >= 0 and ${t.grossCents} = ${t.netCents} + ${t.vatCents}))`
		),
		check('journeys_returned_reason', sql`${t.state} <> 'returned' or ${t.returnReason} <> ''`),
		// an expert's journeys by state (their list)
		index('journeys_expert_state').on(t.expertId, t.state),
		// journeys waiting for the coordinator, oldest first
		index('journeys_submitted')
			.on(t.submittedAt)
			.where(sql`${t.state} = 'submitted'`),
		// journeys a person reviewed (personal data export)
		index('journeys_reviewed_by').on(t.reviewedBy)
	]
);

/** The workshops a journey served: the default split is one share per workshop. */
export const journeyWorkshops = pgTable(
	'journey_workshops',
	{
		journeyId: uuid('journey_id')
			.notNull()
			.references(() => journeys.id, { onDelete: 'cascade' }),
		workshopId: uuid('workshop_id')
			.notNull()
			.references(() => workshops.id, { onDelete: 'restrict' })
	},
	(t) => [
		primaryKey({ columns: [t.journeyId, t.workshopId] }),
		// a workshop's journeys (its page, the municipality's costs)
		index('journey_workshops_workshop').on(t.workshopId)
	]
);

/**
 * One cost of a journey: one's own car by kilometres (in tenths, a trip meter's 100 m), or a
 * receipt with its total and VAT. The cents the coordinator approved are kept on the line.
 */
export const journeyLines = pgTable(
	'journey_lines',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		journeyId: uuid('journey_id')
			.notNull()
			.references(() => journeys.id, { onDelete: 'cascade' }),
		position: smallint('position').notNull(),
		kind: costKindEnum('kind').notNull(),
		day: date('day').notNull(),
		distanceTenths: integer('distance_tenths'),
		grossCents: integer('gross_cents'),
		vatCents: integer('vat_cents'),
		vatBasisPoints: integer('vat_basis_points'),
		description: text('description').notNull().default(''),
		receiptFileId: uuid('receipt_file_id').references(() => files.id, { onDelete: 'restrict' }),
		/** Fixed at approval, for own car the allowance at the day's rate. */
		approvedGrossCents: integer('approved_gross_cents'),
		approvedVatCents: integer('approved_vat_cents'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check(
			'journey_lines_amounts',
			sql`case when ${t.kind} = 'own_car' then ${t.distanceTenths} is not null and ${t.distanceTenths} > 0 and ${t.grossCents} is null and ${t.vatCents} is null else ${t.distanceTenths} is null and ${t.grossCents} is not null and ${t.vatCents} is not null and ${t.grossCents} > 0 and ${t.vatCents} between 0 and ${t.grossCents} end`
		),
		check(
			'journey_lines_approved',
			sql`(${t.approvedGrossCents} is null) = (${t.approvedVatCents} is null) and (${t.approvedVatCents} is null or (${t.approvedVatCents} >= 0 and ${t.approvedVatCents} <= ${t.approvedGrossCents}))`
		),
		// a journey's lines in order
		index('journey_lines_journey').on(t.journeyId, t.position),
		// the line a receipt belongs to (when a file is looked up)
		index('journey_lines_receipt').on(t.receiptFileId)
	]
);

/**
 * Who pays which share of a journey: a municipality and its weight (by default the number of
 * its workshops the journey served), and at approval its part of the totals (cost-split.ts).
 */
export const journeyShares = pgTable(
	'journey_shares',
	{
		journeyId: uuid('journey_id')
			.notNull()
			.references(() => journeys.id, { onDelete: 'cascade' }),
		municipalityCode: text('municipality_code')
			.notNull()
			.references(() => municipalities.code, { onDelete: 'restrict' }),
		weight: integer('weight').notNull(),
		grossCents: integer('gross_cents'),
		vatCents: integer('vat_cents'),
		netCents: integer('net_cents'),
		/** The invoice line that billed this part; null while it is not yet invoiced (ADR 022). */
		invoiceLineId: uuid('invoice_line_id').references(() => invoiceLines.id, {
			onDelete: 'restrict'
		})
	},
	(t) => [
		primaryKey({ columns: [t.journeyId, t.municipalityCode] }),
		check(
			'journey_shares_invoiced_approved',
			sql`${t.invoiceLineId} is null or ${t.netCents} is not null`
		),
		check('journey_shares_weight', sql`${t.weight} >= 1`),
		check(
			'journey_shares_parts',
			sql`(${t.grossCents} is null) = (${t.netCents} is null) and (${t.netCents} is null) = (${t.vatCents} is null) and (${t.grossCents} is null or ${t.grossCents} = ${t.netCents} + ${t.vatCents})`
		),
		// a municipality's approved costs (its page, invoicing)
		index('journey_shares_municipality').on(t.municipalityCode),
		// a municipality's approved parts not yet invoiced (the invoice run)
		index('journey_shares_not_invoiced')
			.on(t.municipalityCode)
			.where(sql`${t.invoiceLineId} is null and ${t.netCents} is not null`),
		// the parts a line billed (the invoice page, a credit note)
		index('journey_shares_invoice_line').on(t.invoiceLineId)
	]
);
