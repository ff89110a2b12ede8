import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	date,
	index,
	integer,
	pgEnum,
	pgTable,
	smallint,
	text,
	timestamp,
	unique,
	uuid
} from 'drizzle-orm/pg-core';
import { files } from './files';
import { networks } from './networks';

/** A season of a network, such as USO 7 (2023–2024), with its theme and programme. */
export const seasons = pgTable(
	'seasons',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'restrict' }),
		number: smallint('number').notNull(),
		startsOn: date('starts_on').notNull(),
		endsOn: date('ends_on').notNull(),
		leadThemeFi: text('lead_theme_fi').notNull(),
		leadThemeSv: text('lead_theme_sv').notNull(),
		leadThemeEn: text('lead_theme_en').notNull(),
		descriptionFi: text('description_fi').notNull().default(''),
		descriptionSv: text('description_sv').notNull().default(''),
		descriptionEn: text('description_en').notNull().default(''),
		/** The programme plan: how many of each joint activity; null = "as the season goes". */
		seminars: smallint('seminars'),
		workSeminars: smallint('work_seminars'),
		contactPersonMeetings: smallint('contact_person_meetings'),
		currentAffairsReviews: smallint('current_affairs_reviews'),
		peerDiscussions: smallint('peer_discussions'),
		developmentEvents: smallint('development_events'),
		/** Municipality-specific entitlements. */
		workshopsPerMunicipality: smallint('workshops_per_municipality').notNull().default(5),
		situationAnalysesPerMunicipality: smallint('situation_analyses_per_municipality')
			.notNull()
			.default(1),
		/**
		 * A municipality's cancellation of a workshop fewer Helsinki calendar days than this
		 * before its day is late and counts against the entitlement (ADR 018).
		 */
		lateCancellationDays: smallint('late_cancellation_days').notNull().default(14),
		presentationFileId: uuid('presentation_file_id').references(() => files.id, {
			onDelete: 'set null'
		}),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('seasons_network_number').on(t.networkId, t.number),
		check('seasons_period', sql`${t.startsOn} < ${t.endsOn}`),
		check('seasons_number_positive', sql`${t.number} > 0`),
		check('seasons_late_cancellation_days', sql`${t.lateCancellationDays} between 1 and 90`)
	]
);

export const seasonFocusAreas = pgTable(
	'season_focus_areas',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		seasonId: uuid('season_id')
			.notNull()
			.references(() => seasons.id, { onDelete: 'cascade' }),
		position: smallint('position').notNull(),
		textFi: text('text_fi').notNull(),
		textSv: text('text_sv').notNull(),
		textEn: text('text_en').notNull()
	},
	(t) => [unique('season_focus_areas_order').on(t.seasonId, t.position)]
);

export const vatTreatmentEnum = pgEnum('vat_treatment', ['vat_exempt', 'vat_standard']);

/** A network's participation fee for a population range, valid from a date. */
export const feeTiers = pgTable(
	'fee_tiers',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		networkId: uuid('network_id')
			.notNull()
			.references(() => networks.id, { onDelete: 'cascade' }),
		nameFi: text('name_fi').notNull(),
		nameSv: text('name_sv').notNull(),
		nameEn: text('name_en').notNull(),
		minPopulation: integer('min_population').notNull(),
		maxPopulation: integer('max_population'),
		yearlyFeeCents: integer('yearly_fee_cents').notNull(),
		validFrom: date('valid_from').notNull(),
		vatTreatment: vatTreatmentEnum('vat_treatment').notNull(),
		/** Amounts set for the demo, not from a real price list. */
		isDemoAmount: boolean('is_demo_amount').notNull().default(false)
	},
	(t) => [
		unique('fee_tiers_start').on(t.networkId, t.validFrom, t.minPopulation),
		check(
			'fee_tiers_bounds',
			sql`${t.minPopulation} >= 0 and (${t.maxPopulation} is null or ${t.maxPopulation} >= ${t.minPopulation})`
		),
		check('fee_tiers_fee', sql`${t.yearlyFeeCents} >= 0`),
		// the fee schedule of a network on a day
		index('fee_tiers_network_valid').on(t.networkId, t.validFrom)
	]
);
