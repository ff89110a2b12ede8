import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { invoiceLines, invoices, municipalities, seasons } from '../db/schema';
import { keysetPage, numberedPage, type Keyset } from '../pagination';
import {
	INVOICE_LIST_STATES,
	invoiceListState,
	type InvoiceListState
} from '$lib/domain/billing/invoice-state';
import { isUuid } from '$lib/domain/uuid';

export { INVOICE_LIST_STATES, type InvoiceListState };

/**
 * The rows in a state, as `invoiceListState` (domain) tells one row's. Each condition names the
 * predicate of the partial index that holds its rows, so the planner can read that index:
 * open, partly paid and overdue are unsettled invoices (`invoices_unsettled`); credited
 * invoices and credit notes are those a credit touched (`invoices_credits`); paid is most rows
 * and reads the network's index.
 */
function stateCondition(state: InvoiceListState, today: string): SQL {
	const settled = sql`(${invoices.paidCents} + ${invoices.creditedCents})`;
	const isInvoice = sql`${invoices.document} = 'invoice'`;
	const unsettled = sql`${isInvoice} and ${settled} < ${invoices.grossCents}`;
	switch (state) {
		case 'credit_note':
			return sql`${invoices.document} = 'credit_note'`;
		case 'credited':
			return sql`${isInvoice} and ${invoices.creditedCents} > 0 and ${invoices.creditedCents} >= ${invoices.grossCents} and ${invoices.grossCents} > 0`;
		case 'paid':
			return sql`${isInvoice} and ${settled} >= ${invoices.grossCents} and not (${invoices.grossCents} > 0 and ${invoices.creditedCents} >= ${invoices.grossCents})`;
		case 'overdue':
			return sql`${unsettled} and ${invoices.dueDate} < ${today}`;
		case 'partly_paid':
			return sql`${unsettled} and ${settled} > 0 and ${invoices.dueDate} >= ${today}`;
		case 'open':
			return sql`${unsettled} and ${settled} = 0 and ${invoices.dueDate} >= ${today}`;
	}
}

export const INVOICES_PAGE_SIZE = 50;

export interface InvoiceFilter {
	/** The coordinator's networks, or the one municipality whose invoices these are. */
	scope: { networkIds: string[] } | { municipalityCode: string };
	seasonId?: string | null;
	year?: number | null;
	state?: InvoiceListState | null;
	today: string;
}

function whereOf(filter: InvoiceFilter): SQL | undefined {
	return and(
		'networkIds' in filter.scope
			? inArray(invoices.networkId, filter.scope.networkIds)
			: eq(invoices.municipalityCode, filter.scope.municipalityCode),
		filter.seasonId ? eq(invoices.seasonId, filter.seasonId) : undefined,
		filter.year ? eq(invoices.year, filter.year) : undefined,
		filter.state ? stateCondition(filter.state, filter.today) : undefined
	);
}

const listColumns = {
	id: invoices.id,
	number: invoices.number,
	document: invoices.document,
	kind: invoices.kind,
	year: invoices.year,
	issueDate: invoices.issueDate,
	dueDate: invoices.dueDate,
	reference: invoices.reference,
	netCents: invoices.netCents,
	vatCents: invoices.vatCents,
	grossCents: invoices.grossCents,
	paidCents: invoices.paidCents,
	creditedCents: invoices.creditedCents,
	municipalityCode: invoices.municipalityCode,
	nameFi: municipalities.nameFi,
	nameSv: municipalities.nameSv,
	seasonNumber: seasons.number
};

async function selectInvoices(
	db: Db,
	where: SQL | undefined,
	orderBy: SQL[],
	limit: number,
	today: string,
	offset = 0
) {
	const rows = await db
		.select(listColumns)
		.from(invoices)
		.innerJoin(municipalities, eq(municipalities.code, invoices.municipalityCode))
		.innerJoin(seasons, eq(seasons.id, invoices.seasonId))
		.where(where)
		.orderBy(...orderBy)
		.limit(limit)
		.offset(offset);
	return rows.map((r) => ({ ...r, state: invoiceListState(r, today) }));
}

/**
 * The key of the coordinator's list, newest first: the billed year, then the number (a year's
 * series, and a later credit note's after it), then the id, which only tells apart equal
 * numbers of two networks. The indexes of the list end in (year, number): `invoices_number_…`.
 */
const networkKey = sql`(${invoices.year}, ${invoices.number}, ${invoices.id})`;

