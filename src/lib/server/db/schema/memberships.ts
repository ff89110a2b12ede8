import { sql } from 'drizzle-orm';
import { date, index, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { files } from './files';
import { municipalities } from './registry';
import { seasons } from './seasons';

export const membershipStateEnum = pgEnum('membership_state', [
	'invited',
	'decided',
	'active',
	'declined',
	'withdrawn'
]);
export const attendanceGroupEnum = pgEnum('attendance_group', [
	'board',
	'council_presidium',
	'council',
	'management_team',
	'developers'
]);
export const decisionOutcomeEnum = pgEnum('decision_outcome', ['approved', 'rejected', 'tabled']);

/** A municipality's participation in a season; one per municipality per season. */
export const memberships = pgTable(
	'memberships',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		seasonId: uuid('season_id')
			.notNull()
			.references(() => seasons.id, { onDelete: 'restrict' }),
		municipalityCode: text('municipality_code')
			.notNull()
			.references(() => municipalities.code, { onDelete: 'restrict' }),
		state: membershipStateEnum('state').notNull().default('invited'),
		/** One contact person per membership, named in the decision. */
		contactPersonId: uuid('contact_person_id').references(() => users.id, {
			onDelete: 'set null'
		}),
		/** Who may attend the seminars on site, as the decision says. */
		onSiteGroups: attendanceGroupEnum('on_site_groups')
			.array()
			.notNull()
			.default(sql`'{}'::attendance_group[]`),
		invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow(),
		stateChangedAt: timestamp('state_changed_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('memberships_season_municipality').on(t.seasonId, t.municipalityCode),
		// what a workshop's (membership, season) refers to, so its season is its membership's
		unique('memberships_id_season').on(t.id, t.seasonId),
		// a municipality's memberships over seasons
		index('memberships_municipality').on(t.municipalityCode),
		// a season's members by state
		index('memberships_season_state').on(t.seasonId, t.state),
		// a person's contact-person duties (personal data export, erasure)
		index('memberships_contact_person').on(t.contactPersonId)
	]
);

/** A decision of a municipal body on joining (Vaala: kunnanhallitus, § …, approved). */
export const membershipDecisions = pgTable(
	'membership_decisions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		membershipId: uuid('membership_id')
			.notNull()
			.references(() => memberships.id, { onDelete: 'cascade' }),
		body: text('body').notNull(),
		meetingDate: date('meeting_date').notNull(),
		section: text('section').notNull(),
		presenterTitle: text('presenter_title').notNull(),
		proposal: text('proposal').notNull(),
		decision: text('decision').notNull(),
		outcome: decisionOutcomeEnum('outcome').notNull(),
		minutesFileId: uuid('minutes_file_id').references(() => files.id, { onDelete: 'set null' }),
		recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		// a membership's decisions, newest first
		index('membership_decisions_membership').on(t.membershipId, t.meetingDate),
		// decisions a person recorded (personal data export)
		index('membership_decisions_recorded_by').on(t.recordedBy)
	]
);
