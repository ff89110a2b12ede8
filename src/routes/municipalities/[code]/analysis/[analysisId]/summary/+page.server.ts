import { fail, redirect } from '@sveltejs/kit';
import { userActor } from '$lib/server/actor';
import { db } from '$lib/server/db';
import { forbidden } from '$lib/server/auth/guard';
import { formValues, parseForm, readFormData } from '$lib/server/http/parse';
import { analysisSummary } from '$lib/server/analysis/analysis-summary';
import { saveAnalysisSummary } from '$lib/server/analysis/save-analysis-summary';
import { saveAnalysisRecommendation } from '$lib/server/analysis/save-analysis-recommendation';
import { removeAnalysisRecommendation } from '$lib/server/analysis/remove-analysis-recommendation';
import { seasonFocusAreasOf } from '$lib/server/workshops/workshop-queries';
import { recommendationFormSchema, summaryFormSchema } from '$lib/schemas/analysis-report';
import { viewAnalysis } from '../../analysis.server';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/**
 * The expert's summary and recommendations of an analysis (ADR 027): written by the network's
 * coordinator or an expert assigned to the membership's workshops (analysis-viewer.ts);
 * everyone else who sees the results reads them there.
 */
async function writer(event: RequestEvent) {
	const found = await viewAnalysis(event, 'read');
	if (!found.viewer.summary) forbidden(event);
	return found;
}

export const load: PageServerLoad = async (event) => {
	const { analysis } = await writer(event);
	const [summary, focusAreas] = await Promise.all([
		analysisSummary(db(), analysis.analysis.id),
		seasonFocusAreasOf(db(), analysis.season.id)
	]);
	return {
		analysis: {
			id: analysis.analysis.id,
			season: `${analysis.network.shortName} ${analysis.season.number}`
		},
		municipality: analysis.municipality,
		summary: summary.summary,
		recommendations: summary.recommendations,
		focusAreas,
		done: event.url.searchParams.get('done')
	};
};

const back = (code: string, id: string, done: string) =>
	redirect(303, `/municipalities/${code}/analysis/${id}/summary?done=${done}`);

export const actions: Actions = {
	summary: async (event) => {
		const { user, analysis } = await writer(event);
		const data = await readFormData(event.request);
		const form = await parseForm(data, summaryFormSchema);
		if (!form.ok) return fail(400, { summary: { errors: form.errors, values: form.values } });
		const result = await saveAnalysisSummary(db(), userActor(user), {
			analysisId: analysis.analysis.id,
			text: form.data.text
		});
		back(analysis.municipality.code, analysis.analysis.id, result.change);
	},

	recommendation: async (event) => {
		const { user, analysis } = await writer(event);
		const data = await readFormData(event.request);
		const form = await parseForm(data, recommendationFormSchema);
		const id = String(data.get('recommendationId') ?? '');
		if (!form.ok) {
			return fail(400, { recommendation: { id, errors: form.errors, values: form.values } });
		}
		const result = await saveAnalysisRecommendation(db(), userActor(user), {
			analysisId: analysis.analysis.id,
			seasonId: analysis.season.id,
			...form.data
		});
		if (!result.ok) {
			const errors =
				result.error === 'fields'
					? { focusAreaId: { key: 'error.invalidChoice' as const } }
					: { _form: { key: 'report.refusal.not_found' as const } };
			return fail(400, { recommendation: { id, errors, values: formValues(data) } });
		}
		back(analysis.municipality.code, analysis.analysis.id, 'recommendation');
	},

	remove: async (event) => {
		const { user, analysis } = await writer(event);
		const data = await readFormData(event.request);
		const id = String(data.get('recommendationId') ?? '');
		const result = await removeAnalysisRecommendation(db(), userActor(user), {
			analysisId: analysis.analysis.id,
			recommendationId: id
		});
		if (!result.ok) {
			return fail(400, {
				recommendation: {
					id,
					errors: { _form: { key: 'report.refusal.not_found' as const } },
					values: {}
				}
			});
		}
		back(analysis.municipality.code, analysis.analysis.id, 'recommendationRemoved');
	}
};
