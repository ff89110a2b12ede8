import { sql } from 'drizzle-orm';
import {
	bigserial,
	boolean,
	check,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { users } from './auth';
import { files } from './files';
import { networks } from './networks';
import { municipalities } from './registry';
import { seasonFocusAreas, seasons } from './seasons';

export const eventTypeEnum = pgEnum('event_type', [
	'seminar',
	'work_seminar',
	'contact_person_meeting',
	'current_affairs_review',
	'peer_discussion',
	'development_event'
]);
export const eventFormatEnum = pgEnum('event_format', ['on_site', 'online', 'hybrid']);
export const attendanceModeEnum = pgEnum('attendance_mode', ['on_site', 'online']);
export const signUpStateEnum = pgEnum('sign_up_state', ['confirmed', 'waiting', 'cancelled']);

/**
 * A network event of a season: a seminar, a work seminar, a meeting. Seats are counted on the
 * row itself (`confirmed_*`), kept by the sign-up use cases under this row's lock, and a check
 * refuses any write that would seat more than the capacity: the database, not a check in
 * JavaScript, is what keeps the seats.
 */
export const events = pgTable(
	'events',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		seasonId: uuid('season_id')
			.notNull()
			.references(() => seasons.id, { onDelete: 'restrict' }),
		type: eventTypeEnum('type').notNull(),
		format: eventFormatEnum('format').notNull(),
		titleFi: text('title_fi').notNull(),
		/** Empty: shown in Finnish. */
		titleSv: text('title_sv').notNull().default(''),
		titleEn: text('title_en').notNull().default(''),
		descriptionFi: text('description_fi').notNull().default(''),
		descriptionSv: text('description_sv').notNull().default(''),
		descriptionEn: text('description_en').notNull().default(''),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		venueName: text('venue_name').notNull().default(''),
		venueAddress: text('venue_address').notNull().default(''),
		/** Shown only to people signed up (confirmed) and to network staff. */
		onlineUrl: text('online_url'),
		capacityOnSite: integer('capacity_on_site'),
		capacityOnline: integer('capacity_online'),
		perMunicipalityOnSite: integer('per_municipality_on_site'),
		confirmedOnSite: integer('confirmed_on_site').notNull().default(0),
		confirmedOnline: integer('confirmed_online').notNull().default(0),
		signUpOpensAt: timestamp('sign_up_opens_at', { withTimezone: true }),
		signUpClosesAt: timestamp('sign_up_closes_at', { withTimezone: true }),
		cancellationDeadline: timestamp('cancellation_deadline', { withTimezone: true }),
		/** iCalendar SEQUENCE: raised with every change a calendar entry shows. */
		sequence: integer('sequence').notNull().default(0),
		cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
		cancellationReason: text('cancellation_reason').notNull().default(''),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check('events_period', sql`${t.startsAt} < ${t.endsAt}`),
		check(
			'events_capacities_positive',
			sql`coalesce(${t.capacityOnSite}, 1) > 0 and coalesce(${t.capacityOnline}, 1) > 0 and coalesce(${t.perMunicipalityOnSite}, 1) > 0`
		),
		check(
			'events_seats_within_capacity',
			sql`${t.confirmedOnSite} >= 0 and ${t.confirmedOnline} >= 0 and ${t.confirmedOnSite} <= coalesce(${t.capacityOnSite}, ${t.confirmedOnSite}) and ${t.confirmedOnline} <= coalesce(${t.capacityOnline}, ${t.confirmedOnline})`
		),
		check('events_sequence', sql`${t.sequence} >= 0`),
		// a season's programme in time order, ties by id (the whole ORDER BY: else PostgreSQL reads events_starts)
		index('events_season_starts').on(t.seasonId, t.startsAt, t.id),
		// upcoming events across seasons (front pages, the network's feed)
		index('events_starts').on(t.startsAt)
	]
);

/** The season's focus areas an event works on. */
export const eventFocusAreas = pgTable(
	'event_focus_areas',
	{
		eventId: uuid('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		focusAreaId: uuid('focus_area_id')
			.notNull()
			.references(() => seasonFocusAreas.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.eventId, t.focusAreaId] }),
		// events of a focus area
		index('event_focus_areas_focus_area').on(t.focusAreaId)
	]
);

