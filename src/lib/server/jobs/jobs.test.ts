import { eq, sql } from 'drizzle-orm';
import { bigint, integer, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createTestDatabase, type TestDatabase } from '../../../../tests/setup/test-db';
import type { DbOrTx } from '../db';
import { openDatabase, type Database, type Db } from '../db/client';
import { jobs } from '../db/schema';
import { defineJob, PermanentJobError, type JobSettings } from './define-job';
import { cancelPendingJobs, enqueueJob, type EnqueueOptions } from './enqueue-job';
import type { JobKind } from './job-kinds';
import { claimDueJobs, JOB_LEASE_MS, runDueJobs, type RunDueJobsOptions } from './run-due-jobs';

/** What the test handlers write, in the job's own transaction. */
const effects = pgTable('test_job_effects', {
	seq: serial('seq').primaryKey(),
	jobId: bigint('job_id', { mode: 'number' }).notNull(),
	n: integer('n').notNull(),
	serverId: text('server_id').notNull()
});

const payload = z.object({ n: z.number().int() });
const label = 'jobs.kind.deliver_mail' as const;

/** Holds `external` of the `gated` kind until the test opens the gate. */
let gate: { opened: Promise<void>; open(): void; entered: Promise<void>; enter(): void };
function newGate() {
	let open!: () => void;
	let enter!: () => void;
	const opened = new Promise<void>((resolve) => (open = resolve));
	const entered = new Promise<void>((resolve) => (enter = resolve));
	gate = { opened, open, entered, enter };
}

const kinds = {
	record: defineJob({
		label,
		payload,
		async run(tx, { n }, ctx) {
			await tx.insert(effects).values({ jobId: ctx.job.id, n, serverId: ctx.serverId });
		}
	}),
	/** Yields inside its transaction, so two servers' jobs interleave. */
	recordSlowly: defineJob({
		label,
		payload,
		async run(tx, { n }, ctx) {
			await new Promise((resolve) => setTimeout(resolve, 1));
			await tx.insert(effects).values({ jobId: ctx.job.id, n, serverId: ctx.serverId });
		}
	}),
	/** Writes, then fails: its write must roll back; gives up with a write of its own. */
	failing: defineJob({
		label,
		payload,
		async run(tx, { n }, ctx) {
			await tx.insert(effects).values({ jobId: ctx.job.id, n, serverId: ctx.serverId });
			throw new Error(`boom ${n}`);
		},
		async onGiveUp(tx, { n }, ctx) {
			await tx.insert(effects).values({ jobId: ctx.job.id, n: -n, serverId: ctx.serverId });
		}
	}),
	permanent: defineJob({
		label,
		payload,
		async run() {
			throw new PermanentJobError('nothing to retry');
		}
	}),
	/** Stops in its work outside the database until the test opens the gate. */
	gated: defineJob({
		label,
		payload,
		async external() {
			gate.enter();
			await gate.opened;
			return 'sent';
		},
		async run(tx, { n }, ctx, external) {
			expect(external).toBe('sent');
			await tx.insert(effects).values({ jobId: ctx.job.id, n, serverId: ctx.serverId });
		}
	})
};
type TestKind = keyof typeof kinds;

