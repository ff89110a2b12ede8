import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db';
import { invoiceRunMembers, invoiceRuns, memberships, networks, seasons } from '../db/schema';
import type { Actor } from '../actor';
import { planMemberInvoices } from '$lib/domain/billing/invoice-plan';
import { loadMemberFacts, loadNetworkTerms } from './billing-facts';
import { issueInvoice } from './issue-invoice';
import { buyerOf, sellerOf } from './invoice-parties';

type RunRow = typeof invoiceRuns.$inferSelect;

export type MemberOutcome =
	| { state: 'billed'; invoices: string[] }
	| { state: 'skipped'; reason: string }
	/** Finished before, by this run or a rerun of it. */
	| { state: 'done_before' };

/**
 * Bills one member of a run in one transaction (ADR 022). Its run row is locked first (two
 * servers finishing the same run take turns and the second finds it done), then the
 * membership's row: everything a member is billed is read and written under that lock, and the
 * database's keys refuse what would still double (a fee twice a year, an extra twice, a travel
 * part twice). Numbers come from the counter row in the same transaction.
 */
export async function billRunMember(
	tx: Tx,
	run: RunRow,
	membershipId: string,
	seasonLabel: string
): Promise<MemberOutcome> {
	const [item] = await tx
		.select()
		.from(invoiceRunMembers)
		.where(
			and(eq(invoiceRunMembers.runId, run.id), eq(invoiceRunMembers.membershipId, membershipId))
		)
		.for('update');
	if (!item || item.state !== 'pending') return { state: 'done_before' };
	await tx
		.select({ id: memberships.id })
		.from(memberships)
		.where(eq(memberships.id, membershipId))
		.for('update');

	const terms = {
		networkId: run.networkId,
		year: run.year,
		invoiceDate: run.invoiceDate,
		kinds: run.kinds
	};
	const network = await loadNetworkTerms(tx, run.networkId, run.invoiceDate);
	const [member] = await loadMemberFacts(tx, terms, network, [membershipId]);
	const actor: Actor = { userId: run.createdBy, label: `invoice run ${run.id}` };

	const finish = async (outcome: {
		state: 'billed' | 'skipped';
		reason: string | null;
		invoices: number;
	}) => {
		await tx
			.update(invoiceRunMembers)
			.set({
				state: outcome.state,
				reason: outcome.reason,
				invoices: outcome.invoices,
				finishedAt: sql`now()`
			})
			.where(
				and(eq(invoiceRunMembers.runId, run.id), eq(invoiceRunMembers.membershipId, membershipId))
			);
		await tx
			.update(invoiceRuns)
			.set(
				outcome.state === 'billed'
					? {
							membersBilled: sql`${invoiceRuns.membersBilled} + 1`,
							invoicesCreated: sql`${invoiceRuns.invoicesCreated} + ${outcome.invoices}`
						}
					: { membersSkipped: sql`${invoiceRuns.membersSkipped} + 1` }
			)
			.where(eq(invoiceRuns.id, run.id));
	};

	if (!member || !network.seller) {
		const reason = !network.seller ? 'no_network_details' : 'not_found';
		await finish({ state: 'skipped', reason, invoices: 0 });
		return { state: 'skipped', reason };
	}
	const plan = planMemberInvoices(member.facts);
	if (!plan.ok) {
		const reason = plan.blockers.join(' ');
		await finish({ state: 'skipped', reason, invoices: 0 });
		return { state: 'skipped', reason };
	}
	if (plan.invoices.length === 0) {
		const reason = plan.nothing.some((n) => n.reason === 'already_billed')
			? 'already_billed'
			: 'nothing_to_bill';
		await finish({ state: 'skipped', reason, invoices: 0 });
		return { state: 'skipped', reason };
	}
	const details = member.details!;
	const numbers: string[] = [];
	for (const planned of plan.invoices) {
		const issued = await issueInvoice(
			tx,
			actor,
			{
				networkId: run.networkId,
				seasonId: run.seasonId,
				membershipId,
				municipalityCode: member.code,
				year: run.year,
				invoiceDate: run.invoiceDate,
				runId: run.id,
				seasonLabel,
				seller: sellerOf(network.seller),
				buyer: buyerOf(details),
				language: details.language,
				delivery: details.delivery,
				buyerReference: details.buyerReference
			},
			planned
		);
		numbers.push(issued.number);
	}
	await finish({ state: 'billed', reason: null, invoices: numbers.length });
	return { state: 'billed', invoices: numbers };
}

export interface ContinueRunOptions {
	/** Stop after this many members (tests: a run interrupted half-way). */
	stopAfter?: number;
	/** Asked between members: a stopping server hands the rest to the next run of the job. */
	shouldStop?: () => boolean;
}

/**
 * Bills the run's members still pending, one transaction each, then marks the run done. Safe to
 * call again at any time, also by two servers at once: what a member got is never billed again,
 * so a run stopped half-way (a crash, `kill -9`) is finished by calling this again.
 */
export async function continueInvoiceRun(
	db: Db,
	runId: string,
	options: ContinueRunOptions = {}
): Promise<{ state: 'done' | 'running' | 'not_found'; billedNow: number }> {
	const [head] = await db
		.select({
			run: invoiceRuns,
			seasonNumber: seasons.number,
			networkShortName: networks.shortName
		})
		.from(invoiceRuns)
		.innerJoin(seasons, eq(seasons.id, invoiceRuns.seasonId))
		.innerJoin(networks, eq(networks.id, invoiceRuns.networkId))
		.where(eq(invoiceRuns.id, runId));
	if (!head) return { state: 'not_found', billedNow: 0 };
	const { run } = head;
	if (run.state === 'done') return { state: 'done', billedNow: 0 };
	const seasonLabel = `${head.networkShortName} ${head.seasonNumber}`;
	if (run.state === 'queued') {
		await db
			.update(invoiceRuns)
			.set({ state: 'running', startedAt: sql`coalesce(${invoiceRuns.startedAt}, now())` })
			.where(and(eq(invoiceRuns.id, runId), eq(invoiceRuns.state, 'queued')));
	}
	let billedNow = 0;
	let after = 0;
	for (;;) {
		if (options.stopAfter !== undefined && billedNow >= options.stopAfter) {
			return { state: 'running', billedNow };
		}
		if (options.shouldStop?.()) return { state: 'running', billedNow };
		// one member at a time, in the run's order (by name), from where this call got to
		const [next] = await db
			.select({
				membershipId: invoiceRunMembers.membershipId,
				position: invoiceRunMembers.position
			})
			.from(invoiceRunMembers)
			.where(
				and(
					eq(invoiceRunMembers.runId, runId),
					eq(invoiceRunMembers.state, 'pending'),
					gt(invoiceRunMembers.position, after)
				)
			)
			.orderBy(asc(invoiceRunMembers.position))
			.limit(1);
		if (!next) break;
		after = next.position;
		await db.transaction((tx) => billRunMember(tx, run, next.membershipId, seasonLabel));
		billedNow++;
	}
	await db
		.update(invoiceRuns)
		.set({ state: 'done', finishedAt: sql`now()` })
		.where(
			and(
				eq(invoiceRuns.id, runId),
				sql`${invoiceRuns.state} <> 'done'`,
				sql`not exists (select 1 from ${invoiceRunMembers} m where m.run_id = ${invoiceRuns.id} and m.state = 'pending')`
			)
		);
	return { state: 'done', billedNow };
}
