import type { z } from 'zod';
import { deliverMailJob } from '../mail/deliver-mail';
import {
	eraseArrangementsJob,
	eventFeedbackRequestJob,
	eventNoticeJob,
	eventReminderJob
} from '../events/event-jobs';
import { workshopFeedbackRequestJob, workshopNoticeJob } from '../workshops/workshop-jobs';
import { invoiceRunJob } from '../billing/invoice-run-job';
import { coordinatorNoticeJob } from '../workshops/coordinator-notice-job';
import { invoiceReminderJob } from '../billing/payments/invoice-reminder-job';
import type { JobRegistry } from './define-job';

/**
 * Every kind of background job, by the name stored in `jobs.kind`. To add a kind: write its
 * handler with `defineJob` in a file of its own beside its area (payload schema, `run`, a
 * `label` from the catalogue) and add one entry here; `enqueueJob` then accepts the kind with
 * exactly its payload type, and the runner finds its handler.
 */
export const JOB_KINDS = {
	deliver_mail: deliverMailJob,
	event_notice: eventNoticeJob,
	event_reminder: eventReminderJob,
	erase_arrangements: eraseArrangementsJob,
	event_feedback_request: eventFeedbackRequestJob,
	workshop_notice: workshopNoticeJob,
	workshop_feedback_request: workshopFeedbackRequestJob,
	invoice_run: invoiceRunJob,
	coordinator_notice: coordinatorNoticeJob,
	invoice_reminder: invoiceReminderJob
} satisfies JobRegistry;

export type JobKind = keyof typeof JOB_KINDS;

/** What `enqueueJob` takes for a kind: the input of its payload schema. */
export type JobPayload<K extends JobKind> = z.input<(typeof JOB_KINDS)[K]['payload']>;
