import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { notFound } from '$lib/server/auth/guard';
import { userActor } from '$lib/server/actor';
import { db } from '$lib/server/db';
import { parseForm } from '$lib/server/http/parse';
import { saveAnalysisSection } from '$lib/server/analysis/save-analysis-section';
import { saveAnalysisQuestion } from '$lib/server/analysis/save-analysis-question';
import { removeFromQuestionnaire } from '$lib/server/analysis/remove-from-questionnaire';
import { sectionFormSchema } from '$lib/schemas/analysis';
import { editErrors, questionnaireOfSeason } from '../questionnaire.server';
import { questionRefusal, readQuestionForm, sectionValues } from '../question-form.server';
import type { Actions, PageServerLoad } from './$types';

async function section(event: RequestEvent<{ id: string; sectionKey: string }>) {
	const found = await questionnaireOfSeason(event);
	const s = found.current?.questionnaire.sections.find((x) => x.key === event.params.sectionKey);
	if (!s) notFound(event);
	return { ...found, section: s };
}

const NOTICES = ['edit_draft', 'new_version', 'unchanged'] as const;

export const load: PageServerLoad = async (event) => {
	const { season, current, section: s } = await section(event);
	const notice = event.url.searchParams.get('done');
	return {
		season: {
			id: season.id,
			number: season.number,
			networkShortName: season.network.shortName,
			focusAreas: season.focusAreas
		},
		version: { number: current!.version.number, status: current!.version.status },
		section: s,
		values: sectionValues(s),
		notice: NOTICES.find((n) => n === notice) ?? null
	};
};

export const actions: Actions = {
	saveSection: async (event) => {
		const { user, season, section: s } = await section(event);
		const form = await parseForm(event.request, sectionFormSchema);
		if (!form.ok) return fail(400, { section: form });
		const result = await saveAnalysisSection(db(), userActor(user), {
			seasonId: season.id,
			sectionKey: s.key,
			...form.data
		});
		if (!result.ok) return fail(400, { section: { errors: editErrors(result), values: {} } });
		redirect(303, `/seasons/${season.id}/analysis/${s.key}?done=${result.change}`);
	},

	removeSection: async (event) => {
		const { user, season, section: s } = await section(event);
		const result = await removeFromQuestionnaire(db(), userActor(user), {
			seasonId: season.id,
			sectionKey: s.key,
			questionKey: null
		});
		if (!result.ok) notFound(event);
		redirect(303, `/seasons/${season.id}/analysis?done=${result.change}`);
	},

	addQuestion: async (event) => {
		const { user, season, section: s } = await section(event);
		const form = await readQuestionForm(event.request);
		if (!form.ok) return form.failure;
		const result = await saveAnalysisQuestion(db(), userActor(user), {
			seasonId: season.id,
			sectionKey: s.key,
			questionKey: null,
			...form.data
		});
		if (!result.ok) return questionRefusal(result, form.values);
		redirect(303, `/seasons/${season.id}/analysis/${s.key}?done=${result.change}#questions`);
	}
};
