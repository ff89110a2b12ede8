import { and, isNotNull } from 'drizzle-orm';
import type { MessageKey } from '$lib/i18n/fi';
import type { Db } from '../db';
import { jobs } from '../db/schema';
import { keysetPage, keysetQuery, type Keyset } from '../pagination';
import type { JobRegistry } from './define-job';
import { JOB_KINDS } from './job-kinds';

export const FAILED_JOBS_PAGE_SIZE = 50;

/** The jobs that used up their attempts, newest first, for /admin/jobs. */
export async function listFailedJobs(db: Db, keyset: Keyset, limit = FAILED_JOBS_PAGE_SIZE) {
	const q = keysetQuery(jobs.id, keyset);
	const rows = await db
		.select({
			id: jobs.id,
			kind: jobs.kind,
			attempts: jobs.attempts,
			maxAttempts: jobs.maxAttempts,
			lastError: jobs.lastError,
			createdAt: jobs.createdAt,
			failedAt: jobs.failedAt
		})
		.from(jobs)
		.where(and(isNotNull(jobs.failedAt), q.where))
		.orderBy(q.orderBy)
		.limit(limit + 1);
	const page = keysetPage(rows, keyset, limit);
	const kinds: JobRegistry = JOB_KINDS;
	return {
		...page,
		rows: page.rows.map((row) => ({
			...row,
			failedAt: row.failedAt!,
			/** The kind's name in the catalogue; null for a kind this version no longer has. */
			label: (Object.hasOwn(kinds, row.kind) ? kinds[row.kind]!.label : null) as MessageKey | null
		}))
	};
}
