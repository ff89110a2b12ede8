import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	checkAnswer,
	completeness,
	isBlank,
	saveSection,
	sectionCompleteness,
	type AnswerValue,
	type Answers,
	type SectionSave
} from './answers';
import type { Question } from './questionnaire';
import {
	anyAnswer,
	EXAMPLE,
	freeText,
	multipleChoice,
	numberQuestion,
	scale,
	section,
	singleChoice,
	validAnswer
} from './test-builders';

const scaleAnswer = (value: number | 'cannot_say'): AnswerValue => ({ kind: 'scale', value });

describe('checkAnswer', () => {
	it.each([1, 2, 3, 4, 5, 'cannot_say' as const])('takes %s on the agreement scale', (value) => {
		expect(checkAnswer(scale('a'), scaleAnswer(value))).toBeNull();
	});

	it.each([0, 6, 2.5, -1, Number.NaN])('refuses %s on the agreement scale', (value) => {
		expect(checkAnswer(scale('a'), scaleAnswer(value))).toBe('out_of_scale');
	});

	it('refuses an answer of another kind', () => {
		expect(checkAnswer(scale('a'), { kind: 'number', value: 3 })).toBe('wrong_kind');
		expect(checkAnswer(freeText('a'), scaleAnswer(3))).toBe('wrong_kind');
	});

	it('takes one of the options of a single choice', () => {
		const q = singleChoice('q', [0, 1, null]);
		expect(checkAnswer(q, { kind: 'single_choice', option: 'c' })).toBeNull();
		expect(checkAnswer(q, { kind: 'single_choice', option: 'd' })).toBe('unknown_option');
	});

	it('takes distinct options of a multiple choice, up to its limit', () => {
		const q = multipleChoice('q', 4, 2);
		const chosen = (...options: string[]): AnswerValue => ({ kind: 'multiple_choice', options });
		expect(checkAnswer(q, chosen('a', 'd'))).toBeNull();
		expect(checkAnswer(q, chosen('a', 'x'))).toBe('unknown_option');
		expect(checkAnswer(q, chosen('b', 'b'))).toBe('repeated_option');
		expect(checkAnswer(q, chosen('a', 'b', 'c'))).toBe('too_many_choices');
		expect(checkAnswer(q, chosen())).toBe('blank');
		expect(checkAnswer(multipleChoice('q', 4), chosen('a', 'b', 'c', 'd'))).toBeNull();
	});

	it('takes a number within the bounds, whole where asked', () => {
		const q = numberQuestion('q', { min: 0, max: 60, integer: true });
		const n = (value: number): AnswerValue => ({ kind: 'number', value });
		expect(checkAnswer(q, n(0))).toBeNull();
		expect(checkAnswer(q, n(60))).toBeNull();
		expect(checkAnswer(q, n(-1))).toBe('below_min');
		expect(checkAnswer(q, n(61))).toBe('above_max');
		expect(checkAnswer(q, n(1.5))).toBe('not_whole');
		expect(checkAnswer(q, n(Number.POSITIVE_INFINITY))).toBe('not_a_number');
		expect(checkAnswer(numberQuestion('q'), n(-1e9 - 0.5))).toBeNull();
	});

	it('counts the length of a free text in characters, not UTF-16 units', () => {
		const q = freeText('q', 3);
		expect(checkAnswer(q, { kind: 'free_text', text: 'äöå' })).toBeNull();
		expect(checkAnswer(q, { kind: 'free_text', text: '🌲🌲🌲' })).toBeNull();
		expect(checkAnswer(q, { kind: 'free_text', text: 'abcd' })).toBe('too_long');
		expect(checkAnswer(q, { kind: 'free_text', text: '  ' })).toBe('blank');
	});
});

