import { and, asc, eq, sql } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/setup/test-db';
import { uso7 } from '../../../../tests/factories/events';
import {
	billedCodes,
	billFees,
	seedBillingDetails,
	USO_BILLING,
	withoutDemoBilling
} from '../../../../tests/factories/billing';
import { pdfText } from '../../../../tests/support/pdf-text';
import { ovtFromBusinessId } from '$lib/domain/billing/business-id';
import { billingSeasonTotals, invoiceCounters, invoiceLines, invoices } from '../db/schema';
import { systemActor } from '../actor';
import { getInvoice } from './invoice-queries';
import { invoiceFile } from './invoice-file';
import { createCreditNote } from './create-credit-note';
import { billedBySeason, receivablesByAge } from './billing-reports';
import { exportBillingReport } from './export-billing-reports';

/**
 * Credit notes (ADR 026) on the demo's USO 7 with the 2024 fees billed: Vaala's 11 160 € invoice
 * credited in part by an amount and then in full, numbered in the same series as invoices; the
 * database refuses more than was invoiced and a negative credit whatever computed them; the
 * note's PDF, Finvoice and UBL read back with the original's number.
 */
let database: TestDatabase;
let networkId: string;
let seasonId: string;
const ids: Record<string, string> = {};
const TODAY = '2026-12-02';

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	await withoutDemoBilling(database.db);
	({ seasonId, networkId } = await uso7(database.db));
	await seedBillingDetails(database.db, networkId, await billedCodes(database.db, seasonId), {
		eInvoiceAddress: ovtFromBusinessId(USO_BILLING.businessId),
		eInvoiceOperator: '003723327487'
	});
	await billFees(database.db, seasonId, 2024, '2024-01-15');
	for (const code of ['785', '205', '615']) {
		const [row] = await database.db
			.select({ id: invoices.id })
			.from(invoices)
			.where(and(eq(invoices.municipalityCode, code), eq(invoices.year, 2024)));
		ids[code] = row!.id;
	}
});
afterAll(() => database?.close());

const credit = (
	invoiceId: string,
	selection: Parameters<typeof createCreditNote>[2]['selection']
) =>
	createCreditNote(database.db, systemActor, {
		invoiceId,
		networkIds: [networkId],
		selection,
		reason: 'Jäsenmaksu alennettu hallituksen päätöksellä 12.11.2026.',
		issueDate: TODAY
	});

const row = async (id: string) =>
	(await database.db.select().from(invoices).where(eq(invoices.id, id)))[0]!;
const counter = async (year: number) =>
	(
		await database.db
			.select({ last: invoiceCounters.lastSequence })
			.from(invoiceCounters)
			.where(and(eq(invoiceCounters.networkId, networkId), eq(invoiceCounters.year, year)))
	)[0]?.last ?? 0;

