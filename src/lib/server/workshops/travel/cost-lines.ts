import { and, eq, max } from 'drizzle-orm';
import type { Db } from '../../db';
import { journeyLines, journeys } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../actor';
import { storeFile } from '../../files/store-file';
import { helsinkiDate } from '$lib/domain/helsinki-time';
import {
	checkCostLine,
	checkJourneyEdit,
	checkReceipt,
	needsReceipt,
	type CostLineErrors,
	type CostLineInput,
	type JourneyRefusal,
	type ReceiptCheck
} from '$lib/domain/workshops/travel-costs';
import type { WorkshopActor } from '$lib/domain/workshops/workshop-states';
import { isUuid } from '$lib/domain/uuid';
import { listKilometreRates, lockJourney } from './journey-rows';

export type NewCostLine = Omit<CostLineInput, 'hasReceipt'>;

export type AddCostLineResult =
	| { ok: true; lineId: string }
	| { ok: false; error: 'not_found' | JourneyRefusal }
	| { ok: false; error: 'fields'; fields: CostLineFields };

export type ReceiptProblem = Exclude<ReceiptCheck, { ok: true }>['reason'];
/** Each field's problem; the receipt's may also say why the file was not taken. */
export type CostLineFields = Omit<CostLineErrors, 'receipt'> & {
	receipt?: CostLineErrors['receipt'] | ReceiptProblem;
};

/**
 * The expert adds a cost to a draft or returned journey: kilometres in their own car (priced at
 * the day's rate when approved), or a receipt (PDF, JPEG or PNG by its first bytes, into the
 * files table) with its total and VAT. Each field's problem is returned; nothing is written then.
 */
export async function addCostLine(
	db: Db,
	actor: Actor,
	as: WorkshopActor,
	input: {
		journeyId: string;
		line: NewCostLine;
		receipt: { name: string; bytes: Uint8Array } | null;
	},
	now: Date = new Date()
): Promise<AddCostLineResult> {
	return db.transaction(async (tx): Promise<AddCostLineResult> => {
		const locked = await lockJourney(tx, input.journeyId);
		if (!locked) return { ok: false, error: 'not_found' };
		const refusal = checkJourneyEdit(
			{ state: locked.journey.state, expertId: locked.journey.expertId },
			as
		);
		if (refusal) return { ok: false, error: refusal };
		const receiptCheck = input.receipt ? checkReceipt(input.receipt.bytes) : null;
		const wantsReceipt = needsReceipt(input.line.kind);
		const line: CostLineInput = {
			...input.line,
			hasReceipt: wantsReceipt && !!receiptCheck?.ok
		};
		const fields: CostLineFields = checkCostLine(line, {
			today: helsinkiDate(now),
			rates: await listKilometreRates(tx)
		});
		if (receiptCheck && !receiptCheck.ok && wantsReceipt) fields.receipt = receiptCheck.reason;
		if (Object.keys(fields).length > 0) return { ok: false, error: 'fields', fields };

		const receiptFileId =
			wantsReceipt && input.receipt && receiptCheck?.ok
				? await storeFile(tx, {
						name: input.receipt.name,
						contentType: receiptCheck.contentType,
						bytes: input.receipt.bytes,
						uploadedBy: actor.userId
					})
				: null;
		const [last] = await tx
			.select({ position: max(journeyLines.position) })
			.from(journeyLines)
			.where(eq(journeyLines.journeyId, locked.journey.id));
		const values = {
			journeyId: locked.journey.id,
			position: (last?.position ?? 0) + 1,
			kind: line.kind,
			day: line.date,
			distanceTenths: line.kind === 'own_car' ? Math.round(line.distanceKm! * 10) : null,
			grossCents: line.kind === 'own_car' ? null : line.grossCents,
			vatCents: line.kind === 'own_car' ? null : line.vatCents,
			vatBasisPoints: line.kind === 'own_car' ? null : line.vatBasisPoints,
			description: line.description.trim(),
			receiptFileId
		};
		const [row] = await tx.insert(journeyLines).values(values).returning({ id: journeyLines.id });
		await tx.update(journeys).set({ updatedAt: now }).where(eq(journeys.id, locked.journey.id));
		await recordAudit(tx, actor, {
			action: 'journey.line_add',
			entityType: 'journey',
			entityId: locked.journey.id,
			after: { ...values, lineId: row!.id }
		});
		return { ok: true, lineId: row!.id };
	});
}

/** The expert removes a cost from a draft or returned journey (its receipt file stays, unlinked). */
export async function removeCostLine(
	db: Db,
	actor: Actor,
	as: WorkshopActor,
	input: { journeyId: string; lineId: string },
	now: Date = new Date()
): Promise<{ ok: true } | { ok: false; error: 'not_found' | JourneyRefusal }> {
	return db.transaction(async (tx) => {
		const locked = await lockJourney(tx, input.journeyId);
		if (!locked || !isUuid(input.lineId))
			return { ok: false as const, error: 'not_found' as const };
		const refusal = checkJourneyEdit(
			{ state: locked.journey.state, expertId: locked.journey.expertId },
			as
		);
		if (refusal) return { ok: false as const, error: refusal };
		const line = locked.lines.find((l) => l.id === input.lineId);
		if (!line) return { ok: false as const, error: 'not_found' as const };
		await tx
			.delete(journeyLines)
			.where(and(eq(journeyLines.id, line.id), eq(journeyLines.journeyId, locked.journey.id)));
		await tx.update(journeys).set({ updatedAt: now }).where(eq(journeys.id, locked.journey.id));
		await recordAudit(tx, actor, {
			action: 'journey.line_remove',
			entityType: 'journey',
			entityId: locked.journey.id,
			before: { lineId: line.id, kind: line.kind, day: line.day }
		});
		return { ok: true as const };
	});
}
