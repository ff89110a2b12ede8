import { isHttpError, isRedirect } from '@sveltejs/kit';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../../tests/setup/test-db';
import { uso7 } from '../../../../../tests/factories/events';
import {
	billedCodes,
	billFees,
	seedBillingDetails,
	withoutDemoBilling
} from '../../../../../tests/factories/billing';
import { buildCamt054, type TestCredit } from '../../demo/camt054-file';
import { bankFiles, invoices, jobs, outbox, paymentAllocations, payments } from '../../db/schema';
import { systemActor } from '../../actor';
import { runDueJobs } from '../../jobs/run-due-jobs';
import { listNetworkInvoices } from '../invoice-queries';
import { importBankFile } from './import-bank-file';
import { allocatePayment } from './allocate-payment';
import { undoAllocation } from './undo-allocation';
import { getBankFile, listPayments } from './payment-queries';
import { exportPayments } from './export-payments';
import { invoiceSettlement } from './invoice-settlement';
import { createNationalReference, createRfReference } from '$lib/domain/billing/reference-number';
import type { SessionUser } from '../../auth/session';
import { load as paymentsPage } from '../../../../routes/billing/payments/+page.server';
import {
	load as importPage,
	actions as importActions
} from '../../../../routes/billing/payments/import/+page.server';
import { load as importSummary } from '../../../../routes/billing/payments/imports/[importId]/+page.server';
import {
	load as paymentPage,
	actions as paymentActions
} from '../../../../routes/billing/payments/[paymentId]/+page.server';
import { GET as paymentsExport } from '../../../../routes/billing/payments/export/[format]/+server';

/**
 * Payments from the bank on the demo's USO 7 invoices of 2024 (dated 1.10.2024, due 15.10.):
 * bad files write nothing; a file's payments are matched exact, partly, over and unknown; the
 * same file twice and overlapping files count each credit once, also when imported at once;
 * allocation by hand and its undo keep the sums; an overdue invoice is reminded once.
 */
let database: TestDatabase;
let networkId: string;
type Invoice = { id: string; number: string; reference: string; grossCents: number };
let issued: Invoice[];

const settings = {
	mail: { from: 'Verkosto <verkosto@example.fi>', log: false },
	publicOrigin: 'https://verkosto.example.fi'
};
const bytes = (xml: string) => new TextEncoder().encode(xml);
const upload = (xml: string, fileName = 'camt054.xml') => ({
	networkId,
	fileName,
	bytes: bytes(xml)
});
const rf = (national: string) => {
	const r = createRfReference(national);
	if (!r.ok) throw new Error(r.problem);
	return r.value;
};
const STRANGER = (() => {
	const r = createNationalReference('1999000123');
	if (!r.ok) throw new Error(r.problem);
	return r.value;
})();

async function tableCounts() {
	const [[f], [p], [a]] = await Promise.all([
		database.db.select({ n: count() }).from(bankFiles),
		database.db.select({ n: count() }).from(payments),
		database.db.select({ n: count() }).from(paymentAllocations)
	]);
	return { files: f!.n, payments: p!.n, allocations: a!.n };
}

async function paidCents(invoiceId: string) {
	const [row] = await database.db
		.select({ paid: invoices.paidCents })
		.from(invoices)
		.where(eq(invoices.id, invoiceId));
	return row!.paid;
}

