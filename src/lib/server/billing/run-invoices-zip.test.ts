import { count, eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
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
import { invoices } from '../db/schema';
import { runInvoicesZip } from './run-invoices-zip';

/**
 * A run's invoices as one zip (ADR 026): unzipped, every invoice is there as a PDF whose text
 * names it, a Finvoice message and a UBL invoice that parse back with its number.
 */
let database: TestDatabase;
let networkId: string;
let runId: string;
let billed: number;

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	await withoutDemoBilling(database.db);
	const ids = await uso7(database.db);
	networkId = ids.networkId;
	await seedBillingDetails(database.db, networkId, await billedCodes(database.db, ids.seasonId), {
		eInvoiceAddress: ovtFromBusinessId(USO_BILLING.businessId),
		eInvoiceOperator: '003723327487'
	});
	runId = await billFees(database.db, ids.seasonId, 2024, '2024-01-15');
	const [row] = await database.db
		.select({ n: count() })
		.from(invoices)
		.where(eq(invoices.runId, runId));
	billed = row!.n;
});
afterAll(() => database?.close());

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('a run’s invoices as one zip', () => {
	it('holds each invoice’s PDF, Finvoice and UBL, which read back', async () => {
		const zip = await runInvoicesZip(database.db, runId, [networkId]);
		expect(zip).not.toBeNull();
		const files = unzipSync(await bytesOf(zip!.stream));
		const names = Object.keys(files).sort();
		expect(billed).toBeGreaterThan(5);
		expect(names.filter((n) => n.endsWith('.pdf'))).toHaveLength(billed);
		expect(names.filter((n) => n.endsWith('-finvoice.xml'))).toHaveLength(billed);
		expect(names.filter((n) => n.endsWith('-ubl.xml'))).toHaveLength(billed);
		expect(names).not.toContain('puuttuvat.txt');

		const first = names.find((n) => n.endsWith('.pdf'))!;
		const number = /^lasku-(\d{4}-\d{6})\.pdf$/.exec(first)![1]!;
		expect(await pdfText(files[first]!)).toContain(number);
		const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false });
		const finvoice = parser.parse(new TextDecoder().decode(files[`lasku-${number}-finvoice.xml`]));
		expect(finvoice.Finvoice.InvoiceDetails.InvoiceNumber).toBe(number);
		const ubl = parser.parse(new TextDecoder().decode(files[`lasku-${number}-ubl.xml`]));
		expect(ubl.Invoice['cbc:ID']).toBe(number);
	});

	it('is not another network’s to download', async () => {
		expect(
			await runInvoicesZip(database.db, runId, ['00000000-0000-4000-8000-000000000000'])
		).toBeNull();
		expect(await runInvoicesZip(database.db, 'not-a-run', [networkId])).toBeNull();
	});
});
