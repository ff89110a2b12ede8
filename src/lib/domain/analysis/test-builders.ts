import fc from 'fast-check';
import { CANNOT_SAY, type AnswerValue } from './answers';
import type {
	FreeTextQuestion,
	LocalisedText,
	MultipleChoiceQuestion,
	NumberQuestion,
	Question,
	Questionnaire,
	ScaleQuestion,
	Section,
	SingleChoiceQuestion
} from './questionnaire';

/** Short builders for the analysis tests: questions with Finnish texts made from their keys. */

export const fi = (text: string): LocalisedText => ({ fi: text });

export function scale(key: string, weight: number | null = 1, required = true): ScaleQuestion {
	return { kind: 'scale', key, text: fi(`Väite ${key}`), required, weight };
}

/** Options `a`, `b`, `c`… with the given scores. */
export function singleChoice(
	key: string,
	scores: readonly (number | null)[],
	weight: number | null = 1
): SingleChoiceQuestion {
	return {
		kind: 'single_choice',
		key,
		text: fi(`Valinta ${key}`),
		required: false,
		weight,
		options: scores.map((score, i) => ({
			key: String.fromCharCode(97 + i),
			text: fi(`Vaihtoehto ${i + 1}`),
			score
		}))
	};
}

/** Options `a`, `b`, `c`… */
export function multipleChoice(
	key: string,
	count: number,
	maxChoices: number | null = null
): MultipleChoiceQuestion {
	return {
		kind: 'multiple_choice',
		key,
		text: fi(`Valinnat ${key}`),
		required: false,
		maxChoices,
		options: Array.from({ length: count }, (_, i) => ({
			key: String.fromCharCode(97 + i),
			text: fi(`Vaihtoehto ${i + 1}`)
		}))
	};
}

export function numberQuestion(
	key: string,
	bounds: { min?: number | null; max?: number | null; integer?: boolean } = {}
): NumberQuestion {
	return {
		kind: 'number',
		key,
		text: fi(`Luku ${key}`),
		required: false,
		min: bounds.min ?? null,
		max: bounds.max ?? null,
		integer: bounds.integer ?? false
	};
}

export function freeText(key: string, maxLength = 1000): FreeTextQuestion {
	return { kind: 'free_text', key, text: fi(`Kerro ${key}`), required: false, maxLength };
}

export function section(key: string, questions: readonly Question[], weight = 1): Section {
	return { key, title: fi(`Osio ${key}`), weight, questions };
}

/** Three focus areas as in USO 7, with every kind of question. */
export const EXAMPLE: Questionnaire = {
	sections: [
		section('strategy', [
			scale('strategy_known'),
			scale('strategy_followed', 2),
			singleChoice('strategy_updated', [0, 1, 2, null]),
			freeText('strategy_notes')
		]),
		section('wellbeing', [
			scale('wellbeing_county'),
			scale('wellbeing_data', 1, false),
			multipleChoice('wellbeing_partners', 4, 2),
			numberQuestion('wellbeing_staff', { min: 0, integer: true })
		]),
		section('vitality', [scale('vitality_jobs'), scale('vitality_housing', 3)]),
		section('background', [numberQuestion('respondent_years', { min: 0, max: 60 })])
	]
};

/** Any answer `checkAnswer` accepts for the question. */
export function validAnswer(question: Question): fc.Arbitrary<AnswerValue> {
	switch (question.kind) {
		case 'scale':
			return fc
				.constantFrom<number | typeof CANNOT_SAY>(1, 2, 3, 4, 5, CANNOT_SAY)
				.map((value) => ({ kind: 'scale' as const, value }));
		case 'single_choice':
			return fc
				.constantFrom(...question.options.map((o) => o.key))
				.map((option) => ({ kind: 'single_choice' as const, option }));
		case 'multiple_choice':
			return fc
				.subarray(
					question.options.map((o) => o.key),
					{ minLength: 1, maxLength: question.maxChoices ?? question.options.length }
				)
				.map((options) => ({ kind: 'multiple_choice' as const, options }));
		case 'number':
			return fc
				.integer({ min: question.min ?? -1000, max: question.max ?? 1000 })
				.map((value) => ({ kind: 'number' as const, value }));
		case 'free_text':
			return fc
				.string({ minLength: 1, maxLength: question.maxLength })
				.filter((text) => text.trim() !== '')
				.map((text) => ({ kind: 'free_text' as const, text }));
	}
}

/** An answer of any kind and value, valid or not. */
export const anyAnswer: fc.Arbitrary<AnswerValue> = fc.oneof(
	fc
		.oneof(fc.integer({ min: -1, max: 7 }), fc.double(), fc.constant(CANNOT_SAY))
		.map((value) => ({ kind: 'scale' as const, value })),
	fc.constantFrom('a', 'b', 'e', '').map((option) => ({ kind: 'single_choice' as const, option })),
	fc
		.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 5 })
		.map((options) => ({ kind: 'multiple_choice' as const, options })),
	fc.double().map((value) => ({ kind: 'number' as const, value })),
	fc.string({ maxLength: 1200 }).map((text) => ({ kind: 'free_text' as const, text }))
);
