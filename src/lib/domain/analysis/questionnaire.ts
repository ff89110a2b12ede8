import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Locale } from '../../i18n/locales';

/**
 * The situation analysis questionnaire (PRODUCT.md, capability 7): sections, one per focus
 * area plus any others, each holding questions of five kinds. Agreement-scale and
 * single-choice questions count towards the score when they carry a weight; the other kinds
 * are asked and shown but never scored.
 *
 * A version is frozen once published: answers always belong to the version they were given
 * on, so an edit after publishing makes a new version (`versionChange`). `versionFingerprint`
 * names a version's content; `sectionScoringFingerprint` names only what decides a section's
 * score, so two versions (or two seasons) whose sections score alike can be compared.
 */

/**
 * Weights are whole numbers: "counts double" is 2. Sums of whole weights are exact, so whether
 * half of a section's weight is answered (scoring.ts) never turns on a rounding error.
 */
export const WEIGHTS = { min: 1, max: 100 } as const;

/** A text in Finnish, with Swedish and English where given. */
export interface LocalisedText {
	fi: string;
	sv?: string | null;
	en?: string | null;
}

/** The text in the language asked for, or the Finnish text where that one is not given. */
export function textIn(text: LocalisedText, locale: Locale): string {
	return (locale === 'fi' ? null : given(text[locale])) ?? text.fi;
}

function given(text: string | null | undefined): string | null {
	return text === null || text === undefined || text.trim() === '' ? null : text;
}

/** The agreement scale: 1 = fully disagree … 5 = fully agree; "cannot say" is always offered. */
export const AGREEMENT_SCALE = [1, 2, 3, 4, 5] as const;
export type AgreementValue = (typeof AGREEMENT_SCALE)[number];

export function isAgreementValue(value: unknown): value is AgreementValue {
	return (AGREEMENT_SCALE as readonly unknown[]).includes(value);
}

