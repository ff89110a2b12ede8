import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { billingSeasonTotals, invoices, municipalities, seasons } from '../db/schema';
import { numberedPage } from '../pagination';
import { AGE_BUCKETS, type AgeBucket } from '$lib/domain/billing/receivable-age';

export const REPORT_PAGE_SIZE = 50;
/** A bound on an export (seasons × years, or members with open invoices). */
export const MAX_REPORT_EXPORT_ROWS = 20_000;

/**
 * Billed, credited and paid per season and year, read from `billing_season_totals`, which a
 * trigger keeps in the transactions that write invoices: a handful of rows however many
 * invoices there are (ADR 026).
 */
export async function billedBySeason(
	db: Db,
	networkIds: string[],
	requestedPage: number,
	limit = REPORT_PAGE_SIZE
) {
	if (networkIds.length === 0) return { total: 0, page: 1, pages: 1, rows: [] };
	const where = inArray(billingSeasonTotals.networkId, networkIds);
	const [{ n } = { n: 0 }] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(billingSeasonTotals)
		.where(where);
	const { page, pages, offset } = numberedPage(n, requestedPage, limit);
	const rows = await db
		.select({
			seasonId: billingSeasonTotals.seasonId,
			seasonNumber: seasons.number,
			year: billingSeasonTotals.year,
			invoiceCount: billingSeasonTotals.invoiceCount,
			invoicedCents: billingSeasonTotals.invoicedCents,
			creditNoteCount: billingSeasonTotals.creditNoteCount,
			creditedCents: billingSeasonTotals.creditedCents,
			paidCents: billingSeasonTotals.paidCents
		})
		.from(billingSeasonTotals)
		.innerJoin(seasons, eq(seasons.id, billingSeasonTotals.seasonId))
		.where(where)
		.orderBy(desc(seasons.number), desc(billingSeasonTotals.year))
		.limit(limit)
		.offset(offset);
	return {
		total: n,
		page,
		pages,
		rows: rows.map((r) => ({
			...r,
			billedCents: r.invoicedCents - r.creditedCents,
			openCents: r.invoicedCents - r.creditedCents - r.paidCents
		}))
	};
}

/**
 * Sums of open cents in bigint, read back as numbers: a network's receivables outgrow integer
 * (21,4 M€) as its season totals did (migration 0019); a number holds them exactly.
 */
const openTotal = () => sql<number>`coalesce(sum(${openCents}), 0)::bigint`.mapWith(Number);

/** What is still to be paid of an invoice (never below 0). */
const openCents = sql<number>`greatest(${invoices.grossCents} - ${invoices.paidCents} - ${invoices.creditedCents}, 0)`;

function bucketSum(bucket: (typeof AGE_BUCKETS)[number], today: string): SQL<number> {
	const days = sql`(${today}::date - ${invoices.dueDate})`;
	const conditions: SQL[] = [];
	if (bucket.fromDays !== null) conditions.push(sql`${days} >= ${bucket.fromDays}`);
	if (bucket.toDays !== null) conditions.push(sql`${days} <= ${bucket.toDays}`);
	return sql<number>`coalesce(sum(${openCents}) filter (where ${sql.join(conditions, sql` and `)}), 0)::bigint`.mapWith(
		Number
	);
}

/** Only the open invoices, as the partial index `invoices_open` holds them. */
function openWhere(networkIds: string[]) {
	return and(
		inArray(invoices.networkId, networkIds),
		eq(invoices.document, 'invoice'),
		sql`${invoices.paidCents} + ${invoices.creditedCents} < ${invoices.grossCents}`
	);
}

/**
 * Open receivables per member by age on `today`: one row per municipality with open invoices,
 * summed in the database over the open invoices only (the partial index `invoices_open`), so
 * the cost follows what is unpaid, not every invoice ever issued.
 */
export async function receivablesByAge(
	db: Db,
	networkIds: string[],
	today: string,
	requestedPage: number,
	limit = REPORT_PAGE_SIZE
) {
	if (networkIds.length === 0) return { total: 0, page: 1, pages: 1, rows: [], totals: null };
	const where = openWhere(networkIds);
	const buckets = Object.fromEntries(
		AGE_BUCKETS.map((b) => [b.key, bucketSum(b, today)])
	) as Record<AgeBucket, SQL<number>>;
	const [summary] = await db
		.select({
			members: sql<number>`count(distinct ${invoices.municipalityCode})::int`,
			...buckets,
			total: openTotal()
		})
		.from(invoices)
		.where(where);
	const { page, pages, offset } = numberedPage(summary?.members ?? 0, requestedPage, limit);
	const rows = await db
		.select({
			code: invoices.municipalityCode,
			nameFi: municipalities.nameFi,
			nameSv: municipalities.nameSv,
			invoiceCount: sql<number>`count(*)::int`,
			...buckets,
			total: openTotal()
		})
		.from(invoices)
		.innerJoin(municipalities, eq(municipalities.code, invoices.municipalityCode))
		.where(where)
		.groupBy(invoices.municipalityCode, municipalities.nameFi, municipalities.nameSv)
		.orderBy(asc(municipalities.nameFi), asc(invoices.municipalityCode))
		.limit(limit)
		.offset(offset);
	const { members: _members, ...totals } = summary!;
	return { total: summary?.members ?? 0, page, pages, rows, totals };
}
