import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { invoiceRunMembers, invoiceRuns, memberships, municipalities, seasons } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import { enqueueJob } from '../jobs/enqueue-job';
import type { InvoiceKind } from '$lib/domain/billing/invoice-plan';
import { BILLED_MEMBERSHIP_STATES, loadNetworkTerms } from './billing-facts';

export type StartRunResult =
	| { ok: true; runId: string; members: number }
	| { ok: false; error: 'not_found' | 'no_network_details' | 'no_vat_rate' | 'no_members' };

/**
 * Confirms an invoice run: the run, its members as they are now (the season's memberships that
 * decided to join or are active), and the `invoice_run` job that bills them, in one
 * transaction. The preview showed what each member gets; the job reads everything again under
 * each member's lock, so what it bills is what holds when it runs.
 */
export async function startInvoiceRun(
	db: Db,
	actor: Actor,
	input: { seasonId: string; year: number; invoiceDate: string; kinds: InvoiceKind[] }
): Promise<StartRunResult> {
	return db.transaction(async (tx): Promise<StartRunResult> => {
		const [season] = await tx
			.select({ id: seasons.id, networkId: seasons.networkId })
			.from(seasons)
			.where(eq(seasons.id, input.seasonId));
		if (!season) return { ok: false, error: 'not_found' };
		const terms = await loadNetworkTerms(tx, season.networkId, input.invoiceDate);
		if (!terms.seller) return { ok: false, error: 'no_network_details' };
		if (terms.generalVatBasisPoints === null) return { ok: false, error: 'no_vat_rate' };
		const [{ n } = { n: 0 }] = await tx
			.select({ n: sql<number>`count(*)::int` })
			.from(memberships)
			.where(
				and(
					eq(memberships.seasonId, season.id),
					inArray(memberships.state, [...BILLED_MEMBERSHIP_STATES])
				)
			);
		if (n === 0) return { ok: false, error: 'no_members' };
		const kinds = [...new Set(input.kinds)];
		const [run] = await tx
			.insert(invoiceRuns)
			.values({
				networkId: season.networkId,
				seasonId: season.id,
				year: input.year,
				invoiceDate: input.invoiceDate,
				kinds,
				membersTotal: n,
				createdBy: actor.userId
			})
			.returning({ id: invoiceRuns.id });
		// one statement, whatever the number of members; billed in the preview's order, by name
		await tx.execute(sql`
			insert into ${invoiceRunMembers} (run_id, membership_id, position)
			select ${run!.id}, m.id, row_number() over (order by mu.name_fi, mu.code)
			from ${memberships} m
			join ${municipalities} mu on mu.code = m.municipality_code
			where m.season_id = ${season.id} and m.state in ('decided', 'active')`);
		await enqueueJob(
			tx,
			'invoice_run',
			{ runId: run!.id },
			{ dedupeKey: `invoice_run:${run!.id}` }
		);
		await recordAudit(tx, actor, {
			action: 'invoice_run.start',
			entityType: 'invoice_run',
			entityId: run!.id,
			after: { ...input, kinds, members: n }
		});
		return { ok: true, runId: run!.id, members: n };
	});
}
