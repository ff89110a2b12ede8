import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db';
import {
	bankFiles,
	billingSeasonTotals,
	invoiceCounters,
	invoiceRuns,
	invoices,
	journeyShares,
	memberBillingDetails,
	memberships,
	networkBillingDetails,
	paymentAllocations,
	payments
} from '../../src/lib/server/db/schema';
import { systemActor } from '../../src/lib/server/actor';
import { businessIdCheckDigit } from '../../src/lib/domain/billing/business-id';
import { saveNetworkBillingDetails } from '../../src/lib/server/billing/save-network-billing-details';
import { saveMemberBillingDetails } from '../../src/lib/server/billing/save-member-billing-details';
import { startInvoiceRun } from '../../src/lib/server/billing/start-invoice-run';
import { continueInvoiceRun } from '../../src/lib/server/billing/run-invoice-run';
import type { MemberBillingInput, NetworkBillingInput } from '../../src/lib/schemas/billing';

/**
 * Billing details for tests and the demo: fictional but well-formed business IDs (the check
 * digit computed, remainder 1 skipped) and e-invoice addresses (OVT codes made from them).
 */
export function fictionalBusinessId(seed: number): string {
	for (let n = seed; ; n++) {
		const digits = String(n % 10_000_000).padStart(7, '0');
		const check = businessIdCheckDigit(digits);
		if (check !== null) return `${digits}-${check}`;
	}
}

export const USO_BILLING: NetworkBillingInput = {
	sellerName: 'Suomen Kuntaliitto ry',
	businessId: fictionalBusinessId(2_000_001),
	vatNumber: `FI${fictionalBusinessId(2_000_001).replace('-', '')}`,
	streetAddress: 'Toinen linja 14',
	postalCode: '00530',
	city: 'Helsinki',
	iban: 'FI2112345600000785',
	bic: 'NDEAFIHH',
	paymentTermsDays: 14,
	penaltyInterestBasis: 'interest_act_4',
	penaltyInterestBasisPoints: null,
	eInvoiceAddress: null,
	eInvoiceOperator: null,
	extraWorkshopFeeCents: null
};

export function memberBilling(code: string, name: string): MemberBillingInput {
	const businessId = fictionalBusinessId(1_000_000 + Number(code) * 101);
	return {
		billingName: name,
		businessId,
		streetAddress: 'Kunnantie 1',
		postalCode: '91700',
		city: 'Vaala',
		eInvoiceAddress: `0037${businessId.replace('-', '')}`,
		eInvoiceOperator: '003723327487',
		buyerReference: `KUNTA-${code}`,
		delivery: 'e_invoice',
		invoiceEmail: null,
		language: code === '599' ? 'sv' : 'fi'
	};
}

/** The network's details and every listed municipality's, as the system. */
export async function seedBillingDetails(
	db: Db,
	networkId: string,
	codes: readonly string[],
	network: Partial<NetworkBillingInput> = {}
) {
	await saveNetworkBillingDetails(db, systemActor, networkId, { ...USO_BILLING, ...network });
	for (const code of codes) {
		await saveMemberBillingDetails(db, systemActor, code, memberBilling(code, `Kunta ${code}`), {
			byCoordinator: true
		});
	}
}

/** The municipality codes of a season's billed memberships (decided or active). */
export async function billedCodes(db: Db, seasonId: string): Promise<string[]> {
	const rows = await db
		.select({ code: memberships.municipalityCode })
		.from(memberships)
		.where(
			and(eq(memberships.seasonId, seasonId), inArray(memberships.state, ['decided', 'active']))
		);
	return rows.map((r) => r.code).sort();
}

/**
 * Bills a season's participation fees of a year as a coordinator's confirmed run does, to the
 * end; returns the run's id.
 */
export async function billFees(
	db: Db,
	seasonId: string,
	year: number,
	invoiceDate: string
): Promise<string> {
	const run = await startInvoiceRun(db, systemActor, {
		seasonId,
		year,
		invoiceDate,
		kinds: ['fee']
	});
	if (!run.ok) throw new Error(run.error);
	await continueInvoiceRun(db, run.runId);
	return run.runId;
}

/**
 * Takes away the demo's billing (src/lib/server/demo/seed-billing.ts): its invoices and runs,
 * the numbers they took, and the network's and members' billing details, so that a test bills
 * USO 7 from the start, as a network's first invoicing does. The travel parts the demo billed
 * are not invoiced again.
 */
export async function withoutDemoBilling(db: Db): Promise<void> {
	await db
		.update(journeyShares)
		.set({ invoiceLineId: null })
		.where(isNotNull(journeyShares.invoiceLineId));
	await db.delete(paymentAllocations);
	await db.delete(payments);
	await db.delete(bankFiles);
	// credit notes before what they credit: their references to it refuse the invoice's delete
	await db.delete(invoices).where(eq(invoices.document, 'credit_note'));
	await db.delete(invoices);
	// the reports' totals (a trigger keeps them) start again from nothing
	await db.delete(billingSeasonTotals);
	await db.delete(invoiceRuns);
	await db.delete(invoiceCounters);
	await db.delete(memberBillingDetails);
	await db.delete(networkBillingDetails);
}
