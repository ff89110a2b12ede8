import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '../db';
import type { JobRegistry, JobSettings } from './define-job';
import { JOB_CLAIM_LIMIT, runDueJobs } from './run-due-jobs';

export const POLL_INTERVAL_MS = 2_000;
/** Polls are spread ± this share of the interval, so servers started together drift apart. */
export const POLL_JITTER = 0.25;

/** The timer functions the poller uses; tests hand in their own to count what is left. */
export interface PollerTimers {
	setTimeout(run: () => void, ms: number): { unref(): unknown };
	clearTimeout(timer: { unref(): unknown }): void;
}

export interface JobPollerOptions {
	db: Db;
	settings: JobSettings;
	/** `newServerId()` by default. */
	serverId?: string;
	intervalMs?: number;
	limit?: number;
	kinds?: JobRegistry;
	random?: () => number;
	timers?: PollerTimers;
}

export interface JobPoller {
	readonly serverId: string;
	/** Polls now instead of at the next tick (or right after the jobs running now). */
	nudge(): void;
	/** Stops claiming, hands back claimed jobs not yet started, waits for the one running. */
	stop(): Promise<void>;
}

/** A name for this process in `jobs.locked_by`, unique even for two processes on one host. */
export function newServerId(): string {
	return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

let current: JobPoller | undefined;

/**
 * Starts this server's one poller (ADR 016): every two seconds, give or take, it runs the due
 * jobs one at a time, and keeps going while it finds a full batch or the jobs it ran did their
 * work (they may have enqueued more). Its timer is unref'd, so it
 * never keeps the process alive. A second call returns the poller already running.
 */
export function startJobPoller(options: JobPollerOptions): JobPoller {
	if (current) return current;
	const serverId = options.serverId ?? newServerId();
	const interval = options.intervalMs ?? POLL_INTERVAL_MS;
	const limit = options.limit ?? JOB_CLAIM_LIMIT;
	const random = options.random ?? Math.random;
	const timers: PollerTimers = options.timers ?? {
		setTimeout: (run, ms) => setTimeout(run, ms),
		clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>)
	};

	let stopped = false;
	let nudged = false;
	let timer: { unref(): unknown } | undefined;
	let running: Promise<void> | undefined;

	const schedule = (ms: number) => {
		if (timer) timers.clearTimeout(timer);
		timer = timers.setTimeout(poll, ms);
		timer.unref();
	};

	const drain = async () => {
		let again: boolean;
		do {
			nudged = false;
			const result = await runDueJobs(options.db, {
				serverId,
				settings: options.settings,
				limit,
				kinds: options.kinds,
				random,
				shouldStop: () => stopped
			});
			// a full batch may have more behind it, and the jobs done may have enqueued others due
			// now (a notice's mail): look again at once rather than a poll later
			again = result.claimed === limit || result.done > 0;
		} while (!stopped && (again || nudged));
	};

	function poll() {
		timer = undefined;
		if (stopped || running) return;
		running = drain()
			.catch((e: unknown) => {
				console.warn(`[jobs] polling failed: ${e instanceof Error ? e.message : String(e)}`);
			})
			.finally(() => {
				running = undefined;
				if (!stopped) schedule(interval * (1 + (2 * random() - 1) * POLL_JITTER));
			});
	}

	const poller: JobPoller = {
		serverId,
		nudge() {
			if (stopped) return;
			if (running) nudged = true;
			else schedule(0);
		},
		async stop() {
			stopped = true;
			if (timer) timers.clearTimeout(timer);
			timer = undefined;
			await running;
			if (current === poller) current = undefined;
		}
	};
	current = poller;
	schedule(interval * random());
	return poller;
}

/** After a use case's transaction enqueued a job that is due now: run it without waiting. */
export function nudgeJobs(): void {
	current?.nudge();
}

/** On shutdown, before the database closes. */
export async function stopJobPoller(): Promise<void> {
	await current?.stop();
}