/** Files of an event (programme, slides), visible to members. */
export const eventMaterials = pgTable(
	'event_materials',
	{
		eventId: uuid('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		fileId: uuid('file_id')
			.notNull()
			.references(() => files.id, { onDelete: 'cascade' }),
		addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.eventId, t.fileId] }),
		// a file's events (when a file is removed)
		index('event_materials_file').on(t.fileId)
	]
);

/**
 * A person's sign-up for an event, in one mode. `seq` is the order of arrival: sign-ups of an
 * event are written under the event row's lock, so a later sequence value is a later sign-up.
 */
export const eventSignUps = pgTable(
	'event_sign_ups',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		eventId: uuid('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'restrict' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'restrict' }),
		/** The person's municipality when they signed up: the per-municipality cap and isolation. */
		municipalityCode: text('municipality_code')
			.notNull()
			.references(() => municipalities.code, { onDelete: 'restrict' }),
		mode: attendanceModeEnum('mode').notNull(),
		state: signUpStateEnum('state').notNull(),
		seq: bigserial('seq', { mode: 'number' }).notNull(),
		/** Special arrangements (diet, access); erased some days after the event. */
		arrangements: text('arrangements'),
		arrangementsErasedAt: timestamp('arrangements_erased_at', { withTimezone: true }),
		signedUpBy: uuid('signed_up_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
		cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
		/** null: not marked; marked by network staff from the start of the event on. */
		attended: boolean('attended'),
		attendanceMarkedAt: timestamp('attendance_marked_at', { withTimezone: true })
	},
	(t) => [
		// one active sign-up per person and event; a cancelled one may be followed by a new one
		uniqueIndex('event_sign_ups_active_person')
			.on(t.eventId, t.userId)
			.where(sql`${t.state} <> 'cancelled'`),
		// an event's seats and waiting lists in order of arrival
		index('event_sign_ups_event_state').on(t.eventId, t.state, t.mode, t.seq),
		// a municipality's sign-ups for an event (contact persons, the cap)
		index('event_sign_ups_event_municipality').on(t.eventId, t.municipalityCode),
		// a person's sign-ups (own page, personal feed, personal data export)
		index('event_sign_ups_user').on(t.userId),
		// a municipality's participation over a season
		index('event_sign_ups_municipality').on(t.municipalityCode),
		// sign-ups a contact person made (personal data export)
		index('event_sign_ups_signed_up_by').on(t.signedUpBy),
		check(
			'event_sign_ups_cancelled_at',
			sql`(${t.state} = 'cancelled') = (${t.cancelledAt} is not null)`
		)
	]
);

/** One attendee's answer to an event's feedback form, given once. */
export const eventFeedback = pgTable(
	'event_feedback',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		eventId: uuid('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		/** null once the person is erased: the answer stays in the figures, unattributed. */
		userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
		/** Score 1–5 per question id; a question may be left out. */
		scores: jsonb('scores').$type<Record<string, number>>().notNull(),
		comment: text('comment').notNull().default(''),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		// once per person and event; the event's answers
		uniqueIndex('event_feedback_event_user').on(t.eventId, t.userId),
		// a person's answers (personal data export)
		index('event_feedback_user').on(t.userId)
	]
);

export const calendarFeedKindEnum = pgEnum('calendar_feed_kind', ['personal', 'network']);

/**
 * Secret calendar-feed addresses: `id` is the token itself, so that the person can copy the
 * address again to another device (docs/decisions/020-calendar-feeds.md); renewing revokes the
 * old one. A personal feed lists the person's own events; a network feed the network's events.
 */
export const calendarFeeds = pgTable(
	'calendar_feeds',
	{
		id: text('id').primaryKey(),
		kind: calendarFeedKindEnum('kind').notNull(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		networkId: uuid('network_id').references(() => networks.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		revokedAt: timestamp('revoked_at', { withTimezone: true })
	},
	(t) => [
		// a person's live feed of each kind and network: at most one
		uniqueIndex('calendar_feeds_live')
			.on(t.userId, t.kind, sql`coalesce(${t.networkId}::text, '')`)
			.where(sql`${t.revokedAt} is null`)
	]
);
