import { db } from '$lib/server/db';
import { analysisResults, freeTextAnswers } from '$lib/server/analysis/analysis-results';
import { textIn } from '$lib/domain/analysis/questionnaire';
import { MIN_GROUP_SIZE } from '$lib/domain/analysis/distribution';
import { MIN_RESPONDENTS } from '$lib/domain/analysis/scoring';
import { viewAnalysis } from '../../analysis.server';
import type { PageServerLoad } from './$types';

/**
 * A municipality's results: its own scores and spread, and its place among all members and
 * among members of its size class, as distributions only (analysis-results.ts). Free-text
 * answers, without names, to those analysis-viewer.ts allows.
 */
export const load: PageServerLoad = async (event) => {
	const { analysis, viewer } = await viewAnalysis(event, 'read');
	const results = await analysisResults(db(), analysis);
	const locale = event.locals.locale ?? 'fi';
	const sections = results.version.questionnaire.sections;
	const free = viewer.freeText
		? await freeTextAnswers(db(), analysis.analysis.id, results.version.version.id)
		: [];
	const questions = sections.flatMap((s) => s.questions);
	return {
		analysis: {
			id: analysis.analysis.id,
			state: analysis.analysis.state,
			season: `${analysis.network.shortName} ${analysis.season.number}`,
			versionNumber: results.version.version.number,
			sizeClass: analysis.municipality.sizeClass
		},
		municipality: analysis.municipality,
		manage: viewer.manage,
		rule: { minRespondents: MIN_RESPONDENTS, minGroup: MIN_GROUP_SIZE },
		sections: results.sections.map((s) => {
			const section = sections.find((x) => x.key === s.key)!;
			return { ...s, title: textIn(section.title, locale) };
		}),
		overall: { own: results.own.overall, groups: results.overall },
		respondents: results.respondents,
		freeText: viewer.freeText
			? questions
					.filter((q) => q.kind === 'free_text')
					.map((q) => ({
						key: q.key,
						text: textIn(q.text, locale),
						answers: free
							.filter((f) => f.questionKey === q.key)
							.map((f) => (f.value.kind === 'free_text' ? f.value.text : ''))
					}))
			: null
	};
};