const settings: JobSettings = {
	mail: { from: 'Verkosto <verkosto@example.fi>', log: false },
	publicOrigin: 'http://localhost:3000'
};
const t0 = new Date('2026-12-01T10:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

function enqueue(
	tx: DbOrTx,
	kind: TestKind | 'no_such_kind',
	body: Record<string, unknown>,
	options?: EnqueueOptions
) {
	return enqueueJob(tx, kind as JobKind, body as never, options);
}

function run(db: Db, options: Partial<RunDueJobsOptions> = {}) {
	return runDueJobs(db, { serverId: 'server-a', settings, kinds, random: () => 0.5, ...options });
}

const jobRow = async (id: number) =>
	(await database.db.select().from(jobs).where(eq(jobs.id, id)))[0]!;
const allEffects = () => database.db.select().from(effects).orderBy(effects.seq);

let database: TestDatabase;

beforeAll(async () => {
	database = await createTestDatabase();
	await database.db.execute(
		sql`create table test_job_effects (seq serial primary key, job_id bigint not null, n integer not null, server_id text not null)`
	);
});
afterAll(() => database?.close());
beforeEach(async () => {
	await database.db.delete(jobs);
	await database.db.delete(effects);
	vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('enqueueJob', () => {
	it('leaves no job when the transaction that enqueued it rolls back', async () => {
		await expect(
			database.db.transaction(async (tx) => {
				await enqueue(tx, 'record', { n: 1 });
				throw new Error('the sign-up was refused');
			})
		).rejects.toThrow('refused');
		expect(await database.db.select().from(jobs)).toEqual([]);

		await database.db.transaction((tx) => enqueue(tx, 'record', { n: 2 }));
		const [job] = await database.db.select().from(jobs);
		expect(job).toMatchObject({ kind: 'record', payload: { n: 2 }, attempts: 0, maxAttempts: 8 });
	});

	it('moves the pending job with the same dedupe key instead of adding one', async () => {
		const first = await enqueue(
			database.db,
			'record',
			{ n: 1 },
			{
				runAt: at(3600),
				dedupeKey: 'reminder:1'
			}
		);
		const second = await enqueue(
			database.db,
			'record',
			{ n: 2 },
			{
				runAt: at(7200),
				dedupeKey: 'reminder:1'
			}
		);
		expect(second).toBe(first);
		const rows = await database.db.select().from(jobs);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ payload: { n: 2 }, runAt: at(7200) });

		// once it has run, the key is free for a new job
		await run(database.db, { now: at(7200) });
		const third = await enqueue(database.db, 'record', { n: 3 }, { dedupeKey: 'reminder:1' });
		expect(third).not.toBe(first);
		expect(await database.db.select().from(jobs)).toHaveLength(2);
	});

	it('cancels pending jobs by key, leaving the ones that ran and other keys', async () => {
		await enqueue(database.db, 'record', { n: 1 }, { runAt: t0, dedupeKey: 'event:1:a' });
		await run(database.db, { now: t0 });
		await enqueue(database.db, 'record', { n: 2 }, { runAt: at(60), dedupeKey: 'event:1:a' });
		await enqueue(database.db, 'record', { n: 3 }, { runAt: at(60), dedupeKey: 'event:1:b' });
		await enqueue(database.db, 'record', { n: 4 }, { runAt: at(60), dedupeKey: 'event:2:a' });
		expect(await cancelPendingJobs(database.db, [])).toBe(0);
		expect(await cancelPendingJobs(database.db, ['event:1:a', 'event:1:b'])).toBe(2);
		const left = await database.db.select().from(jobs).orderBy(jobs.id);
		expect(left.map((j) => [j.payload.n, j.doneAt !== null])).toEqual([
			[1, true],
			[4, false]
		]);
	});
});

describe('runDueJobs', () => {
	it('runs due jobs oldest first, and leaves the ones not yet due', async () => {
		await enqueue(database.db, 'record', { n: 1 }, { runAt: at(3) });
		await enqueue(database.db, 'record', { n: 2 }, { runAt: at(1) });
		await enqueue(database.db, 'record', { n: 3 }, { runAt: at(2) });
		await enqueue(database.db, 'record', { n: 4 }, { runAt: at(2) });
		const later = await enqueue(database.db, 'record', { n: 5 }, { runAt: at(3600) });

		expect(await run(database.db, { now: at(10), limit: 3 })).toMatchObject({
			claimed: 3,
			done: 3
		});
		expect(await run(database.db, { now: at(10) })).toMatchObject({ claimed: 1, done: 1 });
		expect(await run(database.db, { now: at(10) })).toMatchObject({ claimed: 0 });
		expect((await allEffects()).map((e) => e.n)).toEqual([2, 3, 4, 1]);
		expect(await jobRow(later)).toMatchObject({ doneAt: null, attempts: 0 });

		const done = await database.db
			.select()
			.from(jobs)
			.where(sql`${jobs.doneAt} is not null`);
		expect(done).toHaveLength(4);
		for (const job of done) {
			expect(job).toMatchObject({ attempts: 1, lockedBy: 'server-a', lockedUntil: null });
		}
	});

	it('runs a job the database made in the millisecond its clock reads, which JavaScript cannot tell apart', async () => {
		// the database keeps microseconds; `now` is a JavaScript clock's whole millisecond
		const id = await enqueue(database.db, 'record', { n: 1 }, { runAt: t0 });
		await database.db
			.update(jobs)
			.set({ runAt: sql`${t0}::timestamptz + interval '700 microseconds'` })
			.where(eq(jobs.id, id));
		expect(await run(database.db, { now: t0 })).toMatchObject({ claimed: 1, done: 1 });
		// but not one due in the next millisecond
		await enqueue(database.db, 'record', { n: 2 }, { runAt: new Date(t0.getTime() + 1) });
		expect(await run(database.db, { now: t0 })).toMatchObject({ claimed: 0 });
	});

	it('retries a failing job with back-off, rolls back what it wrote, then fails it', async () => {
		const id = await enqueue(database.db, 'failing', { n: 7 }, { runAt: t0 });
		const delays: number[] = [];
		let now = t0;
		for (let attempt = 1; attempt <= 7; attempt++) {
			expect(await run(database.db, { now })).toMatchObject({ claimed: 1, retried: 1 });
			const job = await jobRow(id);
			expect(job).toMatchObject({
				attempts: attempt,
				lastError: 'boom 7',
				lockedBy: null,
				lockedUntil: null,
				failedAt: null
			});
			delays.push((job.runAt.getTime() - now.getTime()) / 1000);
			// not due a millisecond early
			expect(await run(database.db, { now: new Date(job.runAt.getTime() - 1) })).toMatchObject({
				claimed: 0
			});
			now = job.runAt;
		}
		expect(delays).toEqual([30, 60, 120, 240, 480, 960, 1920]);

		expect(await run(database.db, { now })).toMatchObject({ claimed: 1, failed: 1 });
		const job = await jobRow(id);
		expect(job).toMatchObject({ attempts: 8, failedAt: now, lastError: 'boom 7' });
		// only onGiveUp's write stayed; every attempt's own write rolled back
		expect((await allEffects()).map((e) => e.n)).toEqual([-7]);
		expect(await run(database.db, { now: at(365 * 86400) })).toMatchObject({ claimed: 0 });
		expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('giving up'));
	});

	it('spreads the retry by the random source', async () => {
		const id = await enqueue(database.db, 'failing', { n: 1 }, { runAt: t0 });
		await run(database.db, { now: t0, random: () => 0 });
		expect((await jobRow(id)).runAt).toEqual(at(24));
	});

	it('fails at once a job whose kind is unknown, whose payload is wrong or that says so', async () => {
		const unknown = await enqueue(database.db, 'no_such_kind', { n: 1 }, { runAt: t0 });
		const wrong = await enqueue(database.db, 'record', { n: 'one' }, { runAt: t0 });
		const permanent = await enqueue(database.db, 'permanent', { n: 1 }, { runAt: t0 });
		expect(await run(database.db, { now: t0 })).toMatchObject({ claimed: 3, failed: 3 });
		expect(await jobRow(unknown)).toMatchObject({ attempts: 1, failedAt: t0 });
		expect((await jobRow(unknown)).lastError).toContain('no_such_kind');
		expect((await jobRow(wrong)).lastError).toContain('payload');
		expect((await jobRow(permanent)).lastError).toBe('nothing to retry');
	});

	it('lets another server take over a job whose lease ran out', async () => {
		const id = await enqueue(database.db, 'record', { n: 1 }, { runAt: t0 });
		// server A claims the job and dies before running it
		const claimed = await claimDueJobs(database.db, {
			serverId: 'server-a',
			now: t0,
			limit: 10,
			leaseMs: JOB_LEASE_MS
		});
		expect(claimed.map((j) => j.id)).toEqual([id]);
		const leaseEnds = new Date(t0.getTime() + JOB_LEASE_MS);
		expect(await jobRow(id)).toMatchObject({ lockedBy: 'server-a', lockedUntil: leaseEnds });

		expect(await run(database.db, { serverId: 'server-b', now: at(299) })).toMatchObject({
			claimed: 0
		});
		expect(
			await run(database.db, { serverId: 'server-b', now: new Date(leaseEnds.getTime() + 1) })
		).toMatchObject({ claimed: 1, done: 1 });
		expect(await jobRow(id)).toMatchObject({ lockedBy: 'server-b', attempts: 2 });
		expect((await allEffects()).map((e) => e.serverId)).toEqual(['server-b']);
	});

	it('fails, without running it, a job whose every attempt ended with its server', async () => {
		const id = await enqueue(database.db, 'record', { n: 1 }, { runAt: t0, maxAttempts: 3 });
		let now = t0;
		for (let crash = 1; crash <= 3; crash++) {
			await claimDueJobs(database.db, {
				serverId: `crashed-${crash}`,
				now,
				limit: 1,
				leaseMs: 1000
			});
			now = new Date(now.getTime() + 1001);
		}
		expect(await run(database.db, { now })).toMatchObject({ claimed: 1, failed: 1 });
		expect(await jobRow(id)).toMatchObject({ attempts: 4, failedAt: now });
		expect((await jobRow(id)).lastError).toContain('no attempt finished');
		expect(await allEffects()).toEqual([]);
	});

	it('commits nothing for a server that lost its lease while working outside the database', async () => {
		newGate();
		const id = await enqueue(database.db, 'gated', { n: 1 }, { runAt: t0 });
		const a = run(database.db, { serverId: 'server-a', now: t0 });
		await gate.entered;
		// A is still sending when its lease runs out and B takes the job over
		const b = run(database.db, { serverId: 'server-b', now: at(JOB_LEASE_MS / 1000 + 1) });
		await gate.entered;
		gate.open();
		expect(await b).toMatchObject({ claimed: 1, done: 1 });
		expect(await a).toMatchObject({ claimed: 1, lost: 1, done: 0 });
		expect((await allEffects()).map((e) => e.serverId)).toEqual(['server-b']);
		expect(await jobRow(id)).toMatchObject({ lockedBy: 'server-b', attempts: 2 });
	});

	it('runs a job moved while it was running again, with the new payload', async () => {
		newGate();
		const id = await enqueue(database.db, 'gated', { n: 1 }, { runAt: t0, dedupeKey: 'k' });
		const a = run(database.db, { now: t0 });
		await gate.entered;
		await enqueue(database.db, 'gated', { n: 2 }, { runAt: at(60), dedupeKey: 'k' });
		gate.open();
		expect(await a).toMatchObject({ lost: 1 });
		expect(await jobRow(id)).toMatchObject({ doneAt: null, payload: { n: 2 }, runAt: at(60) });
		expect(await run(database.db, { now: at(60) })).toMatchObject({ done: 1 });
		expect((await allEffects()).map((e) => e.n)).toEqual([2]);
	});

	it('hands back the claimed jobs it has not started when told to stop', async () => {
		for (let n = 1; n <= 4; n++) await enqueue(database.db, 'record', { n }, { runAt: t0 });
		let started = 0;
		const result = await run(database.db, { now: t0, shouldStop: () => started++ >= 1 });
		expect(result).toMatchObject({ claimed: 4, done: 1, released: 3 });
		const pending = await database.db
			.select()
			.from(jobs)
			.where(sql`${jobs.doneAt} is null`);
		expect(pending).toHaveLength(3);
		for (const job of pending) {
			expect(job).toMatchObject({ attempts: 0, lockedBy: null, lockedUntil: null });
		}
		expect(await run(database.db, { now: t0 })).toMatchObject({ claimed: 3, done: 3 });
	});
});

