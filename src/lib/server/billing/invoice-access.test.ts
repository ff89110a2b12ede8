import { isHttpError, isRedirect } from '@sveltejs/kit';
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
import type { SessionUser } from '../auth/session';
import { getInvoice, listMunicipalityInvoices } from './invoice-queries';
import { load as municipalityInvoices } from '../../../routes/municipalities/[code]/invoices/+page.server';
import { load as municipalityInvoice } from '../../../routes/municipalities/[code]/invoices/[invoiceId]/+page.server';
import { load as memberDetails } from '../../../routes/municipalities/[code]/billing/+page.server';
import { load as coordinatorInvoices } from '../../../routes/billing/invoices/+page.server';
import { GET as municipalityInvoiceFile } from '../../../routes/municipalities/[code]/invoices/[invoiceId]/[document]/+server';
import { GET as municipalityInvoiceExport } from '../../../routes/municipalities/[code]/invoices/export/[format]/+server';

/**
 * A municipality's invoices and billing details are its own: Kajaani's contact person and an
 * anonymous visitor are refused Vaala's at the first line of each load, and the queries look an
 * invoice up together with the municipality of the address, so another's is simply not found.
 */
let database: TestDatabase;
let vaalaInvoiceId: string;

const user = (code: string): SessionUser => ({
	id: '00000000-0000-4000-8000-000000000099',
	email: `yhteys-${code}@example.fi`,
	name: 'Yhteyshenkilö',
	locale: 'fi',
	roles: [{ role: 'contact_person', networkId: null, municipalityCode: code }]
});

/** The parts of a request event the guards read. */
function event(path: string, params: Record<string, string>, who: SessionUser | null) {
	return {
		params,
		url: new URL(`http://localhost${path}`),
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

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	// the demo's own billing: these tests start from none
	await withoutDemoBilling(database.db);
	const { seasonId, networkId } = await uso7(database.db);
	await seedBillingDetails(database.db, networkId, await billedCodes(database.db, seasonId));
	await billFees(database.db, seasonId, 2024, '2024-01-15');
	const [vaala] = await database.db
		.select({ id: invoices.id })
		.from(invoices)
		.where(and(eq(invoices.municipalityCode, '785'), eq(invoices.year, 2024)));
	vaalaInvoiceId = vaala!.id;
});
afterAll(() => database?.close());

describe('Vaala’s invoices and billing details', () => {
	const params = () => ({
		code: '785',
		invoiceId: vaalaInvoiceId,
		document: 'pdf',
		format: 'csv'
	});
	const routes = [
		['the invoice list', '/municipalities/785/invoices', municipalityInvoices],
		['an invoice', '/municipalities/785/invoices/x', municipalityInvoice],
		['the billing details', '/municipalities/785/billing', memberDetails],
		['an invoice’s PDF', '/municipalities/785/invoices/x/pdf', municipalityInvoiceFile],
		['the invoice export', '/municipalities/785/invoices/export/csv', municipalityInvoiceExport]
	] as const;

	for (const [what, path, load] of routes) {
		it(`refuse ${what} to Kajaani’s contact person (403) and send an anonymous visitor to sign in`, async () => {
			const call = load as (e: never) => unknown;
			expect(await refusal(() => call(event(path, params(), user('205'))))).toBe(403);
			expect(await refusal(() => call(event(path, params(), null)))).toBe(303);
		});
	}

	it('refuses the coordinators’ invoice list to a contact person', async () => {
		expect(
			await refusal(() => coordinatorInvoices(event('/billing/invoices', {}, user('785'))))
		).toBe(403);
	});

	it('are not found through another municipality’s address', async () => {
		expect(await getInvoice(database.db, vaalaInvoiceId, { municipalityCode: '205' })).toBeNull();
		expect(
			(await getInvoice(database.db, vaalaInvoiceId, { municipalityCode: '785' }))?.invoice.number
		).toMatch(/^2024-\d{6}$/);
		const kajaani = await listMunicipalityInvoices(
			database.db,
			{ scope: { municipalityCode: '205' }, today: '2024-02-01' },
			1
		);
		expect(kajaani.rows.every((r) => r.municipalityCode === '205')).toBe(true);
		expect(kajaani.rows.some((r) => r.id === vaalaInvoiceId)).toBe(false);
	});

	it('are not found by a coordinator of another network', async () => {
		expect(
			await getInvoice(database.db, vaalaInvoiceId, {
				networkIds: ['00000000-0000-4000-8000-000000000042']
			})
		).toBeNull();
	});
});
