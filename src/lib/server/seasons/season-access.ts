import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { memberships } from '../db/schema';
import { coordinatedNetworks, type SessionUser } from '../auth/session';

/** Coordinators of the season's network, and people of municipalities invited to it. */
export async function canSeeSeason(
	db: Db,
	user: SessionUser,
	season: { id: string; networkId: string }
): Promise<boolean> {
	if (coordinatedNetworks(user).includes(season.networkId)) return true;
	const codes = user.roles.map((r) => r.municipalityCode).filter((c): c is string => !!c);
	if (codes.length === 0) return false;
	const [row] = await db
		.select({ id: memberships.id })
		.from(memberships)
		.where(and(eq(memberships.seasonId, season.id), inArray(memberships.municipalityCode, codes)))
		.limit(1);
	return !!row;
}
