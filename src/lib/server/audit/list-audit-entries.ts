import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { auditLog } from '../db/schema';
import { keysetPage, keysetQuery } from '../pagination';
import type { AuditQuery } from '$lib/schemas/audit';
import type { ExportTable } from '../export/table-export';
import { serverTranslator } from '$lib/i18n/catalogue';
import { formatDateTime } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locales';

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

/** At most this many entries in one file: a year of a network's changes; narrow by dates for more. */
export const AUDIT_EXPORT_MAX = 10_000;

/**
 * The log as filtered on its page, newest first, as a table for CSV and XLSX: when (Helsinki
 * time), who, what, on which record, and each changed field as "field: before → after".
 * Beyond AUDIT_EXPORT_MAX entries the file says so under the table.
 */
export async function exportAuditEntries(
	db: Db,
	query: AuditQuery,
	locale: Locale
): Promise<ExportTable> {
	const t = serverTranslator(locale);
	const { rows, older } = await listAuditEntries(
		db,
		{ ...query, before: null, after: null },
		AUDIT_EXPORT_MAX
	);
	return {
		title: t('audit.title'),
		columns: [
			{ header: t('audit.at'), width: 18 },
			{ header: t('audit.actor'), width: 28 },
			{ header: t('audit.action'), width: 22 },
			{ header: t('audit.entityType'), width: 14 },
			{ header: t('audit.entityId'), width: 38 },
			{ header: t('audit.changes'), width: 60 }
		],
		rows: rows.map((e) => [
			formatDateTime(locale, e.at),
			e.actorLabel === 'system' ? t('audit.system') : e.actorLabel,
			e.action,
			e.entityType,
			e.entityId,
			auditChanges(e.before, e.after)
				.fields.map((f) => `${f.field}: ${f.before} → ${f.after}`)
				.join('\n')
		]),
		notes: older ? [t('audit.exportTruncated', { max: AUDIT_EXPORT_MAX })] : []
	};
}