export const QUESTION_KINDS = [
	'scale',
	'single_choice',
	'multiple_choice',
	'number',
	'free_text'
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** The longest free-text answer a question may allow, in characters. */
export const FREE_TEXT_MAX_LENGTH = 4000;

interface QuestionBase {
	/** Stable within the questionnaire and across its versions: answers are kept by it. */
	key: string;
	text: LocalisedText;
	help?: LocalisedText | null;
	/** A section is complete for a respondent once every required question is answered. */
	required: boolean;
}

export interface ScaleQuestion extends QuestionBase {
	kind: 'scale';
	/** Weight in its section's score, a whole number (WEIGHTS); null: asked but not scored. */
	weight: number | null;
}

export interface ChoiceOption {
	key: string;
	text: LocalisedText;
}

export interface ScoredOption extends ChoiceOption {
	/**
	 * Points for choosing this option, on any scale: the question's lowest-scoring option
	 * counts 0 and its highest 100. null: chosen, but left out of the score (like "cannot say").
	 */
	score: number | null;
}

export interface SingleChoiceQuestion extends QuestionBase {
	kind: 'single_choice';
	weight: number | null;
	options: readonly ScoredOption[];
}

export interface MultipleChoiceQuestion extends QuestionBase {
	kind: 'multiple_choice';
	options: readonly ChoiceOption[];
	/** null: any number of options. */
	maxChoices: number | null;
}

export interface NumberQuestion extends QuestionBase {
	kind: 'number';
	min: number | null;
	max: number | null;
	integer: boolean;
}

export interface FreeTextQuestion extends QuestionBase {
	kind: 'free_text';
	/** In characters (code points), at most FREE_TEXT_MAX_LENGTH. */
	maxLength: number;
}

export type Question =
	ScaleQuestion | SingleChoiceQuestion | MultipleChoiceQuestion | NumberQuestion | FreeTextQuestion;

export type ScoredQuestion = (ScaleQuestion | SingleChoiceQuestion) & { weight: number };

export interface Section {
	key: string;
	title: LocalisedText;
	description?: LocalisedText | null;
	/** Weight of the section's score in the overall score, a whole number (WEIGHTS). */
	weight: number;
	questions: readonly Question[];
}

export interface Questionnaire {
	sections: readonly Section[];
}

/** A question that counts towards its section's score. */
export function isScored(question: Question): question is ScoredQuestion {
	return (
		(question.kind === 'scale' || question.kind === 'single_choice') && question.weight !== null
	);
}

/** The sections that have at least one scored question, in order. */
export function scoredSections(questionnaire: Questionnaire): Section[] {
	return questionnaire.sections.filter((s) => s.questions.some(isScored));
}

/** Lower-case letters, digits and underscores, starting with a letter; at most 64. */
export const KEY_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

export type QuestionnaireProblemCode =
	| 'no_sections'
	/** No question in any section is scored: there would be no score to show. */
	| 'nothing_scored'
	| 'empty_section'
	| 'bad_key'
	/** A section key twice, a question key twice anywhere, or an option key twice in a question. */
	| 'duplicate_key'
	/** The Finnish text is blank. */
	| 'missing_text'
	/** A weight that is not a whole number from WEIGHTS.min to WEIGHTS.max. */
	| 'bad_weight'
	/** A choice question with fewer than two options. */
	| 'too_few_options'
	| 'bad_option_score'
	/** An option score on a question that is not scored. */
	| 'score_on_unscored'
	/** A scored single-choice question whose options do not have two different scores. */
	| 'flat_scores'
	/** A number question whose bounds are not finite or whose minimum is above its maximum. */
	| 'bad_range'
	| 'bad_max_choices'
	| 'bad_max_length';

/** Where a problem is: indices, so a blank or repeated key can still be pointed at. */
export interface QuestionnaireProblem {
	code: QuestionnaireProblemCode;
	section?: number;
	question?: number;
	option?: number;
}

const isWeight = (n: number) => Number.isInteger(n) && n >= WEIGHTS.min && n <= WEIGHTS.max;
const blank = (text: LocalisedText) => text.fi.trim() === '';

/**
 * Checks a questionnaire before it is published: an empty result means it may be. A draft may
 * be saved with problems, so the coordinator can build it step by step.
 */
export function checkQuestionnaire(questionnaire: Questionnaire): QuestionnaireProblem[] {
	const problems: QuestionnaireProblem[] = [];
	const sections = questionnaire.sections;
	if (sections.length === 0) problems.push({ code: 'no_sections' });
	const sectionKeys = new Set<string>();
	const questionKeys = new Set<string>();
	const key = (k: string, seen: Set<string>, at: Omit<QuestionnaireProblem, 'code'>) => {
		if (!KEY_PATTERN.test(k)) problems.push({ code: 'bad_key', ...at });
		else if (seen.has(k)) problems.push({ code: 'duplicate_key', ...at });
		seen.add(k);
	};

	sections.forEach((s, section) => {
		key(s.key, sectionKeys, { section });
		if (blank(s.title)) problems.push({ code: 'missing_text', section });
		if (!isWeight(s.weight)) problems.push({ code: 'bad_weight', section });
		if (s.questions.length === 0) problems.push({ code: 'empty_section', section });

		s.questions.forEach((q, question) => {
			const at = { section, question };
			key(q.key, questionKeys, at);
			if (blank(q.text)) problems.push({ code: 'missing_text', ...at });
			if ((q.kind === 'scale' || q.kind === 'single_choice') && q.weight !== null) {
				if (!isWeight(q.weight)) problems.push({ code: 'bad_weight', ...at });
			}
			if (q.kind === 'single_choice' || q.kind === 'multiple_choice') {
				if (q.options.length < 2) problems.push({ code: 'too_few_options', ...at });
				const optionKeys = new Set<string>();
				q.options.forEach((o, option) => {
					key(o.key, optionKeys, { ...at, option });
					if (blank(o.text)) problems.push({ code: 'missing_text', ...at, option });
				});
			}
			switch (q.kind) {
				case 'single_choice':
					problems.push(...checkOptionScores(q, at));
					break;
				case 'multiple_choice':
					if (
						q.maxChoices !== null &&
						(!Number.isInteger(q.maxChoices) || q.maxChoices < 1 || q.maxChoices > q.options.length)
					) {
						problems.push({ code: 'bad_max_choices', ...at });
					}
					break;
				case 'number': {
					const finite = (n: number | null) => n === null || Number.isFinite(n);
					if (
						!finite(q.min) ||
						!finite(q.max) ||
						(q.min !== null && q.max !== null && q.min > q.max)
					) {
						problems.push({ code: 'bad_range', ...at });
					}
					break;
				}
				case 'free_text':
					if (
						!Number.isInteger(q.maxLength) ||
						q.maxLength < 1 ||
						q.maxLength > FREE_TEXT_MAX_LENGTH
					) {
						problems.push({ code: 'bad_max_length', ...at });
					}
					break;
			}
		});
	});

	if (sections.length > 0 && scoredSections(questionnaire).length === 0) {
		problems.push({ code: 'nothing_scored' });
	}
	return problems;
}

function checkOptionScores(
	q: SingleChoiceQuestion,
	at: { section: number; question: number }
): QuestionnaireProblem[] {
	const problems: QuestionnaireProblem[] = [];
	const scores = new Set<number>();
	q.options.forEach((o, option) => {
		if (o.score === null) return;
		if (q.weight === null) problems.push({ code: 'score_on_unscored', ...at, option });
		else if (!Number.isFinite(o.score)) problems.push({ code: 'bad_option_score', ...at, option });
		else scores.add(o.score);
	});
	if (q.weight !== null && q.options.length >= 2 && scores.size < 2) {
		problems.push({ code: 'flat_scores', ...at });
	}
	return problems;
}

/** A version being built may change in place; anything else is frozen. */
export type VersionStatus = 'draft' | 'published';

export type VersionChange =
	/** Nothing that a respondent or a score could notice has changed. */
	| 'unchanged'
	/** A draft: save over it. */
	| 'edit_draft'
	/** A published version: the edit becomes a new version, the old one stays as it was. */
	| 'new_version';

/** What saving `edited` over a version with this status and content must do. */
export function versionChange(
	status: VersionStatus,
	current: Questionnaire,
	edited: Questionnaire
): VersionChange {
	if (versionFingerprint(current) === versionFingerprint(edited)) return 'unchanged';
	return status === 'draft' ? 'edit_draft' : 'new_version';
}

function canonicalText(text: LocalisedText | null | undefined) {
	return text ? [text.fi, given(text.sv), given(text.en)] : null;
}

function canonicalQuestion(q: Question): unknown[] {
	const common = [q.kind, q.key, canonicalText(q.text), canonicalText(q.help), q.required];
	switch (q.kind) {
		case 'scale':
			return [...common, q.weight];
		case 'single_choice':
			return [...common, q.weight, q.options.map((o) => [o.key, canonicalText(o.text), o.score])];
		case 'multiple_choice':
			return [...common, q.maxChoices, q.options.map((o) => [o.key, canonicalText(o.text)])];
		case 'number':
			return [...common, q.min, q.max, q.integer];
		case 'free_text':
			return [...common, q.maxLength];
	}
}

function hash(value: unknown): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(JSON.stringify(value))));
}