describe('a credit note', () => {
	it('credits 1 000 € of Vaala’s fee with its VAT, numbered in the same series, kept on the invoice', async () => {
		const note = await credit(ids['785']!, [{ line: 0, amountCents: 100_000 }]);
		expect(note.ok).toBe(true);
		if (!note.ok) return;
		expect(note.number).toBe('2026-000001');
		const written = await row(note.id);
		expect(written).toMatchObject({
			document: 'credit_note',
			creditedInvoiceId: ids['785'],
			year: 2024,
			netCents: -100_000,
			vatCents: -24_000,
			grossCents: -124_000,
			creditReason: 'Jäsenmaksu alennettu hallituksen päätöksellä 12.11.2026.'
		});
		expect((await row(ids['785']!)).creditedCents).toBe(124_000);
		const [line] = await database.db
			.select()
			.from(invoiceLines)
			.where(eq(invoiceLines.invoiceId, ids['785']!));
		expect(line!.creditedCents).toBe(100_000);
		const [totals] = await database.db
			.select()
			.from(billingSeasonTotals)
			.where(and(eq(billingSeasonTotals.seasonId, seasonId), eq(billingSeasonTotals.year, 2024)));
		expect(totals).toMatchObject({ creditNoteCount: 1, creditedCents: 124_000 });
	});

	it('is a PDF, a Finvoice INV02 and a UBL CreditNote that name the credited invoice', async () => {
		const original = await row(ids['785']!);
		const [noteRow] = await database.db
			.select()
			.from(invoices)
			.where(eq(invoices.creditedInvoiceId, original.id));
		const view = (await getInvoice(database.db, noteRow!.id, { networkIds: [networkId] }))!;
		const pdf = await invoiceFile(database.db, view, 'pdf');
		expect(pdf.ok).toBe(true);
		if (!pdf.ok) return;
		expect(pdf.filename).toBe(`hyvityslasku-${noteRow!.number}.pdf`);
		const text = await pdfText(pdf.body);
		expect(text).toContain('Hyvityslasku');
		expect(text).toContain(noteRow!.number);
		expect(text).toContain(original.number);
		expect(text).toContain('−1 240,00 €'.replace('−', '-').slice(1));
		expect(text).toContain('Jäsenmaksu alennettu hallituksen päätöksellä 12.11.2026.');

		const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false });
		const finvoice = await invoiceFile(database.db, view, 'finvoice');
		expect(finvoice.ok).toBe(true);
		if (!finvoice.ok) return;
		const f = parser.parse(finvoice.body.toString('utf8')).Finvoice.InvoiceDetails;
		expect(f.InvoiceTypeCode).toBe('INV02');
		expect(f.InvoiceTypeCodeUN).toBe('381');
		expect(f.OriginalInvoiceNumber).toBe(original.number);
		expect(f.InvoiceTotalVatIncludedAmount['#text']).toBe('-1240,00');

		const ubl = await invoiceFile(database.db, view, 'ubl');
		expect(ubl.ok).toBe(true);
		if (!ubl.ok) return;
		const u = parser.parse(ubl.body.toString('utf8')).CreditNote;
		expect(u['cbc:CreditNoteTypeCode']).toBe('381');
		expect(u['cac:BillingReference']['cac:InvoiceDocumentReference']['cbc:ID']).toBe(
			original.number
		);
		expect(u['cac:LegalMonetaryTotal']['cbc:PayableAmount']['#text']).toBe('1240.00');
		expect(u['cac:CreditNoteLine']['cbc:CreditedQuantity']['#text']).toBe('1');
	});

	it('credits the rest of the invoice to exactly zero, and then nothing more', async () => {
		const rest = await credit(ids['785']!, [{ line: 0, amountCents: 800_000 }]);
		expect(rest.ok && rest.number).toBe('2026-000002');
		const original = await row(ids['785']!);
		expect(original.creditedCents).toBe(original.grossCents);
		const notes = await database.db
			.select({ gross: invoices.grossCents })
			.from(invoices)
			.where(eq(invoices.creditedInvoiceId, original.id));
		expect(notes.reduce((a, n) => a + n.gross, original.grossCents)).toBe(0);
		expect(await credit(ids['785']!, [{ line: 0, amountCents: 1 }])).toEqual({
			ok: false,
			error: 'credit',
			problems: [{ kind: 'exceeds_remaining', line: 0 }]
		});
	});

	it('refuses a negative credit, more than the line, an unknown line and no reason, writing nothing', async () => {
		const before = await counter(2026);
		expect(await credit(ids['205']!, [{ line: 0, amountCents: -5_000 }])).toMatchObject({
			ok: false,
			problems: [{ kind: 'amount', line: 0 }]
		});
		expect(await credit(ids['205']!, [{ line: 0, quantity: 1.5 }])).toMatchObject({
			ok: false,
			problems: [{ kind: 'exceeds_remaining', line: 0 }]
		});
		expect(await credit(ids['205']!, [{ line: 3, quantity: 1 }])).toMatchObject({
			ok: false,
			problems: [{ kind: 'unknown_line', line: 3 }]
		});
		expect(
			await createCreditNote(database.db, systemActor, {
				invoiceId: ids['205']!,
				networkIds: [networkId],
				selection: [{ line: 0, quantity: 1 }],
				reason: '  ',
				issueDate: TODAY
			})
		).toEqual({ ok: false, error: 'reason' });
		expect(
			await createCreditNote(database.db, systemActor, {
				invoiceId: ids['205']!,
				networkIds: ['00000000-0000-4000-8000-000000000000'],
				selection: [{ line: 0, quantity: 1 }],
				reason: 'x',
				issueDate: TODAY
			})
		).toEqual({ ok: false, error: 'not_found' });
		expect(await counter(2026)).toBe(before);
		expect((await row(ids['205']!)).creditedCents).toBe(0);
	});

	it('is refused by the database beyond what was invoiced, or as a negative credit, whatever computed it', async () => {
		const original = await row(ids['205']!);
		await expect(
			database.db
				.update(invoices)
				.set({ creditedCents: original.grossCents + 1 })
				.where(eq(invoices.id, original.id))
		).rejects.toThrow();
		const [line] = await database.db
			.select()
			.from(invoiceLines)
			.where(eq(invoiceLines.invoiceId, original.id));
		await expect(
			database.db
				.update(invoiceLines)
				.set({ creditedCents: line!.netCents + 1 })
				.where(eq(invoiceLines.id, line!.id))
		).rejects.toThrow();
		// a credit line that adds to the invoice
		const [note] = await database.db
			.select()
			.from(invoices)
			.where(eq(invoices.document, 'credit_note'))
			.limit(1);
		await expect(
			database.db.insert(invoiceLines).values({
				invoiceId: note!.id,
				position: 99,
				description: 'x',
				quantityTenThousandths: 10_000,
				unitPriceCents: 100,
				vatCategory: 'S',
				vatBasisPoints: 2400,
				netCents: 100,
				creditedLineId: line!.id
			})
		).rejects.toThrow();
		// a credit note that is no credit
		await expect(
			database.db.execute(
				sql`update ${invoices} set gross_cents = 0, net_cents = 0, vat_cents = 0 where id = ${note!.id}`
			)
		).rejects.toThrow();
	});

	it('two coordinators crediting the whole of one invoice at once: one note, the other refused', async () => {
		const [a, b] = await Promise.all([
			credit(ids['615']!, [{ line: 0, quantity: 1 }]),
			credit(ids['615']!, [{ line: 0, quantity: 1 }])
		]);
		expect([a.ok, b.ok].sort()).toEqual([false, true]);
		expect([a, b].find((r) => !r.ok)).toMatchObject({
			problems: [{ kind: 'exceeds_remaining', line: 0 }]
		});
		const original = await row(ids['615']!);
		expect(original.creditedCents).toBe(original.grossCents);
		// the series stays without gaps or doubles
		const numbers = await database.db
			.select({ sequence: invoices.sequence })
			.from(invoices)
			.where(and(eq(invoices.document, 'credit_note'), eq(invoices.networkId, networkId)))
			.orderBy(asc(invoices.sequence));
		expect(numbers.map((n) => n.sequence)).toEqual([1, 2, 3]);
	});
});

