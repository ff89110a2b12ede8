import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	index,
	pgEnum,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { networks } from './networks';
import { municipalities } from './registry';

export const localeEnum = pgEnum('locale', ['fi', 'sv', 'en']);
export const roleEnum = pgEnum('role', ['coordinator', 'expert', 'contact_person', 'participant']);
export const positionEnum = pgEnum('person_position', [
	'municipal_manager',
	'administrative_director',
	'board_chair',
	'board_member',
	'council_chair',
	'council_vice_chair',
	'council_member',
	'management_team_member',
	'developer',
	'contact_person',
	'other'
]);
export const tokenPurposeEnum = pgEnum('token_purpose', ['sign_in', 'password_reset']);

export const users = pgTable(
	'users',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** Stored lower-cased; the unique index makes an address one account. */
		email: text('email').notNull(),
		name: text('name').notNull(),
		passwordHash: text('password_hash'),
		/** The municipality a person works for; null for network staff. */
		municipalityCode: text('municipality_code').references(() => municipalities.code, {
			onDelete: 'restrict'
		}),
		/** Job title as the municipality writes it, e.g. "hallintojohtaja". */
		title: text('title').notNull().default(''),
		positions: positionEnum('positions')
			.array()
			.notNull()
			.default(sql`'{}'::person_position[]`),
		/** Set when the person's data was erased; the row stays as an anonymised reference. */
		erasedAt: timestamp('erased_at', { withTimezone: true }),
		locale: localeEnum('locale').notNull().default('fi'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		disabledAt: timestamp('disabled_at', { withTimezone: true })
	},
	(t) => [
		uniqueIndex('users_email_unique').on(t.email),
		// a municipality's people, by name
		index('users_municipality_name').on(t.municipalityCode, t.name),
		// partial search of people by name or e-mail
		index('users_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`),
		index('users_email_trgm').using('gin', sql`${t.email} gin_trgm_ops`),
		// people by position
		index('users_positions').using('gin', t.positions),
		check('users_email_lower', sql`${t.email} = lower(${t.email})`)
	]
);

/** A role held in a network (coordinator, expert) or a municipality (contact person, participant). */
export const roleAssignments = pgTable(
	'role_assignments',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		role: roleEnum('role').notNull(),
		networkId: uuid('network_id').references(() => networks.id, { onDelete: 'cascade' }),
		municipalityCode: text('municipality_code').references(() => municipalities.code, {
			onDelete: 'restrict'
		}),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		// the roles of the signed-in user are read on every request
		index('role_assignments_user').on(t.userId),
		// a network's coordinators (the notices of what waits for them)
		index('role_assignments_network_role')
			.on(t.networkId, t.role)
			.where(sql`${t.networkId} is not null`),
		uniqueIndex('role_assignments_unique').on(
			t.userId,
			t.role,
			sql`coalesce(${t.networkId}::text, '')`,
			sql`coalesce(${t.municipalityCode}, '')`
		),
		check(
			'role_assignments_scope',
			sql`(${t.role} in ('coordinator','expert') and ${t.networkId} is not null) or (${t.role} in ('contact_person','participant') and ${t.municipalityCode} is not null)`
		)
	]
);

/** Server-side sessions: the cookie holds a random token, the table its SHA-256. */
export const sessions = pgTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		// sign-out everywhere and erasure remove a user's sessions
		index('sessions_user').on(t.userId),
		// expired sessions are purged by time
		index('sessions_expires').on(t.expiresAt)
	]
);

/** One-time tokens for e-mailed sign-in links and password resets; stored hashed. */
export const authTokens = pgTable(
	'auth_tokens',
	{
		id: text('id').primaryKey(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		purpose: tokenPurposeEnum('purpose').notNull(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		usedAt: timestamp('used_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		// a new token of a purpose invalidates the user's older ones
		index('auth_tokens_user').on(t.userId, t.purpose)
	]
);

/** Sign-in attempts, counted per account and per address over a sliding window. */
export const authAttempts = pgTable(
	'auth_attempts',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** 'account:<email>' or 'address:<ip>' */
		key: text('key').notNull(),
		succeeded: boolean('succeeded').notNull(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		// the rate limit counts a key's recent failures
		index('auth_attempts_key_at').on(t.key, t.at)
	]
);
