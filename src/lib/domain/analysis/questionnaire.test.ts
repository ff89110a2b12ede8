import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	checkQuestionnaire,
	findQuestion,
	isScored,
	scoredSections,
	scoringFingerprint,
	sectionScoringFingerprint,
	textIn,
	versionChange,
	versionFingerprint,
	type Question,
	type Questionnaire,
	type Section
} from './questionnaire';
import {
	EXAMPLE,
	fi,
	freeText,
	multipleChoice,
	numberQuestion,
	scale,
	section,
	singleChoice
} from './test-builders';

/** A deep copy with every object's properties in reverse order. */
function reversedProperties<T>(value: T): T {
	if (Array.isArray(value)) return value.map(reversedProperties) as T;
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value)
				.reverse()
				.map(([k, v]) => [k, reversedProperties(v)])
		) as T;
	}
	return value;
}

const one = (...questions: Question[]): Questionnaire => ({
	sections: [section('s', questions)]
});

describe('textIn', () => {
	const text = { fi: 'Strategia', sv: 'Strategi', en: '  ' };
	it('gives the text in the language asked for', () => {
		expect(textIn(text, 'fi')).toBe('Strategia');
		expect(textIn(text, 'sv')).toBe('Strategi');
	});
	it('falls back to Finnish where a language is blank or not given', () => {
		expect(textIn(text, 'en')).toBe('Strategia');
		expect(textIn({ fi: 'Elinvoima' }, 'sv')).toBe('Elinvoima');
		expect(textIn({ fi: 'Elinvoima', sv: null }, 'sv')).toBe('Elinvoima');
	});
});

describe('isScored and scoredSections', () => {
	it('scores scale and single-choice questions that carry a weight, nothing else', () => {
		expect(isScored(scale('a'))).toBe(true);
		expect(isScored(scale('a', null))).toBe(false);
		expect(isScored(singleChoice('b', [0, 1]))).toBe(true);
		expect(isScored(singleChoice('b', [null, null], null))).toBe(false);
		expect(isScored(multipleChoice('c', 3))).toBe(false);
		expect(isScored(numberQuestion('d'))).toBe(false);
		expect(isScored(freeText('e'))).toBe(false);
	});
	it('leaves out sections without a scored question', () => {
		expect(scoredSections(EXAMPLE).map((s) => s.key)).toEqual([
			'strategy',
			'wellbeing',
			'vitality'
		]);
	});
});

describe('findQuestion', () => {
	it('finds a question with its section, or null', () => {
		expect(findQuestion(EXAMPLE, 'vitality_jobs')?.section.key).toBe('vitality');
		expect(findQuestion(EXAMPLE, 'nope')).toBeNull();
	});
});

