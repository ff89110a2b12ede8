import { fail, redirect } from '@sveltejs/kit';
import { userActor } from '$lib/server/actor';
import { db } from '$lib/server/db';
import { parseForm } from '$lib/server/http/parse';
import { saveAnalysisSection } from '$lib/server/analysis/save-analysis-section';
import { publishAnalysisVersion } from '$lib/server/analysis/publish-analysis-version';
import { copyPreviousQuestionnaire } from '$lib/server/analysis/copy-previous-questionnaire';
import { sectionFormSchema } from '$lib/schemas/analysis';
import { checkQuestionnaire } from '$lib/domain/analysis/questionnaire';
import { editErrors, questionnaireOfSeason } from './questionnaire.server';
import type { Actions, PageServerLoad } from './$types';

const NOTICES = ['edit_draft', 'new_version', 'unchanged', 'published'] as const;

export const load: PageServerLoad = async (event) => {
	const { season, versions, current } = await questionnaireOfSeason(event);
	const notice = event.url.searchParams.get('done');
	return {
		season: {
			id: season.id,
			number: season.number,
			networkShortName: season.network.shortName,
			focusAreas: season.focusAreas
		},
		versions: versions.map((v) => ({
			id: v.id,
			number: v.number,
			status: v.status,
			publishedAt: v.publishedAt
		})),
		current,
		problems:
			current && current.version.status === 'draft'
				? checkQuestionnaire(current.questionnaire)
				: [],
		notice: NOTICES.find((n) => n === notice) ?? null,
		copied: Number(event.url.searchParams.get('copied')) || null
	};
};

export const actions: Actions = {
	/** A new section at the end of the draft. */
	addSection: async (event) => {
		const { user, season } = await questionnaireOfSeason(event);
		const form = await parseForm(event.request, sectionFormSchema);
		if (!form.ok) return fail(400, { addSection: form });
		const result = await saveAnalysisSection(db(), userActor(user), {
			seasonId: season.id,
			sectionKey: null,
			...form.data
		});
		if (!result.ok) {
			return fail(400, { addSection: { errors: editErrors(result), values: {} } });
		}
		redirect(303, `/seasons/${season.id}/analysis/${result.key}?done=${result.change}`);
	},

	/**
	 * An empty questionnaire starts from the previous season's, keys kept, so the results can
	 * show the change per section (ADR 027). questionnaireOfSeason has checked the network.
	 */
	copyPrevious: async (event) => {
		const { user, season } = await questionnaireOfSeason(event);
		const result = await copyPreviousQuestionnaire(db(), userActor(user), {
			seasonId: season.id,
			networkIds: null
		});
		if (!result.ok) return fail(400, { copyPrevious: { error: result.error } });
		redirect(303, `/seasons/${season.id}/analysis?copied=${result.seasonNumber}`);
	},

	/** Publishing freezes the draft; a section without questions (or other problems) refuses it. */
	publish: async (event) => {
		const { user, season } = await questionnaireOfSeason(event);
		const result = await publishAnalysisVersion(db(), userActor(user), season.id);
		if (!result.ok) {
			return fail(400, {
				publish: {
					error: result.error,
					problems: result.error === 'problems' ? result.problems : []
				}
			});
		}
		redirect(303, `/seasons/${season.id}/analysis?done=published`);
	}
};
