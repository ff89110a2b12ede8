import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailbox, type Mailbox } from '../../../../tests/e2e/support/mailbox';
import { createTestDatabase, type TestDatabase } from '../../../../tests/setup/test-db';
import { uso7 } from '../../../../tests/factories/events';
import {
	billedCodes,
	billFees,
	memberBilling,
	seedBillingDetails,
	USO_BILLING,
	withoutDemoBilling
} from '../../../../tests/factories/billing';
import { pdfText } from '../../../../tests/support/pdf-text';
import { invoices, jobs, outbox } from '../db/schema';
import { systemActor } from '../actor';
import { runDueJobs } from '../jobs/run-due-jobs';
import { closeMailTransports } from '../mail/send-mail';
import { saveMemberBillingDetails } from './save-member-billing-details';
import { continueInvoiceRun } from './run-invoice-run';
import { queueInvoiceMail } from './queue-invoice-mail';
import { createCreditNote } from './create-credit-note';

/**
 * PDF by mail (ADR 026): Vaala asked for its invoices by e-mail; the run's invoice goes through
 * the outbox to Vaala's invoice address with its PDF attached, which reads as the invoice, and
 * it is mailed once however often the run or the mail is handled again.
 */
let database: TestDatabase;
let mailbox: Mailbox;
let seasonId: string;
let networkId: string;
const TO = 'laskut@vaala.example.fi';
const TO_SV = 'fakturor@kajaani.example.fi';

beforeAll(async () => {
	[database, mailbox] = await Promise.all([createTestDatabase({ seeded: true }), startMailbox()]);
	await withoutDemoBilling(database.db);
	const ids = await uso7(database.db);
	seasonId = ids.seasonId;
	networkId = ids.networkId;
	await seedBillingDetails(database.db, ids.networkId, await billedCodes(database.db, seasonId));
	await saveMemberBillingDetails(
		database.db,
		systemActor,
		'785',
		{ ...memberBilling('785', 'Vaalan kunta'), delivery: 'email', invoiceEmail: TO },
		{ byCoordinator: true }
	);
});
afterAll(async () => {
	await closeMailTransports();
	await Promise.all([mailbox?.close(), database?.close()]);
});

const deliver = () =>
	runDueJobs(database.db, {
		serverId: 'invoice-mail-test',
		settings: {
			mail: { from: 'USO <laskutus@uso.example.fi>', log: false, smtpUrl: mailbox.url },
			publicOrigin: 'http://localhost:3000'
		}
	});

describe('an invoice by e-mail', () => {
	it('reaches the member’s invoice address with its PDF, once', async () => {
		const runId = await billFees(database.db, seasonId, 2024, '2024-01-15');
		// invoices dated 2024 are long overdue: their reminders (payments.test.ts) would mail too
		await database.db.delete(jobs).where(eq(jobs.kind, 'invoice_reminder'));
		const [vaala] = await database.db
			.select()
			.from(invoices)
			.where(and(eq(invoices.municipalityCode, '785'), eq(invoices.year, 2024)));
		expect(vaala!.mailedAt).not.toBeNull();
		// only the member that asked for mail
		const mailed = await database.db.select().from(invoices).where(isNotNull(invoices.mailedAt));
		expect(mailed.map((i) => i.municipalityCode)).toEqual(['785']);

		await deliver();
		const mail = await mailbox.waitForMail((m) => m.to.includes(TO));
		expect(mail.subject).toBe(`Lasku ${vaala!.number}: ${USO_BILLING.sellerName}`);
		expect(mail.text).toMatch(/11\s160,00\s€/);
		expect(mail.attachments).toHaveLength(1);
		const [pdf] = mail.attachments;
		expect(pdf!.filename).toBe(`lasku-${vaala!.number}.pdf`);
		expect(pdf!.contentType).toBe('application/pdf');
		const text = await pdfText(pdf!.content);
		expect(text).toContain(vaala!.number);
		expect(text).toContain('11 160,00');

		// the run again, the mail queued again, the jobs again: still one mail
		await continueInvoiceRun(database.db, runId);
		const again = await database.db.transaction((tx) =>
			queueInvoiceMail(tx, {
				document: 'invoice',
				id: vaala!.id,
				number: vaala!.number,
				language: 'fi',
				to: TO,
				sellerName: 'x',
				dueDate: vaala!.dueDate,
				grossCents: vaala!.grossCents,
				reference: vaala!.reference
			})
		);
		expect(again).toBe(false);
		await deliver();
		expect(mailbox.messages.filter((m) => m.to.includes(TO))).toHaveLength(1);
		const queued = await database.db.select().from(outbox).where(eq(outbox.invoiceId, vaala!.id));
		expect(queued).toHaveLength(1);
		expect(queued[0]!.status).toBe('sent');
	});
});

