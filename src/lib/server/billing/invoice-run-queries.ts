import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { invoiceRunMembers, invoiceRuns, memberships, municipalities, seasons } from '../db/schema';
import { numberedPage } from '../pagination';

export const RUNS_PAGE_SIZE = 20;
export const RUN_MEMBERS_PAGE_SIZE = 50;

/** A network's invoice runs, newest first. */
export async function listInvoiceRuns(db: Db, networkIds: string[], requestedPage: number) {
	if (networkIds.length === 0) return { total: 0, page: 1, pages: 1, rows: [] };
	const where = inArray(invoiceRuns.networkId, networkIds);
	const [totalRow] = await db.select({ n: count() }).from(invoiceRuns).where(where);
	const total = totalRow?.n ?? 0;
	const { page, pages, offset } = numberedPage(total, requestedPage, RUNS_PAGE_SIZE);
	const rows = await db
		.select({ run: invoiceRuns, seasonNumber: seasons.number })
		.from(invoiceRuns)
		.innerJoin(seasons, eq(seasons.id, invoiceRuns.seasonId))
		.where(where)
		.orderBy(desc(invoiceRuns.createdAt))
		.limit(RUNS_PAGE_SIZE)
		.offset(offset);
	return { total, page, pages, rows };
}

/** A run with its progress, and one page of its members that were skipped (and why). */
export async function getInvoiceRun(db: Db, runId: string, requestedPage: number) {
	const [head] = await db
		.select({ run: invoiceRuns, seasonNumber: seasons.number })
		.from(invoiceRuns)
		.innerJoin(seasons, eq(seasons.id, invoiceRuns.seasonId))
		.where(eq(invoiceRuns.id, runId))
		.limit(1);
	if (!head) return null;
	const where = and(eq(invoiceRunMembers.runId, runId), eq(invoiceRunMembers.state, 'skipped'));
	const { page, pages, offset } = numberedPage(
		head.run.membersSkipped,
		requestedPage,
		RUN_MEMBERS_PAGE_SIZE
	);
	const skipped = await db
		.select({
			code: municipalities.code,
			nameFi: municipalities.nameFi,
			nameSv: municipalities.nameSv,
			reason: invoiceRunMembers.reason
		})
		.from(invoiceRunMembers)
		.innerJoin(memberships, eq(memberships.id, invoiceRunMembers.membershipId))
		.innerJoin(municipalities, eq(municipalities.code, memberships.municipalityCode))
		.where(where)
		.orderBy(asc(invoiceRunMembers.position))
		.limit(RUN_MEMBERS_PAGE_SIZE)
		.offset(offset);
	return { ...head, skipped: { page, pages, rows: skipped } };
}
