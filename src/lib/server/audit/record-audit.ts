import type { DbOrTx } from '../db';
import { auditLog } from '../db/schema';
import type { Actor } from '../actor';

export interface AuditEntry {
	action: string;
	entityType: string;
	entityId: string;
	before?: unknown;
	after?: unknown;
}

/** Keys never written to the log, whatever record they come in. */
const SECRET_KEYS = new Set(['passwordHash', 'password_hash', 'password', 'token']);

function scrub(value: unknown): unknown {
	if (value === null || value === undefined) return null;
	if (value instanceof Date) return value.toISOString();
	if (Array.isArray(value)) return value.map(scrub);
	if (typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value as Record<string, unknown>)
				.filter(([k]) => !SECRET_KEYS.has(k))
				.map(([k, v]) => [k, scrub(v)])
		);
	}
	return value;
}

/**
 * Records one change. Call it inside the transaction that makes the change, so the log
 * and the data never disagree.
 */
export async function recordAudit(tx: DbOrTx, actor: Actor, entries: AuditEntry | AuditEntry[]) {
	const list = Array.isArray(entries) ? entries : [entries];
	if (list.length === 0) return;
	await tx.insert(auditLog).values(
		list.map((e) => ({
			actorId: actor.userId,
			actorLabel: actor.label,
			action: e.action,
			entityType: e.entityType,
			entityId: e.entityId,
			before: scrub(e.before),
			after: scrub(e.after)
		}))
	);
}

/** Only the fields that differ, so a log entry shows what changed and nothing else. */
export function changedFields<T extends Record<string, unknown>>(
	before: T,
	after: Partial<T>
): { before: Partial<T>; after: Partial<T> } | null {
	const b: Partial<T> = {};
	const a: Partial<T> = {};
	for (const key of Object.keys(after) as (keyof T)[]) {
		if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
			b[key] = before[key];
			a[key] = after[key];
		}
	}
	return Object.keys(a).length ? { before: b, after: a } : null;
}
