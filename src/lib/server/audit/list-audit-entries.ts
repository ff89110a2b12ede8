import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { auditLog } from '../db/schema';
import { keysetPage, keysetQuery } from '../pagination';
import type { AuditQuery } from '$lib/schemas/audit';

export const AUDIT_PAGE_SIZE = 50;

/** A Helsinki calendar day's start as a timestamp. */
const helsinkiDay = (day: string) => sql`(${day}::date)::timestamp at time zone 'Europe/Helsinki'`;

/** One page of the audit log, newest first, filtered. */
export async function listAuditEntries(db: Db, query: AuditQuery, limit = AUDIT_PAGE_SIZE) {
	const keyset = keysetQuery(auditLog.id, query);
	const where = and(
		keyset.where,
		query.actor ? eq(auditLog.actorLabel, query.actor) : undefined,
		query.action ? eq(auditLog.action, query.action) : undefined,
		query.entityType ? eq(auditLog.entityType, query.entityType) : undefined,
		query.entityId ? eq(auditLog.entityId, query.entityId) : undefined,
		query.from ? gte(auditLog.at, helsinkiDay(query.from)) : undefined,
		query.to ? lt(auditLog.at, sql`${helsinkiDay(query.to)} + interval '1 day'`) : undefined
	);
	const rows = await db
		.select()
		.from(auditLog)
		.where(where)
		.orderBy(keyset.orderBy)
		.limit(limit + 1);
	return keysetPage(rows, query, limit);
}
