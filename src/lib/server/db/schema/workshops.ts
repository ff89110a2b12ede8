import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	foreignKey,
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
import { memberships } from './memberships';
import { seasonFocusAreas } from './seasons';
import { analysisRecommendations } from './analysis';

export const workshopStateEnum = pgEnum('workshop_state', [
	'proposed',
	'agreed',
	'held',
	'cancelled'
]);
export const workshopCancellationEnum = pgEnum('workshop_cancellation', [
	'municipality_in_time',
	'municipality_late',
	'network'
]);
export const workshopFormatEnum = pgEnum('workshop_format', ['on_site', 'online']);

/**
 * A municipality's development workshop of a season (ADR 018), counted against the
 * membership's entitlement. The entitlement is kept under the membership row's lock: every
 * proposal locks it, reads the membership's workshops and places the new one by the domain
 * rule (`lib/domain/workshops/entitlement.ts`) before inserting, so two proposals for the last
 * place run one after the other. The checks below keep each state's facts consistent.
 */
export const workshops = pgTable(
	'workshops',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		membershipId: uuid('membership_id')
			.notNull()
			.references(() => memberships.id, { onDelete: 'restrict' }),
		/**
		 * The membership's season, kept beside it (the foreign key on both says it is that
		 * season) so a season's workshops are one index range, not a join over every season's.
		 */
		seasonId: uuid('season_id').notNull(),
		/**
		 * The season focus area it works on. Set null if the area goes: the workshop stays, its
		 * need and goal say what it was about.
		 */
		focusAreaId: uuid('focus_area_id').references(() => seasonFocusAreas.id, {
			onDelete: 'set null'
		}),
		need: text('need').notNull(),
		goal: text('goal').notNull(),
		/** A goal of the municipality's strategy or a finding of its situation analysis (free text). */
		strategyLink: text('strategy_link').notNull().default(''),
		/**
		 * The finding it follows: the recommendation of the municipality's situation analysis it
		 * was proposed from (ADR 027). Set null if the recommendation is removed: the workshop
		 * stays, its need and goal say what it was about.
		 */
		recommendationId: uuid('recommendation_id').references(() => analysisRecommendations.id, {
			onDelete: 'set null'
		}),
		/** The municipality's wishes for the dates, as it writes them. */
		preferredDates: text('preferred_dates').notNull().default(''),
		format: workshopFormatEnum('format').notNull(),
		state: workshopStateEnum('state').notNull().default('proposed'),
		/** Beyond the season's entitlement: agreed only with the coordinator's approval; billable. */
		extra: boolean('extra').notNull().default(false),
		extraApprovedBy: uuid('extra_approved_by').references(() => users.id, { onDelete: 'set null' }),
		extraApprovedAt: timestamp('extra_approved_at', { withTimezone: true }),
		startsAt: timestamp('starts_at', { withTimezone: true }),
		endsAt: timestamp('ends_at', { withTimezone: true }),
		place: text('place').notNull().default(''),
		onlineUrl: text('online_url'),
		heldAt: timestamp('held_at', { withTimezone: true }),
		cancellation: workshopCancellationEnum('cancellation'),
		cancellationReason: text('cancellation_reason').notNull().default(''),
		cancelledBy: uuid('cancelled_by').references(() => users.id, { onDelete: 'set null' }),
		cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
		notes: text('notes').notNull().default(''),
		outcomes: text('outcomes').notNull().default(''),
		nextSteps: text('next_steps').notNull().default(''),
		/** iCalendar SEQUENCE: raised with every change a calendar entry shows. */
		sequence: integer('sequence').notNull().default(0),
		proposedBy: uuid('proposed_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		check(
			'workshops_period',
			sql`${t.startsAt} is null or ${t.endsAt} is null or ${t.startsAt} < ${t.endsAt}`
		),
		// agreed and held workshops have their time; a held one when it was marked
		check(
			'workshops_scheduled',
			sql`${t.state} not in ('agreed', 'held') or (${t.startsAt} is not null and ${t.endsAt} is not null)`
		),
		check('workshops_held', sql`(${t.state} = 'held') = (${t.heldAt} is not null)`),
		// who cancelled, and when, exactly for a cancelled workshop
		check(
			'workshops_cancelled',
			sql`(${t.state} = 'cancelled') = (${t.cancellation} is not null) and (${t.state} = 'cancelled') = (${t.cancelledAt} is not null)`
		),
		// an extra is agreed or held only with the coordinator's approval
		check(
			'workshops_extra_approved',
			sql`(${t.extraApprovedAt} is null or ${t.extra}) and not (${t.extra} and ${t.state} in ('agreed', 'held') and ${t.extraApprovedAt} is null)`
		),
		check('workshops_sequence', sql`${t.sequence} >= 0`),
		foreignKey({
			name: 'workshops_membership_season',
			columns: [t.membershipId, t.seasonId],
			foreignColumns: [memberships.id, memberships.seasonId]
		}).onDelete('restrict'),
		// a membership's workshops by state: the ledger, and its list
		index('workshops_membership_state').on(t.membershipId, t.state),
		// a season's workshops in a state, in the coordinator's list order (a page is a range)
		index('workshops_season_state_start').on(
			t.seasonId,
			t.state,
			t.startsAt.asc().nullsFirst(),
			t.createdAt,
			t.id
		),
		// workshops of a focus area (and the set null when one is removed)
		index('workshops_focus_area').on(t.focusAreaId),
		// workshops a person proposed (personal data export)
		index('workshops_proposed_by').on(t.proposedBy),
		// a recommendation becomes one workshop at a time (pressing twice proposes once); the
		// recommendation's workshop, and the set null
		uniqueIndex('workshops_recommendation')
			.on(t.recommendationId)
			.where(sql`${t.recommendationId} is not null and ${t.state} <> 'cancelled'`),
		index('workshops_recommendation_any').on(t.recommendationId)
	]
);

