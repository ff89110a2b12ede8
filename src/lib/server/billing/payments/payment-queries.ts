import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db';
import {
	bankFiles,
	invoices,
	municipalities,
	networks,
	paymentAllocations,
	payments
} from '../../db/schema';
import { numberedPage } from '../../pagination';
import { isUuid } from '$lib/domain/uuid';

export const PAYMENTS_PAGE_SIZE = 50;
/** A bound on an export of payments. */
export const MAX_PAYMENT_EXPORT_ROWS = 20_000;

export interface PaymentFilter {
	networkIds: readonly string[];
	/** Only payments with something left to allocate (partly, over, unknown). */
	needsAllocation: boolean;
}

function whereOf(filter: PaymentFilter): SQL | undefined {
	return and(
		inArray(payments.networkId, [...filter.networkIds]),
		// the partial index payments_network_open
		filter.needsAllocation ? sql`${payments.allocatedCents} < ${payments.amountCents}` : undefined
	);
}

const listColumns = {
	id: payments.id,
	bookingDate: payments.bookingDate,
	amountCents: payments.amountCents,
	allocatedCents: payments.allocatedCents,
	referenceText: payments.referenceText,
	payerName: payments.payerName,
	match: payments.match,
	entryReference: payments.entryReference
};

function selectPayments(db: Db, filter: PaymentFilter, limit: number, offset: number) {
	return db
		.select(listColumns)
		.from(payments)
		.where(whereOf(filter))
		.orderBy(desc(payments.bookingDate), asc(payments.id))
		.limit(limit)
		.offset(offset);
}

/** One page of the networks' payments, newest booking first. */
export async function listPayments(db: Db, filter: PaymentFilter, requestedPage: number) {
	if (filter.networkIds.length === 0) return { total: 0, page: 1, pages: 1, rows: [] };
	const [totalRow] = await db.select({ n: count() }).from(payments).where(whereOf(filter));
	const total = totalRow?.n ?? 0;
	const { page, pages, offset } = numberedPage(total, requestedPage, PAYMENTS_PAGE_SIZE);
	return { total, page, pages, rows: await selectPayments(db, filter, PAYMENTS_PAGE_SIZE, offset) };
}

export function listPaymentsForExport(db: Db, filter: PaymentFilter) {
	if (filter.networkIds.length === 0) return Promise.resolve([]);
	return selectPayments(db, filter, MAX_PAYMENT_EXPORT_ROWS, 0);
}

const allocationColumns = {
	id: paymentAllocations.id,
	amountCents: paymentAllocations.amountCents,
	automatic: paymentAllocations.automatic,
	allocatedAt: paymentAllocations.allocatedAt,
	invoiceId: invoices.id,
	invoiceNumber: invoices.number,
	municipalityCode: invoices.municipalityCode,
	nameFi: municipalities.nameFi,
	nameSv: municipalities.nameSv
};

/** One payment of the networks with what it was allocated to; another network's is not found. */
export async function getPayment(db: Db, id: string, networkIds: readonly string[]) {
	if (!isUuid(id) || networkIds.length === 0) return null;
	const [payment] = await db
		.select({ payment: payments, fileName: bankFiles.fileName, importedAt: bankFiles.importedAt })
		.from(payments)
		.innerJoin(bankFiles, eq(bankFiles.id, payments.bankFileId))
		.where(and(eq(payments.id, id), inArray(payments.networkId, [...networkIds])));
	if (!payment) return null;
	const allocations = await db
		.select(allocationColumns)
		.from(paymentAllocations)
		.innerJoin(invoices, eq(invoices.id, paymentAllocations.invoiceId))
		.innerJoin(municipalities, eq(municipalities.code, invoices.municipalityCode))
		.where(eq(paymentAllocations.paymentId, id))
		.orderBy(asc(paymentAllocations.allocatedAt), asc(paymentAllocations.id));
	// the invoice its reference names, to offer first when allocating by hand
	const [named] = payment.payment.reference
		? await db
				.select({ number: invoices.number })
				.from(invoices)
				.where(
					and(
						eq(invoices.networkId, payment.payment.networkId),
						eq(invoices.reference, payment.payment.reference)
					)
				)
				.limit(1)
		: [];
	return { ...payment, allocations, namedInvoice: named?.number ?? null };
}

/** What the summary of an import lists: the payments left to look at, first ones first. */
export const BANK_FILE_LISTED = 200;

/** An imported file with its counts and the payments that were not matched exactly. */
export async function getBankFile(db: Db, id: string, networkIds: readonly string[]) {
	if (!isUuid(id) || networkIds.length === 0) return null;
	const [file] = await db
		.select()
		.from(bankFiles)
		.where(and(eq(bankFiles.id, id), inArray(bankFiles.networkId, [...networkIds])));
	if (!file) return null;
	const listed = await db
		.select(listColumns)
		.from(payments)
		.where(and(eq(payments.bankFileId, id), sql`${payments.match} <> 'exact'`))
		.orderBy(asc(payments.bookingDate), asc(payments.id))
		.limit(BANK_FILE_LISTED);
	return { file, listed };
}

/** The payments allocated to an invoice, and its credit notes: what its state is made of. */
export async function invoiceSettlements(db: Db, invoiceId: string) {
	const [allocations, credits] = await Promise.all([
		db
			.select({
				id: paymentAllocations.id,
				paymentId: payments.id,
				bookingDate: payments.bookingDate,
				amountCents: paymentAllocations.amountCents,
				payerName: payments.payerName,
				automatic: paymentAllocations.automatic
			})
			.from(paymentAllocations)
			.innerJoin(payments, eq(payments.id, paymentAllocations.paymentId))
			.where(eq(paymentAllocations.invoiceId, invoiceId))
			.orderBy(asc(payments.bookingDate), asc(paymentAllocations.id)),
		db
			.select({ issueDate: invoices.issueDate, grossCents: invoices.grossCents })
			.from(invoices)
			.where(eq(invoices.creditedInvoiceId, invoiceId))
	]);
	return { allocations, credits };
}

/** The short names of the coordinator's networks, for the import form's choice. */
export function networkChoices(db: Db, networkIds: readonly string[]) {
	if (networkIds.length === 0) return Promise.resolve([]);
	return db
		.select({ id: networks.id, shortName: networks.shortName })
		.from(networks)
		.where(inArray(networks.id, [...networkIds]))
		.orderBy(asc(networks.shortName));
}
