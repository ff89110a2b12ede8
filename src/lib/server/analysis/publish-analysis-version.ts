import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { analysisQuestionnaires, analysisSections, analysisVersions } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import { loadVersion } from './questionnaire-rows';
import {
	checkQuestionnaire,
	sectionScoringFingerprint,
	versionFingerprint,
	type QuestionnaireProblem
} from '$lib/domain/analysis/questionnaire';

export type PublishResult =
	| { ok: true; versionNumber: number }
	| { ok: false; error: 'no_draft' | 'unchanged' }
	/** The draft fails checkQuestionnaire: each problem says where (section and question index). */
	| { ok: false; error: 'problems'; problems: QuestionnaireProblem[] };

/**
 * Publishes the questionnaire's draft: checked whole by the domain (a section without questions,
 * a choice without options … refuse it, nothing changes), then frozen with its fingerprint and
 * each section's scoring fingerprint (ADR 019), under the questionnaire row's lock.
 */
export async function publishAnalysisVersion(
	db: Db,
	actor: Actor,
	seasonId: string,
	now: Date = new Date()
): Promise<PublishResult> {
	return db.transaction(async (tx): Promise<PublishResult> => {
		const [questionnaire] = await tx
			.select()
			.from(analysisQuestionnaires)
			.where(eq(analysisQuestionnaires.seasonId, seasonId))
			.for('update');
		if (!questionnaire) return { ok: false, error: 'no_draft' };
		const [draftRow] = await tx
			.select()
			.from(analysisVersions)
			.where(
				and(
					eq(analysisVersions.questionnaireId, questionnaire.id),
					eq(analysisVersions.status, 'draft')
				)
			);
		if (!draftRow) return { ok: false, error: 'no_draft' };
		const draft = (await loadVersion(tx, draftRow.id))!;
		const problems = checkQuestionnaire(draft.questionnaire);
		if (problems.length > 0) return { ok: false, error: 'problems', problems };
		const fingerprint = versionFingerprint(draft.questionnaire);
		const [previous] = await tx
			.select({ fingerprint: analysisVersions.fingerprint })
			.from(analysisVersions)
			.where(
				and(
					eq(analysisVersions.questionnaireId, questionnaire.id),
					eq(analysisVersions.status, 'published')
				)
			)
			.orderBy(desc(analysisVersions.number))
			.limit(1);
		if (previous?.fingerprint === fingerprint) return { ok: false, error: 'unchanged' };
		for (const section of draft.questionnaire.sections) {
			await tx
				.update(analysisSections)
				.set({ scoringFingerprint: sectionScoringFingerprint(section) })
				.where(eq(analysisSections.id, section.id));
		}
		await tx
			.update(analysisVersions)
			.set({ status: 'published', fingerprint, publishedAt: now, publishedBy: actor.userId })
			.where(eq(analysisVersions.id, draftRow.id));
		await recordAudit(tx, actor, {
			action: 'analysis.publish',
			entityType: 'analysis_version',
			entityId: draftRow.id,
			after: { number: draftRow.number, fingerprint }
		});
		return { ok: true, versionNumber: draftRow.number };
	});
}
