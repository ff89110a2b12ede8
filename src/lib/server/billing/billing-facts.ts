import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import {
	feeTiers,
	invoiceLines,
	invoices,
	journeys,
	journeyShares,
	journeyWorkshops,
	memberBillingDetails,
	memberships,
	municipalities,
	networkBillingDetails,
	vatRates,
	workshops
} from '../db/schema';
import { feeTierFor } from '$lib/domain/fees';
import { helsinkiDate } from '$lib/domain/helsinki-time';
import type {
	ExtraWorkshopFact,
	InvoiceKind,
	MemberBillingFacts,
	TravelShareFact
} from '$lib/domain/billing/invoice-plan';

/**
 * Awaits queries one after another (Drizzle runs a query when it is awaited): these run inside
 * a member's transaction too, whose one connection takes one query at a time.
 */
async function inOrder<T extends readonly unknown[]>(
	queries: readonly [...T]
): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
	const results: unknown[] = [];
	for (const query of queries) results.push(await query);
	return results as { -readonly [K in keyof T]: Awaited<T[K]> };
}

/** Memberships that are billed: the municipality's board decided to join (or it is active). */
export const BILLED_MEMBERSHIP_STATES = ['decided', 'active'] as const;

export interface RunTerms {
	networkId: string;
	year: number;
	invoiceDate: string;
	kinds: readonly InvoiceKind[];
}

/** What holds for the whole run: the seller, the fee schedule and VAT on the invoice date. */
export async function loadNetworkTerms(tx: DbOrTx, networkId: string, invoiceDate: string) {
	const [[seller], tiers, [vat]] = await inOrder([
		tx
			.select()
			.from(networkBillingDetails)
			.where(eq(networkBillingDetails.networkId, networkId))
			.limit(1),
		tx
			.select()
			.from(feeTiers)
			.where(and(eq(feeTiers.networkId, networkId), lte(feeTiers.validFrom, invoiceDate)))
			.orderBy(desc(feeTiers.validFrom), asc(feeTiers.minPopulation))
			.limit(50),
		tx
			.select({ basisPoints: vatRates.basisPoints })
			.from(vatRates)
			.where(lte(vatRates.validFrom, invoiceDate))
			.orderBy(desc(vatRates.validFrom))
			.limit(1)
	]);
	return {
		seller: seller ?? null,
		tiers: tiers.map((t) => ({ ...t, name: t.nameFi })),
		generalVatBasisPoints: vat?.basisPoints ?? null
	};
}
export type NetworkTerms = Awaited<ReturnType<typeof loadNetworkTerms>>;

/**
 * The facts of billing these memberships (at most a page): who they are, their billing details,
 * whether the year's fee is billed, their approved travel parts and billable extra workshops
 * not yet invoiced. Four queries whatever the number of memberships.
 */
