import { and, asc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { retryDelayMs } from '$lib/domain/job-backoff';
import type { Db } from '../db';
import { jobs } from '../db/schema';
import {
	PermanentJobError,
	type JobContext,
	type JobDefinition,
	type JobRegistry,
	type JobSettings
} from './define-job';
import { JOB_KINDS } from './job-kinds';

export const JOB_LEASE_MS = 5 * 60_000;
export const JOB_CLAIM_LIMIT = 10;
/** Enough of an error to act on; a stack trace or an SMTP transcript can be long. */
const MAX_ERROR_LENGTH = 2000;

export type JobRow = typeof jobs.$inferSelect;

export interface RunDueJobsOptions {
	/** This server, written to `locked_by`; unique per process (see `newServerId`). */
	serverId: string;
	settings: JobSettings;
	/** The clock; the current time by default. Tests move it instead of waiting. */
	now?: Date;
	/** How many due jobs to claim at once. */
	limit?: number;
	leaseMs?: number;
	/** For the back-off's jitter; Math.random by default. */
	random?: () => number;
	/** The kinds to run; `JOB_KINDS` by default (tests run kinds of their own). */
	kinds?: JobRegistry;
	/** Asked between jobs: when it says yes, the jobs not yet started are handed back. */
	shouldStop?: () => boolean;
}

export interface RunDueJobsResult {
	claimed: number;
	done: number;
	/** Failed and due again after the back-off. */
	retried: number;
	/** Failed for the last time: they wait on /admin/jobs. */
	failed: number;
	/** Claimed but handed back unstarted because the runner is stopping. */
	released: number;
	/** Another server took the job over after this one's lease ran out; nothing was committed. */
	lost: number;
}

/**
 * Claims due jobs in one statement and leases them to `serverId`: two servers never claim the
 * same job (`for update skip locked`), and a job whose server died is claimed again once its
 * lease has run out. Oldest due first.
 */
export async function claimDueJobs(
	db: Db,
	options: { serverId: string; now: Date; limit: number; leaseMs: number }
): Promise<JobRow[]> {
	const { now } = options;
	// A job made "now" carries the database's clock to the microsecond, while a JavaScript
	// clock reads whole milliseconds, truncated: a job made in the same millisecond as this
	// reading lies after it, and would wait for the next poll. Whatever time `now` reads, the
	// true time is before its next millisecond.
	const dueBefore = new Date(now.getTime() + 1);
	const due = db
		.select({ id: jobs.id })
		.from(jobs)
		.where(
			and(
				isNull(jobs.doneAt),
				isNull(jobs.failedAt),
				lt(jobs.runAt, dueBefore),
				or(isNull(jobs.lockedUntil), lt(jobs.lockedUntil, now))
			)
		)
		.orderBy(asc(jobs.runAt), asc(jobs.id))
		.limit(options.limit)
		.for('update', { skipLocked: true });
	const claimed = await db
		.update(jobs)
		.set({
			lockedBy: options.serverId,
			lockedUntil: new Date(now.getTime() + options.leaseMs),
			attempts: sql`${jobs.attempts} + 1`
		})
		.where(inArray(jobs.id, due))
		.returning();
	// `returning` follows no order: run them in the order they were due
	return claimed.sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.id - b.id);
}

/**
 * Claims the jobs that are due and runs them one after another (ADR 016). The poller calls it
 * every few seconds; tests call it directly with their own clock and server ids.
 */
export async function runDueJobs(db: Db, options: RunDueJobsOptions): Promise<RunDueJobsResult> {
	const clock = () => options.now ?? new Date();
	const claimed = await claimDueJobs(db, {
		serverId: options.serverId,
		now: clock(),
		limit: options.limit ?? JOB_CLAIM_LIMIT,
		leaseMs: options.leaseMs ?? JOB_LEASE_MS
	});
	const result: RunDueJobsResult = {
		claimed: claimed.length,
		done: 0,
		retried: 0,
		failed: 0,
		released: 0,
		lost: 0
	};
	for (let i = 0; i < claimed.length; i++) {
		if (options.shouldStop?.()) {
			result.released = await releaseJobs(db, options.serverId, claimed.slice(i));
			break;
		}
		result[await runJob(db, claimed[i]!, { ...options, now: clock() })]++;
	}
	return result;
}

type Outcome = 'done' | 'retried' | 'failed' | 'lost';

/** The lease guard: the job is still this server's and has not finished. */
const stillMine = (id: number, serverId: string) =>
	and(eq(jobs.id, id), eq(jobs.lockedBy, serverId), isNull(jobs.doneAt), isNull(jobs.failedAt));