describe('checkQuestionnaire', () => {
	it('passes the example', () => {
		expect(checkQuestionnaire(EXAMPLE)).toEqual([]);
	});

	it('refuses a questionnaire without sections', () => {
		expect(checkQuestionnaire({ sections: [] })).toEqual([{ code: 'no_sections' }]);
	});

	it('refuses a section of no questions, pointing at it', () => {
		const q = { sections: [...EXAMPLE.sections, section('empty', [])] };
		expect(checkQuestionnaire(q)).toEqual([{ code: 'empty_section', section: 4 }]);
	});

	it('refuses a questionnaire where nothing is scored', () => {
		expect(checkQuestionnaire(one(freeText('a'), scale('b', null)))).toEqual([
			{ code: 'nothing_scored' }
		]);
	});

	it.each([0, -1, 0.5, 101, Number.NaN, Number.POSITIVE_INFINITY])(
		'refuses a weight of %s',
		(weight) => {
			expect(checkQuestionnaire(one(scale('a'), scale('b', weight)))).toEqual([
				{ code: 'bad_weight', section: 0, question: 1 }
			]);
			expect(checkQuestionnaire({ sections: [section('s', [scale('a')], weight)] })).toEqual([
				{ code: 'bad_weight', section: 0 }
			]);
		}
	);

	it('refuses a key used twice: sections, questions across sections, options', () => {
		const m = multipleChoice('m', 2);
		const withOptions: Questionnaire = {
			sections: [
				section('a', [scale('x')]),
				section('a', [scale('x'), { ...m, options: [m.options[0]!, m.options[0]!] }])
			]
		};
		expect(checkQuestionnaire(withOptions)).toEqual([
			{ code: 'duplicate_key', section: 1 },
			{ code: 'duplicate_key', section: 1, question: 0 },
			{ code: 'duplicate_key', section: 1, question: 1, option: 1 }
		]);
	});

	it.each(['', 'Strategy', '1st', 'has space', 'a'.repeat(65), 'ääni'])(
		'refuses %j as a key',
		(key) => {
			expect(checkQuestionnaire(one(scale(key)))).toEqual([
				{ code: 'bad_key', section: 0, question: 0 }
			]);
		}
	);

	it('asks for the Finnish text of sections, questions and options', () => {
		const q: Questionnaire = {
			sections: [
				{
					...section('s', [
						{ ...scale('a'), text: { fi: ' ', sv: 'Påstående' } },
						{
							...singleChoice('b', [0, 1]),
							options: [
								{ key: 'yes', text: fi('Kyllä'), score: 1 },
								{ key: 'no', text: fi(''), score: 0 }
							]
						}
					]),
					title: fi('')
				}
			]
		};
		expect(checkQuestionnaire(q)).toEqual([
			{ code: 'missing_text', section: 0 },
			{ code: 'missing_text', section: 0, question: 0 },
			{ code: 'missing_text', section: 0, question: 1, option: 1 }
		]);
	});

	it('refuses a choice question without two options', () => {
		expect(checkQuestionnaire(one(scale('a'), singleChoice('b', [])))).toEqual([
			{ code: 'too_few_options', section: 0, question: 1 }
		]);
		expect(checkQuestionnaire(one(scale('a'), multipleChoice('b', 1)))).toEqual([
			{ code: 'too_few_options', section: 0, question: 1 }
		]);
	});

	it('needs two different option scores on a scored single choice', () => {
		expect(checkQuestionnaire(one(singleChoice('b', [1, 1, null])))).toEqual([
			{ code: 'flat_scores', section: 0, question: 0 }
		]);
		expect(checkQuestionnaire(one(singleChoice('b', [1, null, 3])))).toEqual([]);
	});

	it('refuses option scores that are not numbers, or on a question that is not scored', () => {
		expect(checkQuestionnaire(one(scale('a'), singleChoice('b', [0, 1, Number.NaN])))).toEqual([
			{ code: 'bad_option_score', section: 0, question: 1, option: 2 }
		]);
		expect(checkQuestionnaire(one(scale('a'), singleChoice('b', [null, 2], null)))).toEqual([
			{ code: 'score_on_unscored', section: 0, question: 1, option: 1 }
		]);
	});

	it('checks the limits of number, multiple-choice and free-text questions', () => {
		const q = one(
			scale('a'),
			numberQuestion('b', { min: 10, max: 1 }),
			numberQuestion('c', { min: Number.NEGATIVE_INFINITY }),
			numberQuestion('d', { min: 5, max: 5 }),
			multipleChoice('e', 3, 4),
			multipleChoice('f', 3, 0),
			multipleChoice('g', 3, 3),
			freeText('h', 0),
			freeText('i', 4001),
			freeText('j', 4000)
		);
		expect(checkQuestionnaire(q)).toEqual([
			{ code: 'bad_range', section: 0, question: 1 },
			{ code: 'bad_range', section: 0, question: 2 },
			{ code: 'bad_max_choices', section: 0, question: 4 },
			{ code: 'bad_max_choices', section: 0, question: 5 },
			{ code: 'bad_max_length', section: 0, question: 7 },
			{ code: 'bad_max_length', section: 0, question: 8 }
		]);
	});
});

