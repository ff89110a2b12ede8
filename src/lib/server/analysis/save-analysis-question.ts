import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { analysisOptions, analysisQuestions } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import type { OptionInput, QuestionForm } from '$lib/schemas/analysis';
import { draftForEdit, keepOrDiscard, newKey, nextPosition } from './draft-version';
import type { EditResult } from './save-analysis-section';

export type QuestionEditResult =
	| EditResult
	| {
			ok: false;
			/** The field the problem is on, and its message's code. */
			field: string;
			error: 'options_not_asked' | 'score_on_unscored' | 'weight_not_scored';
	  };

const CHOICE = new Set(['single_choice', 'multiple_choice']);

/**
 * Adds a question to a section (`questionKey` null) or changes one, on the draft (see
 * saveAnalysisSection). Fields the kind does not use are stored empty, so a question changed
 * from one kind to another keeps nothing of the old kind. What only a whole questionnaire can
 * tell (too few options, flat scores …) is left to publishing (checkQuestionnaire), so a
 * coordinator can build a question in steps.
 */
export async function saveAnalysisQuestion(
	db: Db,
	actor: Actor,
	input: {
		seasonId: string;
		sectionKey: string;
		questionKey: string | null;
		options: OptionInput[];
	} & QuestionForm
): Promise<QuestionEditResult> {
	const scored = input.kind === 'scale' || input.kind === 'single_choice';
	if (input.weight !== null && !scored) {
		return { ok: false, field: 'weight', error: 'weight_not_scored' };
	}
	if (!CHOICE.has(input.kind) && input.options.length > 0) {
		return { ok: false, field: 'optionFi1', error: 'options_not_asked' };
	}
	const scoresGiven = input.options.some((o) => o.score !== null);
	if (scoresGiven && (input.kind !== 'single_choice' || input.weight === null)) {
		return { ok: false, field: 'optionScore1', error: 'score_on_unscored' };
	}
	return db.transaction(async (tx): Promise<QuestionEditResult> => {
		const { draft, copiedFrom } = await draftForEdit(tx, input.seasonId);
		const section = draft.questionnaire.sections.find((s) => s.key === input.sectionKey);
		if (!section) return { ok: false, error: 'not_found' };
		const fields = {
			kind: input.kind,
			textFi: input.textFi,
			textSv: input.textSv,
			textEn: input.textEn,
			helpFi: input.helpFi,
			helpSv: input.helpSv,
			helpEn: input.helpEn,
			required: input.required,
			weight: scored ? input.weight : null,
			maxChoices: input.kind === 'multiple_choice' ? input.maxChoices : null,
			minValue: input.kind === 'number' ? input.minValue : null,
			maxValue: input.kind === 'number' ? input.maxValue : null,
			integerOnly: input.kind === 'number' && input.integerOnly,
			maxLength: input.kind === 'free_text' ? (input.maxLength ?? 1000) : null
		};
		let questionId: string;
		let key: string;
		if (input.questionKey === null) {
			key = newKey('q');
			const [row] = await tx
				.insert(analysisQuestions)
				.values({
					versionId: draft.version.id,
					sectionId: section.id,
					key,
					position: nextPosition(section.questions.map((q) => q.position)),
					...fields
				})
				.returning({ id: analysisQuestions.id });
			questionId = row!.id;
		} else {
			const question = section.questions.find((q) => q.key === input.questionKey);
			if (!question) return { ok: false, error: 'not_found' };
			key = question.key;
			questionId = question.id;
			await tx.update(analysisQuestions).set(fields).where(eq(analysisQuestions.id, questionId));
			await tx.delete(analysisOptions).where(eq(analysisOptions.questionId, questionId));
		}
		if (input.options.length > 0) {
			await tx.insert(analysisOptions).values(
				input.options.map((o, i) => ({
					questionId,
					key: `o${i + 1}`,
					position: i + 1,
					textFi: o.fi,
					textSv: o.sv,
					textEn: o.en,
					score: o.score
				}))
			);
		}
		const change = await keepOrDiscard(tx, draft.version.id, copiedFrom);
		if (change !== 'unchanged') {
			await recordAudit(tx, actor, {
				action: input.questionKey === null ? 'analysis.question.add' : 'analysis.question.edit',
				entityType: 'analysis_version',
				entityId: draft.version.id,
				after: { section: section.key, key, ...fields, options: input.options }
			});
		}
		return {
			ok: true,
			key,
			change,
			versionNumber: change === 'unchanged' ? copiedFrom!.version.number : draft.version.number
		};
	});
}