describe('saveSection', () => {
	const previous: Answers = new Map<string, AnswerValue>([
		['strategy_known', scaleAnswer(4)],
		['strategy_notes', { kind: 'free_text', text: 'Strategia päivitetään 2025.' }],
		['vitality_jobs', scaleAnswer(2)]
	]);
	const save = (
		submitted: [string, AnswerValue | null][],
		over: Partial<SectionSave> = {}
	): ReturnType<typeof saveSection> =>
		saveSection({
			state: 'open',
			questionnaire: EXAMPLE,
			section: 'strategy',
			previous,
			submitted: new Map(submitted),
			...over
		});

	it('replaces the section with what was sent and keeps the other sections', () => {
		const result = save([
			['strategy_known', scaleAnswer(5)],
			['strategy_followed', scaleAnswer('cannot_say')],
			['strategy_notes', { kind: 'free_text', text: '   ' }]
		]);
		expect(result).toEqual({
			ok: true,
			answers: new Map([
				['strategy_known', scaleAnswer(5)],
				['vitality_jobs', scaleAnswer(2)],
				['strategy_followed', scaleAnswer('cannot_say')]
			]),
			changed: ['strategy_known', 'strategy_followed', 'strategy_notes']
		});
	});

	it('changes nothing when the same answers are saved again', () => {
		const result = save([
			['strategy_known', scaleAnswer(4)],
			['strategy_notes', { kind: 'free_text', text: 'Strategia päivitetään 2025.' }]
		]);
		expect(result).toEqual({ ok: true, answers: previous, changed: [] });
	});

	it('stores only the fields of an answer, and compares them whatever their order', () => {
		const fromDatabase = new Map([
			['strategy_known', { value: 4, kind: 'scale' } as AnswerValue],
			['strategy_followed', { kind: 'scale', value: 2, id: 'row 7' } as AnswerValue]
		]);
		const result = save(
			[
				['strategy_known', scaleAnswer(4)],
				['strategy_followed', { kind: 'scale', value: 2, extra: true } as AnswerValue]
			],
			{ previous: fromDatabase }
		);
		expect(result).toEqual({
			ok: true,
			answers: new Map([
				['strategy_known', scaleAnswer(4)],
				['strategy_followed', scaleAnswer(2)]
			]),
			changed: []
		});
	});

	it('keeps chosen options in the order of the question', () => {
		const result = save(
			[['wellbeing_partners', { kind: 'multiple_choice', options: ['d', 'a'] }]],
			{ section: 'wellbeing' }
		);
		expect(result.ok && result.answers.get('wellbeing_partners')).toEqual({
			kind: 'multiple_choice',
			options: ['a', 'd']
		});
	});

	it('saves nothing when one answer is wrong, and names every wrong one', () => {
		expect(
			save([
				['strategy_known', scaleAnswer(7)],
				['strategy_followed', scaleAnswer(3)],
				['strategy_updated', { kind: 'single_choice', option: 'z' }]
			])
		).toEqual({
			ok: false,
			problems: [
				{ code: 'out_of_scale', question: 'strategy_known' },
				{ code: 'unknown_option', question: 'strategy_updated' }
			]
		});
	});

	it("refuses an answer to another section's or another version's question", () => {
		expect(
			save([
				['strategy_known', scaleAnswer(3)],
				['vitality_jobs', scaleAnswer(3)],
				['strategy_old_question', scaleAnswer(3)]
			])
		).toEqual({
			ok: false,
			problems: [
				{ code: 'unknown_question', question: 'vitality_jobs' },
				{ code: 'unknown_question', question: 'strategy_old_question' }
			]
		});
	});

	it('refuses a closed analysis and a section not in the version', () => {
		expect(save([['strategy_known', scaleAnswer(3)]], { state: 'closed' })).toEqual({
			ok: false,
			problems: [{ code: 'analysis_closed' }]
		});
		expect(save([], { section: 'economy' })).toEqual({
			ok: false,
			problems: [{ code: 'unknown_section' }]
		});
	});

	const section0 = EXAMPLE.sections[1]!;
	const submission = fc
		.tuple(
			...section0.questions.map((q) =>
				fc.option(fc.oneof(validAnswer(q), anyAnswer), { nil: null })
			)
		)
		.map((sent) => new Map(sent.map((a, i) => [section0.questions[i]!.key, a] as const)));
	const previousAnswers = fc
		.tuple(...EXAMPLE.sections.flatMap((s) => s.questions).map((q) => fc.option(validAnswer(q))))
		.map(
			(all) =>
				new Map(
					EXAMPLE.sections
						.flatMap((s) => s.questions)
						.flatMap((q, i) => (all[i] ? [[q.key, all[i]] as const] : []))
				)
		);

	it('saves all of a section or nothing, never touching another section', () => {
		fc.assert(
			fc.property(previousAnswers, submission, (before, submitted) => {
				const result = saveSection({
					state: 'open',
					questionnaire: EXAMPLE,
					section: section0.key,
					previous: before,
					submitted
				});
				const wrong = section0.questions.filter((q) => {
					const a = submitted.get(q.key);
					return a && !isBlank(a) && checkAnswer(q, a) !== null;
				});
				expect(result.ok).toBe(wrong.length === 0);
				if (!result.ok) return;
				const mine = new Set(section0.questions.map((q) => q.key));
				for (const [key, answer] of before) {
					if (!mine.has(key)) expect(result.answers.get(key)).toBe(answer);
				}
				for (const q of section0.questions) {
					const a = result.answers.get(q.key);
					if (a) expect(checkAnswer(q, a)).toBeNull();
					else {
						const sent = submitted.get(q.key);
						expect(!sent || isBlank(sent)).toBe(true);
					}
				}
			})
		);
	});

	it('is idempotent: saving the same again changes nothing', () => {
		fc.assert(
			fc.property(previousAnswers, submission, (before, submitted) => {
				const first = saveSection({
					state: 'open',
					questionnaire: EXAMPLE,
					section: section0.key,
					previous: before,
					submitted
				});
				fc.pre(first.ok);
				if (!first.ok) return;
				const again = saveSection({
					state: 'open',
					questionnaire: EXAMPLE,
					section: section0.key,
					previous: first.answers,
					submitted
				});
				expect(again).toEqual({ ok: true, answers: first.answers, changed: [] });
			})
		);
	});
});

