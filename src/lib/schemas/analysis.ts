import { z } from 'zod';
import { FREE_TEXT_MAX_LENGTH, QUESTION_KINDS, WEIGHTS } from '$lib/domain/analysis/questionnaire';
import { CANNOT_SAY, type AnswerValue } from '$lib/domain/analysis/answers';
import type { Question } from '$lib/domain/analysis/questionnaire';
import { choice, text } from './fields';
import { OPTIONAL_UUID_PATTERN } from '$lib/domain/uuid';

/** A checkbox: present ("on") or not. */
const checkbox = z
	.string()
	.optional()
	.transform((v) => v !== undefined && v !== '');

/** Blank → null, else trimmed. */
const optionalText = (max: number, multiline = false) =>
	text({ max, optional: true, multiline })
		.prefault('')
		.transform((v) => (v === '' ? null : v));

/** A number as people type it in Finland ("2,5", "1 000"); blank → null. */
export function parseDecimal(raw: string): number | null | 'invalid' {
	const v = raw.replace(/[\s\u00a0]/g, '').replace(',', '.');
	if (v === '') return null;
	if (!/^-?\d{1,12}(\.\d{1,6})?$/.test(v)) return 'invalid';
	return Number(v);
}

const decimal = z
	.string()
	.prefault('')
	.transform((raw, ctx) => {
		const v = parseDecimal(raw);
		if (v === 'invalid') {
			ctx.addIssue({ code: 'custom', message: 'error.analysis.notNumber' });
			return z.NEVER;
		}
		return v;
	});

const wholeOrBlank = (min: number, max: number, message: string) =>
	z
		.string()
		.trim()
		.prefault('')
		.refine((v) => v === '' || (/^\d{1,4}$/.test(v) && +v >= min && +v <= max), message)
		.transform((v) => (v === '' ? null : Number(v)));

/** A section of the questionnaire as the coordinator writes it. */
export const sectionFormSchema = z.object({
	titleFi: text({ max: 300 }),
	titleSv: optionalText(300),
	titleEn: optionalText(300),
	descriptionFi: optionalText(2000, true),
	descriptionSv: optionalText(2000, true),
	descriptionEn: optionalText(2000, true),
	weight: wholeOrBlank(WEIGHTS.min, WEIGHTS.max, 'error.analysis.badWeight').transform(
		(v) => v ?? 1
	),
	focusAreaId: z
		.string()
		.trim()
		.regex(OPTIONAL_UUID_PATTERN, 'error.invalidChoice')
		.prefault('')
		.transform((v) => (v === '' ? null : v))
});
export type SectionForm = z.output<typeof sectionFormSchema>;

/** The option rows a question form offers: enough for a five-step choice and "other". */
export const OPTION_ROWS = 8;

export interface OptionInput {
	fi: string;
	sv: string | null;
	en: string | null;
	score: number | null;
}

/** A question as the coordinator writes it; its option rows are read beside it (readOptionRows). */
export const questionFormSchema = z.object({
	kind: choice(QUESTION_KINDS),
	textFi: text({ max: 1000, multiline: true }),
	textSv: optionalText(1000, true),
	textEn: optionalText(1000, true),
	helpFi: optionalText(2000, true),
	helpSv: optionalText(2000, true),
	helpEn: optionalText(2000, true),
	required: checkbox,
	weight: wholeOrBlank(WEIGHTS.min, WEIGHTS.max, 'error.analysis.badWeight'),
	maxChoices: wholeOrBlank(1, OPTION_ROWS, 'error.analysis.badMaxChoices'),
	minValue: decimal,
	maxValue: decimal,
	integerOnly: checkbox,
	maxLength: wholeOrBlank(1, FREE_TEXT_MAX_LENGTH, 'error.analysis.badMaxLength')
});
export type QuestionForm = z.output<typeof questionFormSchema>;

/**
 * The filled option rows of a question form, in order: `optionFi1` … with Swedish, English and
 * points beside. A row with no Finnish text is skipped; points that are not a number are an
 * error on that row's field.
 */
export function readOptionRows(
	form: FormData
): { ok: true; options: OptionInput[] } | { ok: false; field: string } {
	const options: OptionInput[] = [];
	const get = (name: string) => {
		const v = form.get(name);
		return typeof v === 'string' ? v.trim().slice(0, 500) : '';
	};
	for (let i = 1; i <= OPTION_ROWS; i++) {
		const fi = get(`optionFi${i}`);
		const score = parseDecimal(get(`optionScore${i}`));
		if (score === 'invalid') return { ok: false, field: `optionScore${i}` };
		if (fi === '') continue;
		options.push({ fi, sv: get(`optionSv${i}`) || null, en: get(`optionEn${i}`) || null, score });
	}
	return { ok: true, options };
}

/**
 * A respondent's answers to one section from its form: field `a_<questionKey>` (a scale's
 * 1–5 or "cannot_say", a choice's option key, a number, a text), repeated for multiple choice.
 * What cannot be read as the question's kind is passed on as it came, for the domain to refuse
 * (answers.ts `checkAnswer`): an "answer outside the scale" gets its message there.
 */
export function readSectionAnswers(
	form: FormData,
	questions: readonly Question[]
): Map<string, AnswerValue | null> {
	const answers = new Map<string, AnswerValue | null>();
	for (const question of questions) {
		const name = `a_${question.key}`;
		const values = form.getAll(name).filter((v): v is string => typeof v === 'string');
		const first = values[0]?.trim() ?? '';
		switch (question.kind) {
			case 'scale':
				answers.set(
					question.key,
					first === ''
						? null
						: {
								kind: 'scale',
								value: first === CANNOT_SAY ? CANNOT_SAY : /^-?\d+$/.test(first) ? +first : NaN
							}
				);
				break;
			case 'single_choice':
				answers.set(question.key, first === '' ? null : { kind: 'single_choice', option: first });
				break;
			case 'multiple_choice':
				answers.set(question.key, {
					kind: 'multiple_choice',
					options: values.map((v) => v.trim()).filter((v) => v !== '')
				});
				break;
			case 'number': {
				const n = parseDecimal(first);
				answers.set(
					question.key,
					n === null ? null : { kind: 'number', value: n === 'invalid' ? NaN : n }
				);
				break;
			}
			case 'free_text':
				answers.set(question.key, {
					kind: 'free_text',
					text: (values[0] ?? '').replace(/\r\n/g, '\n').slice(0, FREE_TEXT_MAX_LENGTH + 1)
				});
				break;
		}
	}
	// answers to questions that are not in the section (another section's, another version's)
	// are passed on too, so that saving refuses them rather than dropping them unseen
	for (const name of new Set(form.keys())) {
		const key = name.slice(2);
		if (name.startsWith('a_') && !questions.some((q) => q.key === key)) {
			answers.set(key.slice(0, 64), { kind: 'free_text', text: '' });
		}
	}
	return answers;
}

/** The people a contact person invites: repeated `personId`. */
export const MAX_INVITES_AT_ONCE = 50;
