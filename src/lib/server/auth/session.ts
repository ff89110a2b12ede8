import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db';
import { roleAssignments, sessions, users } from '../db/schema';
import { generateToken, isWellFormedToken, tokenId } from './tokens';
import type { Locale } from '$lib/i18n/locales';

export const SESSION_COOKIE = 'verkosto_session';
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY;
/** A session used when less than this is left is extended, so active people stay signed in. */
const RENEW_BELOW_MS = 15 * DAY;

export type Role = 'coordinator' | 'expert' | 'contact_person' | 'participant';

export interface RoleGrant {
	role: Role;
	networkId: string | null;
	municipalityCode: string | null;
}

export interface SessionUser {
	id: string;
	email: string;
	name: string;
	locale: Locale;
	roles: RoleGrant[];
}

export interface ValidSession {
	user: SessionUser;
	expiresAt: Date;
	renewed: boolean;
}

export async function createSession(
	db: DbOrTx,
	userId: string
): Promise<{ token: string; expiresAt: Date }> {
	const token = generateToken();
	const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
	await db.insert(sessions).values({ id: tokenId(token), userId, expiresAt });
	return { token, expiresAt };
}

/**
 * The session, its user and the user's roles, in one round trip. Asked on every signed-in
 * request, so it is built once per database and prepared: neither Drizzle nor PostgreSQL
 * plans it again.
 */
function sessionLookup(db: Db) {
	return db
		.select({
			expiresAt: sessions.expiresAt,
			id: users.id,
			email: users.email,
			name: users.name,
			locale: users.locale,
			disabledAt: users.disabledAt,
			roles: sql<
				RoleGrant[]
			>`coalesce((select json_agg(json_build_object('role', r.role, 'networkId', r.network_id, 'municipalityCode', r.municipality_code)) from ${roleAssignments} r where r.user_id = ${users.id}), '[]'::json)`
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(and(eq(sessions.id, sql.placeholder('id')), gt(sessions.expiresAt, sql`now()`)))
		.limit(1)
		.prepare('session_lookup');
}

const lookups = new WeakMap<Db, ReturnType<typeof sessionLookup>>();

/** Finds the session a cookie names and the user it belongs to; null when there is none. */
export async function validateSession(db: Db, token: string): Promise<ValidSession | null> {
	if (!isWellFormedToken(token)) return null;
	const id = tokenId(token);
	let lookup = lookups.get(db);
	if (!lookup) {
		lookup = sessionLookup(db);
		lookups.set(db, lookup);
	}
	const [row] = await lookup.execute({ id });
	if (!row || row.disabledAt) return null;

	let expiresAt = row.expiresAt;
	let renewed = false;
	if (expiresAt.getTime() - Date.now() < RENEW_BELOW_MS) {
		expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
		await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id));
		renewed = true;
	}
	const roles = typeof row.roles === 'string' ? (JSON.parse(row.roles) as RoleGrant[]) : row.roles;
	return {
		user: { id: row.id, email: row.email, name: row.name, locale: row.locale, roles },
		expiresAt,
		renewed
	};
}

export async function invalidateSession(db: DbOrTx, token: string): Promise<void> {
	if (!isWellFormedToken(token)) return;
	await db.delete(sessions).where(eq(sessions.id, tokenId(token)));
}

export async function invalidateUserSessions(db: DbOrTx, userId: string): Promise<void> {
	await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function purgeExpiredSessions(db: DbOrTx): Promise<void> {
	await db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`));
}

export function hasRole(user: SessionUser | null | undefined, role: Role): boolean {
	return !!user?.roles.some((r) => r.role === role);
}

/** Networks the user coordinates. */
export function coordinatedNetworks(user: SessionUser): string[] {
	return user.roles.filter((r) => r.role === 'coordinator' && r.networkId).map((r) => r.networkId!);
}
