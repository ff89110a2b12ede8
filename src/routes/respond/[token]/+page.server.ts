import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { notFound } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { readFormData } from '$lib/server/http/parse';
import { viewAsRespondent } from '$lib/server/analysis/respondent-view';
import { saveAnalysisAnswers } from '$lib/server/analysis/save-analysis-answers';
import { readSectionAnswers } from '$lib/schemas/analysis';
import {
	completeness,
	type AnswerValue,
	type SectionSaveProblem
} from '$lib/domain/analysis/answers';
import type { LocalisedText, Question, QuestionKind } from '$lib/domain/analysis/questionnaire';
import type { Actions, PageServerLoad } from './$types';

/**
 * A respondent's own questionnaire, at the secret address their invitation mailed
 * (route-access.ts SECRET_ADDRESS_ROUTES): the link is the credential, so nobody signs in and
 * an unknown or renewed link is 404. Only this respondent's answers are ever read here.
 */
async function respondent(event: RequestEvent<{ token: string }>) {
	const view = await viewAsRespondent(db(), event.params.token);
	if (!view) notFound(event);
	return view;
}

/** A saved answer as the form's values, so that coming back shows what was saved. */
function answerValues(answer: AnswerValue): string[] {
	switch (answer.kind) {
		case 'scale':
			return [String(answer.value)];
		case 'single_choice':
			return [answer.option];
		case 'multiple_choice':
			return [...answer.options];
		case 'number':
			return [String(answer.value).replace('.', ',')];
		case 'free_text':
			return [answer.text];
	}
}

/** A question as the respondent sees it: no weight, no option points. */
interface AskedQuestion {
	key: string;
	kind: QuestionKind;
	text: LocalisedText;
	help: LocalisedText | null;
	required: boolean;
	/** Choice questions' options; empty for the other kinds. */
	options: { key: string; text: LocalisedText }[];
	/** Free text: the longest answer; null for the other kinds. */
	maxLength: number | null;
}

function asAsked(q: Question): AskedQuestion {
	return {
		key: q.key,
		kind: q.kind,
		text: q.text,
		help: q.help ?? null,
		required: q.required,
		options:
			q.kind === 'single_choice' || q.kind === 'multiple_choice'
				? q.options.map((o) => ({ key: o.key, text: o.text }))
				: [],
		maxLength: q.kind === 'free_text' ? q.maxLength : null
	};
}

export const load: PageServerLoad = async (event) => {
	const { invitation, version, answers } = await respondent(event);
	const progress = completeness(version.questionnaire, answers);
	const sections = version.questionnaire.sections;
	const asked = event.url.searchParams.get('section');
	const section =
		sections.find((s) => s.key === asked) ??
		sections.find((_, i) => progress.sections[i]!.progress !== 'complete') ??
		sections[0];
	const values: Record<string, string[]> = {};
	for (const [key, answer] of answers) values[`a_${key}`] = answerValues(answer);
	const index = section ? sections.indexOf(section) : -1;
	return {
		municipality: invitation.municipality,
		season: `${invitation.network.shortName} ${invitation.season.number}`,
		state: invitation.analysis.state,
		versionId: version.version.id,
		versionNumber: version.version.number,
		sections: sections.map((s, i) => ({
			key: s.key,
			title: s.title,
			progress: progress.sections[i]!
		})),
		progress: progress.progress,
		// the questions as asked: without ids, weights or option points
		section: section
			? {
					key: section.key,
					title: section.title,
					description: section.description ?? null,
					questions: section.questions.map(asAsked)
				}
			: null,
		next: index >= 0 && index + 1 < sections.length ? sections[index + 1]!.key : null,
		values,
		saved: event.url.searchParams.get('saved') === '1'
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { version } = await respondent(event);
		const data = await readFormData(event.request);
		const sectionKey = String(data.get('section') ?? '');
		const section = version.questionnaire.sections.find((s) => s.key === sectionKey);
		const values: Record<string, string[]> = {};
		for (const key of new Set(data.keys())) {
			if (key.startsWith('a_')) {
				values[key] = data
					.getAll(key)
					.filter((v): v is string => typeof v === 'string')
					.map((v) => v.slice(0, 5000));
			}
		}
		const result = await saveAnalysisAnswers(db(), {
			token: event.params.token,
			sectionKey,
			versionId: String(data.get('versionId') ?? ''),
			submitted: readSectionAnswers(data, section?.questions ?? [])
		});
		if (!result.ok) {
			if (result.error === 'not_found') notFound(event);
			const errors: Record<string, SectionSaveProblem['code']> = {};
			let general: SectionSaveProblem['code'] | 'another_version' | null = null;
			if (result.error === 'another_version') general = 'another_version';
			else {
				for (const p of result.problems) {
					if (p.code === 'unknown_question' || !('question' in p)) general = p.code;
					else errors[`a_${p.question}`] = p.code;
				}
			}
			return fail(400, { save: { section: sectionKey, errors, general, values } });
		}
		const next = String(data.get('next') ?? '');
		const go = data.get('go') === 'next' && next ? next : sectionKey;
		redirect(303, `/respond/${event.params.token}?section=${encodeURIComponent(go)}&saved=1`);
	}
};