/** The kept sums agree with the allocations, everywhere. */
async function expectSumsKept() {
	const invoiceDrift = await database.db.execute(sql`
		select i.id from invoices i
		left join (select invoice_id, sum(amount_cents) s from payment_allocations group by invoice_id) a
		  on a.invoice_id = i.id
		where i.paid_cents <> coalesce(a.s, 0)`);
	const paymentDrift = await database.db.execute(sql`
		select p.id from payments p
		left join (select payment_id, sum(amount_cents) s from payment_allocations group by payment_id) a
		  on a.payment_id = p.id
		where p.allocated_cents <> coalesce(a.s, 0)`);
	const rows = (result: unknown) => (result as { rows: unknown[] }).rows;
	expect(rows(invoiceDrift)).toEqual([]);
	expect(rows(paymentDrift)).toEqual([]);
}

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	await withoutDemoBilling(database.db);
	const season = await uso7(database.db);
	networkId = season.networkId;
	await seedBillingDetails(database.db, networkId, await billedCodes(database.db, season.seasonId));
	await billFees(database.db, season.seasonId, 2024, '2024-10-01');
	issued = await database.db
		.select({
			id: invoices.id,
			number: invoices.number,
			reference: invoices.reference,
			grossCents: invoices.grossCents
		})
		.from(invoices)
		.where(eq(invoices.networkId, networkId))
		.orderBy(asc(invoices.sequence));
});
afterAll(() => database?.close());

describe('a bank file that cannot be imported', () => {
	it.each([
		['damaged', '<Document><BkToCstmrDbtCdtNtfctn>', 'damaged'],
		[
			'foreign',
			'<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"><CstmrCdtTrfInitn/></Document>',
			'not_camt054'
		],
		[
			'non-euro',
			buildCamt054('BAD-SEK', [
				{ entryReference: 'SEK-1', amountCents: 100, bookingDate: '2024-10-10', currency: 'SEK' }
			]),
			'foreign_currency'
		]
	])('writes nothing for a %s file', async (_, xml, kind) => {
		const before = await tableCounts();
		const result = await importBankFile(database.db, systemActor, upload(xml));
		expect(result).toMatchObject({ ok: false, error: { kind } });
		expect(await tableCounts()).toEqual(before);
	});
});

