import { fail, redirect } from '@sveltejs/kit';
import { userActor } from '$lib/server/actor';
import { db } from '$lib/server/db';
import { parseQuery, readFormData } from '$lib/server/http/parse';
import { publicOrigin } from '$lib/server/mail/settings';
import { nudgeJobs } from '$lib/server/jobs/poller';
import { listInvitablePeople, listRespondents } from '$lib/server/analysis/analysis-queries';
import { inviteRespondents } from '$lib/server/analysis/invite-respondents';
import { closeAnalysis } from '$lib/server/analysis/close-analysis';
import { repeatedIds } from '$lib/schemas/workshop';
import { MAX_INVITES_AT_ONCE } from '$lib/schemas/analysis';
import { wholeNumber } from '$lib/schemas/fields';
import { viewAnalysis } from '../analysis.server';
import type { Actions, PageServerLoad } from './$types';

/** The contact person's view of an analysis: who is invited, who has answered, invite, close. */
export const load: PageServerLoad = async (event) => {
	const { analysis } = await viewAnalysis(event, 'manage');
	const { values } = parseQuery(
		event.url.searchParams,
		{ page: wholeNumber(1, 100_000) },
		{ page: 1 }
	);
	const [respondents, people] = await Promise.all([
		listRespondents(db(), analysis.analysis.id, values.page),
		analysis.analysis.state === 'open'
			? listInvitablePeople(db(), analysis.municipality.code)
			: Promise.resolve([])
	]);
	return {
		analysis: {
			id: analysis.analysis.id,
			state: analysis.analysis.state,
			closedAt: analysis.analysis.closedAt,
			versionNumber: analysis.versionNumber,
			season: `${analysis.network.shortName} ${analysis.season.number}`
		},
		municipality: analysis.municipality,
		respondents,
		people,
		done: event.url.searchParams.get('done')
	};
};

export const actions: Actions = {
	invite: async (event) => {
		const { user, analysis } = await viewAnalysis(event, 'manage');
		const data = await readFormData(event.request);
		const people = repeatedIds(data, 'personIds', MAX_INVITES_AT_ONCE);
		if (people.invalid || people.ids.length === 0) {
			return fail(400, {
				invite: { errors: { personIds: { key: 'error.analysis.choosePeople' } }, ids: people.ids }
			});
		}
		const result = await inviteRespondents(db(), userActor(user), {
			analysis,
			personIds: people.ids,
			origin: publicOrigin(event.url)
		});
		if (!result.ok) {
			const key =
				result.error === 'unknown_person'
					? ('error.invalidChoice' as const)
					: (`analysis.refusal.${result.error}` as const);
			return fail(400, { invite: { errors: { personIds: { key } }, ids: people.ids } });
		}
		nudgeJobs();
		redirect(
			303,
			`/municipalities/${analysis.municipality.code}/analysis/${analysis.analysis.id}?done=invited`
		);
	},

	close: async (event) => {
		const { user, analysis } = await viewAnalysis(event, 'manage');
		const result = await closeAnalysis(db(), userActor(user), analysis.analysis.id);
		if (!result.ok) return fail(400, { close: { error: result.error } });
		redirect(
			303,
			`/municipalities/${analysis.municipality.code}/analysis/${analysis.analysis.id}?done=closed`
		);
	}
};