export async function loadMemberFacts(
	tx: DbOrTx,
	terms: RunTerms,
	network: NetworkTerms,
	membershipIds: string[]
) {
	if (membershipIds.length === 0) return [];
	const wants = (kind: InvoiceKind) => terms.kinds.includes(kind);
	const [members, feesBilled, travel, extras] = await inOrder([
		tx
			.select({
				membershipId: memberships.id,
				seasonId: memberships.seasonId,
				state: memberships.state,
				code: municipalities.code,
				nameFi: municipalities.nameFi,
				nameSv: municipalities.nameSv,
				population: municipalities.population,
				details: memberBillingDetails
			})
			.from(memberships)
			.innerJoin(municipalities, eq(municipalities.code, memberships.municipalityCode))
			.leftJoin(
				memberBillingDetails,
				eq(memberBillingDetails.municipalityCode, memberships.municipalityCode)
			)
			.where(inArray(memberships.id, membershipIds)),
		wants('fee')
			? tx
					.select({ membershipId: invoices.membershipId })
					.from(invoices)
					.where(
						and(
							inArray(invoices.membershipId, membershipIds),
							eq(invoices.year, terms.year),
							eq(invoices.kind, 'fee'),
							eq(invoices.document, 'invoice')
						)
					)
			: Promise.resolve([]),
		wants('travel')
			? tx
					.select({
						membershipId: memberships.id,
						journeyId: journeyShares.journeyId,
						netCents: journeyShares.netCents,
						fromPlace: journeys.fromPlace,
						toPlace: journeys.toPlace,
						day: sql<string>`(select min(jl.day)::text from journey_lines jl where jl.journey_id = ${journeyShares.journeyId})`
					})
					.from(journeyShares)
					.innerJoin(journeys, eq(journeys.id, journeyShares.journeyId))
					.innerJoin(
						memberships,
						and(
							eq(memberships.municipalityCode, journeyShares.municipalityCode),
							inArray(memberships.id, membershipIds)
						)
					)
					.where(
						and(
							isNull(journeyShares.invoiceLineId),
							isNotNull(journeyShares.netCents),
							eq(journeys.state, 'approved'),
							sql`exists (select 1 from ${journeyWorkshops} jw join ${workshops} w on w.id = jw.workshop_id where jw.journey_id = ${journeyShares.journeyId} and w.membership_id = ${memberships.id})`
						)
					)
			: Promise.resolve([]),
		wants('extra')
			? tx
					.select({
						membershipId: workshops.membershipId,
						workshopId: workshops.id,
						startsAt: workshops.startsAt,
						heldAt: workshops.heldAt
					})
					.from(workshops)
					.where(
						and(
							inArray(workshops.membershipId, membershipIds),
							eq(workshops.extra, true),
							or(
								eq(workshops.state, 'held'),
								and(
									eq(workshops.state, 'cancelled'),
									eq(workshops.cancellation, 'municipality_late')
								)
							),
							sql`not exists (select 1 from ${invoiceLines} l where l.workshop_id = ${workshops.id} and l.credited_line_id is null)`
						)
					)
			: Promise.resolve([])
	]);
	const billed = new Set(feesBilled.map((f) => f.membershipId));
	const travelBy = new Map<string, TravelShareFact[]>();
	for (const t of travel) {
		const list = travelBy.get(t.membershipId) ?? [];
		list.push({
			journeyId: t.journeyId,
			netCents: t.netCents!,
			day: t.day ?? terms.invoiceDate,
			fromPlace: t.fromPlace,
			toPlace: t.toPlace
		});
		travelBy.set(t.membershipId, list);
	}
	const extrasBy = new Map<string, ExtraWorkshopFact[]>();
	for (const w of extras) {
		const list = extrasBy.get(w.membershipId) ?? [];
		const when = w.startsAt ?? w.heldAt;
		list.push({ workshopId: w.workshopId, day: when ? helsinkiDate(when) : terms.invoiceDate });
		extrasBy.set(w.membershipId, list);
	}
	return members.map((m) => {
		const tier =
			m.population === null ? null : feeTierFor(network.tiers, m.population, terms.invoiceDate);
		const facts: MemberBillingFacts = {
			kinds: terms.kinds,
			year: terms.year,
			invoiceDate: terms.invoiceDate,
			generalVatBasisPoints: network.generalVatBasisPoints,
			hasBillingDetails: m.details !== null,
			population: m.population,
			feeTier: tier,
			feeAlreadyBilled: billed.has(m.membershipId),
			travel: travelBy.get(m.membershipId) ?? [],
			extras: extrasBy.get(m.membershipId) ?? [],
			extraWorkshopFeeCents: network.seller?.extraWorkshopFeeCents ?? null
		};
		return {
			...m,
			tierName: tier ? { fi: tier.nameFi, sv: tier.nameSv, en: tier.nameEn } : null,
			facts
		};
	});
}
export type MemberFacts = Awaited<ReturnType<typeof loadMemberFacts>>[number];
