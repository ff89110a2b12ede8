import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { journeyLines, journeyShares, journeys } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../actor';
import { helsinkiDate } from '$lib/domain/helsinki-time';
import { splitAmounts } from '$lib/domain/workshops/cost-split';
import {
	checkJourney,
	costLineAmounts,
	isJourneyValid,
	journeyTransition,
	sumAmounts,
	type JourneyAction,
	type JourneyRefusal,
	type JourneyState
} from '$lib/domain/workshops/travel-costs';
import type { WorkshopActor } from '$lib/domain/workshops/workshop-states';
import { listKilometreRates, lockJourney, toCostLineInput, toJourneyInput } from './journey-rows';

export type ReviewJourneyResult =
	{ ok: true; state: JourneyState } | { ok: false; error: 'not_found' | JourneyRefusal };

/**
 * A journey claim moves on: the expert submits it (only without problems), the coordinator
 * approves it or returns it with a reason. Approving fixes every line's cents (one's own car at
 * the kilometre rate in force on the line's day), the journey's totals and each municipality's
 * part (net and VAT each by largest remainder, cost-split.ts), so an approved journey never
 * changes and its parts always add up to it.
 */
export async function moveJourney(
	db: Db,
	actor: Actor,
	as: WorkshopActor,
	input: { journeyId: string; action: JourneyAction },
	now: Date = new Date()
): Promise<ReviewJourneyResult> {
	return db.transaction(async (tx): Promise<ReviewJourneyResult> => {
		const locked = await lockJourney(tx, input.journeyId);
		if (!locked) return { ok: false, error: 'not_found' };
		const rates = await listKilometreRates(tx);
		const valid = isJourneyValid(
			checkJourney(toJourneyInput(locked), { today: helsinkiDate(now), rates })
		);
		const facts = { state: locked.journey.state, expertId: locked.journey.expertId };
		const result = journeyTransition(facts, input.action, as, valid);
		if (!result.ok) return { ok: false, error: result.reason };
		const id = locked.journey.id;

		if (result.state === 'submitted') {
			await tx
				.update(journeys)
				.set({ state: 'submitted', submittedAt: now, updatedAt: now })
				.where(eq(journeys.id, id));
		} else if (result.state === 'returned') {
			const reason = input.action.kind === 'return' ? input.action.reason.trim() : '';
			await tx
				.update(journeys)
				.set({
					state: 'returned',
					returnReason: reason,
					reviewedBy: actor.userId,
					reviewedAt: now,
					updatedAt: now
				})
				.where(eq(journeys.id, id));
		} else {
			const amounts = locked.lines.map((line) => costLineAmounts(toCostLineInput(line), rates)!);
			for (const [i, line] of locked.lines.entries()) {
				await tx
					.update(journeyLines)
					.set({
						approvedGrossCents: amounts[i]!.grossCents,
						approvedVatCents: amounts[i]!.vatCents
					})
					.where(eq(journeyLines.id, line.id));
			}
			const total = sumAmounts(amounts);
			const shares = await tx
				.select({ key: journeyShares.municipalityCode, weight: journeyShares.weight })
				.from(journeyShares)
				.where(eq(journeyShares.journeyId, id));
			for (const part of splitAmounts(total, shares)) {
				await tx
					.update(journeyShares)
					.set({ grossCents: part.grossCents, vatCents: part.vatCents, netCents: part.netCents })
					.where(
						and(eq(journeyShares.journeyId, id), eq(journeyShares.municipalityCode, part.key))
					);
			}
			await tx
				.update(journeys)
				.set({
					state: 'approved',
					...total,
					reviewedBy: actor.userId,
					reviewedAt: now,
					updatedAt: now
				})
				.where(eq(journeys.id, id));
		}
		await recordAudit(tx, actor, {
			action: `journey.${input.action.kind}`,
			entityType: 'journey',
			entityId: id,
			before: { state: locked.journey.state },
			after: {
				state: result.state,
				...(input.action.kind === 'return' ? { reason: input.action.reason.trim() } : {})
			}
		});
		return { ok: true, state: result.state };
	});
}
