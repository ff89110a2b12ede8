import {
	isAgreementValue,
	type MultipleChoiceQuestion,
	type NumberQuestion,
	type Question,
	type Questionnaire,
	type Section
} from './questionnaire';

/**
 * A respondent's answers on one questionnaire version, kept by question key. A respondent
 * answers section by section: saving a section replaces that section's answers with what the
 * form sent and leaves the other sections alone, so what was saved is there on coming back.
 * Nothing is saved when any answer in the section is wrong or the analysis is closed.
 */

/** "Cannot say" on the agreement scale: an answer, but never part of a score. */
export const CANNOT_SAY = 'cannot_say';

/** An answer as parsed from a form: a number may still be outside what the question allows. */
export type AnswerValue =
	| { kind: 'scale'; value: number | typeof CANNOT_SAY }
	| { kind: 'single_choice'; option: string }
	| { kind: 'multiple_choice'; options: readonly string[] }
	| { kind: 'number'; value: number }
	| { kind: 'free_text'; text: string };

/** One respondent's answers, by question key. */
export type Answers = ReadonlyMap<string, AnswerValue>;

export type AnswerProblem =
	/** The answer is of another kind than the question. */
	| 'wrong_kind'
	/** Not 1–5 or "cannot say". */
	| 'out_of_scale'
	| 'unknown_option'
	| 'repeated_option'
	| 'too_many_choices'
	| 'not_a_number'
	| 'not_whole'
	| 'below_min'
	| 'above_max'
	/** Longer than the question allows, in characters. */
	| 'too_long'
	/** Blank text or no options chosen: not an answer (saving a section leaves it unanswered). */
	| 'blank';

export function isBlank(answer: AnswerValue): boolean {
	return (
		(answer.kind === 'free_text' && answer.text.trim() === '') ||
		(answer.kind === 'multiple_choice' && answer.options.length === 0)
	);
}

/** The first thing wrong with an answer to this question, or null if it may be saved. */
export function checkAnswer(question: Question, answer: AnswerValue): AnswerProblem | null {
	if (answer.kind !== question.kind) return 'wrong_kind';
	if (isBlank(answer)) return 'blank';
	// the kinds already match: each case tests `answer.kind` again only to narrow its type
	switch (question.kind) {
		case 'scale':
			return answer.kind === 'scale' &&
				(answer.value === CANNOT_SAY || isAgreementValue(answer.value))
				? null
				: 'out_of_scale';
		case 'single_choice':
			return answer.kind === 'single_choice' &&
				question.options.some((o) => o.key === answer.option)
				? null
				: 'unknown_option';
		case 'multiple_choice':
			return answer.kind === 'multiple_choice' ? checkChoices(question, answer.options) : null;
		case 'number':
			return answer.kind === 'number' ? checkNumber(question, answer.value) : null;
		case 'free_text':
			return answer.kind === 'free_text' && [...answer.text].length > question.maxLength
				? 'too_long'
				: null;
	}
}

function checkChoices(
	question: MultipleChoiceQuestion,
	chosen: readonly string[]
): AnswerProblem | null {
	if (!chosen.every((k) => question.options.some((o) => o.key === k))) return 'unknown_option';
	if (new Set(chosen).size !== chosen.length) return 'repeated_option';
	if (question.maxChoices !== null && chosen.length > question.maxChoices) {
		return 'too_many_choices';
	}
	return null;
}

function checkNumber(question: NumberQuestion, value: number): AnswerProblem | null {
	if (!Number.isFinite(value)) return 'not_a_number';
	if (question.integer && !Number.isInteger(value)) return 'not_whole';
	if (question.min !== null && value < question.min) return 'below_min';
	if (question.max !== null && value > question.max) return 'above_max';
	return null;
}

/**
 * The answer as stored: only its own fields, chosen options in the question's order, so that
 * equal answers are stored alike and compare equal.
 */
function stored(question: Question, answer: AnswerValue): AnswerValue {
	switch (answer.kind) {
		case 'scale':
			return { kind: 'scale', value: answer.value };
		case 'number':
			return { kind: 'number', value: answer.value };
		case 'single_choice':
			return { kind: 'single_choice', option: answer.option };
		case 'free_text':
			return { kind: 'free_text', text: answer.text };
		case 'multiple_choice': {
			const chosen = new Set(answer.options);
			const order = question.kind === 'multiple_choice' ? question.options.map((o) => o.key) : [];
			return { kind: 'multiple_choice', options: order.filter((k) => chosen.has(k)) };
		}
	}
}

