import type { jobsFi } from '../fi/jobs';

export const jobsEn: Record<keyof typeof jobsFi, string> = {
	'nav.jobs': 'Background jobs',
	'jobs.title': 'Failed background jobs',
	'jobs.intro':
		'The server does some of its work in the background, such as sending e-mail. A job that fails is tried again at growing intervals, at most an hour apart. These are the jobs whose every attempt failed. Mend the cause (for example the mail server settings) and try again.',
	'jobs.empty': 'No failed jobs.',
	'jobs.id': 'Job',
	'jobs.kind': 'Kind of job',
	'jobs.attempts': 'Attempts',
	'jobs.attemptsOf': '{attempts}/{max}',
	'jobs.lastError': 'Last error',
	'jobs.createdAt': 'Created',
	'jobs.failedAt': 'Failed',
	'jobs.action': 'Action',
	'jobs.retry': 'Try again',
	'jobs.jobNumber': '(job {id})',
	'jobs.retried': 'Job {id} is queued again and will run shortly.',
	'jobs.error.not_found':
		'The job is not among the failed ones. Someone may already have started it again.',
	'jobs.error.superseded':
		'A newer job for the same thing is already queued, so this one was not started again.',
	'jobs.kind.deliver_mail': 'Sending e-mail',
	'outbox.status.queued': 'queued',
	'outbox.queuedNote':
		'A queued message goes out in the background shortly. If sending fails attempt after attempt, it appears among the failed background jobs, where it can be tried again:'
};