describe('sectionCompleteness and completeness', () => {
	const s = section('s', [scale('a'), scale('b', 1, false), freeText('c')] as Question[]);
	const answers = (...pairs: [string, AnswerValue][]): Answers => new Map(pairs);

	it('is not started until something is answered', () => {
		expect(sectionCompleteness(s, answers())).toEqual({
			section: 's',
			questions: 3,
			answered: 0,
			required: 1,
			requiredAnswered: 0,
			progress: 'not_started'
		});
	});

	it('is in progress while a required question is unanswered', () => {
		expect(sectionCompleteness(s, answers(['b', scaleAnswer(2)])).progress).toBe('in_progress');
	});

	it('is complete once every required question is answered, "cannot say" included', () => {
		expect(sectionCompleteness(s, answers(['a', scaleAnswer('cannot_say')]))).toMatchObject({
			answered: 1,
			requiredAnswered: 1,
			progress: 'complete'
		});
	});

	it('does not count a stored answer the question would refuse', () => {
		expect(sectionCompleteness(s, answers(['a', scaleAnswer(9)])).progress).toBe('not_started');
	});

	it('is complete for the questionnaire when every section is', () => {
		const all = EXAMPLE.sections.flatMap((x) => x.questions).filter((q) => q.required);
		const required = new Map(all.map((q) => [q.key, scaleAnswer(3)]));
		expect(completeness(EXAMPLE, new Map()).progress).toBe('not_started');
		expect(completeness(EXAMPLE, required).progress).toBe('in_progress'); // background: nothing required, nothing answered
		required.set('respondent_years', { kind: 'number', value: 12 });
		const result = completeness(EXAMPLE, required);
		expect(result.progress).toBe('complete');
		expect(result.sections.map((x) => [x.section, x.answered, x.questions])).toEqual([
			['strategy', 2, 4],
			['wellbeing', 1, 4],
			['vitality', 2, 2],
			['background', 1, 1]
		]);
	});
});