/**
 * The key of the invoice a cursor names. An id that names no invoice gives no key and so an
 * empty page; the rows are scoped by the filter, so another network's id reveals nothing.
 */
const keyOf = (id: string) =>
	sql`(select k.year, k.number, k.id from ${invoices} k where k.id = ${id})`;

/**
 * One page of a coordinator's invoices, newest first, with newer/older cursors (ADR 008,
 * ADR 031): the cost of a page does not depend on how many invoices the network has or how far
 * back it is, and nothing counts them (the reports keep the totals).
 */
export async function listNetworkInvoices(
	db: Db,
	filter: InvoiceFilter & { scope: { networkIds: string[] } },
	keyset: Keyset<string>,
	limit = INVOICES_PAGE_SIZE
) {
	if (filter.scope.networkIds.length === 0) return { rows: [], newer: null, older: null };
	const forward = keyset.after !== null;
	const cursor = keyset.after ?? keyset.before;
	const where = and(
		whereOf(filter),
		cursor === null
			? undefined
			: forward
				? sql`${networkKey} > ${keyOf(cursor)}`
				: sql`${networkKey} < ${keyOf(cursor)}`
	);
	const order = forward ? asc : desc;
	const rows = await selectInvoices(
		db,
		where,
		[order(invoices.year), order(invoices.number), order(invoices.id)],
		limit + 1,
		filter.today
	);
	return keysetPage(rows, keyset, limit);
}

/** One numbered page of a municipality's invoices, newest first: a member's list stays short. */
export async function listMunicipalityInvoices(
	db: Db,
	filter: InvoiceFilter & { scope: { municipalityCode: string } },
	requestedPage: number
) {
	const where = whereOf(filter);
	const [totalRow] = await db.select({ n: count() }).from(invoices).where(where);
	const total = totalRow?.n ?? 0;
	const { page, pages, offset } = numberedPage(total, requestedPage, INVOICES_PAGE_SIZE);
	const rows = await selectInvoices(
		db,
		where,
		[desc(invoices.issueDate), desc(invoices.sequence)],
		INVOICES_PAGE_SIZE,
		filter.today,
		offset
	);
	return { total, page, pages, rows };
}

/** A bound on an export: a network's invoices of some years; the file says when it is cut. */
export const MAX_EXPORT_ROWS = 20_000;

/**
 * Every invoice of the filter, in the order of its page, up to MAX_EXPORT_ROWS; `more` says
 * that there were more.
 */
export async function listInvoicesForExport(db: Db, filter: InvoiceFilter) {
	const orderBy =
		'networkIds' in filter.scope
			? [desc(invoices.year), desc(invoices.number), desc(invoices.id)]
			: [desc(invoices.issueDate), desc(invoices.sequence)];
	const rows = await selectInvoices(
		db,
		whereOf(filter),
		orderBy,
		MAX_EXPORT_ROWS + 1,
		filter.today
	);
	return { rows: rows.slice(0, MAX_EXPORT_ROWS), more: rows.length > MAX_EXPORT_ROWS };
}

/**
 * One invoice with its lines, looked up together with who may see it: a coordinator's
 * networks or the municipality of the address; another's invoice is simply not found.
 */
export async function getInvoice(db: Db, id: string, scope: InvoiceFilter['scope']) {
	if (!isUuid(id)) return null;
	const [row] = await db
		.select({ invoice: invoices, seasonNumber: seasons.number })
		.from(invoices)
		.innerJoin(seasons, eq(seasons.id, invoices.seasonId))
		.where(
			and(
				eq(invoices.id, id),
				'networkIds' in scope
					? inArray(invoices.networkId, scope.networkIds)
					: eq(invoices.municipalityCode, scope.municipalityCode)
			)
		)
		.limit(1);
	if (!row) return null;
	const [lines, credited] = await Promise.all([
		db
			.select()
			.from(invoiceLines)
			.where(eq(invoiceLines.invoiceId, id))
			.orderBy(asc(invoiceLines.position)),
		row.invoice.creditedInvoiceId
			? db
					.select({ id: invoices.id, number: invoices.number })
					.from(invoices)
					.where(eq(invoices.id, row.invoice.creditedInvoiceId))
			: Promise.resolve([])
	]);
	return { ...row, lines, creditedInvoice: credited[0] ?? null };
}
export type InvoiceView = NonNullable<Awaited<ReturnType<typeof getInvoice>>>;
