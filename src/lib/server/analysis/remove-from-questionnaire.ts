import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { analysisQuestions, analysisSections } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import { draftForEdit, keepOrDiscard } from './draft-version';
import type { EditResult } from './save-analysis-section';

/**
 * Removes a question (`questionKey` given) or a whole section with its questions from the
 * draft; from a published version through a new draft, as every edit.
 */
export async function removeFromQuestionnaire(
	db: Db,
	actor: Actor,
	input: { seasonId: string; sectionKey: string; questionKey: string | null }
): Promise<EditResult> {
	return db.transaction(async (tx): Promise<EditResult> => {
		const { draft, copiedFrom } = await draftForEdit(tx, input.seasonId);
		const section = draft.questionnaire.sections.find((s) => s.key === input.sectionKey);
		if (!section) return { ok: false, error: 'not_found' };
		if (input.questionKey === null) {
			await tx.delete(analysisSections).where(eq(analysisSections.id, section.id));
		} else {
			const question = section.questions.find((q) => q.key === input.questionKey);
			if (!question) return { ok: false, error: 'not_found' };
			await tx.delete(analysisQuestions).where(eq(analysisQuestions.id, question.id));
		}
		const change = await keepOrDiscard(tx, draft.version.id, copiedFrom);
		await recordAudit(tx, actor, {
			action: input.questionKey === null ? 'analysis.section.remove' : 'analysis.question.remove',
			entityType: 'analysis_version',
			entityId: draft.version.id,
			before: { section: section.key, question: input.questionKey }
		});
		return {
			ok: true,
			key: input.questionKey ?? section.key,
			change,
			versionNumber: draft.version.number
		};
	});
}
