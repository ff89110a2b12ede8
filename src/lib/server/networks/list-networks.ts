import { asc } from 'drizzle-orm';
import type { Db } from '../db';
import { networks } from '../db/schema';

/** The networks hosted on the platform, for the front page. A platform hosts a handful. */
export async function listNetworks(db: Db, limit = 50) {
	return db.select().from(networks).orderBy(asc(networks.shortName)).limit(limit);
}