describe('importing a camt.054 file', () => {
	let first: TestCredit[];
	let firstFileId: string;

	it('matches exact, partial and overpayments and lists an unknown reference', async () => {
		const [a, b, c, d] = issued;
		first = [
			{
				entryReference: 'A-1',
				amountCents: a!.grossCents,
				reference: a!.reference,
				payer: 'A',
				bookingDate: '2024-10-10'
			},
			{
				entryReference: 'A-2',
				amountCents: 100_000,
				reference: b!.reference,
				payer: 'B',
				bookingDate: '2024-10-10'
			},
			{
				entryReference: 'A-3',
				amountCents: c!.grossCents + 1_000,
				reference: c!.reference,
				payer: 'C',
				bookingDate: '2024-10-11'
			},
			{
				entryReference: 'A-4',
				amountCents: d!.grossCents,
				reference: rf(d!.reference),
				payer: 'D',
				bookingDate: '2024-10-11'
			},
			{
				entryReference: 'A-5',
				amountCents: 5_000,
				reference: STRANGER,
				payer: 'Tuntematon',
				bookingDate: '2024-10-12'
			}
		];
		const result = await importBankFile(
			database.db,
			systemActor,
			upload(buildCamt054('MSG-1', first))
		);
		if (!result.ok) throw new Error(result.error.kind);
		expect(result.alreadyImported).toBe(false);
		firstFileId = result.bankFileId;
		const summary = await getBankFile(database.db, firstFileId, [networkId]);
		expect(summary?.file).toMatchObject({
			credits: 5,
			exact: 2,
			partly: 1,
			over: 1,
			unknown: 1,
			duplicates: 0
		});
		expect(summary?.listed.map((p) => p.entryReference).sort()).toEqual(['A-2', 'A-3', 'A-5']);
		expect(await paidCents(a!.id)).toBe(a!.grossCents);
		expect(await paidCents(b!.id)).toBe(100_000);
		expect(await paidCents(c!.id)).toBe(c!.grossCents);
		expect(await paidCents(d!.id)).toBe(d!.grossCents);
		const toAllocate = await listPayments(
			database.db,
			{ networkIds: [networkId], needsAllocation: true },
			1
		);
		expect(
			toAllocate.rows.map((r) => [r.entryReference, r.amountCents - r.allocatedCents])
		).toEqual([
			['A-5', 5_000],
			['A-3', 1_000]
		]);
		const table = await exportPayments(
			database.db,
			{ networkIds: [networkId], needsAllocation: true },
			'fi'
		);
		expect(table.rows.map((r) => [r[3], r[4], r[7]])).toEqual([
			['A-5', 'Tuntematon viite', 50],
			['A-3', 'Ylisuoritus', 10]
		]);
		await expectSumsKept();
	});

	it('shows the states in the invoice list, filtered in SQL', async () => {
		const list = (state: 'paid' | 'partly_paid' | 'open') =>
			listNetworkInvoices(
				database.db,
				{ scope: { networkIds: [networkId] }, state, today: '2024-10-14' },
				{ before: null, after: null }
			);
		expect((await list('paid')).rows.map((r) => r.number)).toEqual(
			issued
				.slice(0, 4)
				.filter((_, i) => i !== 1)
				.map((i) => i.number)
				.reverse()
		);
		expect((await list('partly_paid')).rows.map((r) => r.number)).toEqual([issued[1]!.number]);
		expect((await list('open')).rows).toHaveLength(issued.length - 4);
	});

	it('imports the same file once: a second import is a no-op', async () => {
		const before = await tableCounts();
		const again = await importBankFile(
			database.db,
			systemActor,
			upload(buildCamt054('MSG-1', first), 'again.xml')
		);
		expect(again).toEqual({ ok: true, bankFileId: firstFileId, alreadyImported: true });
		expect(await tableCounts()).toEqual(before);
	});

	it('counts a credit once across overlapping files', async () => {
		const e = issued[4]!;
		const result = await importBankFile(
			database.db,
			systemActor,
			upload(
				buildCamt054('MSG-2', [
					first[0]!,
					{
						entryReference: 'B-1',
						amountCents: e.grossCents,
						reference: e.reference,
						bookingDate: '2024-10-13'
					}
				])
			)
		);
		if (!result.ok) throw new Error(result.error.kind);
		const summary = await getBankFile(database.db, result.bankFileId, [networkId]);
		expect(summary?.file).toMatchObject({ credits: 2, duplicates: 1, exact: 1 });
		expect(await paidCents(issued[0]!.id)).toBe(issued[0]!.grossCents);
		await expectSumsKept();
	});

	it('counts each credit once when two overlapping files are imported at once', async () => {
		const f = issued[5]!;
		const g = issued[6]!;
		const shared = {
			entryReference: 'C-1',
			amountCents: 200_000,
			reference: f.reference,
			bookingDate: '2024-10-14'
		};
		const results = await Promise.all([
			importBankFile(
				database.db,
				systemActor,
				upload(
					buildCamt054('MSG-3', [
						shared,
						{
							entryReference: 'C-2',
							amountCents: 300_000,
							reference: f.reference,
							bookingDate: '2024-10-14'
						}
					])
				)
			),
			importBankFile(
				database.db,
				systemActor,
				upload(
					buildCamt054('MSG-4', [
						shared,
						{
							entryReference: 'C-3',
							amountCents: 50_000,
							reference: g.reference,
							bookingDate: '2024-10-14'
						}
					])
				)
			),
			importBankFile(
				database.db,
				systemActor,
				upload(
					buildCamt054('MSG-3', [
						shared,
						{
							entryReference: 'C-2',
							amountCents: 300_000,
							reference: f.reference,
							bookingDate: '2024-10-14'
						}
					])
				)
			)
		]);
		expect(results.every((r) => r.ok)).toBe(true);
		expect(results.filter((r) => r.ok && r.alreadyImported)).toHaveLength(1);
		const [{ n }] = (await database.db
			.select({ n: count() })
			.from(payments)
			.where(eq(payments.entryReference, 'C-1'))) as [{ n: number }];
		expect(n).toBe(1);
		expect(await paidCents(f.id)).toBe(500_000);
		expect(await paidCents(g.id)).toBe(50_000);
		await expectSumsKept();
	});
});

