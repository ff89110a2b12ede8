import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/setup/test-db';
import { uso7 } from '../../../../tests/factories/events';
import {
	billedCodes,
	billFees,
	seedBillingDetails,
	withoutDemoBilling
} from '../../../../tests/factories/billing';
import { invoices } from '../db/schema';
import { systemActor } from '../actor';
import { listInvoicesForExport, listNetworkInvoices, type InvoiceFilter } from './invoice-queries';
import { createCreditNote } from './create-credit-note';
import { exportInvoices } from './export-invoices';
import { parseNetworkInvoiceListQuery } from './invoice-list-query';

/**
 * The coordinator's invoice list pages by cursor, newest first (ADR 031): walking older and back
 * newer shows every invoice of the filter once, in the same order as the export, whatever the
 * filter; a cursor that names no invoice of the list gives an empty page, a malformed one is
 * answered by its field.
 */
let database: TestDatabase;
let networkId: string;
let seasonId: string;
let creditNoteNumber: string;
let creditedNumber: string;
const TODAY = '2024-10-14';

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	await withoutDemoBilling(database.db);
	({ seasonId, networkId } = await uso7(database.db));
	await seedBillingDetails(database.db, networkId, await billedCodes(database.db, seasonId));
	await billFees(database.db, seasonId, 2023, '2023-10-02');
	await billFees(database.db, seasonId, 2024, '2024-01-15');
	const [kajaani] = await database.db
		.select({ id: invoices.id, number: invoices.number })
		.from(invoices)
		.where(and(eq(invoices.municipalityCode, '205'), eq(invoices.year, 2023)));
	const note = await createCreditNote(database.db, systemActor, {
		invoiceId: kajaani!.id,
		networkIds: [networkId],
		selection: [{ line: 0, quantity: 1 }],
		reason: 'Kajaani liittyi vasta 2024.',
		issueDate: '2024-02-01'
	});
	if (!note.ok) throw new Error(note.error);
	creditedNumber = kajaani!.number;
	const [row] = await database.db
		.select({ number: invoices.number })
		.from(invoices)
		.where(eq(invoices.document, 'credit_note'));
	creditNoteNumber = row!.number;
});
afterAll(() => database?.close());

const filterOf = (more: Partial<InvoiceFilter> = {}) => ({
	...more,
	scope: { networkIds: [networkId] },
	today: TODAY
});

/** Every page older and then every page back newer, as the pager's links go. */
async function walk(filter: ReturnType<typeof filterOf>, limit: number) {
	const older: string[][] = [];
	let page = await listNetworkInvoices(database.db, filter, { before: null, after: null }, limit);
	expect(page.newer).toBeNull();
	older.push(page.rows.map((r) => r.number));
	while (page.older) {
		page = await listNetworkInvoices(
			database.db,
			filter,
			{ before: page.older, after: null },
			limit
		);
		older.push(page.rows.map((r) => r.number));
	}
	const newer: string[][] = [page.rows.map((r) => r.number)];
	while (page.newer) {
		page = await listNetworkInvoices(
			database.db,
			filter,
			{ before: null, after: page.newer },
			limit
		);
		newer.unshift(page.rows.map((r) => r.number));
	}
	return { older, newer };
}

/** The billed year and the number, newest first, as the list orders them. */
const newestFirst = (a: { year: number; number: string }, b: { year: number; number: string }) =>
	b.year - a.year || b.number.localeCompare(a.number);

describe('the coordinator’s invoice list', () => {
	it('walks a year’s invoices newest first, each once, and back again page by page', async () => {
		const all = await database.db
			.select({ year: invoices.year, number: invoices.number })
			.from(invoices)
			.where(eq(invoices.networkId, networkId));
		expect(all.length).toBeGreaterThan(20);
		const expected = all.sort(newestFirst).map((r) => r.number);
		const { older, newer } = await walk(filterOf(), 4);
		expect(older.flat()).toEqual(expected);
		expect(older.every((p) => p.length > 0 && p.length <= 4)).toBe(true);
		expect(newer).toEqual(older);
		// the billed year first: 2023's credit note, numbered in 2024, comes with 2023's invoices
		const last2024 = Math.max(
			...all.filter((r) => r.year === 2024).map((r) => expected.indexOf(r.number))
		);
		expect(expected.indexOf(creditNoteNumber)).toBeGreaterThan(last2024);
		expect(expected.indexOf(creditNoteNumber)).toBeLessThan(expected.indexOf(creditedNumber));
	});

	it('pages each filter the same way and agrees with the export', async () => {
		const filters = [
			filterOf({ year: 2023 }),
			filterOf({ seasonId }),
			filterOf({ seasonId, year: 2024 }),
			filterOf({ state: 'open' }),
			filterOf({ state: 'overdue' }),
			filterOf({ state: 'credit_note' }),
			filterOf({ state: 'credited' }),
			filterOf({ seasonId, state: 'overdue' })
		];
		for (const filter of filters) {
			const { rows } = await listInvoicesForExport(database.db, filter);
			const { older } = await walk(filter, 3);
			expect(older.flat(), JSON.stringify(filter)).toEqual(rows.map((r) => r.number));
		}
		const exported = async (f: ReturnType<typeof filterOf>) =>
			(await listInvoicesForExport(database.db, f)).rows.map((r) => r.number);
		expect(await exported(filterOf({ state: 'credit_note' }))).toEqual([creditNoteNumber]);
		expect(await exported(filterOf({ state: 'credited' }))).toEqual([creditedNumber]);
		expect(
			(await exported(filterOf({ year: 2023 }))).every(
				(n) => n.startsWith('2023-') || n === creditNoteNumber
			)
		).toBe(true);
		// 2023's invoices fell due long before the 14th of October 2024; 2024's too (due in February)
		expect((await exported(filterOf({ state: 'overdue' }))).length).toBeGreaterThan(20);
	});

	it('shows nothing of its networks to another network’s coordinator, even by their cursor', async () => {
		const [first] = (
			await listNetworkInvoices(database.db, filterOf(), { before: null, after: null })
		).rows;
		const other = {
			scope: { networkIds: ['00000000-0000-4000-8000-000000000042'] },
			today: TODAY
		};
		for (const keyset of [
			{ before: null, after: null },
			{ before: first!.id, after: null },
			{ before: null, after: first!.id }
		]) {
			expect((await listNetworkInvoices(database.db, other, keyset)).rows).toEqual([]);
		}
	});

	it('answers a malformed cursor by its field and keeps the filters', () => {
		const { values, errors } = parseNetworkInvoiceListQuery(
			new URLSearchParams('before=2024-000003&year=2024&state=open')
		);
		expect(errors.before).toEqual({ key: 'error.invalidChoice' });
		expect(values).toMatchObject({ before: null, after: null, year: 2024, state: 'open' });
	});

	it('writes the newest first into the export, as the page shows them', async () => {
		const table = await exportInvoices(database.db, filterOf({ year: 2024 }), 'fi');
		const numbers = table.rows.map((r) => String(r[0]));
		expect(numbers).toEqual([...numbers].sort().reverse());
		expect(table.notes).toEqual([]);
	});
});
