import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { memberships, municipalities } from '../db/schema';
import { numberedPage } from '../pagination';
import { planMemberInvoices, type InvoiceKind } from '$lib/domain/billing/invoice-plan';
import { BILLED_MEMBERSHIP_STATES, loadMemberFacts, loadNetworkTerms } from './billing-facts';

export const PREVIEW_PAGE_SIZE = 25;

/**
 * What an invoice run would bill, a page of members at a time: each member's invoices (kind,
 * lines, VAT breakdown, totals) or why it cannot be invoiced yet. Nothing is written. The
 * network's own problems (no billing details, no VAT rate for the day) stop the whole run.
 */
export async function previewInvoiceRun(
	db: Db,
	input: {
		networkId: string;
		seasonId: string;
		year: number;
		invoiceDate: string;
		kinds: InvoiceKind[];
		page: number;
	}
) {
	const network = await loadNetworkTerms(db, input.networkId, input.invoiceDate);
	const networkProblems: ('no_network_details' | 'no_vat_rate')[] = [];
	if (!network.seller) networkProblems.push('no_network_details');
	if (network.generalVatBasisPoints === null) networkProblems.push('no_vat_rate');

	const where = and(
		eq(memberships.seasonId, input.seasonId),
		inArray(memberships.state, [...BILLED_MEMBERSHIP_STATES])
	);
	const [totalRow] = await db.select({ n: count() }).from(memberships).where(where);
	const total = totalRow?.n ?? 0;
	const { page, pages, offset } = numberedPage(total, input.page, PREVIEW_PAGE_SIZE);
	const ids = await db
		.select({ id: memberships.id })
		.from(memberships)
		.innerJoin(municipalities, eq(municipalities.code, memberships.municipalityCode))
		.where(where)
		.orderBy(asc(municipalities.nameFi))
		.limit(PREVIEW_PAGE_SIZE)
		.offset(offset);
	const facts = await loadMemberFacts(
		db,
		{ ...input, kinds: input.kinds },
		network,
		ids.map((r) => r.id)
	);
	const order = new Map(ids.map((r, i) => [r.id, i]));
	const rows = facts
		.sort((a, b) => order.get(a.membershipId)! - order.get(b.membershipId)!)
		.map((m) => ({
			membershipId: m.membershipId,
			code: m.code,
			nameFi: m.nameFi,
			nameSv: m.nameSv,
			population: m.population,
			tierName: m.tierName,
			plan: planMemberInvoices(m.facts)
		}));
	return {
		networkProblems,
		vatBasisPoints: network.generalVatBasisPoints,
		total,
		page,
		pages,
		rows
	};
}
export type InvoiceRunPreview = Awaited<ReturnType<typeof previewInvoiceRun>>;
