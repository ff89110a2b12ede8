import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { invoiceLines, invoices } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import {
	creditNote,
	type CreditProblem,
	type CreditSelection
} from '$lib/domain/billing/invoice-totals';
import { formatInvoiceNumber, referenceForInvoiceNumber } from '$lib/domain/billing/invoice-number';
import { createRfReference } from '$lib/domain/billing/reference-number';
import { domainLineOf, loadCreditFacts } from './credit-facts';
import { takeInvoiceSequence } from './issue-invoice';
import { queueInvoiceMail } from './queue-invoice-mail';

import { CREDIT_REASON_MAX } from '$lib/schemas/credit-note';
import { isUuid } from '$lib/domain/uuid';

export type CreateCreditNoteResult =
	| { ok: true; id: string; number: string }
	| { ok: false; error: 'not_found' | 'not_an_invoice' | 'reason' | 'nothing_to_credit' }
	| { ok: false; error: 'credit'; problems: CreditProblem[] };

export interface CreateCreditNoteInput {
	invoiceId: string;
	/** The coordinator's networks: another network's invoice is not found. */
	networkIds: string[];
	/** Per line of the invoice (its index), a quantity or an amount without VAT. */
	selection: CreditSelection[];
	reason: string;
	/** yyyy-mm-dd, the credit note's date (today in Helsinki). */
	issueDate: string;
}

/**
 * A credit note for part or all of an invoice (ADR 026). Under the invoice's row lock it reads
 * the invoice's lines and earlier notes, lets the domain compute the note (never more than is
 * left of a line, an invoice and all its notes net to zero), takes the next number of the same
 * series as invoices, writes the note and its lines, and adds what they take off to the
 * invoice's and its lines' `credited_cents`, whose checks refuse more than was invoiced. The
 * seller and buyer are the invoice's as issued; where the invoice was delivered by e-mail, the
 * note goes to the same address through the outbox, with its PDF. Nothing else is freed: a credited travel cost
 * or extra workshop is not billed again by a later run.
 */
export async function createCreditNote(
	db: Db,
	actor: Actor,
	input: CreateCreditNoteInput
): Promise<CreateCreditNoteResult> {
	const reason = input.reason.trim();
	if (reason === '' || reason.length > CREDIT_REASON_MAX) return { ok: false, error: 'reason' };
	if (!isUuid(input.invoiceId) || input.networkIds.length === 0) {
		return { ok: false, error: 'not_found' };
	}
	return db.transaction(async (tx): Promise<CreateCreditNoteResult> => {
		const [original] = await tx
			.select()
			.from(invoices)
			.where(and(eq(invoices.id, input.invoiceId), inArray(invoices.networkId, input.networkIds)))
			.for('update');
		if (!original) return { ok: false, error: 'not_found' };
		if (original.document !== 'invoice') return { ok: false, error: 'not_an_invoice' };
		const facts = await loadCreditFacts(tx, original.id);
		const note = creditNote(
			facts.originalLines.map(domainLineOf),
			facts.notes.map((n) => n.domain),
			input.selection
		);
		if (!note.ok) return { ok: false, error: 'credit', problems: note.problems };
		if (note.value.totals.grossCents === 0) return { ok: false, error: 'nothing_to_credit' };

		const numberYear = Number(input.issueDate.slice(0, 4));
		const sequence = await takeInvoiceSequence(tx, original.networkId, numberYear);
		const number = formatInvoiceNumber(numberYear, sequence);
		if (!number.ok) throw new Error(`invoice number ${numberYear}/${sequence}: ${number.problem}`);
		const reference = referenceForInvoiceNumber(number.value);
		if (!reference.ok) throw new Error(`reference of ${number.value}: ${reference.problem}`);
		const rf = createRfReference(reference.value);
		if (!rf.ok) throw new Error(`RF reference of ${reference.value}: ${rf.problem}`);
		const { totals } = note.value;
		const [written] = await tx
			.insert(invoices)
			.values({
				networkId: original.networkId,
				seasonId: original.seasonId,
				membershipId: original.membershipId,
				municipalityCode: original.municipalityCode,
				// the billed year: the reports show a credit beside what it credits
				year: original.year,
				kind: original.kind,
				document: 'credit_note',
				creditedInvoiceId: original.id,
				sequence,
				number: number.value,
				issueDate: input.issueDate,
				// nothing to pay: the due date is the note's own date
				dueDate: input.issueDate,
				reference: reference.value,
				rfReference: rf.value,
				language: original.language,
				delivery: original.delivery,
				buyerReference: original.buyerReference,
				seller: original.seller,
				buyer: original.buyer,
				netCents: totals.netCents,
				vatCents: totals.vatCents,
				grossCents: totals.grossCents,
				vatBreakdown: totals.breakdown.map((g) => ({ ...g })),
				creditReason: reason,
				createdBy: actor.userId
			})
			.returning({ id: invoices.id });
		await tx.insert(invoiceLines).values(
			note.value.lines.map((l, i) => {
				const credited = facts.originalLines[l.creditsLine]!;
				return {
					invoiceId: written!.id,
					position: i + 1,
					description: credited.description,
					quantityTenThousandths: Math.round(l.quantity * 10_000),
					unitCode: credited.unitCode,
					unitPriceCents: l.unitPriceCents,
					vatCategory: l.vatCategory,
					vatBasisPoints: l.vatBasisPoints,
					exemptionReason: l.exemptionReason ?? null,
					netCents: totals.lineNetCents[i]!,
					periodStart: credited.periodStart,
					periodEnd: credited.periodEnd,
					creditedLineId: credited.id,
					creditByAmount: l.byAmount === true
				};
			})
		);
		// The checks on these columns refuse a credit beyond what was invoiced, whatever computed it.
		for (const [i, l] of note.value.lines.entries()) {
			await tx
				.update(invoiceLines)
				.set({ creditedCents: sql`${invoiceLines.creditedCents} + ${-totals.lineNetCents[i]!}` })
				.where(eq(invoiceLines.id, facts.originalLines[l.creditsLine]!.id));
		}
		await tx
			.update(invoices)
			.set({ creditedCents: sql`${invoices.creditedCents} + ${-totals.grossCents}` })
			.where(eq(invoices.id, original.id));
		await recordAudit(tx, actor, {
			action: 'invoice.credit',
			entityType: 'invoice',
			entityId: written!.id,
			after: {
				number: number.value,
				credits: original.number,
				reason,
				grossCents: totals.grossCents,
				completesCredit: note.value.completesCredit
			}
		});
		// PDF by e-mail where the invoice went by e-mail: to its buyer as issued, once (ADR 031)
		const to = original.buyer.email;
		if (original.delivery === 'email' && typeof to === 'string' && to !== '') {
			await queueInvoiceMail(tx, {
				document: 'credit_note',
				id: written!.id,
				number: number.value,
				creditedNumber: original.number,
				language: original.language,
				to,
				sellerName: String(original.seller.name ?? ''),
				grossCents: totals.grossCents
			});
		}
		return { ok: true, id: written!.id, number: number.value };
	});
}
