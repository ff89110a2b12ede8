import type { Cancellation, WorkshopState } from './workshop-states';

/**
 * A membership's workshops against the season's entitlement (`seasons.workshops_per_municipality`,
 * 5 in USO 7): "3 held, 1 scheduled, 1 left". Each workshop falls in one bucket:
 *
 * - held; a late cancellation by the municipality (the expert's day was reserved); an agreed
 *   workshop whose start has passed but is not yet marked held — these are **used**;
 * - agreed with its start ahead (scheduled) and proposed — these are **planned**: a proposal
 *   takes its place at once, so that two contact persons proposing the last workshop at once
 *   cannot both have it (the use case locks the membership's row, reads its workshops, places
 *   the proposal with `placeProposal` and inserts in one transaction);
 * - cancelled by the network, or by the municipality in time: not counted.
 *
 * A workshop beyond the entitlement is proposed as `extra` and agreed only with the
 * coordinator's explicit approval (workshop-states.ts). Extras are counted apart and never
 * change what is left; an extra is billable once it is held or cancelled late by the
 * municipality, as the same workshop within the entitlement would have been used.
 */

export interface LedgerWorkshop {
	state: WorkshopState;
	cancellation: Cancellation | null;
	startsAt: Date | null;
	extra: boolean;
}

export const LEDGER_BUCKETS = [
	'held',
	'awaiting_record',
	'late_cancelled',
	'scheduled',
	'proposed',
	'not_counted'
] as const;
export type LedgerBucket = (typeof LEDGER_BUCKETS)[number];

export function ledgerBucket(workshop: LedgerWorkshop, now: Date): LedgerBucket {
	switch (workshop.state) {
		case 'held':
			return 'held';
		case 'proposed':
			return 'proposed';
		case 'agreed':
			return workshop.startsAt && workshop.startsAt.getTime() <= now.getTime()
				? 'awaiting_record'
				: 'scheduled';
		case 'cancelled':
			return workshop.cancellation === 'municipality_late' ? 'late_cancelled' : 'not_counted';
	}
}

/** Does a workshop in this bucket take one of the entitlement's workshops (used or planned)? */
export function takesEntitlement(bucket: LedgerBucket): boolean {
	return bucket !== 'not_counted';
}

export interface BucketCounts {
	held: number;
	awaitingRecord: number;
	lateCancelled: number;
	scheduled: number;
	proposed: number;
}

export interface EntitlementLedger {
	entitlement: number;
	/** Workshops within the entitlement, by bucket. */
	counts: BucketCounts;
	/** held + awaitingRecord + lateCancelled, within the entitlement. */
	used: number;
	/** scheduled + proposed, within the entitlement. */
	planned: number;
	/** What may still be proposed without an extra; never negative. */
	left: number;
	/**
	 * Workshops within the entitlement beyond it, e.g. after the season's entitlement was
	 * lowered; 0 in a ledger the rules have kept. used + planned + left = entitlement + over.
	 */
	over: number;
	/** Extra workshops, by bucket. */
	extra: BucketCounts;
	/** Extras held or cancelled late by the municipality: to be billed. */
	extraBillable: number;
}

const emptyCounts = (): BucketCounts => ({
	held: 0,
	awaitingRecord: 0,
	lateCancelled: 0,
	scheduled: 0,
	proposed: 0
});

const COUNT_KEY: Record<Exclude<LedgerBucket, 'not_counted'>, keyof BucketCounts> = {
	held: 'held',
	awaiting_record: 'awaitingRecord',
	late_cancelled: 'lateCancelled',
	scheduled: 'scheduled',
	proposed: 'proposed'
};

/** The ledger of one membership's workshops at a moment. */
export function entitlementLedger(
	entitlement: number,
	workshops: readonly LedgerWorkshop[],
	now: Date
): EntitlementLedger {
	if (!Number.isInteger(entitlement) || entitlement < 0) {
		throw new RangeError(`an entitlement is a whole number of at least 0: ${entitlement}`);
	}
	const counts = emptyCounts();
	const extra = emptyCounts();
	for (const workshop of workshops) {
		const bucket = ledgerBucket(workshop, now);
		if (bucket === 'not_counted') continue;
		(workshop.extra ? extra : counts)[COUNT_KEY[bucket]]++;
	}
	const used = counts.held + counts.awaitingRecord + counts.lateCancelled;
	const planned = counts.scheduled + counts.proposed;
	return {
		entitlement,
		counts,
		used,
		planned,
		left: Math.max(0, entitlement - used - planned),
		over: Math.max(0, used + planned - entitlement),
		extra,
		extraBillable: extra.held + extra.lateCancelled
	};
}

/** Is this workshop an extra to bill? */
export function isBillableExtra(workshop: LedgerWorkshop): boolean {
	return (
		workshop.extra &&
		(workshop.state === 'held' ||
			(workshop.state === 'cancelled' && workshop.cancellation === 'municipality_late'))
	);
}

export type PlacementRefusal =
	/** Nothing is left: the workshop may be proposed as an extra, for the coordinator to approve. */
	| 'entitlement_used'
	/** Asked as an extra while the entitlement still has workshops left. */
	| 'extra_not_needed';

export type ProposalPlacement =
	{ ok: true; extra: boolean } | { ok: false; reason: PlacementRefusal };

/**
 * Where a new proposal goes: within the entitlement while one is left; beyond it only when it
 * is asked for as an extra. Never both: an extra is not made while the entitlement has room.
 */
export function placeProposal(
	ledger: Pick<EntitlementLedger, 'left'>,
	request: { asExtra: boolean }
): ProposalPlacement {
	if (ledger.left > 0) {
		return request.asExtra ? { ok: false, reason: 'extra_not_needed' } : { ok: true, extra: false };
	}
	return request.asExtra ? { ok: true, extra: true } : { ok: false, reason: 'entitlement_used' };
}
