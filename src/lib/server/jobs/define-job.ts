import type { z } from 'zod';
import type { MessageKey } from '$lib/i18n/fi';
import type { Db, Tx } from '../db';
import type { MailSettings } from '../mail/send-mail';

/**
 * What handlers may need from the server's configuration. It is handed to the runner (the
 * poller reads it from the environment once; tests write their own), so handlers never read
 * the environment themselves.
 */
export interface JobSettings {
	mail: MailSettings;
	/** Where links in mail sent by jobs point: there is no request to take the address from. */
	publicOrigin: string;
}

/** The job a handler is running, as claimed. */
export interface RunningJob {
	id: number;
	kind: string;
	/** This attempt included: 1 on the first run. */
	attempts: number;
	maxAttempts: number;
	dedupeKey: string | null;
}

export interface JobContext {
	job: RunningJob;
	/** The runner's clock: handlers compare against this, not `new Date()`, so tests can move it. */
	now: Date;
	serverId: string;
	settings: JobSettings;
}

/** A job payload as kept in `jobs.payload` (jsonb). */
export type PayloadSchema = z.ZodType<Record<string, unknown>>;

/**
 * One kind of background job. A job runs in up to two steps:
 *
 * 1. `external` (optional): what leaves the database, such as an SMTP delivery. It runs while
 *    the job holds its lease but outside any transaction, so a slow mail server never holds a
 *    database connection (on PGlite, the only one). It is at-least-once: after a crash it runs
 *    again, so it must be safe to repeat (a message keeps its Message-ID).
 * 2. `run`: what the job writes to the database, in the one transaction that also marks the job
 *    done (guarded by the lease), so it commits exactly once. It gets `external`'s result.
 *
 * Throwing from either step makes the runner retry with back-off (`PermanentJobError`: fail at
 * once); after the last attempt `onGiveUp` runs in the transaction that marks the job failed.
 */
export interface JobDefinition<S extends PayloadSchema = PayloadSchema, R = unknown> {
	/** The kind's name on the admin page. */
	label: MessageKey;
	/** Checks the stored payload before each run; a payload that fails it fails the job at once. */
	payload: S;
	external?(db: Db, payload: z.output<S>, ctx: JobContext): Promise<R>;
	run(tx: Tx, payload: z.output<S>, ctx: JobContext, external: R): Promise<void>;
	onGiveUp?(tx: Tx, payload: z.output<S>, ctx: JobContext, error: string): Promise<void>;
}

/** Kinds by name: `JOB_KINDS` in job-kinds.ts, or a test's own. */
export type JobRegistry = Record<string, JobDefinition>;

/** Declares a kind of job; the types of `run`'s arguments follow from the payload schema. */
export function defineJob<S extends PayloadSchema, R = undefined>(
	definition: JobDefinition<S, R>
): JobDefinition<S, R> {
	return definition;
}

/** A failure that no retry can mend (a payload of the wrong shape): the job fails at once. */
export class PermanentJobError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'PermanentJobError';
	}
}
