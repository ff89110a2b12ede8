import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db';
import { invoices, jobs, outbox } from '../db/schema';
import type { Actor } from '../actor';
import { importBankFile } from '../billing/payments/import-bank-file';
import { reminderInstant } from '../billing/payments/invoice-reminder-job';
import { createCreditNote } from '../billing/create-credit-note';
import { buildCamt054, type TestCredit } from './camt054-file';
import { DEMO_PAYMENTS } from './demo-billing';

/**
 * What happened to USO 7's invoices after they were sent (demo-billing.ts, DEMO_PAYMENTS): the
 * bank's camt.054 files imported by the coordinator and matched by reference through the real
 * import, one member paying its 2024 fee without the VAT (left partly paid), one not paying it
 * (overdue; both were reminded a week after the due date, as the reminder job does), and one
 * travel invoice credited in whole. The demo's history is past: the reminder checks and the
 * e-mailed PDFs of 2023–2024 are not left for the first start to send.
 */
export async function seedDemoPayments(
	tx: Tx,
	context: { networkId: string; coordinator: Actor }
): Promise<void> {
	const db = tx as unknown as Db;
	const all = await tx
		.select({
			id: invoices.id,
			municipalityCode: invoices.municipalityCode,
			year: invoices.year,
			kind: invoices.kind,
			number: invoices.number,
			reference: invoices.reference,
			rfReference: invoices.rfReference,
			grossCents: invoices.grossCents,
			netCents: invoices.netCents,
			dueDate: invoices.dueDate,
			buyer: invoices.buyer
		})
		.from(invoices)
		.where(and(eq(invoices.networkId, context.networkId), eq(invoices.document, 'invoice')));
	const find = (code: string, year: number, kind: 'fee' | 'travel') => {
		const found = all.find(
			(i) => i.municipalityCode === code && i.year === year && i.kind === kind
		);
		if (!found) throw new Error(`demo payments: no ${kind} invoice of ${code} for ${year}`);
		return found;
	};

	const credited = find(DEMO_PAYMENTS.credited.code, 2024, 'travel');
	const note = await createCreditNote(db, context.coordinator, {
		invoiceId: credited.id,
		networkIds: [context.networkId],
		selection: [{ line: 0, quantity: 1 }],
		reason: DEMO_PAYMENTS.credited.reason,
		issueDate: DEMO_PAYMENTS.credited.on
	});
	if (!note.ok) throw new Error(`demo credit note: ${note.error}`);

	const unpaid = find(DEMO_PAYMENTS.unpaid, 2024, 'fee');
	const partly = find(DEMO_PAYMENTS.partly, 2024, 'fee');
	for (const file of DEMO_PAYMENTS.files) {
		const credits: TestCredit[] = all
			.filter((i) => file.pays(i) && i.id !== unpaid.id && i.id !== credited.id)
			.map((i, n) => ({
				entryReference: `${file.messageId}-${String(n + 1).padStart(4, '0')}`,
				amountCents: i.id === partly.id ? i.netCents : i.grossCents,
				// most pay by the national reference, every third by its RF form
				reference: n % 3 === 2 ? i.rfReference : i.reference,
				payer: (i.buyer as { name?: string }).name ?? i.municipalityCode,
				bookingDate: file.bookedOn
			}));
		const imported = await importBankFile(db, context.coordinator, {
			networkId: context.networkId,
			fileName: `${file.messageId}.xml`,
			bytes: new TextEncoder().encode(buildCamt054(file.messageId, credits))
		});
		if (!imported.ok) throw new Error(`demo bank file ${file.messageId}: ${imported.error.kind}`);
	}

	// reminded a week after the due date, as the reminder job would have
	for (const invoice of [unpaid, partly]) {
		await tx
			.update(invoices)
			.set({ remindedAt: reminderInstant(invoice.dueDate) })
			.where(eq(invoices.id, invoice.id));
	}
	// the credit note too: it is mailed like an invoice where the member takes e-mail (ADR 031)
	const ids = [...all.map((i) => i.id), note.id];
	await tx
		.delete(jobs)
		.where(
			and(eq(jobs.kind, 'invoice_reminder'), inArray(sql`${jobs.payload}->>'invoiceId'`, ids))
		);
	// the PDFs mailed in 2023–2024: mailed on the day each invoice was issued, nothing left to send
	const mailed = await tx
		.select({ id: outbox.id })
		.from(outbox)
		.where(and(isNotNull(outbox.invoiceId), inArray(outbox.invoiceId, ids)));
	const outboxIds = mailed.map((m) => String(m.id));
	if (outboxIds.length > 0) {
		await tx
			.delete(jobs)
			.where(
				and(eq(jobs.kind, 'deliver_mail'), inArray(sql`${jobs.payload}->>'outboxId'`, outboxIds))
			);
		await tx.delete(outbox).where(
			inArray(
				outbox.id,
				mailed.map((m) => m.id)
			)
		);
	}
	await tx
		.update(invoices)
		.set({ mailedAt: sql`(${invoices.issueDate} + time '09:00') at time zone 'Europe/Helsinki'` })
		.where(and(inArray(invoices.id, ids), isNotNull(invoices.mailedAt)));
}