/**
 * Every job's effect exactly once, however many servers run them at the same time. On
 * PostgreSQL two pools on one database are two app servers; on PGlite the two run through the
 * one connection, as two pollers in one process would.
 */
describe('two servers at once', () => {
	let second: Database | undefined;
	afterAll(() => second?.close());

	it('runs each of 200 jobs exactly once', async () => {
		const values = Array.from({ length: 200 }, (_, i) => ({
			kind: 'recordSlowly',
			payload: { n: i }
		}));
		await database.db.insert(jobs).values(values);
		second = database.url
			? await openDatabase({ kind: 'postgres', url: database.url, poolSize: 4 })
			: undefined;
		const servers = [
			{ id: 'server-a', db: database.db },
			{ id: 'server-b', db: second?.db ?? database.db }
		];
		const drain = async (server: (typeof servers)[number]) => {
			for (;;) {
				const result = await runDueJobs(server.db, {
					serverId: server.id,
					settings,
					kinds,
					limit: 10
				});
				expect(result.lost).toBe(0);
				if (result.claimed === 0) return;
			}
		};
		await Promise.all(servers.map(drain));

		const rows = await allEffects();
		expect(rows).toHaveLength(200);
		expect(new Set(rows.map((r) => r.jobId)).size).toBe(200);
		expect(new Set(rows.map((r) => r.n)).size).toBe(200);
		const open = await database.db
			.select()
			.from(jobs)
			.where(sql`${jobs.doneAt} is null`);
		expect(open).toEqual([]);
		// each job was run by the server that wrote its effect, in one attempt
		const byJob = new Map(rows.map((r) => [r.jobId, r.serverId]));
		for (const job of await database.db.select().from(jobs)) {
			expect(job.attempts).toBe(1);
			expect(job.lockedBy).toBe(byJob.get(job.id));
		}
		const perServer = servers.map((s) => rows.filter((r) => r.serverId === s.id).length);
		expect(perServer[0]! + perServer[1]!).toBe(200);
		expect(Math.min(...perServer)).toBeGreaterThan(0);
	});
});
