import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { feeTiers } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import { checkFeeSchedule, type FeeScheduleProblem, type VatTreatment } from '$lib/domain/fees';

/** A network's fee tiers, newest schedule first. A network has a schedule or two a year. */
export async function listFeeTiers(db: Db, networkId: string) {
	return db
		.select()
		.from(feeTiers)
		.where(eq(feeTiers.networkId, networkId))
		.orderBy(desc(feeTiers.validFrom), asc(feeTiers.minPopulation))
		.limit(500);
}

export interface NewTier {
	nameFi: string;
	nameSv: string;
	nameEn: string;
	min: number;
	max: number | null;
	fee: number;
}

export type ScheduleResult =
	| { ok: true }
	| { ok: false; error: 'schedule_exists' }
	| { ok: false; error: 'schedule_invalid'; problems: FeeScheduleProblem[] };

/**
 * Adds a fee schedule valid from a day: tiers that together cover every population once.
 * A schedule for the same day is refused; the day before keeps its own.
 */
export async function addFeeSchedule(
	db: Db,
	actor: Actor,
	input: { networkId: string; validFrom: string; vatTreatment: VatTreatment; tiers: NewTier[] }
): Promise<ScheduleResult> {
	const tiers = input.tiers.map((t) => ({
		name: t.nameFi,
		minPopulation: t.min,
		maxPopulation: t.max,
		yearlyFeeCents: t.fee,
		validFrom: input.validFrom,
		vatTreatment: input.vatTreatment
	}));
	const problems = checkFeeSchedule(tiers);
	if (problems.length) return { ok: false, error: 'schedule_invalid', problems };
	return db.transaction(async (tx) => {
		const [existing] = await tx
			.select({ id: feeTiers.id })
			.from(feeTiers)
			.where(and(eq(feeTiers.networkId, input.networkId), eq(feeTiers.validFrom, input.validFrom)))
			.limit(1);
		if (existing) return { ok: false as const, error: 'schedule_exists' as const };
		const rows = await tx
			.insert(feeTiers)
			.values(
				input.tiers.map((t) => ({
					networkId: input.networkId,
					nameFi: t.nameFi,
					nameSv: t.nameSv,
					nameEn: t.nameEn,
					minPopulation: t.min,
					maxPopulation: t.max,
					yearlyFeeCents: t.fee,
					validFrom: input.validFrom,
					vatTreatment: input.vatTreatment
				}))
			)
			.returning({ id: feeTiers.id });
		await recordAudit(tx, actor, {
			action: 'fee_schedule.create',
			entityType: 'network',
			entityId: input.networkId,
			after: {
				validFrom: input.validFrom,
				vatTreatment: input.vatTreatment,
				tiers: input.tiers,
				ids: rows.map((r) => r.id)
			}
		});
		return { ok: true as const };
	});
}
