import { fail, redirect } from '@sveltejs/kit';
import { userActor } from '$lib/server/actor';
import { db } from '$lib/server/db';
import { freeTextAnswers } from '$lib/server/analysis/analysis-results';
import { analysisReport } from '$lib/server/analysis/analysis-report';
import { loadVersion } from '$lib/server/analysis/questionnaire-rows';
import { proposeRecommendedWorkshop } from '$lib/server/analysis/propose-recommended-workshop';
import { readFormData } from '$lib/server/http/parse';
import type { SessionUser } from '$lib/server/auth/session';
import { textIn } from '$lib/domain/analysis/questionnaire';
import { viewAnalysis } from '../../analysis.server';
import type { Actions, PageServerLoad } from './$types';

/**
 * A municipality's results: its own scores and spread, and its place among all members and
 * among members of its size class, as distributions only, the change from its previous
 * season, and the expert's summary and recommendations (analysis-report.ts, the same model the
 * PDF report draws). Free-text answers, without names, to those analysis-viewer.ts allows.
 */
export const load: PageServerLoad = async (event) => {
	const { user, analysis, viewer } = await viewAnalysis(event, 'read');
	const locale = event.locals.locale ?? 'fi';
	const report = await analysisReport(db(), analysis, locale);
	const version = viewer.freeText ? await loadVersion(db(), analysis.analysis.versionId) : null;
	const free = version ? await freeTextAnswers(db(), analysis.analysis.id, version.version.id) : [];
	return {
		analysis: {
			id: report.analysis.id,
			state: report.analysis.state,
			season: report.season,
			versionNumber: report.analysis.versionNumber,
			sizeClass: report.municipality.sizeClass
		},
		municipality: analysis.municipality,
		manage: viewer.manage,
		writeSummary: viewer.summary,
		propose: proposes(user, analysis.municipality.code),
		rule: report.rule,
		sections: report.sections,
		overall: report.overall,
		respondents: report.respondents,
		change: report.change,
		summary: report.summary,
		recommendations: report.recommendations,
		done: event.url.searchParams.get('done'),
		freeText: version
			? version.questionnaire.sections
					.flatMap((s) => s.questions)
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

/**
 * Only the municipality's contact person turns a recommendation into a workshop proposal: it
 * spends the municipality's entitlement, which is the municipality's decision (ADR 027).
 */
const proposes = (user: SessionUser, code: string) =>
	user.roles.some((r) => r.role === 'contact_person' && r.municipalityCode === code);

export const actions: Actions = {
	propose: async (event) => {
		const { user, analysis } = await viewAnalysis(event, 'read');
		if (!proposes(user, analysis.municipality.code)) {
			return fail(403, { propose: { id: '', error: 'role_not_allowed' as const } });
		}
		const data = await readFormData(event.request);
		const id = String(data.get('recommendationId') ?? '');
		const result = await proposeRecommendedWorkshop(db(), userActor(user), {
			analysisId: analysis.analysis.id,
			membershipId: analysis.membership.id,
			municipalityCode: analysis.municipality.code,
			recommendationId: id
		});
		if (!result.ok) {
			const error = result.error === 'fields' ? ('not_found' as const) : result.error;
			return fail(400, { propose: { id, error } });
		}
		redirect(
			303,
			`/municipalities/${analysis.municipality.code}/analysis/${analysis.analysis.id}/results?done=proposed#recommendations`
		);
	}
};