/** The experts assigned to a workshop by the coordinator. */
export const workshopExperts = pgTable(
	'workshop_experts',
	{
		workshopId: uuid('workshop_id')
			.notNull()
			.references(() => workshops.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'restrict' }),
		assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
		/**
		 * The workshop's start and whether it is done (held or cancelled), copied here by the
		 * database's triggers (migration 0015_expert_assignment_order) whenever an assignment is
		 * made or the workshop changes: an expert's list is then one index range in its order,
		 * whatever the length of their history. Never written by the app.
		 */
		done: boolean('done').notNull().default(false),
		startsAt: timestamp('starts_at', { withTimezone: true })
	},
	(t) => [
		primaryKey({ columns: [t.workshopId, t.userId] }),
		// an expert's assignments ahead or done, in the list's order (their list, their feed)
		index('workshop_experts_user').on(t.userId, t.done, t.startsAt, t.workshopId)
	]
);

/**
 * The municipality's people who take part: proposed by the contact person, set by the
 * coordinator when agreeing (and invited then), attendance marked after the workshop.
 */
export const workshopParticipants = pgTable(
	'workshop_participants',
	{
		workshopId: uuid('workshop_id')
			.notNull()
			.references(() => workshops.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'restrict' }),
		/** null: not marked. */
		attended: boolean('attended'),
		attendanceMarkedAt: timestamp('attendance_marked_at', { withTimezone: true }),
		addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.workshopId, t.userId] }),
		// a person's workshops (their calendar feed, personal data export)
		index('workshop_participants_user').on(t.userId)
	]
);

/** Files of a workshop (slides, a memo), visible to the municipality. */
export const workshopMaterials = pgTable(
	'workshop_materials',
	{
		workshopId: uuid('workshop_id')
			.notNull()
			.references(() => workshops.id, { onDelete: 'cascade' }),
		fileId: uuid('file_id')
			.notNull()
			.references(() => files.id, { onDelete: 'cascade' }),
		addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		primaryKey({ columns: [t.workshopId, t.fileId] }),
		// a file's workshops (when a file is removed)
		index('workshop_materials_file').on(t.fileId)
	]
);

/** One participant's answer to a workshop's feedback form, given once. */
export const workshopFeedback = pgTable(
	'workshop_feedback',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		workshopId: uuid('workshop_id')
			.notNull()
			.references(() => workshops.id, { onDelete: 'cascade' }),
		/** null once the person is erased: the answer stays in the figures, unattributed. */
		userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
		/** Score 1–5 per question id; a question may be left out. */
		scores: jsonb('scores').$type<Record<string, number>>().notNull(),
		comment: text('comment').notNull().default(''),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		// once per person and workshop; the workshop's answers
		uniqueIndex('workshop_feedback_workshop_user').on(t.workshopId, t.userId),
		// a person's answers (personal data export)
		index('workshop_feedback_user').on(t.userId)
	]
);