describe('allocating by hand', () => {
	async function payment(entryReference: string) {
		const [row] = await database.db
			.select()
			.from(payments)
			.where(and(eq(payments.networkId, networkId), eq(payments.entryReference, entryReference)));
		return row!;
	}

	it('refuses more than the payment or the invoice, and an invoice of no one', async () => {
		const unknown = await payment('A-5');
		const b = issued[1]!;
		const tryAllocate = (invoiceNumber: string, amountCents: number) =>
			allocatePayment(database.db, systemActor, {
				networkIds: [networkId],
				paymentId: unknown.id,
				invoiceNumber,
				amountCents
			});
		expect(await tryAllocate(b.number, 5_001)).toEqual({ ok: false, error: 'exceeds_payment' });
		expect(await tryAllocate(issued[0]!.number, 1)).toEqual({
			ok: false,
			error: 'exceeds_invoice'
		});
		expect(await tryAllocate('2099-000001', 1)).toEqual({ ok: false, error: 'invoice_not_found' });
		expect(await tryAllocate(b.number, 0)).toEqual({ ok: false, error: 'not_positive' });
		expect(
			await allocatePayment(database.db, systemActor, {
				networkIds: ['00000000-0000-4000-8000-000000000000'],
				paymentId: unknown.id,
				invoiceNumber: b.number,
				amountCents: 1
			})
		).toEqual({ ok: false, error: 'payment_not_found' });
		await expectSumsKept();
	});

	it('allocates an unknown payment, and undoes it', async () => {
		const unknown = await payment('A-5');
		const b = issued[1]!;
		const done = await allocatePayment(database.db, systemActor, {
			networkIds: [networkId],
			paymentId: unknown.id,
			invoiceNumber: b.number,
			amountCents: 5_000
		});
		if (!done.ok) throw new Error(done.error);
		expect(await paidCents(b.id)).toBe(105_000);
		expect((await payment('A-5')).allocatedCents).toBe(5_000);
		await expectSumsKept();

		expect(
			await undoAllocation(database.db, systemActor, {
				networkIds: [networkId],
				paymentId: unknown.id,
				allocationId: done.allocationId
			})
		).toEqual({ ok: true });
		expect(await paidCents(b.id)).toBe(100_000);
		expect(
			await undoAllocation(database.db, systemActor, {
				networkIds: [networkId],
				paymentId: unknown.id,
				allocationId: done.allocationId
			})
		).toEqual({ ok: false, error: 'allocation_not_found' });
		await expectSumsKept();
	});
});