describe('a credit note by e-mail', () => {
	const credit = (invoiceId: string, amountCents: number) =>
		createCreditNote(database.db, systemActor, {
			invoiceId,
			networkIds: [networkId],
			selection: [{ line: 0, amountCents }],
			reason: 'Jäsenmaksu alennettu hallituksen päätöksellä.',
			issueDate: '2024-03-01'
		});

	it('goes to the invoice’s address with its PDF, which reads as a credit of the invoice, once', async () => {
		const [vaala] = await database.db
			.select()
			.from(invoices)
			.where(and(eq(invoices.municipalityCode, '785'), eq(invoices.year, 2024)));
		const note = await credit(vaala!.id, 100_000);
		if (!note.ok) throw new Error(note.error);
		const [row] = await database.db.select().from(invoices).where(eq(invoices.id, note.id));
		expect(row!.mailedAt).not.toBeNull();

		await deliver();
		const mail = await mailbox.waitForMail((m) => m.subject.includes(note.number));
		expect(mail.to).toContain(TO);
		expect(mail.subject).toBe(
			`Hyvityslasku ${note.number} laskuun ${vaala!.number}: ${USO_BILLING.sellerName}`
		);
		// 1 000 € and its VAT at 24 %
		expect(mail.text).toMatch(/hyvittää laskusta \d{4}-\d{6} 1\s240,00\s€/);
		expect(mail.attachments).toHaveLength(1);
		const [pdf] = mail.attachments;
		expect(pdf!.filename).toBe(`hyvityslasku-${note.number}.pdf`);
		const text = await pdfText(pdf!.content);
		expect(text).toContain('Hyvityslasku');
		expect(text).toContain(note.number);
		expect(text).toContain(vaala!.number);

		await deliver();
		expect(mailbox.messages.filter((m) => m.subject.includes(note.number))).toHaveLength(1);
		const queued = await database.db.select().from(outbox).where(eq(outbox.invoiceId, note.id));
		expect(queued.map((q) => q.status)).toEqual(['sent']);
	});

	it('is written in the member’s language, and not mailed where invoices go as e-invoices', async () => {
		await saveMemberBillingDetails(
			database.db,
			systemActor,
			'205',
			{
				...memberBilling('205', 'Kajaanin kaupunki'),
				delivery: 'email',
				invoiceEmail: TO_SV,
				language: 'sv'
			},
			{ byCoordinator: true }
		);
		await billFees(database.db, seasonId, 2023, '2023-10-02');
		await database.db.delete(jobs).where(eq(jobs.kind, 'invoice_reminder'));
		const of = async (code: string) =>
			(
				await database.db
					.select()
					.from(invoices)
					.where(and(eq(invoices.municipalityCode, code), eq(invoices.year, 2023)))
			)[0]!;
		const kajaani = await of('205');
		// a member that takes e-invoices
		const other = (await billedCodes(database.db, seasonId)).find(
			(c) => c !== '785' && c !== '205'
		);
		const eInvoiced = await of(other!);
		const kajaaniNote = await credit(kajaani.id, 50_000);
		const eInvoicedNote = await credit(eInvoiced.id, 50_000);
		if (!kajaaniNote.ok || !eInvoicedNote.ok) throw new Error('not credited');

		await deliver();
		const mail = await mailbox.waitForMail((m) => m.subject.includes(kajaaniNote.number));
		expect(mail.to).toContain(TO_SV);
		expect(mail.subject).toBe(
			`Kreditfaktura ${kajaaniNote.number} för faktura ${kajaani.number}: ${USO_BILLING.sellerName}`
		);
		const text = await pdfText(mail.attachments[0]!.content);
		expect(text).toContain('Kreditfaktura');
		expect(text).toContain(kajaani.number);
		const [eInvoicedRow] = await database.db
			.select()
			.from(invoices)
			.where(eq(invoices.id, eInvoicedNote.id));
		expect(eInvoicedRow!.mailedAt).toBeNull();
		expect(
			await database.db.select().from(outbox).where(eq(outbox.invoiceId, eInvoicedNote.id))
		).toEqual([]);
	});
});
