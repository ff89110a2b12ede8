import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db';
import { invoiceRunMembers, jobs, memberBillingDetails, type seasons } from '../db/schema';
import { userActor } from '../actor';
import { memberBillingSchema, networkBillingSchema } from '$lib/schemas/billing';
import { saveNetworkBillingDetails } from '../billing/save-network-billing-details';
import { recordAudit } from '../audit/record-audit';
import { startInvoiceRun } from '../billing/start-invoice-run';
import { continueInvoiceRun } from '../billing/run-invoice-run';
import { DEMO_INVOICE_RUNS, DEMO_MEMBER_BILLING, DEMO_NETWORK_BILLING } from './demo-billing';
import { seedDemoPayments } from './seed-payments';

export interface DemoBillingContext {
	networkId: string;
	coordinator: { id: string; email: string };
	uso7: typeof seasons.$inferSelect;
}

/**
 * The demo's billing (demo-billing.ts): the coordinator saves the network's details, every
 * member's are there as her checked saves leave them, and she confirms USO 7's invoice runs, which the
 * run's own code bills member by member (`continueInvoiceRun`), as the job would. What is on
 * the invoices — fees from the tiers, VAT from the rates in force, travel from the approved
 * journeys, numbers, references — is what the rules make of the demo, never typed in. The
 * runs' jobs, with nothing left to do, are deleted, as the other seeds' past jobs are.
 */
export async function seedDemoBilling(tx: Tx, context: DemoBillingContext): Promise<void> {
	const db = tx as unknown as Db;
	const coordinator = userActor(context.coordinator);
	await saveNetworkBillingDetails(
		db,
		coordinator,
		context.networkId,
		networkBillingSchema.parse(DEMO_NETWORK_BILLING)
	);
	// the members' details at once, as a coordinator's checked saves leave them
	// (save-member-billing-details.ts): one at a time they cost the demo's load half a second
	const members = Object.entries(DEMO_MEMBER_BILLING).map(([code, details]) => ({
		municipalityCode: code,
		...memberBillingSchema.parse(details)
	}));
	await tx.insert(memberBillingDetails).values(
		members.map((m) => ({
			...m,
			updatedBy: coordinator.userId,
			checkedBy: coordinator.userId,
			checkedAt: sql`now()`
		}))
	);
	await recordAudit(
		tx,
		coordinator,
		members.map(({ municipalityCode, ...after }) => ({
			action: 'billing.member_details',
			entityType: 'municipality',
			entityId: municipalityCode,
			before: null,
			after
		}))
	);
	const runIds: string[] = [];
	for (const run of DEMO_INVOICE_RUNS) {
		const started = await startInvoiceRun(db, coordinator, { seasonId: context.uso7.id, ...run });
		if (!started.ok) throw new Error(`demo invoice run ${run.invoiceDate}: ${started.error}`);
		const finished = await continueInvoiceRun(db, started.runId);
		if (finished.state !== 'done') {
			throw new Error(`demo invoice run ${run.invoiceDate}: ${finished.state}`);
		}
		// a member the demo leaves out of a run would be a hole in its story
		const skipped = await tx
			.select({ reason: invoiceRunMembers.reason })
			.from(invoiceRunMembers)
			.where(
				and(
					eq(invoiceRunMembers.runId, started.runId),
					eq(invoiceRunMembers.state, 'skipped'),
					sql`${invoiceRunMembers.reason} <> 'nothing_to_bill'`
				)
			);
		if (skipped.length > 0) {
			throw new Error(`demo invoice run ${run.invoiceDate} skipped: ${JSON.stringify(skipped)}`);
		}
		runIds.push(started.runId);
	}
	await tx
		.delete(jobs)
		.where(and(eq(jobs.kind, 'invoice_run'), inArray(sql`${jobs.payload}->>'runId'`, runIds)));
	await seedDemoPayments(tx, { networkId: context.networkId, coordinator });
}