/** Whether two answers say the same, whatever the order of their properties. */
export function sameAnswer(a: AnswerValue | null, b: AnswerValue | null): boolean {
	if (a === null || b === null) return a === b;
	switch (a.kind) {
		case 'scale':
		case 'number':
			return b.kind === a.kind && b.value === a.value;
		case 'single_choice':
			return b.kind === 'single_choice' && b.option === a.option;
		case 'free_text':
			return b.kind === 'free_text' && b.text === a.text;
		case 'multiple_choice':
			return (
				b.kind === 'multiple_choice' &&
				b.options.length === a.options.length &&
				b.options.every((o, i) => o === a.options[i])
			);
	}
}

/** Whether the analysis still takes answers: a closed one is read only. */
export type AnalysisState = 'open' | 'closed';

export type SectionSaveProblem =
	| { code: 'analysis_closed' }
	/** The section is not in the respondent's version. */
	| { code: 'unknown_section' }
	/** An answer to a question that is not in this section of this version. */
	| { code: 'unknown_question'; question: string }
	| { code: AnswerProblem; question: string };

export type SectionSaveResult =
	| {
			ok: true;
			/** Every answer after the save, the other sections' included. */
			answers: Answers;
			/** Keys of the questions whose answer was added, changed or cleared. */
			changed: string[];
	  }
	| { ok: false; problems: SectionSaveProblem[] };

export interface SectionSave {
	state: AnalysisState;
	/** The version the respondent answers. */
	questionnaire: Questionnaire;
	section: string;
	/** What was saved before, all sections. */
	previous: Answers;
	/**
	 * What the form sent for the section: a question left out, null or blank is unanswered
	 * (an unticked radio group sends nothing).
	 */
	submitted: ReadonlyMap<string, AnswerValue | null>;
}

/** Saving one section: all of it or, on any problem, nothing. */
export function saveSection(save: SectionSave): SectionSaveResult {
	if (save.state === 'closed') return { ok: false, problems: [{ code: 'analysis_closed' }] };
	const section = save.questionnaire.sections.find((s) => s.key === save.section);
	if (!section) return { ok: false, problems: [{ code: 'unknown_section' }] };

	const problems: SectionSaveProblem[] = [];
	for (const key of save.submitted.keys()) {
		if (!section.questions.some((q) => q.key === key)) {
			problems.push({ code: 'unknown_question', question: key });
		}
	}
	const answers = new Map(save.previous);
	const changed: string[] = [];
	for (const question of section.questions) {
		const sent = save.submitted.get(question.key) ?? null;
		const answer = sent === null || isBlank(sent) ? null : sent;
		if (answer !== null) {
			const problem = checkAnswer(question, answer);
			if (problem) {
				problems.push({ code: problem, question: question.key });
				continue;
			}
		}
		const before = save.previous.get(question.key) ?? null;
		const after = answer && stored(question, answer);
		if (!sameAnswer(before, after)) changed.push(question.key);
		if (after) answers.set(question.key, after);
		else answers.delete(question.key);
	}
	return problems.length > 0 ? { ok: false, problems } : { ok: true, answers, changed };
}

/**
 * - `not_started`: nothing answered;
 * - `in_progress`: something answered, a required question not yet;
 * - `complete`: every required question answered ("cannot say" counts) and at least one
 *   question, so an untouched section of optional questions is not complete.
 */
export type Progress = 'not_started' | 'in_progress' | 'complete';

export interface SectionCompleteness {
	section: string;
	questions: number;
	/** Questions with an answer that passes `checkAnswer`. */
	answered: number;
	required: number;
	requiredAnswered: number;
	progress: Progress;
}

export function sectionCompleteness(section: Section, answers: Answers): SectionCompleteness {
	let answered = 0;
	let required = 0;
	let requiredAnswered = 0;
	for (const question of section.questions) {
		const answer = answers.get(question.key);
		const ok = answer !== undefined && checkAnswer(question, answer) === null;
		if (ok) answered++;
		if (question.required) {
			required++;
			if (ok) requiredAnswered++;
		}
	}
	const progress: Progress =
		answered === 0 ? 'not_started' : requiredAnswered === required ? 'complete' : 'in_progress';
	return {
		section: section.key,
		questions: section.questions.length,
		answered,
		required,
		requiredAnswered,
		progress
	};
}

/** Per section, and for the whole questionnaire: complete when every section is. */
export function completeness(
	questionnaire: Questionnaire,
	answers: Answers
): { sections: SectionCompleteness[]; progress: Progress } {
	const sections = questionnaire.sections.map((s) => sectionCompleteness(s, answers));
	const progress: Progress = sections.every((s) => s.progress === 'complete')
		? 'complete'
		: sections.every((s) => s.progress === 'not_started')
			? 'not_started'
			: 'in_progress';
	return { sections, progress };
}
