import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { outbox } from '../db/schema';
import { keysetPage, keysetQuery, type Keyset } from '../pagination';

export const OUTBOX_PAGE_SIZE = 50;

export async function listOutbox(db: Db, keyset: Keyset, limit = OUTBOX_PAGE_SIZE) {
	const q = keysetQuery(outbox.id, keyset);
	const rows = await db
		.select({
			id: outbox.id,
			to: outbox.to,
			subject: outbox.subject,
			status: outbox.status,
			createdAt: outbox.createdAt
		})
		.from(outbox)
		.where(q.where)
		.orderBy(q.orderBy)
		.limit(limit + 1);
	return keysetPage(rows, keyset, limit);
}

export async function getOutboxMessage(db: Db, id: number) {
	const [row] = await db.select().from(outbox).where(eq(outbox.id, id)).limit(1);
	return row ?? null;
}