describe('the reports (ADR 026)', () => {
	it('show what a season’s year billed, credited and was paid, kept as invoices change', async () => {
		const all = await database.db
			.select()
			.from(invoices)
			.where(and(eq(invoices.networkId, networkId), eq(invoices.document, 'invoice')));
		const invoiced = all.reduce((a, i) => a + i.grossCents, 0);
		const credited = all.reduce((a, i) => a + i.creditedCents, 0);
		// a payment as the payments' allocation writes it
		const kajaani = all.find((i) => i.municipalityCode !== '785' && i.creditedCents === 0)!;
		await database.db
			.update(invoices)
			.set({ paidCents: 500_000 })
			.where(eq(invoices.id, kajaani.id));
		const report = await billedBySeason(database.db, [networkId], 1);
		expect(report.rows).toHaveLength(1);
		expect(report.rows[0]).toMatchObject({
			year: 2024,
			invoiceCount: all.length,
			invoicedCents: invoiced,
			creditNoteCount: 3,
			creditedCents: credited,
			billedCents: invoiced - credited,
			paidCents: 500_000,
			openCents: invoiced - credited - 500_000
		});
		const table = await exportBillingReport(database.db, 'seasons', [networkId], TODAY, 'fi');
		expect(table.rows[0]!.slice(0, 4)).toEqual([7, 2024, all.length, invoiced / 100]);
	});

	it('show open receivables per member by age; a credited invoice is not open', async () => {
		// the 2024 fees fell due on 29.1.2024
		const early = await receivablesByAge(database.db, [networkId], '2024-01-20', 1);
		const late = await receivablesByAge(database.db, [networkId], '2024-03-15', 1);
		const codes = late.rows.map((r) => r.code);
		expect(codes).not.toContain('785');
		expect(codes).not.toContain('615');
		const vaalaLike = late.rows.find((r) => r.code === '205')!;
		expect(vaalaLike).toMatchObject({ not_due: 0, d31_60: vaalaLike.total, invoiceCount: 1 });
		expect(early.totals!.not_due).toBe(early.totals!.total);
		expect(late.totals!.d31_60).toBe(late.totals!.total);
		expect(late.totals!.total).toBe(early.totals!.total);
		const table = await exportBillingReport(database.db, 'receivables', [networkId], TODAY, 'fi');
		expect(table.rows).toHaveLength(late.rows.length);
		expect(await receivablesByAge(database.db, [], TODAY, 1)).toMatchObject({ total: 0 });
	});

	it('sum open receivables beyond an integer’s 21,4 M€ exactly', async () => {
		const open = await receivablesByAge(database.db, [networkId], '2024-03-15', 1);
		const [big] = await database.db
			.select()
			.from(invoices)
			.where(
				and(
					eq(invoices.networkId, networkId),
					eq(invoices.municipalityCode, open.rows[0]!.code),
					eq(invoices.document, 'invoice')
				)
			);
		// 15 M€ more on one open invoice, twice over what integer holds with the rest
		const more = 1_500_000_000;
		await database.db
			.update(invoices)
			.set({ netCents: big!.netCents + more, grossCents: big!.grossCents + more })
			.where(eq(invoices.id, big!.id));
		const [other] = await database.db
			.select()
			.from(invoices)
			.where(
				and(
					eq(invoices.networkId, networkId),
					eq(invoices.municipalityCode, open.rows[1]!.code),
					eq(invoices.document, 'invoice')
				)
			);
		await database.db
			.update(invoices)
			.set({ netCents: other!.netCents + more, grossCents: other!.grossCents + more })
			.where(eq(invoices.id, other!.id));
		const after = await receivablesByAge(database.db, [networkId], '2024-03-15', 1);
		expect(after.totals!.total).toBe(open.totals!.total + 2 * more);
		expect(after.totals!.d31_60).toBe(open.totals!.d31_60 + 2 * more);
		expect(after.rows[0]!.total).toBe(open.rows[0]!.total + more);
	});
});
