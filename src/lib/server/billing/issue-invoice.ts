import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../db';
import { invoiceCounters, invoiceLines, invoices, journeyShares } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import { serverTranslator } from '$lib/i18n/catalogue';
import { formatDate } from '$lib/i18n/format';
import { dueDateOf, type LineText, type PlannedInvoice } from '$lib/domain/billing/invoice-plan';
import { formatInvoiceNumber, referenceForInvoiceNumber } from '$lib/domain/billing/invoice-number';
import { createRfReference } from '$lib/domain/billing/reference-number';
import { scaledQuantity } from '$lib/domain/billing/invoice-totals';
import type { InvoiceBuyer, InvoiceSeller } from './invoice-parties';
import { scheduleInvoiceReminder } from './payments/invoice-reminder-job';
import { queueInvoiceMail } from './queue-invoice-mail';

export interface IssueContext {
	networkId: string;
	seasonId: string;
	membershipId: string;
	municipalityCode: string;
	year: number;
	invoiceDate: string;
	runId: string | null;
	seasonLabel: string;
	seller: InvoiceSeller;
	buyer: InvoiceBuyer;
	language: 'fi' | 'sv';
	delivery: 'e_invoice' | 'email';
	buyerReference: string;
}

/**
 * The next number of the network's series for the invoice date's year. The counter row is
 * updated in the caller's transaction: its row lock makes concurrent issuers take turns, and a
 * rollback returns the number, so the series has no gaps and no doubles (ADR 022).
 */
export async function takeInvoiceSequence(tx: Tx, networkId: string, year: number) {
	const [row] = await tx
		.insert(invoiceCounters)
		.values({ networkId, year, lastSequence: 1 })
		.onConflictDoUpdate({
			target: [invoiceCounters.networkId, invoiceCounters.year],
			set: { lastSequence: sql`${invoiceCounters.lastSequence} + 1` }
		})
		.returning({ sequence: invoiceCounters.lastSequence });
	return row!.sequence;
}

function lineDescription(language: 'fi' | 'sv', text: LineText, seasonLabel: string): string {
	const t = serverTranslator(language);
	switch (text.key) {
		case 'fee':
			return t('billing.line.fee', { year: text.year, season: seasonLabel });
		case 'travel':
			return t('billing.line.travel', {
				date: formatDate(language, text.day),
				from: text.fromPlace,
				to: text.toPlace
			});
		case 'extra':
			return t('billing.line.extra', { date: formatDate(language, text.day), season: seasonLabel });
	}
}

/**
 * Issues one planned invoice in the caller's transaction: takes its number, freezes the
 * parties, writes the lines and marks what they bill (travel parts point at their line; an
 * extra workshop's line names it, once). Returns the invoice's id and number.
 */
export async function issueInvoice(
	tx: Tx,
	actor: Actor,
	ctx: IssueContext,
	planned: PlannedInvoice
): Promise<{ id: string; number: string }> {
	const numberYear = Number(ctx.invoiceDate.slice(0, 4));
	const sequence = await takeInvoiceSequence(tx, ctx.networkId, numberYear);
	const number = formatInvoiceNumber(numberYear, sequence);
	if (!number.ok) throw new Error(`invoice number ${numberYear}/${sequence}: ${number.problem}`);
	const reference = referenceForInvoiceNumber(number.value);
	if (!reference.ok) throw new Error(`reference of ${number.value}: ${reference.problem}`);
	const rf = createRfReference(reference.value);
	if (!rf.ok) throw new Error(`RF reference of ${reference.value}: ${rf.problem}`);
	const { totals } = planned;
	const dueDate = dueDateOf(ctx.invoiceDate, ctx.seller.paymentTermsDays);
	const [invoice] = await tx
		.insert(invoices)
		.values({
			networkId: ctx.networkId,
			seasonId: ctx.seasonId,
			membershipId: ctx.membershipId,
			municipalityCode: ctx.municipalityCode,
			year: ctx.year,
			kind: planned.kind,
			runId: ctx.runId,
			sequence,
			number: number.value,
			issueDate: ctx.invoiceDate,
			dueDate,
			reference: reference.value,
			rfReference: rf.value,
			language: ctx.language,
			delivery: ctx.delivery,
			buyerReference: ctx.buyerReference,
			seller: { ...ctx.seller },
			buyer: { ...ctx.buyer },
			netCents: totals.netCents,
			vatCents: totals.vatCents,
			grossCents: totals.grossCents,
			vatBreakdown: totals.breakdown.map((g) => ({ ...g })),
			createdBy: actor.userId
		})
		.returning({ id: invoices.id });
	const lines = await tx
		.insert(invoiceLines)
		.values(
			planned.lines.map((line, i) => ({
				invoiceId: invoice!.id,
				position: i + 1,
				description: lineDescription(ctx.language, line.text, ctx.seasonLabel),
				quantityTenThousandths: scaledQuantity(line.quantity)!,
				unitPriceCents: line.unitPriceCents,
				vatCategory: line.vatCategory,
				vatBasisPoints: line.vatBasisPoints,
				exemptionReason: line.exemptionReason ?? null,
				netCents: totals.lineNetCents[i]!,
				periodStart: line.periodStart,
				periodEnd: line.periodEnd,
				workshopId: line.workshopId
			}))
		)
		.returning({ id: invoiceLines.id, position: invoiceLines.position });
	for (const line of lines) {
		const journeyId = planned.lines[line.position - 1]!.journeyId;
		if (!journeyId) continue;
		const linked = await tx
			.update(journeyShares)
			.set({ invoiceLineId: line.id })
			.where(
				and(
					eq(journeyShares.journeyId, journeyId),
					eq(journeyShares.municipalityCode, ctx.municipalityCode),
					isNull(journeyShares.invoiceLineId)
				)
			)
			.returning({ journeyId: journeyShares.journeyId });
		// Billed by someone else since it was read: give everything back and let the caller retry.
		if (linked.length !== 1) throw new Error(`travel share ${journeyId} already invoiced`);
	}
	// the check for a payment reminder, in the same transaction (ADR 025)
	await scheduleInvoiceReminder(tx, { id: invoice!.id, dueDate });
	await recordAudit(tx, actor, {
		action: 'invoice.issue',
		entityType: 'invoice',
		entityId: invoice!.id,
		after: {
			number: number.value,
			kind: planned.kind,
			membershipId: ctx.membershipId,
			year: ctx.year,
			grossCents: totals.grossCents
		}
	});
	// PDF by e-mail where the member asked for it: queued with the invoice, once (ADR 026)
	if (ctx.delivery === 'email' && ctx.buyer.email) {
		await queueInvoiceMail(tx, {
			document: 'invoice',
			id: invoice!.id,
			number: number.value,
			language: ctx.language,
			to: ctx.buyer.email,
			sellerName: ctx.seller.name,
			dueDate: dueDateOf(ctx.invoiceDate, ctx.seller.paymentTermsDays),
			grossCents: totals.grossCents,
			reference: reference.value
		});
	}
	return { id: invoice!.id, number: number.value };
}
