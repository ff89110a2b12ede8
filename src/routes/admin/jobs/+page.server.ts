import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { userActor } from '$lib/server/actor';
import { requireCoordinator } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { parseForm, parseQuery } from '$lib/server/http/parse';
import { listFailedJobs } from '$lib/server/jobs/list-failed-jobs';
import { nudgeJobs } from '$lib/server/jobs/poller';
import { retryFailedJob } from '$lib/server/jobs/retry-job';
import { keysetDefaults, keysetQueryShape } from '$lib/schemas/audit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireCoordinator(event);
	const { values } = parseQuery(event.url.searchParams, keysetQueryShape, keysetDefaults);
	const page = await listFailedJobs(db(), values);
	return {
		newer: page.newer,
		older: page.older,
		jobs: page.rows.map((j) => ({
			...j,
			createdAt: j.createdAt.toISOString(),
			failedAt: j.failedAt.toISOString()
		}))
	};
};

const retrySchema = z.object({
	id: z
		.string({ error: 'error.required' })
		.regex(/^\d{1,15}$/, 'error.invalid')
		.transform(Number)
});

export const actions: Actions = {
	retry: async (event) => {
		const user = requireCoordinator(event);
		const form = await parseForm(event.request, retrySchema);
		if (!form.ok) return fail(400, { retryError: 'jobs.error.not_found' as const });
		const result = await retryFailedJob(db(), userActor(user), form.data.id);
		if (!result.ok) {
			return fail(result.error === 'not_found' ? 404 : 409, {
				retryError: `jobs.error.${result.error}` as const
			});
		}
		nudgeJobs();
		return { retried: form.data.id };
	}
};
