import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../db';
import {
	journeyLines,
	journeyShares,
	journeyWorkshops,
	journeys,
	kilometreRates,
	memberships,
	seasons,
	workshopExperts,
	workshops
} from '../../db/schema';
import type { KilometreRate } from '$lib/domain/workshops/kilometre-allowances';
import type { CostLineInput, JourneyInput } from '$lib/domain/workshops/travel-costs';
import { isUuid } from '$lib/domain/uuid';

/** A journey's rows for the use cases: the journey under its row's lock, its workshops and lines. */

export type JourneyRow = typeof journeys.$inferSelect;
export type JourneyLineRow = typeof journeyLines.$inferSelect;

/** The kilometre rates the database keeps (a row a year). */
export async function listKilometreRates(db: DbOrTx): Promise<KilometreRate[]> {
	return db
		.select({ validFrom: kilometreRates.validFrom, centsPerKm: kilometreRates.centsPerKm })
		.from(kilometreRates)
		.orderBy(asc(kilometreRates.validFrom));
}

export interface JourneyWorkshop {
	id: string;
	municipalityCode: string;
	networkId: string;
}

/** Workshops with their municipality and network, as a journey refers to them. */
export async function workshopsForJourney(
	db: DbOrTx,
	workshopIds: readonly string[]
): Promise<JourneyWorkshop[]> {
	const ids = workshopIds.filter(isUuid);
	if (ids.length === 0) return [];
	return db
		.select({
			id: workshops.id,
			municipalityCode: memberships.municipalityCode,
			networkId: seasons.networkId
		})
		.from(workshops)
		.innerJoin(memberships, eq(memberships.id, workshops.membershipId))
		.innerJoin(seasons, eq(seasons.id, memberships.seasonId))
		.where(inArray(workshops.id, ids));
}

/**
 * The workshops among these that an expert may claim a journey for: assigned to them and
 * agreed at some point (held, coming, or cancelled after it was agreed, when the expert may
 * already have travelled; the coordinator decides on approving).
 */
export async function claimableWorkshops(
	db: DbOrTx,
	expertId: string,
	workshopIds: readonly string[]
): Promise<Set<string>> {
	const ids = workshopIds.filter(isUuid);
	if (ids.length === 0) return new Set();
	const rows = await db
		.select({ id: workshops.id })
		.from(workshopExperts)
		.innerJoin(workshops, eq(workshops.id, workshopExperts.workshopId))
		.where(
			and(
				eq(workshopExperts.userId, expertId),
				inArray(workshopExperts.workshopId, ids),
				inArray(workshops.state, ['agreed', 'held', 'cancelled']),
				isNotNull(workshops.startsAt)
			)
		);
	return new Set(rows.map((r) => r.id));
}

export interface LockedJourney {
	journey: JourneyRow;
	workshops: JourneyWorkshop[];
	lines: JourneyLineRow[];
}

/** The journey, its row locked for the transaction, with its workshops and lines. */
export async function lockJourney(tx: Tx, journeyId: string): Promise<LockedJourney | null> {
	if (!isUuid(journeyId)) return null;
	const [journey] = await tx
		.select()
		.from(journeys)
		.where(eq(journeys.id, journeyId))
		.for('update');
	if (!journey) return null;
	const [links, lines] = await Promise.all([
		tx
			.select({ workshopId: journeyWorkshops.workshopId })
			.from(journeyWorkshops)
			.where(eq(journeyWorkshops.journeyId, journeyId)),
		tx
			.select()
			.from(journeyLines)
			.where(eq(journeyLines.journeyId, journeyId))
			.orderBy(asc(journeyLines.position), asc(journeyLines.id))
	]);
	return {
		journey,
		workshops: await workshopsForJourney(
			tx,
			links.map((l) => l.workshopId)
		),
		lines
	};
}

/** A stored line as the domain rules see it. */
export function toCostLineInput(line: JourneyLineRow): CostLineInput {
	return {
		kind: line.kind,
		date: line.day,
		distanceKm: line.distanceTenths === null ? null : line.distanceTenths / 10,
		grossCents: line.grossCents,
		vatCents: line.vatCents,
		vatBasisPoints: line.vatBasisPoints,
		hasReceipt: line.receiptFileId !== null,
		description: line.description
	};
}

/** The stored journey as the domain rules see it. */
export function toJourneyInput(locked: LockedJourney): JourneyInput {
	return {
		from: locked.journey.fromPlace,
		to: locked.journey.toPlace,
		workshopIds: locked.workshops.map((w) => w.id),
		lines: locked.lines.map(toCostLineInput)
	};
}

/** Sets a journey's shares to the default: one weight per workshop served, per municipality. */
export async function resetShares(
	tx: Tx,
	journeyId: string,
	shares: readonly { key: string; weight: number }[]
): Promise<void> {
	await tx.delete(journeyShares).where(eq(journeyShares.journeyId, journeyId));
	if (shares.length > 0) {
		await tx
			.insert(journeyShares)
			.values(shares.map((s) => ({ journeyId, municipalityCode: s.key, weight: s.weight })));
	}
}