async function runJob(
	db: Db,
	job: JobRow,
	options: RunDueJobsOptions & { now: Date }
): Promise<Outcome> {
	const kinds = options.kinds ?? (JOB_KINDS as JobRegistry);
	const definition = Object.hasOwn(kinds, job.kind) ? kinds[job.kind] : undefined;
	const ctx: JobContext = {
		job: {
			id: job.id,
			kind: job.kind,
			attempts: job.attempts,
			maxAttempts: job.maxAttempts,
			dedupeKey: job.dedupeKey
		},
		now: options.now,
		serverId: options.serverId,
		settings: options.settings
	};
	let payload: Record<string, unknown> | undefined;
	try {
		if (!definition) throw new PermanentJobError(`no handler for the job kind ${job.kind}`);
		const parsed = definition.payload.safeParse(job.payload);
		if (!parsed.success) {
			throw new PermanentJobError(
				`the payload of ${job.kind} is not valid: ${parsed.error.message}`
			);
		}
		payload = parsed.data;
		if (job.attempts > job.maxAttempts) {
			// every attempt was claimed and never finished: a job that takes its server down
			// must not be run again and again each time its lease runs out
			throw new PermanentJobError(
				`no attempt finished in ${job.maxAttempts} tries: its server stopped while running it`
			);
		}
		const external = definition.external ? await definition.external(db, payload, ctx) : undefined;
		const finished = await db.transaction(async (tx) => {
			// Marking it done first takes the row lock, so no other server can claim it while the
			// handler runs; a failing handler rolls the mark back with its own writes.
			const [mine] = await tx
				.update(jobs)
				.set({ doneAt: options.now, lockedUntil: null })
				.where(stillMine(job.id, options.serverId))
				.returning({ id: jobs.id });
			if (!mine) return false;
			await definition.run(tx, payload!, ctx, external);
			return true;
		});
		return finished ? 'done' : 'lost';
	} catch (error) {
		return recordFailure(db, job, definition, payload, ctx, error, options);
	}
}

function errorText(error: unknown): string {
	const message = error instanceof Error ? error.message || error.name : String(error);
	return message.slice(0, MAX_ERROR_LENGTH);
}

async function recordFailure(
	db: Db,
	job: JobRow,
	definition: JobDefinition | undefined,
	payload: Record<string, unknown> | undefined,
	ctx: JobContext,
	error: unknown,
	options: RunDueJobsOptions & { now: Date }
): Promise<Outcome> {
	const message = errorText(error);
	const giveUp = error instanceof PermanentJobError || job.attempts >= job.maxAttempts;
	console.warn(
		`[jobs] ${job.kind} #${job.id} failed (attempt ${job.attempts} of ${job.maxAttempts}` +
			`${giveUp ? ', giving up' : ''}): ${message}`
	);
	return db.transaction(async (tx) => {
		if (!giveUp) {
			const delay = retryDelayMs(job.attempts, options.random);
			const [mine] = await tx
				.update(jobs)
				.set({
					runAt: new Date(options.now.getTime() + delay),
					lastError: message,
					lockedBy: null,
					lockedUntil: null
				})
				.where(stillMine(job.id, options.serverId))
				.returning({ id: jobs.id });
			return mine ? 'retried' : 'lost';
		}
		const [mine] = await tx
			.update(jobs)
			.set({ failedAt: options.now, lastError: message, lockedUntil: null })
			.where(stillMine(job.id, options.serverId))
			.returning({ id: jobs.id });
		if (!mine) return 'lost';
		if (definition?.onGiveUp && payload) {
			const onGiveUp = definition.onGiveUp.bind(definition);
			try {
				// a savepoint: a failing clean-up must not keep the job from being marked failed
				await tx.transaction((sp) => onGiveUp(sp, payload, ctx, message));
			} catch (cleanup) {
				await tx
					.update(jobs)
					.set({
						lastError: `${message}\n(on giving up: ${errorText(cleanup)})`.slice(
							0,
							MAX_ERROR_LENGTH
						)
					})
					.where(eq(jobs.id, job.id));
			}
		}
		return 'failed';
	});
}

/** Hands claimed jobs back unstarted: due again at once, the claim not counted as an attempt. */
async function releaseJobs(db: Db, serverId: string, claimed: JobRow[]): Promise<number> {
	const released = await db
		.update(jobs)
		.set({ lockedBy: null, lockedUntil: null, attempts: sql`${jobs.attempts} - 1` })
		.where(
			and(
				inArray(
					jobs.id,
					claimed.map((j) => j.id)
				),
				eq(jobs.lockedBy, serverId),
				isNull(jobs.doneAt),
				isNull(jobs.failedAt)
			)
		)
		.returning({ id: jobs.id });
	return released.length;
}
