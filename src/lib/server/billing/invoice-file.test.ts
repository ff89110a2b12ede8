import { and, eq } from 'drizzle-orm';
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
import { ovtFromBusinessId } from '$lib/domain/billing/business-id';
import { invoices } from '../db/schema';
import { getInvoice } from './invoice-queries';
import { invoiceFile } from './invoice-file';
import { invoiceDocumentOf } from './invoice-document-of';

/**
 * An issued invoice drawn as its documents (ADR 022 → ADR 023's renderers): Vaala's 2024 fee
 * as a PDF, a Finvoice message and a Peppol UBL invoice, each read back for its number, total
 * and reference, all from the invoice's row as issued.
 */
let database: TestDatabase;
let vaalaId: string;

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	// the demo's own billing: these tests start from none
	await withoutDemoBilling(database.db);
	const { seasonId, networkId } = await uso7(database.db);
	await seedBillingDetails(database.db, networkId, await billedCodes(database.db, seasonId), {
		eInvoiceAddress: ovtFromBusinessId(USO_BILLING.businessId),
		eInvoiceOperator: '003723327487'
	});
	await billFees(database.db, seasonId, 2024, '2024-01-15');
	const [row] = await database.db
		.select({ id: invoices.id })
		.from(invoices)
		.where(and(eq(invoices.municipalityCode, '785'), eq(invoices.year, 2024)));
	vaalaId = row!.id;
});
afterAll(() => database?.close());

const view = async () => (await getInvoice(database.db, vaalaId, { municipalityCode: '785' }))!;

describe('an issued invoice as documents', () => {
	it('maps to an invoice document with the amounts, parties and reference as issued', async () => {
		const v = await view();
		const document = await invoiceDocumentOf(database.db, v);
		expect(document.ok ? [] : document.problems).toEqual([]);
		if (!document.ok) return;
		expect(document.value).toMatchObject({
			kind: 'invoice',
			number: v.invoice.number,
			issueDate: '2024-01-15',
			dueDate: '2024-01-29',
			invoicePeriod: { start: '2024-01-01', end: '2024-12-31' },
			totals: { netCents: 900_000, vatCents: 216_000, grossCents: 1_116_000 },
			payment: { reference: v.invoice.reference, rfReference: v.invoice.rfReference }
		});
		expect(document.value.buyer).toMatchObject({ name: 'Kunta 785', buyerReference: 'KUNTA-785' });
		expect(document.value.payment.virtualBarcode).toMatch(/^4\d{53}$/);
	});

	it('is a PDF, a Finvoice message and a UBL invoice that read back', async () => {
		const v = await view();
		const pdf = await invoiceFile(database.db, v, 'pdf');
		expect(pdf.ok && pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
		const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false });

		const finvoice = await invoiceFile(database.db, v, 'finvoice');
		expect(finvoice.ok).toBe(true);
		if (!finvoice.ok) return;
		const f = parser.parse(finvoice.body.toString('utf8')).Finvoice;
		expect(f.InvoiceDetails.InvoiceNumber).toBe(v.invoice.number);
		expect(f.InvoiceDetails.InvoiceTotalVatIncludedAmount['#text']).toBe('11160,00');
		expect(f.EpiDetails.EpiPaymentInstructionDetails.EpiRemittanceInfoIdentifier['#text']).toBe(
			v.invoice.reference
		);

		const ubl = await invoiceFile(database.db, v, 'ubl');
		expect(ubl.ok).toBe(true);
		if (!ubl.ok) return;
		const u = parser.parse(ubl.body.toString('utf8')).Invoice;
		expect(u['cbc:ID']).toBe(v.invoice.number);
		expect(u['cac:LegalMonetaryTotal']['cbc:PayableAmount']['#text']).toBe('11160.00');
		expect(u['cbc:BuyerReference']).toBe('KUNTA-785');
	});
});
