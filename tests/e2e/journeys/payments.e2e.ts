import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type AppServer } from '../support/app-server';
import { seedBillingDetails, withoutDemoBilling } from '../../factories/billing';
import { uso7 } from '../../factories/events';
import { describeWithBrowser, firstPage, launchBrowser } from '../support/chromium';
import { HttpClient } from '../support/http';
import {
	checkAccessible,
	COORDINATOR,
	expectCleanLog,
	expectHeading,
	signIn,
	STEP_TIMEOUT,
	submit,
	tableRows,
	visibleText
} from '../stories/story';
import { describedBy, facts } from './journey';
import { buildCamt054 } from '../../../src/lib/server/demo/camt054-file';
import { referenceForInvoiceNumber } from '../../../src/lib/domain/billing/invoice-number';
import { createRfReference } from '../../../src/lib/domain/billing/reference-number';
import { parseEuros } from '../../../src/lib/domain/money';

/**
 * Kaisa, the coordinator, has invoiced Vaala's and Kajaani's 2024 fees. The bank's camt.054
 * file (built here from those invoices) pays Vaala's in full by its RF reference and part of
 * Kajaani's by its national reference; Kajaani's city paid the rest with a reference mistyped.
 * A damaged file is refused beside its field; the real one is matched, and the mistyped
 * payment is left for her. She allocates it to Kajaani's invoice by hand, and the invoice shows
 * "Maksettu".
 */

let app: AppServer;
let context: BrowserContext;
let page: Page;
const invoiceOf: Record<string, { number: string; grossCents: number }> = {};

function nationalOf(number: string): string {
	const r = referenceForInvoiceNumber(number);
	if (!r.ok) throw new Error(r.problem);
	return r.value;
}

