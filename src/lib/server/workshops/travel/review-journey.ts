import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { journeyLines, journeyShares, journeys } from '../../db/schema';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../actor';
import { helsinkiDate } from '$lib/domain/helsinki-time';
import { splitAmounts, weighShares, type WeightProblem } from '$lib/domain/workshops/cost-split';
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
import { noticeCoordinators } from '../workshop-notices';

export type ReviewJourneyResult =
	| { ok: true; state: JourneyState }
	| { ok: false; error: 'not_found' | JourneyRefusal }
	/** The coordinator's weights: each municipality's problem, or a municipality not served. */
	| { ok: false; error: 'weights'; problems: Record<string, WeightProblem>; unknown: string[] };

/**
 * A journey claim moves on: the expert submits it (only without problems), the coordinator
 * approves it or returns it with a reason. Approving fixes every line's cents (one's own car at
 * the kilometre rate in force on the line's day), the journey's totals and each municipality's
 * part (net and VAT each by largest remainder, cost-split.ts), so an approved journey never
 * changes and its parts always add up to it. The coordinator may give the split's weights
 * when approving (`weights`, by municipality code; those not given keep theirs, by default
 * one per workshop served); weights that are not whole numbers from 1 up refuse the approval.
 */
export async function moveJourney(
	db: Db,
	actor: Actor,
	as: WorkshopActor,
	input: {
		journeyId: string;
		action: JourneyAction;
		/** On approval: the coordinator's weight for each municipality (cost-split.ts). */
		weights?: Readonly<Record<string, number>>;
	},
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
		let approvedWeights: Record<string, number> | undefined;

		if (result.state === 'submitted') {
			await tx
				.update(journeys)
				.set({ state: 'submitted', submittedAt: now, updatedAt: now })
				.where(eq(journeys.id, id));
			await noticeCoordinators(tx, 'journey_submitted', id);
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
			const stored = await tx
				.select({ key: journeyShares.municipalityCode, weight: journeyShares.weight })
				.from(journeyShares)
				.where(eq(journeyShares.journeyId, id));
			// the weights are checked before anything is written
			const weighed = weighShares(stored, input.weights ?? {});
			if (!weighed.ok) {
				return {
					ok: false,
					error: 'weights',
					problems: weighed.problems,
					unknown: weighed.unknown
				};
			}
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
			const weights = new Map(weighed.shares.map((s) => [s.key, s.weight]));
			for (const part of splitAmounts(total, weighed.shares)) {
				await tx
					.update(journeyShares)
					.set({
						weight: weights.get(part.key)!,
						grossCents: part.grossCents,
						vatCents: part.vatCents,
						netCents: part.netCents
					})
					.where(
						and(eq(journeyShares.journeyId, id), eq(journeyShares.municipalityCode, part.key))
					);
			}
			approvedWeights = Object.fromEntries(weights);
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
				...(input.action.kind === 'return' ? { reason: input.action.reason.trim() } : {}),
				...(approvedWeights ? { weights: approvedWeights } : {})
			}
		});
		return { ok: true, state: result.state };
	});
}