describe('versionFingerprint', () => {
	it('is SHA-256 in hex and stays the same from release to release', () => {
		// SHA-256 of the UTF-8 text
		// ["questionnaire/1",[["s",["Osio s",null,null],null,1,[["scale","a",["Väite a",null,null],null,true,1]]]]]
		// (checked with node:crypto). A change here makes every stored fingerprint disagree with
		// its version: change the 'questionnaire/1' tag on purpose instead.
		expect(versionFingerprint(one(scale('a')))).toBe(
			'5c45ec942bb8184dc38f2c899714e32f994cec97caccb699bf186d7c54c830a7'
		);
	});

	it('does not depend on property order, fields beside the content, or blank translations', () => {
		const copy = reversedProperties(EXAMPLE);
		expect(versionFingerprint(copy)).toBe(versionFingerprint(EXAMPLE));
		const withIds = {
			sections: EXAMPLE.sections.map((s) => ({ ...s, id: 'uuid', position: 3 }))
		};
		expect(versionFingerprint(withIds)).toBe(versionFingerprint(EXAMPLE));
		const blankSv = {
			sections: EXAMPLE.sections.map((s) => ({ ...s, title: { ...s.title, sv: '' } }))
		};
		expect(versionFingerprint(blankSv)).toBe(versionFingerprint(EXAMPLE));
	});

	it('changes with any text, in any language', () => {
		fc.assert(
			fc.property(
				fc.nat(EXAMPLE.sections.length - 1),
				fc.constantFrom('fi', 'sv', 'en'),
				fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
				(at, locale, text) => {
					const s = EXAMPLE.sections[at]!;
					fc.pre(s.title[locale] !== text);
					const changed = {
						sections: EXAMPLE.sections.map((x, i) =>
							i === at ? { ...x, title: { ...x.title, [locale]: text } } : x
						)
					};
					expect(versionFingerprint(changed)).not.toBe(versionFingerprint(EXAMPLE));
				}
			)
		);
	});

	it('changes when questions are reordered, since respondents see the order', () => {
		const [a, b, ...rest] = EXAMPLE.sections[0]!.questions;
		const reordered = {
			sections: [
				{ ...EXAMPLE.sections[0]!, questions: [b!, a!, ...rest] },
				...EXAMPLE.sections.slice(1)
			]
		};
		expect(versionFingerprint(reordered)).not.toBe(versionFingerprint(EXAMPLE));
	});
});

describe('versionChange', () => {
	const edited = one(scale('a'), scale('b'));
	it('saves over a draft', () => {
		expect(versionChange('draft', one(scale('a')), edited)).toBe('edit_draft');
	});
	it('makes a new version of a published one', () => {
		expect(versionChange('published', one(scale('a')), edited)).toBe('new_version');
		expect(
			versionChange('published', one(scale('a')), one({ ...scale('a'), text: fi('Korjattu') }))
		).toBe('new_version');
	});
	it('does nothing when nothing changed', () => {
		expect(versionChange('published', EXAMPLE, reversedProperties(EXAMPLE))).toBe('unchanged');
		expect(versionChange('draft', EXAMPLE, EXAMPLE)).toBe('unchanged');
	});
});

describe('sectionScoringFingerprint', () => {
	const base: Section = EXAMPLE.sections[0]!;
	const withQuestions = (questions: readonly Question[]): Section => ({ ...base, questions });
	const fingerprint = sectionScoringFingerprint(base);

	it('ignores texts, order, unscored questions and the section weight', () => {
		const reworded = withQuestions(
			[...base.questions].reverse().map((q) => ({ ...q, text: fi('Uusi muotoilu') }))
		);
		expect(sectionScoringFingerprint(reworded)).toBe(fingerprint);
		expect(
			sectionScoringFingerprint(
				withQuestions([...base.questions, freeText('more'), scale('x', null)])
			)
		).toBe(fingerprint);
		expect(sectionScoringFingerprint({ ...base, weight: 7, title: fi('Toinen') })).toBe(
			fingerprint
		);
	});

	it('changes with a scored question added or dropped, a weight or an option score', () => {
		const qs = base.questions;
		expect(sectionScoringFingerprint(withQuestions([...qs, scale('x')]))).not.toBe(fingerprint);
		expect(sectionScoringFingerprint(withQuestions(qs.slice(1)))).not.toBe(fingerprint);
		expect(
			sectionScoringFingerprint(
				withQuestions([{ ...scale('strategy_known'), weight: 3 }, ...qs.slice(1)])
			)
		).not.toBe(fingerprint);
		expect(
			sectionScoringFingerprint(
				withQuestions([
					...qs.slice(0, 2),
					singleChoice('strategy_updated', [0, 1, 3, null]),
					qs[3]!
				])
			)
		).not.toBe(fingerprint);
	});
});

describe('scoringFingerprint', () => {
	it('changes with a section weight, not with an unscored section', () => {
		const base = scoringFingerprint(EXAMPLE);
		const [first, ...rest] = EXAMPLE.sections;
		expect(scoringFingerprint({ sections: [{ ...first!, weight: 2 }, ...rest] })).not.toBe(base);
		expect(scoringFingerprint({ sections: EXAMPLE.sections.slice(0, 3) })).toBe(base);
		expect(scoringFingerprint({ sections: [...rest, first!] })).toBe(base);
	});
});
