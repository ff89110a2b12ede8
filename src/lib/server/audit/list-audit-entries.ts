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

/**
 * An entry with more changed fields than this shows them folded, under a line that counts
 * them: a registry load writes 309 entries of 22 fields each, a person's creation 7, while the
 * changes people make (a state, a decision, a language) touch one to a few. Folded, a page of
 * the log stays a list of who did what that can be read down; each entry opens in place.
 */
export const AUDIT_CHANGES_SHOWN_OPEN = 5;

/** One field of an entry: its name and its value before and after, as the log shows them. */
export interface AuditChange {
	field: string;
	before: string;
	after: string;
}

/** A value as the log shows it: "–" for none, text as it is, anything else as JSON. */
function shown(value: unknown): string {
	if (value === null || value === undefined) return '–';
	return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Every field an entry recorded before or after the change, in the order it recorded them,
 * and whether the page shows them folded.
 */
export function auditChanges(
	before: unknown,
	after: unknown
): { fields: AuditChange[]; folded: boolean } {
	const b = (before ?? {}) as Record<string, unknown>;
	const a = (after ?? {}) as Record<string, unknown>;
	const names = [...new Set([...Object.keys(b), ...Object.keys(a)])];
	const fields = names.map((field) => ({ field, before: shown(b[field]), after: shown(a[field]) }));
	return { fields, folded: fields.length > AUDIT_CHANGES_SHOWN_OPEN };
}