/**
 * SHA-256 (hex) of a version's content: every text, kind, weight, score and limit, in the
 * order shown. Built from the fields it names only, in a fixed order, so it does not depend on
 * the order of an object's properties or on fields kept beside the content (ids, dates). A
 * Swedish or English text that is blank counts as not given, as `textIn` reads it.
 */
export function versionFingerprint(questionnaire: Questionnaire): string {
	return hash([
		'questionnaire/1',
		questionnaire.sections.map((s) => [
			s.key,
			canonicalText(s.title),
			canonicalText(s.description),
			s.weight,
			s.questions.map(canonicalQuestion)
		])
	]);
}

const byKey = (a: { key: string }, b: { key: string }) =>
	a.key < b.key ? -1 : a.key > b.key ? 1 : 0;

function scoringForm(section: Section): unknown[] {
	return section.questions
		.filter(isScored)
		.sort(byKey)
		.map((q) =>
			q.kind === 'scale'
				? [q.key, q.kind, q.weight]
				: [q.key, q.kind, q.weight, [...q.options].sort(byKey).map((o) => [o.key, o.score])]
		);
}

/**
 * SHA-256 (hex) of what decides a section's score: its scored questions by key, with kind,
 * weight and option scores. Texts, order and unscored questions are left out, so a reworded
 * or reordered section still compares with an earlier one; a question added, dropped or
 * reweighted does not. Weights count as written: doubling every weight scores alike but
 * fingerprints differently, which errs on the side of not comparing.
 */
export function sectionScoringFingerprint(section: Section): string {
	return hash(['section-scoring/1', scoringForm(section)]);
}

/** As `sectionScoringFingerprint`, for the overall score: every scored section and its weight. */
export function scoringFingerprint(questionnaire: Questionnaire): string {
	return hash([
		'questionnaire-scoring/1',
		scoredSections(questionnaire)
			.sort(byKey)
			.map((s) => [s.key, s.weight, scoringForm(s)])
	]);
}

/** Looks a question up by key, with its section. */
export function findQuestion(
	questionnaire: Questionnaire,
	key: string
): { section: Section; question: Question } | null {
	for (const section of questionnaire.sections) {
		const question = section.questions.find((q) => q.key === key);
		if (question) return { section, question };
	}
	return null;
}
