import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createTestDatabase, type TestDatabase } from '../../../../tests/setup/test-db';
import { systemActor } from '../actor';
import { auditLog, jobs } from '../db/schema';
import { defineJob, PermanentJobError } from './define-job';
import { enqueueJob, type EnqueueOptions } from './enqueue-job';
import type { JobKind } from './job-kinds';
import { listFailedJobs } from './list-failed-jobs';
import { retryFailedJob } from './retry-job';
import { runDueJobs } from './run-due-jobs';

const payload = z.object({ n: z.number().int() });
const kinds = {
	record: defineJob({ label: 'jobs.kind.deliver_mail', payload, async run() {} }),
	permanent: defineJob({
		label: 'jobs.kind.deliver_mail',
		payload,
		async run() {
			throw new PermanentJobError('nothing to retry');
		}
	})
};
const t0 = new Date('2026-12-01T10:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

const enqueue = (kind: keyof typeof kinds, n: number, options?: EnqueueOptions) =>
	enqueueJob(database.db, kind as JobKind, { n } as never, options);
const run = (now?: Date) =>
	runDueJobs(database.db, {
		serverId: 'server-a',
		settings: {
			mail: { from: 'verkosto@example.fi', log: false },
			publicOrigin: 'http://localhost:3000'
		},
		kinds,
		now
	});
const jobRow = async (id: number) =>
	(await database.db.select().from(jobs).where(eq(jobs.id, id)))[0]!;

let database: TestDatabase;

beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(() => database?.close());
beforeEach(async () => {
	await database.db.delete(jobs);
	vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('failed jobs (/admin/jobs)', () => {
	async function failOne(n: number, options: EnqueueOptions = {}) {
		const id = await enqueue('permanent', n, { runAt: t0, ...options });
		await run(t0);
		return id;
	}

	it('are listed newest first with their kind, attempts and error', async () => {
		const first = await failOne(1);
		const second = await failOne(2);
		await enqueue('record', 3, { runAt: t0 });
		const page = await listFailedJobs(database.db, { before: null, after: null }, 1);
		expect(page.rows).toHaveLength(1);
		expect(page.rows[0]).toMatchObject({
			id: second,
			kind: 'permanent',
			label: null,
			attempts: 1,
			maxAttempts: 8,
			lastError: 'nothing to retry',
			failedAt: t0
		});
		expect(page.older).toBe(String(second));
		const next = await listFailedJobs(database.db, { before: second, after: null }, 1);
		expect(next.rows.map((r) => r.id)).toEqual([first]);
	});

	it('can be retried once, with fresh attempts, and the retry is audited', async () => {
		const id = await failOne(1);
		expect(await retryFailedJob(database.db, systemActor, id)).toEqual({ ok: true });
		expect(await jobRow(id)).toMatchObject({ failedAt: null, attempts: 0, lockedBy: null });
		expect(await retryFailedJob(database.db, systemActor, id)).toEqual({
			ok: false,
			error: 'not_found'
		});
		expect(await retryFailedJob(database.db, systemActor, 999_999)).toEqual({
			ok: false,
			error: 'not_found'
		});
		const [entry] = await database.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.entityId, String(id)));
		expect(entry).toMatchObject({
			action: 'job.retry',
			entityType: 'job',
			before: { kind: 'permanent', attempts: 1, lastError: 'nothing to retry' }
		});
		// due now: the next run picks it up
		expect(await run()).toMatchObject({ claimed: 1 });
	});

	it('are not retried when a newer job with the same key is pending', async () => {
		const id = await failOne(1, { dedupeKey: 'reminder:9' });
		await enqueue('record', 2, { runAt: at(60), dedupeKey: 'reminder:9' });
		expect(await retryFailedJob(database.db, systemActor, id)).toEqual({
			ok: false,
			error: 'superseded'
		});
		expect((await jobRow(id)).failedAt).toEqual(t0);
	});
});