describe('payment reminders', () => {
	it('are scheduled a week after the due date at 9.00 in Helsinki when an invoice is issued', async () => {
		const rows = await database.db
			.select({ runAt: jobs.runAt })
			.from(jobs)
			.where(eq(jobs.dedupeKey, `invoice_reminder:${issued[7]!.id}`));
		expect(rows.map((r) => r.runAt.toISOString())).toEqual(['2024-10-22T06:00:00.000Z']);
	});

	it('go once to the overdue invoices only, and are recorded on them', async () => {
		const now = new Date('2024-10-22T06:00:00Z');
		for (let i = 0; i < 20; i++) {
			const r = await runDueJobs(database.db, { serverId: 'test', settings, now });
			if (r.claimed === 0) break;
		}
		const reminded = await database.db
			.select({ id: invoices.id, remindedAt: invoices.remindedAt })
			.from(invoices)
			.where(eq(invoices.networkId, networkId));
		const remindedIds = new Set(reminded.filter((r) => r.remindedAt).map((r) => r.id));
		// paid in full: 0, 2, 3, 4; partly paid and overdue: 1, 5, 6; never paid: the rest
		expect(remindedIds.has(issued[0]!.id)).toBe(false);
		expect(remindedIds.has(issued[4]!.id)).toBe(false);
		expect(remindedIds.has(issued[1]!.id)).toBe(true);
		expect(remindedIds.has(issued[7]!.id)).toBe(true);
		const mails = await database.db
			.select({ subject: outbox.subject, text: outbox.text })
			.from(outbox)
			.where(sql`${outbox.subject} like ${`%${issued[1]!.number}%`}`);
		expect(mails.length).toBeGreaterThan(0);
		expect(mails[0]!.text).toContain(`/invoices/${issued[1]!.id}`);

		// the job again (a second enqueue, a retry): no second reminder
		const { scheduleInvoiceReminder } = await import('./invoice-reminder-job');
		await database.db.transaction((tx) =>
			scheduleInvoiceReminder(tx, { id: issued[1]!.id, dueDate: '2024-10-15' })
		);
		await runDueJobs(database.db, { serverId: 'test', settings, now });
		const again = await database.db
			.select({ n: count() })
			.from(outbox)
			.where(sql`${outbox.subject} like ${`%${issued[1]!.number}%`}`);
		expect(again[0]!.n).toBe(mails.length);
	});

	it('show on the invoice page with its payments and its standing', async () => {
		const [row] = await database.db.select().from(invoices).where(eq(invoices.id, issued[1]!.id));
		const settlement = await invoiceSettlement(database.db, row!, '2024-10-22');
		expect(settlement?.remindedAt).toEqual(new Date('2024-10-22T06:00:00Z'));
		expect(settlement?.allocations.map((a) => [a.bookingDate, a.amountCents, a.automatic])).toEqual(
			[['2024-10-10', 100_000, true]]
		);
		expect(settlement?.state).toMatchObject({
			status: 'overdue',
			paidCents: 100_000,
			openCents: row!.grossCents - 100_000,
			daysOverdue: 7
		});
	});
});

describe('the payment pages', () => {
	const contactPerson: SessionUser = {
		id: '00000000-0000-4000-8000-000000000099',
		email: 'yhteys-785@example.fi',
		name: 'Yhteyshenkilö',
		locale: 'fi',
		roles: [{ role: 'contact_person', networkId: null, municipalityCode: '785' }]
	};
	function event(path: string, params: Record<string, string>, who: SessionUser | null) {
		return {
			params,
			url: new URL(`http://localhost${path}`),
			request: new Request(`http://localhost${path}`, { method: 'POST', body: new FormData() }),
			locals: { user: who, locale: 'fi' }
		} as never;
	}
	async function refusal(run: () => unknown): Promise<number> {
		try {
			await run();
		} catch (e) {
			if (isRedirect(e)) return e.status;
			if (isHttpError(e)) return e.status;
			throw e;
		}
		throw new Error('not refused');
	}

	it('refuse a contact person (403) and send an anonymous visitor to sign in', async () => {
		const [payment] = await database.db.select({ id: payments.id }).from(payments).limit(1);
		const [file] = await database.db.select({ id: bankFiles.id }).from(bankFiles).limit(1);
		const params = { paymentId: payment!.id, importId: file!.id, format: 'csv' };
		const calls = (who: SessionUser | null) => [
			() => paymentsPage(event('/billing/payments', params, who)),
			() => importPage(event('/billing/payments/import', params, who)),
			() => importActions.default!(event('/billing/payments/import', params, who)),
			() => importSummary(event(`/billing/payments/imports/${file!.id}`, params, who)),
			() => paymentPage(event(`/billing/payments/${payment!.id}`, params, who)),
			() => paymentActions.allocate!(event(`/billing/payments/${payment!.id}`, params, who)),
			() => paymentActions.undo!(event(`/billing/payments/${payment!.id}`, params, who)),
			() => paymentsExport(event('/billing/payments/export/csv', params, who))
		];
		for (const call of calls(contactPerson)) expect(await refusal(call)).toBe(403);
		for (const call of calls(null)) expect(await refusal(call)).toBe(303);
	});
});
