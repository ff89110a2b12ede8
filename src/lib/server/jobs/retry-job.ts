import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { jobs } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import { isUniqueViolation } from '../db/errors';

export type RetryJobError =
	/** No such job, or it is not failed (someone retried it already). */
	| 'not_found'
	/** A pending job with the same dedupe key was enqueued after this one failed. */
	| 'superseded';

export type RetryJobResult = { ok: true } | { ok: false; error: RetryJobError };

/**
 * Gives a failed job a fresh set of attempts, due now. The caller nudges the poller after it.
 * Audited, with the error it had.
 */
export async function retryFailedJob(db: Db, actor: Actor, jobId: number): Promise<RetryJobResult> {
	try {
		return await db.transaction(async (tx) => {
			const [job] = await tx.select().from(jobs).where(eq(jobs.id, jobId)).for('update');
			if (!job || !job.failedAt) return { ok: false, error: 'not_found' } as const;
			if (job.dedupeKey) {
				const [newer] = await tx
					.select({ id: jobs.id })
					.from(jobs)
					.where(
						and(
							eq(jobs.dedupeKey, job.dedupeKey),
							ne(jobs.id, job.id),
							isNull(jobs.doneAt),
							isNull(jobs.failedAt)
						)
					)
					.limit(1);
				if (newer) return { ok: false, error: 'superseded' } as const;
			}
			await tx
				.update(jobs)
				.set({
					failedAt: null,
					attempts: 0,
					runAt: sql`now()`,
					lockedBy: null,
					lockedUntil: null
				})
				.where(eq(jobs.id, job.id));
			await recordAudit(tx, actor, {
				action: 'job.retry',
				entityType: 'job',
				entityId: String(job.id),
				before: {
					kind: job.kind,
					attempts: job.attempts,
					failedAt: job.failedAt,
					lastError: job.lastError
				},
				after: { attempts: 0, failedAt: null }
			});
			return { ok: true } as const;
		});
	} catch (e) {
		// a job with the same key enqueued between our check and our update
		if (isUniqueViolation(e)) return { ok: false, error: 'superseded' };
		throw e;
	}
}
