import { z } from 'zod';
import { defineJob } from '../jobs/define-job';
import { continueInvoiceRun } from './run-invoice-run';
import { UUID_PATTERN } from '$lib/domain/uuid';

/**
 * Bills an invoice run's pending members (ADR 022). The billing happens in `external`, one
 * transaction per member outside the job's own transaction, so progress is visible as it goes
 * and a crash loses at most the member being billed; `external` may run again after a crash,
 * which finishes the run. `run` has nothing left to write: the run row is marked done by the
 * last member's caller.
 */
export const invoiceRunJob = defineJob({
	label: 'jobs.kind.invoice_run',
	payload: z.object({ runId: z.string().regex(UUID_PATTERN) }),
	async external(db, { runId }) {
		const result = await continueInvoiceRun(db, runId);
		if (result.state === 'running') throw new Error(`invoice run ${runId} not finished`);
		return undefined;
	},
	async run() {}
});
