import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db';
import { bankFiles, invoices, paymentAllocations, payments } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../actor';
import { parseCamt054, type CamtError } from '../camt054';
import {
	matchingReference,
	matchPayments,
	openCentsOf,
	type MatchOutcome
} from '$lib/domain/billing/payment-matching';

export type ImportBankFileResult =
	{ ok: true; bankFileId: string; alreadyImported: boolean } | { ok: false; error: CamtError };

export interface BankFileUpload {
	networkId: string;
	fileName: string;
	bytes: Uint8Array;
}

/** The earlier import of the same file (its bytes or its message ID), if any. */
async function earlierImport(tx: Tx, networkId: string, sha256: string, messageId: string) {
	const [row] = await tx
		.select({ id: bankFiles.id })
		.from(bankFiles)
		.where(
			and(
				eq(bankFiles.networkId, networkId),
				or(eq(bankFiles.sha256, sha256), eq(bankFiles.messageId, messageId))
			)
		)
		.limit(1);
	return row?.id ?? null;
}

/**
 * Imports a bank's camt.054 file into a network's payments and matches them to its invoices by
 * reference number (payment-matching.ts, ADR 025), all in one transaction:
 *
 * - a file that cannot be read (damaged, not camt.054, another currency) writes nothing;
 * - the same file again (same bytes, or the bank's same message ID) is a no-op that answers with
 *   the earlier import: `bank_files_hash` and `bank_files_message` decide, also for two imports
 *   at once (the second waits on the unique index and then finds the first);
 * - a credit already imported from another, overlapping file is not counted again
 *   (`payments_entry`, the bank's archive ID per network);
 * - the invoices the new payments name are locked (in id order, so two imports cannot deadlock)
 *   and their `paid_cents` raised with the allocations.
 */
export async function importBankFile(
	db: Db,
	actor: Actor,
	upload: BankFileUpload
): Promise<ImportBankFileResult> {
	const parsed = parseCamt054(upload.bytes);
	if (!parsed.ok) return { ok: false, error: parsed.error };
	const notification = parsed.value;
	const sha256 = createHash('sha256').update(upload.bytes).digest('hex');
	const { networkId } = upload;
	const credits = notification.credits;

	return db.transaction(async (tx) => {
		const [file] = await tx
			.insert(bankFiles)
			.values({
				networkId,
				messageId: notification.messageId,
				sha256,
				fileName: upload.fileName.slice(0, 255),
				account: notification.account,
				credits: credits.length,
				// counted as duplicates until matched below, so the counts always add up
				duplicates: credits.length,
				skippedEntries: notification.skippedEntries,
				importedBy: actor.userId
			})
			.onConflictDoNothing()
			.returning({ id: bankFiles.id });
		if (!file) {
			const earlier = await earlierImport(tx, networkId, sha256, notification.messageId);
			if (!earlier) throw new Error('bank file conflict without an earlier import');
			return { ok: true, bankFileId: earlier, alreadyImported: true };
		}

		const inserted =
			credits.length === 0
				? []
				: await tx
						.insert(payments)
						.values(
							credits.map((c) => ({
								networkId,
								bankFileId: file.id,
								entryReference: c.entryReference,
								bookingDate: c.bookingDate,
								valueDate: c.valueDate,
								amountCents: c.amountCents,
								referenceText: c.referenceText,
								reference: matchingReference(c.reference),
								payerName: c.debtorName,
								match: 'unknown' as const
							}))
						)
						.onConflictDoNothing()
						.returning({ id: payments.id, entryReference: payments.entryReference });
		const idOf = new Map(inserted.map((p) => [p.entryReference, p.id]));
		// In the file's order; a credit listed twice in one file is new only once.
		const fresh = credits.filter((c) => {
			const id = idOf.get(c.entryReference);
			return id !== undefined && idOf.delete(c.entryReference);
		});
		const ids = new Map(inserted.map((p) => [p.entryReference, p.id]));

		const references = [
			...new Set(fresh.map((c) => matchingReference(c.reference)).filter((r) => r !== null))
		];
		const named =
			references.length === 0
				? []
				: await tx
						.select({
							id: invoices.id,
							reference: invoices.reference,
							grossCents: invoices.grossCents,
							paidCents: invoices.paidCents,
							creditedCents: invoices.creditedCents
						})
						.from(invoices)
						.where(
							and(
								eq(invoices.networkId, networkId),
								inArray(invoices.reference, references),
								eq(invoices.document, 'invoice')
							)
						)
						.orderBy(asc(invoices.id))
						.for('update');
		const invoiceOf = new Map(named.map((i) => [i.reference, i]));
		const matches = matchPayments(fresh, new Map(named.map((i) => [i.reference, openCentsOf(i)])));

		const counts: Record<MatchOutcome, number> = { exact: 0, partly: 0, over: 0, unknown: 0 };
		const paidTo = new Map<string, number>();
		let totalCents = 0;
		for (const [i, credit] of fresh.entries()) {
			const match = matches[i]!;
			const paymentId = ids.get(credit.entryReference)!;
			counts[match.outcome]++;
			totalCents += credit.amountCents;
			await tx
				.update(payments)
				.set({ match: match.outcome, allocatedCents: match.allocatedCents })
				.where(eq(payments.id, paymentId));
			if (match.allocatedCents > 0 && match.invoiceReference) {
				const invoice = invoiceOf.get(match.invoiceReference)!;
				await tx.insert(paymentAllocations).values({
					paymentId,
					invoiceId: invoice.id,
					amountCents: match.allocatedCents,
					automatic: true,
					allocatedBy: actor.userId
				});
				paidTo.set(invoice.id, (paidTo.get(invoice.id) ?? 0) + match.allocatedCents);
			}
		}
		for (const [invoiceId, cents] of paidTo) {
			await tx
				.update(invoices)
				.set({ paidCents: sql`${invoices.paidCents} + ${cents}` })
				.where(eq(invoices.id, invoiceId));
		}
		const summary = {
			...counts,
			duplicates: credits.length - fresh.length,
			totalCents
		};
		await tx.update(bankFiles).set(summary).where(eq(bankFiles.id, file.id));
		await recordAudit(tx, actor, {
			action: 'bank_file.import',
			entityType: 'bank_file',
			entityId: file.id,
			after: {
				networkId,
				messageId: notification.messageId,
				sha256,
				credits: credits.length,
				...summary,
				invoicesPaid: paidTo.size
			}
		});
		return { ok: true, bankFileId: file.id, alreadyImported: false };
	});
}
