import { eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db';
import { roleAssignments, users } from '../../src/lib/server/db/schema';
import type { RoleGrant, SessionUser } from '../../src/lib/server/auth/session';

/**
 * What a route's load or endpoint gets, for tests that call one directly to check who it
 * refuses: the signed-in person (or none), the address and its parameters.
 */

/** A person as the session hook would find them: their roles from the database. */
export async function sessionUserOf(db: Db, email: string): Promise<SessionUser> {
	const [person] = await db.select().from(users).where(eq(users.email, email));
	if (!person) throw new Error(`no person ${email}`);
	const roles = await db
		.select({
			role: roleAssignments.role,
			networkId: roleAssignments.networkId,
			municipalityCode: roleAssignments.municipalityCode
		})
		.from(roleAssignments)
		.where(eq(roleAssignments.userId, person.id));
	return {
		id: person.id,
		email: person.email,
		name: person.name,
		locale: person.locale,
		roles: roles as RoleGrant[]
	};
}

/** A request for `path` with these route parameters, by `user` (null: anonymous). */
export function requestEvent<P extends Record<string, string>>(
	user: SessionUser | null,
	path: string,
	params: P
) {
	const url = new URL(path, 'http://localhost');
	return {
		locals: { user, locale: user?.locale ?? 'fi' },
		url,
		params,
		request: new Request(url),
		route: { id: null },
		cookies: { get: () => undefined },
		setHeaders: () => {}
	} as never;
}

/**
 * The status a route answered with: its response's, or that of the redirect or error it
 * threw (SvelteKit's `redirect` and `error` throw objects with a status).
 */
export async function statusOf(run: () => unknown): Promise<number> {
	try {
		const result = await run();
		return result instanceof Response ? result.status : 200;
	} catch (thrown) {
		const status = (thrown as { status?: unknown }).status;
		if (typeof status === 'number') return status;
		throw thrown;
	}
}
