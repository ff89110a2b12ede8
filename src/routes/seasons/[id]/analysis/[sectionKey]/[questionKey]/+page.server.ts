import { redirect, type RequestEvent } from '@sveltejs/kit';
import { notFound } from '$lib/server/auth/guard';
import { userActor } from '$lib/server/actor';
import { db } from '$lib/server/db';
import { saveAnalysisQuestion } from '$lib/server/analysis/save-analysis-question';
import { removeFromQuestionnaire } from '$lib/server/analysis/remove-from-questionnaire';
import { questionnaireOfSeason } from '../../questionnaire.server';
import { questionRefusal, questionValues, readQuestionForm } from '../../question-form.server';
import type { Actions, PageServerLoad } from './$types';

async function question(
	event: RequestEvent<{ id: string; sectionKey: string; questionKey: string }>
) {
	const found = await questionnaireOfSeason(event);
	const section = found.current?.questionnaire.sections.find(
		(x) => x.key === event.params.sectionKey
	);
	const q = section?.questions.find((x) => x.key === event.params.questionKey);
	if (!section || !q) notFound(event);
	return { ...found, section, question: q };
}

export const load: PageServerLoad = async (event) => {
	const { season, current, section, question: q } = await question(event);
	return {
		season: { id: season.id, number: season.number, networkShortName: season.network.shortName },
		version: { number: current!.version.number, status: current!.version.status },
		section: { key: section.key, title: section.title },
		question: { key: q.key, text: q.text },
		values: questionValues(q)
	};
};

export const actions: Actions = {
	saveQuestion: async (event) => {
		const { user, season, section, question: q } = await question(event);
		const form = await readQuestionForm(event.request);
		if (!form.ok) return form.failure;
		const result = await saveAnalysisQuestion(db(), userActor(user), {
			seasonId: season.id,
			sectionKey: section.key,
			questionKey: q.key,
			...form.data
		});
		if (!result.ok) return questionRefusal(result, form.values);
		redirect(303, `/seasons/${season.id}/analysis/${section.key}?done=${result.change}#questions`);
	},

	removeQuestion: async (event) => {
		const { user, season, section, question: q } = await question(event);
		const result = await removeFromQuestionnaire(db(), userActor(user), {
			seasonId: season.id,
			sectionKey: section.key,
			questionKey: q.key
		});
		if (!result.ok) notFound(event);
		redirect(303, `/seasons/${season.id}/analysis/${section.key}?done=${result.change}#questions`);
	}
};
