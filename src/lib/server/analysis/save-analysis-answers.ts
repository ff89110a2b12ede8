import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import {
	analyses,
	analysisAnswers,
	analysisResponses,
	analysisResponseScores,
	analysisSectionMeans
} from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { findInvitationByToken, responseAnswers } from './respondent-view';
import { loadVersion } from './questionnaire-rows';
import {
	completeness,
	saveSection,
	type AnswerValue,
	type SectionSaveProblem
} from '$lib/domain/analysis/answers';
import { respondentScores } from '$lib/domain/analysis/scoring';

export type SaveAnswersResult =
	| { ok: true; changed: number; complete: boolean }
	| { ok: false; error: 'not_found' }
	/** The form was made for another version than the one this respondent answers. */
	| { ok: false; error: 'another_version' }
	| { ok: false; error: 'problems'; problems: SectionSaveProblem[] };

/**
 * Saves one section of a respondent's answers (answers.ts `saveSection`: all of it, or nothing
 * when any answer is wrong or the analysis is closed). Under the analysis row's lock, which
 * closing takes too: no answer lands after a close, and the saves of one municipality's
 * respondents run one after another. The respondent's section scores are worked out by the
 * domain and kept (analysis_response_scores), and the member's section means recomputed from
 * them (analysis_section_means), for the comparison to aggregate in the database.
 */
export async function saveAnalysisAnswers(
	db: Db,
	input: {
		token: string;
		sectionKey: string;
		versionId: string;
		submitted: ReadonlyMap<string, AnswerValue | null>;
	},
	now: Date = new Date()
): Promise<SaveAnswersResult> {
	return db.transaction(async (tx): Promise<SaveAnswersResult> => {
		const invitation = await findInvitationByToken(tx, input.token);
		if (!invitation) return { ok: false, error: 'not_found' };
		const [analysis] = await tx
			.select({ state: analyses.state, versionId: analyses.versionId })
			.from(analyses)
			.where(eq(analyses.id, invitation.analysis.id))
			.for('update');
		if (analysis!.state === 'closed') {
			return { ok: false, error: 'problems', problems: [{ code: 'analysis_closed' }] };
		}
		const answering = invitation.response?.versionId ?? analysis!.versionId;
		if (answering !== input.versionId) return { ok: false, error: 'another_version' };
		await tx
			.insert(analysisResponses)
			.values({
				invitationId: invitation.invitationId,
				analysisId: invitation.analysis.id,
				versionId: analysis!.versionId
			})
			.onConflictDoNothing({ target: analysisResponses.invitationId });
		const [response] = await tx
			.select()
			.from(analysisResponses)
			.where(eq(analysisResponses.invitationId, invitation.invitationId))
			.for('update');
		const version = (await loadVersion(tx, response!.versionId))!;
		const previous = await responseAnswers(tx, response!.id);
		const result = saveSection({
			state: analysis!.state,
			questionnaire: version.questionnaire,
			section: input.sectionKey,
			previous,
			submitted: input.submitted
		});
		if (!result.ok) return { ok: false, error: 'problems', problems: result.problems };

		const questionId = new Map(
			version.questionnaire.sections.flatMap((s) => s.questions.map((q) => [q.key, q.id]))
		);
		const cleared = result.changed.filter((k) => !result.answers.has(k));
		const written = result.changed.filter((k) => result.answers.has(k));
		if (cleared.length > 0) {
			await tx.delete(analysisAnswers).where(
				and(
					eq(analysisAnswers.responseId, response!.id),
					inArray(
						analysisAnswers.questionId,
						cleared.map((k) => questionId.get(k)!)
					)
				)
			);
		}
		for (const key of written) {
			const value = result.answers.get(key)!;
			await tx
				.insert(analysisAnswers)
				.values({
					responseId: response!.id,
					questionId: questionId.get(key)!,
					versionId: response!.versionId,
					value,
					answeredAt: now
				})
				.onConflictDoUpdate({
					target: [analysisAnswers.responseId, analysisAnswers.questionId],
					set: { value, answeredAt: now }
				});
		}

		const scores = respondentScores(version.questionnaire, result.answers);
		const sectionId = new Map(version.questionnaire.sections.map((s) => [s.key, s.id]));
		await tx
			.delete(analysisResponseScores)
			.where(eq(analysisResponseScores.responseId, response!.id));
		const kept = [...scores.sections].filter((e): e is [string, number] => e[1] !== null);
		if (kept.length > 0) {
			await tx.insert(analysisResponseScores).values(
				kept.map(([key, score]) => ({
					responseId: response!.id,
					sectionId: sectionId.get(key)!,
					analysisId: invitation.analysis.id,
					score
				}))
			);
		}
		// the member's section means, from every respondent's stored scores (a handful of rows)
		await tx
			.delete(analysisSectionMeans)
			.where(eq(analysisSectionMeans.analysisId, invitation.analysis.id));
		await tx.insert(analysisSectionMeans).select(
			tx
				.select({
					analysisId: analysisResponseScores.analysisId,
					sectionId: analysisResponseScores.sectionId,
					respondents: sql<number>`count(*)::int`.as('respondents'),
					mean: sql<number>`avg(${analysisResponseScores.score})`.as('mean')
				})
				.from(analysisResponseScores)
				.where(eq(analysisResponseScores.analysisId, invitation.analysis.id))
				.groupBy(analysisResponseScores.analysisId, analysisResponseScores.sectionId)
		);
		const complete = completeness(version.questionnaire, result.answers).progress === 'complete';
		await tx
			.update(analysisResponses)
			.set({ complete, updatedAt: now })
			.where(eq(analysisResponses.id, response!.id));
		// who saved what, never the answers themselves: they are the respondent's to see
		await recordAudit(
			tx,
			{ userId: invitation.userId, label: 'respondent' },
			{
				action: 'analysis.answer',
				entityType: 'analysis_response',
				entityId: response!.id,
				after: { section: input.sectionKey, changed: result.changed.length, complete }
			}
		);
		return { ok: true, changed: result.changed.length, complete };
	});
}
