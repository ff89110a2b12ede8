import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { invoiceLines, invoices, municipalities, seasons } from '../db/schema';
import { numberedPage } from '../pagination';
import {
	INVOICE_LIST_STATES,
	invoiceListState,
	type InvoiceListState
} from '$lib/domain/billing/invoice-state';
import { isUuid } from '$lib/domain/uuid';

export { INVOICE_LIST_STATES, type InvoiceListState };

/** The rows in a state, as `invoiceListState` (domain) tells one row's. */
function stateCondition(state: InvoiceListState, today: string): SQL {
	const settled = sql`(${invoices.paidCents} + ${invoices.creditedCents})`;
	const isInvoice = sql`${invoices.document} = 'invoice'`;
	switch (state) {
		case 'credit_note':
			return sql`${invoices.document} = 'credit_note'`;
		case 'credited':
			return sql`${isInvoice} and ${invoices.creditedCents} >= ${invoices.grossCents} and ${invoices.grossCents} > 0`;
		case 'paid':
			return sql`${isInvoice} and ${settled} >= ${invoices.grossCents} and not (${invoices.grossCents} > 0 and ${invoices.creditedCents} >= ${invoices.grossCents})`;
		case 'overdue':
			return sql`${isInvoice} and ${settled} < ${invoices.grossCents} and ${invoices.dueDate} < ${today}`;
		case 'partly_paid':
			return sql`${isInvoice} and ${settled} > 0 and ${settled} < ${invoices.grossCents} and ${invoices.dueDate} >= ${today}`;
		case 'open':
			return sql`${isInvoice} and ${settled} = 0 and ${invoices.grossCents} > 0 and ${invoices.dueDate} >= ${today}`;
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

async function selectInvoices(db: Db, filter: InvoiceFilter, limit: number, offset: number) {
	const newestFirst = 'municipalityCode' in filter.scope;
	const rows = await db
		.select(listColumns)
		.from(invoices)
		.innerJoin(municipalities, eq(municipalities.code, invoices.municipalityCode))
		.innerJoin(seasons, eq(seasons.id, invoices.seasonId))
		.where(whereOf(filter))
		.orderBy(
			...(newestFirst
				? [desc(invoices.issueDate), desc(invoices.sequence)]
				: [asc(invoices.year), asc(invoices.sequence)])
		)
		.limit(limit)
		.offset(offset);
	return rows.map((r) => ({ ...r, state: invoiceListState(r, filter.today) }));
}

/** One page of invoices: a coordinator's by number, a municipality's newest first. */
export async function listInvoices(db: Db, filter: InvoiceFilter, requestedPage: number) {
	const [totalRow] = await db.select({ n: count() }).from(invoices).where(whereOf(filter));
	const total = totalRow?.n ?? 0;
	const { page, pages, offset } = numberedPage(total, requestedPage, INVOICES_PAGE_SIZE);
	return { total, page, pages, rows: await selectInvoices(db, filter, INVOICES_PAGE_SIZE, offset) };
}

/** A bound on an export: a network's invoices of some years. */
export const MAX_EXPORT_ROWS = 20_000;

export function listInvoicesForExport(db: Db, filter: InvoiceFilter) {
	return selectInvoices(db, filter, MAX_EXPORT_ROWS, 0);
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
