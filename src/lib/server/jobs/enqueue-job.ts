import { and, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { jobs } from '../db/schema';
import type { JobKind, JobPayload } from './job-kinds';

export interface EnqueueOptions {
	/** When the job becomes due; now by default. */
	runAt?: Date;
	/**
	 * One pending job per key (`reminder:<sign-up>`): enqueueing again with the same key moves
	 * the pending job (its time and payload) instead of adding a second one.
	 */
	dedupeKey?: string;
	/** Attempts before the job is marked failed; the table's default (8) otherwise. */
	maxAttempts?: number;
}

/**
 * Adds a job. Call it with the transaction of the change that causes the job, so both commit
 * or neither does; after the commit, `nudgeJobs()` runs a job that is due now at once instead
 * of at the next poll. Returns the job's id (the pending job's, when the key moved it).
 *
 * A pending job that is moved also loses its lease: if a server is running it right now, that
 * run cannot mark it done (the lease guard fails and its writes roll back), and the job runs
 * again with the new payload at the new time.
 */
export async function enqueueJob<K extends JobKind>(
	tx: DbOrTx,
	kind: K,
	payload: JobPayload<K>,
	options: EnqueueOptions = {}
): Promise<number> {
	const [row] = await tx
		.insert(jobs)
		.values({
			kind,
			payload: payload as Record<string, unknown>,
			runAt: options.runAt,
			dedupeKey: options.dedupeKey ?? null,
			...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {})
		})
		.onConflictDoUpdate({
			target: jobs.dedupeKey,
			targetWhere: sql`${jobs.doneAt} is null and ${jobs.failedAt} is null`,
			set: {
				runAt: sql`excluded.run_at`,
				payload: sql`excluded.payload`,
				lockedBy: null,
				lockedUntil: null
			}
		})
		.returning({ id: jobs.id });
	return row!.id;
}

/**
 * Deletes the pending jobs with these keys (an event cancelled: its reminders go). Jobs that
 * have run or failed stay. Returns how many were deleted.
 */
export async function cancelPendingJobs(tx: DbOrTx, dedupeKeys: string[]): Promise<number> {
	if (dedupeKeys.length === 0) return 0;
	const deleted = await tx
		.delete(jobs)
		.where(and(inArray(jobs.dedupeKey, dedupeKeys), isNull(jobs.doneAt), isNull(jobs.failedAt)))
		.returning({ id: jobs.id });
	return deleted.length;
}
