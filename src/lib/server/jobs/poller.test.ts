import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestDatabase, type TestDatabase } from '../../../../tests/setup/test-db';
import { jobs } from '../db/schema';
import { defineJob, type JobSettings } from './define-job';
import type { JobKind } from './job-kinds';
import { enqueueJob } from './enqueue-job';
import {
	newServerId,
	nudgeJobs,
	startJobPoller,
	stopJobPoller,
	type JobPoller,
	type PollerTimers
} from './poller';

const ran: number[] = [];
let release: (() => void) | undefined;
const kinds = {
	note: defineJob({
		label: 'jobs.kind.deliver_mail',
		payload: z.object({ n: z.number() }),
		async run(_tx, { n }) {
			ran.push(n);
		}
	}),
	/** Enqueues a `note` due now, as a notice enqueues its mail. */
	chain: defineJob({
		label: 'jobs.kind.deliver_mail',
		payload: z.object({ n: z.number() }),
		async run(tx, { n }) {
			ran.push(n);
			await enqueueJob(tx, 'note' as JobKind, { n: n + 1 } as never);
		}
	}),
	/** Runs until the test releases it. */
	held: defineJob({
		label: 'jobs.kind.deliver_mail',
		payload: z.object({ n: z.number() }),
		async external() {
			await new Promise<void>((resolve) => (release = resolve));
		},
		async run(_tx, { n }) {
			ran.push(n);
		}
	})
};
const settings: JobSettings = {
	mail: { from: 'verkosto@example.fi', log: false },
	publicOrigin: 'http://localhost:3000'
};

/** Real timers, counted: which the poller set and has not yet cleared or seen fire. */
function countedTimers() {
	const live = new Set<ReturnType<typeof setTimeout>>();
	let unrefs = 0;
	const timers: PollerTimers = {
		setTimeout(run, ms) {
			const timer = setTimeout(() => {
				live.delete(timer);
				run();
			}, ms);
			live.add(timer);
			return {
				unref() {
					unrefs++;
					return timer.unref();
				}
			};
		},
		clearTimeout() {
			// the poller clears only the one timer it holds
			for (const timer of live) clearTimeout(timer);
			live.clear();
		}
	};
	return { timers, live, unrefs: () => unrefs };
}

const enqueue = (kind: keyof typeof kinds, n: number) =>
	enqueueJob(database.db, kind as JobKind, { n } as never);
const pending = async () =>
	(
		await database.db
			.select()
			.from(jobs)
			.where(sql`${jobs.doneAt} is null`)
	).length;
const until = async (condition: () => boolean | Promise<boolean>, ms = 10_000) => {
	const end = Date.now() + ms;
	while (!(await condition())) {
		if (Date.now() > end) throw new Error('timed out');
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
};

let database: TestDatabase;
let poller: JobPoller | undefined;

beforeAll(async () => {
	database = await createTestDatabase();
});
afterEach(async () => {
	await stopJobPoller();
	poller = undefined;
	ran.length = 0;
	await database.db.delete(jobs);
});
afterAll(() => database?.close());

describe('the job poller', () => {
	it('runs due jobs on its own, runs at once when nudged, and leaves no timer behind', async () => {
		const counted = countedTimers();
		poller = startJobPoller({
			db: database.db,
			settings,
			kinds,
			serverId: 'poller-test',
			intervalMs: 50,
			timers: counted.timers
		});
		expect(startJobPoller({ db: database.db, settings })).toBe(poller);
		await enqueue('note', 1);
		await until(() => ran.includes(1));

		// a long interval: only a nudge makes the next job run soon
		await poller.stop();
		poller = startJobPoller({
			db: database.db,
			settings,
			kinds,
			intervalMs: 60_000,
			random: () => 0.99,
			timers: counted.timers
		});
		await enqueue('note', 2);
		nudgeJobs();
		await until(() => ran.includes(2));

		// idle again: one timer, for the next poll, which does not keep the process alive
		await until(() => counted.live.size === 1);
		expect(counted.unrefs()).toBeGreaterThan(0);
		await poller.stop();
		expect(counted.live.size).toBe(0);

		// stopped: nudges and due jobs are ignored
		await enqueue('note', 3);
		nudgeJobs();
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(ran).toEqual([1, 2]);
		expect(await pending()).toBe(1);
		expect(counted.live.size).toBe(0);
	});

	it('runs at once the jobs that a job it ran enqueued, without waiting for the next poll', async () => {
		poller = startJobPoller({
			db: database.db,
			settings,
			kinds,
			intervalMs: 60_000,
			random: () => 0.99
		});
		await enqueue('chain', 1);
		nudgeJobs();
		await until(() => ran.includes(2), 5_000);
		expect(ran).toEqual([1, 2]);
		expect(await pending()).toBe(0);
	});

	it('waits for the running job when stopped, and hands back the ones it had not started', async () => {
		const counted = countedTimers();
		await enqueue('held', 1);
		await enqueue('note', 2);
		await enqueue('note', 3);
		poller = startJobPoller({
			db: database.db,
			settings,
			kinds,
			intervalMs: 20,
			timers: counted.timers
		});
		await until(() => release !== undefined);
		let stopped = false;
		const stopping = poller.stop().then(() => (stopped = true));
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(stopped).toBe(false);
		release!();
		await stopping;
		expect(ran).toEqual([1]);
		const left = await database.db
			.select()
			.from(jobs)
			.where(sql`${jobs.doneAt} is null`);
		expect(left.map((j) => [j.payload.n, j.attempts, j.lockedBy])).toEqual(
			expect.arrayContaining([
				[2, 0, null],
				[3, 0, null]
			])
		);
		expect(counted.live.size).toBe(0);
	});

	it('names each server differently', () => {
		expect(newServerId()).not.toBe(newServerId());
		expect(newServerId()).toContain(`:${process.pid}:`);
	});
});