describeWithBrowser('payments from the bank', () => {
	beforeAll(async () => {
		let seasonId = '';
		// from a network that has billed nothing yet (the demo has USO 7 billed and paid), with
		// the billing details Vaala's and Kajaani's invoices need (billing.e2e.ts enters them)
		app = await startApp({
			prepare: async (db) => {
				await withoutDemoBilling(db);
				const ids = await uso7(db);
				seasonId = ids.seasonId;
				await seedBillingDetails(db, ids.networkId, ['785', '205']);
			}
		});
		const coordinator = new HttpClient(app.url);
		await coordinator.signIn(COORDINATOR.email);
		const started = await coordinator.post('/billing/runs/new?/start', {
			seasonId,
			year: '2024',
			invoiceDate: '2024-01-15',
			kinds: 'fee'
		});
		expect(started.status).toBe(303);
		context = await launchBrowser();
		page = await firstPage(context);
	});
	afterAll(async () => {
		await context?.close();
		await app?.stop();
	});

	it('Kaisa finds the two invoices open', async () => {
		await signIn(page, app.url, COORDINATOR);
		const deadline = Date.now() + STEP_TIMEOUT;
		let rows: string[][] = [];
		while (rows.filter((r) => r[0]!.startsWith('2024-')).length < 2) {
			expect(Date.now(), 'the run bills both').toBeLessThan(deadline);
			await page.goto(`${app.url}/billing/invoices?year=2024`);
			rows = await tableRows(page.getByRole('table', { name: 'Laskut' }));
		}
		for (const row of rows) {
			const code = row[1] === 'Vaala' ? '785' : row[1] === 'Kajaani' ? '205' : null;
			if (code) invoiceOf[code] = { number: row[0]!, grossCents: parseEuros(row[6]!)! };
		}
		expect(invoiceOf['785']?.grossCents).toBe(1_116_000);
		expect(invoiceOf['205']).toBeDefined();
	});

	it('a damaged file is refused beside its field, and nothing is imported', async () => {
		await page.goto(`${app.url}/billing/payments`);
		await expectHeading(page, 'Maksut');
		await page.getByRole('link', { name: 'Tuo pankin maksut' }).click();
		await expectHeading(page, 'Tuo pankin maksut');
		await checkAccessible(page, 'payments import');
		await page.getByLabel('camt.054-tiedosto').setInputFiles({
			name: 'rikki.xml',
			mimeType: 'application/xml',
			buffer: Buffer.from('<Document><BkToCstmrDbtCdtNtfctn>')
		});
		await submit(page.getByRole('button', { name: 'Tuo maksut' }));
		expect(await describedBy(page.getByLabel('camt.054-tiedosto'))).toContain(
			'Tiedostoa ei voitu lukea'
		);
		await checkAccessible(page, 'payments import with an error');
		await page.getByRole('link', { name: 'Maksut', exact: true }).click();
		expect(await visibleText(page.getByRole('main'))).toContain('Ei maksuja.');
		await checkAccessible(page, 'payments, none yet');
		await page.getByRole('link', { name: 'Tuo pankin maksut' }).click();
	});

	it('the bank’s file is matched, and one payment with a mistyped reference is left', async () => {
		const vaala = invoiceOf['785']!;
		const kajaani = invoiceOf['205']!;
		const rf = createRfReference(nationalOf(vaala.number));
		if (!rf.ok) throw new Error(rf.problem);
		const xml = buildCamt054('PANKKI-2024-02-01', [
			{
				entryReference: 'E2E-1',
				amountCents: vaala.grossCents,
				reference: rf.value,
				payer: 'VAALAN KUNTA',
				bookingDate: '2024-01-25'
			},
			{
				entryReference: 'E2E-2',
				amountCents: 500_000,
				reference: nationalOf(kajaani.number),
				payer: 'KAJAANIN KAUPUNKI',
				bookingDate: '2024-01-26'
			},
			{
				entryReference: 'E2E-3',
				amountCents: kajaani.grossCents - 500_000,
				reference: '12344',
				payer: 'KAJAANIN KAUPUNKI',
				bookingDate: '2024-01-29'
			}
		]);
		await page.getByLabel('camt.054-tiedosto').setInputFiles({
			name: 'viitemaksut.xml',
			mimeType: 'application/xml',
			buffer: Buffer.from(xml)
		});
		await submit(page.getByRole('button', { name: 'Tuo maksut' }));
		await expectHeading(page, 'Tuodut maksut');
		const counts = await facts(page.getByRole('main'));
		expect(counts['Kohdistettu, lasku maksettu']).toBe('1');
		expect(counts['Osasuoritus, lasku osittain maksettu']).toBe('1');
		expect(counts['Tuntematon viite, kohdistamatta']).toBe('1');
		await checkAccessible(page, 'import summary');
		const listed = await tableRows(page.getByRole('table', { name: 'Tarkistettavat maksut' }));
		expect(listed.map((r) => r[3])).toEqual(['Osasuoritus', 'Tuntematon viite']);
	});

	it('she allocates the mistyped payment to Kajaani’s invoice, which is then paid', async () => {
		const kajaani = invoiceOf['205']!;
		await page.getByRole('link', { name: '29.1.2024' }).click();
		expect(await visibleText(page.getByRole('heading', { level: 1 }))).toContain('Maksu 29.1.2024');
		await checkAccessible(page, 'payment');
		await page.getByLabel('Laskun numero').fill(kajaani.number);
		await submit(page.getByRole('button', { name: 'Kohdista', exact: true }));
		expect(await visibleText(page.getByRole('status'))).toContain(
			`Maksu kohdistettiin laskulle ${kajaani.number}.`
		);
		await page.getByRole('link', { name: kajaani.number }).click();
		expect((await facts(page.getByRole('main')))['Tila']).toBe('Maksettu');
		const paid = await tableRows(page.getByRole('table', { name: 'Maksut' }));
		expect(paid.map((r) => r[2])).toEqual(['viitteellä', 'käsin']);
		await checkAccessible(page, 'paid invoice');
		expectCleanLog(app);
	});
});
