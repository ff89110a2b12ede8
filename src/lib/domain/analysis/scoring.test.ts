import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerValue, Answers } from './answers';
import type { Question, Questionnaire, ScoredQuestion } from './questionnaire';
import {
	answerScore,
	MIN_RESPONDENTS,
	municipalityScores,
	overallScore,
	respondentScores,
	respondentSectionScore,
	scoresOnVersion,
	type RespondentScores
} from './scoring';
import { EXAMPLE, scale, section, singleChoice, validAnswer } from './test-builders';

const s = (value: number | 'cannot_say'): AnswerValue => ({ kind: 'scale', value });
const pick = (option: string): AnswerValue => ({ kind: 'single_choice', option });
const answers = (entries: Record<string, AnswerValue>): Answers => new Map(Object.entries(entries));

describe('answerScore', () => {
	it.each([
		[1, 0],
		[2, 25],
		[3, 50],
		[4, 75],
		[5, 100]
	])('puts %i on the agreement scale at %i', (value, expected) => {
		expect(answerScore(scale('q') as ScoredQuestion, s(value))).toBe(expected);
	});

	it('counts "cannot say", no answer and an answer out of the scale for nothing', () => {
		const q = scale('q') as ScoredQuestion;
		expect(answerScore(q, s('cannot_say'))).toBeNull();
		expect(answerScore(q, undefined)).toBeNull();
		expect(answerScore(q, s(6))).toBeNull();
	});

	it("spreads a single choice's option scores from 0 to 100", () => {
		const q = singleChoice('q', [10, 40, 20, null]) as ScoredQuestion;
		expect(answerScore(q, pick('a'))).toBe(0);
		expect(answerScore(q, pick('b'))).toBe(100);
		expect(answerScore(q, pick('c'))).toBeCloseTo(100 / 3, 12);
		expect(answerScore(q, pick('d'))).toBeNull();
		expect(answerScore(q, pick('x'))).toBeNull();
	});
});

describe('respondentSectionScore', () => {
	// strategy: known (weight 1), followed (2), updated (1; options 0, 1, 2, unscored), notes
	const strategy = EXAMPLE.sections[0]!;

	it('is the weighted mean of the counted answers', () => {
		const a = answers({
			strategy_known: s(5),
			strategy_followed: s(3),
			strategy_updated: pick('b')
		});
		expect(respondentSectionScore(strategy, a)).toBe((100 + 2 * 50 + 50) / 4);
	});

	it('needs answers carrying half of the scored weight', () => {
		expect(respondentSectionScore(strategy, answers({ strategy_followed: s(2) }))).toBe(25);
		expect(
			respondentSectionScore(
				strategy,
				answers({ strategy_known: s(5), strategy_updated: pick('c') })
			)
		).toBe(100);
		expect(respondentSectionScore(strategy, answers({ strategy_known: s(5) }))).toBeNull();
		expect(
			respondentSectionScore(
				strategy,
				answers({
					strategy_known: s(5),
					strategy_followed: s('cannot_say'),
					strategy_updated: pick('d')
				})
			)
		).toBeNull();
	});

	it('is null for a section without scored questions', () => {
		expect(respondentSectionScore(EXAMPLE.sections[3]!, answers({}))).toBeNull();
	});
});

describe('overallScore and respondentScores', () => {
	const q: Questionnaire = {
		sections: [section('a', [scale('a1')], 1), section('b', [scale('b1')], 3), EXAMPLE.sections[3]!]
	};

	it('weights the section scores by the sections’ weights, leaving out unscored sections', () => {
		expect(respondentScores(q, answers({ a1: s(5), b1: s(3) }))).toEqual({
			sections: new Map([
				['a', 100],
				['b', 50]
			]),
			overall: (100 + 3 * 50) / 4
		});
	});

	it('has no overall score while a scored section has none', () => {
		expect(overallScore(q, new Map([['a', 100]]))).toBeNull();
		expect(respondentScores(q, answers({ a1: s(5), b1: s('cannot_say') })).overall).toBeNull();
	});
});

describe('municipalityScores', () => {
	const q: Questionnaire = {
		sections: [section('a', [scale('a1')], 1), section('b', [scale('b1')], 1)]
	};
	const respondent = (a: number | null, b: number | null): RespondentScores => ({
		sections: new Map([
			['a', a],
			['b', b]
		]),
		overall: a !== null && b !== null ? (a + b) / 2 : null
	});

	it('averages the respondents and gives their spread', () => {
		const result = municipalityScores(q, [
			respondent(100, 50),
			respondent(50, 50),
			respondent(75, null),
			respondent(0, 25)
		]);
		expect(result.sections[0]).toEqual({
			section: 'a',
			score: 56.25,
			respondents: 4,
			spread: { n: 4, min: 0, lowerQuartile: 37.5, median: 62.5, upperQuartile: 81.25, max: 100 }
		});
		expect(result.sections[1]).toMatchObject({ section: 'b', score: 125 / 3, respondents: 3 });
		expect(result.overall).toMatchObject({ score: (56.25 + 125 / 3) / 2, respondents: 3 });
		expect(result.overall.spread?.n).toBe(3);
	});

	it(`has no score and no spread below ${MIN_RESPONDENTS} respondents with a score`, () => {
		const result = municipalityScores(q, [
			respondent(100, 50),
			respondent(50, null),
			respondent(null, 25)
		]);
		expect(result.sections).toEqual([
			{ section: 'a', score: null, respondents: 2, spread: null },
			{ section: 'b', score: null, respondents: 2, spread: null }
		]);
		expect(result.overall).toEqual({ score: null, respondents: 1, spread: null });
	});
});

describe('scoresOnVersion', () => {
	const v1: Questionnaire = {
		sections: [section('a', [scale('a1'), scale('a2')]), section('b', [scale('b1'), scale('b2')])]
	};
	// v2 rewords a1 and adds b3: section a still scores alike, b does not
	const v2: Questionnaire = {
		sections: [
			section('a', [{ ...scale('a1'), text: { fi: 'Uusi muotoilu' } }, scale('a2')]),
			section('b', [scale('b1'), scale('b2'), scale('b3')])
		]
	};
	const all = answers({ a1: s(5), a2: s(4), b1: s(3), b2: s(2) });

	it('counts an answer of another version only where its section scores alike', () => {
		const [same, other] = scoresOnVersion(v2, [
			{ questionnaire: v2, answers: all },
			{ questionnaire: v1, answers: all }
		]);
		expect(same).toEqual(respondentScores(v2, all));
		expect(other).toEqual({
			sections: new Map([
				['a', 87.5],
				['b', null]
			]),
			overall: null
		});
	});

	it('is respondentScores when everyone answered the target version', () => {
		expect(scoresOnVersion(EXAMPLE, [{ questionnaire: EXAMPLE, answers: all }])).toEqual([
			respondentScores(EXAMPLE, all)
		]);
	});
});

// Random questionnaires of scored questions and the answers of a municipality's respondents.
const scoredQuestion = (key: string): fc.Arbitrary<Question> =>
	fc.oneof(
		fc.integer({ min: 1, max: 5 }).map((w) => scale(key, w)),
		fc
			.tuple(
				fc.integer({ min: 1, max: 5 }),
				fc.array(fc.option(fc.integer({ min: -5, max: 10 }), { nil: null }), {
					minLength: 2,
					maxLength: 5
				})
			)
			.filter(([, scores]) => new Set(scores.filter((x) => x !== null)).size >= 2)
			.map(([w, scores]) => singleChoice(key, scores, w))
	);

const questionnaire: fc.Arbitrary<Questionnaire> = fc
	.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 })), {
		minLength: 1,
		maxLength: 4
	})
	.chain((specs) =>
		fc.tuple(
			...specs.map(([weight, count], i) =>
				fc
					.tuple(...Array.from({ length: count }, (_, j) => scoredQuestion(`q${i}_${j}`)))
					.map((questions) => section(`s${i}`, questions, weight))
			)
		)
	)
	.map((sections) => ({ sections }));

/** `complete`: every question answered with an answer that counts. */
const respondentAnswers = (q: Questionnaire, complete = false): fc.Arbitrary<Answers> => {
	const all = q.sections.flatMap((x) => x.questions);
	const answer = (question: Question) =>
		complete
			? validAnswer(question).filter((a) => answerScore(question as ScoredQuestion, a) !== null)
			: fc.option(validAnswer(question), { nil: undefined, freq: 4 });
	return fc
		.tuple(...all.map(answer))
		.map((list) => new Map(all.flatMap((x, i) => (list[i] ? [[x.key, list[i]] as const] : []))));
};

const municipality = (complete = false) =>
	questionnaire.chain((q) =>
		fc.tuple(
			fc.constant(q),
			fc.array(respondentAnswers(q, complete), { minLength: 0, maxLength: 8 })
		)
	);

const scaled = (q: Questionnaire, factor: number): Questionnaire => ({
	sections: q.sections.map((x) => ({
		...x,
		weight: x.weight * factor,
		questions: x.questions.map((question) =>
			'weight' in question && question.weight !== null
				? { ...question, weight: question.weight * factor }
				: question
		)
	}))
});

const resultOf = (q: Questionnaire, list: readonly Answers[]) =>
	municipalityScores(
		q,
		list.map((a) => respondentScores(q, a))
	);

describe('the score rule’s invariants', () => {
	it('keeps every score between 0 and 100', () => {
		fc.assert(
			fc.property(municipality(), ([q, list]) => {
				const within = (x: number | null) => {
					if (x !== null) {
						expect(x).toBeGreaterThanOrEqual(0);
						expect(x).toBeLessThanOrEqual(100);
					}
				};
				for (const a of list) {
					const r = respondentScores(q, a);
					r.sections.forEach(within);
					within(r.overall);
				}
				const m = resultOf(q, list);
				for (const x of [...m.sections, m.overall]) {
					within(x.score);
					if (x.spread) [x.spread.min, x.spread.median, x.spread.max].forEach(within);
				}
			})
		);
	});

	it("puts a municipality's section score within its respondents' range", () => {
		fc.assert(
			fc.property(municipality(), ([q, list]) => {
				const respondents = list.map((a) => respondentScores(q, a));
				for (const x of municipalityScores(q, respondents).sections) {
					if (x.score === null) continue;
					const own = respondents.flatMap((r) => r.sections.get(x.section) ?? []);
					expect(x.score).toBeGreaterThanOrEqual(Math.min(...own));
					expect(x.score).toBeLessThanOrEqual(Math.max(...own));
					expect(x.respondents).toBe(own.length);
				}
			})
		);
	});

	it("puts the overall score within the respondents' overall range when all answered", () => {
		fc.assert(
			fc.property(municipality(true), ([q, list]) => {
				const respondents = list.map((a) => respondentScores(q, a));
				const { overall } = municipalityScores(q, respondents);
				if (overall.score === null) return;
				const own = respondents.map((r) => r.overall ?? Number.NaN);
				expect(own.every(Number.isFinite)).toBe(true);
				expect(overall.score).toBeGreaterThanOrEqual(Math.min(...own) - 1e-9);
				expect(overall.score).toBeLessThanOrEqual(Math.max(...own) + 1e-9);
			})
		);
	});

	it('gives the scores of the version itself to respondents who answered it', () => {
		fc.assert(
			fc.property(municipality(), ([q, list]) => {
				expect(
					scoresOnVersion(
						q,
						list.map((answers) => ({ questionnaire: q, answers }))
					)
				).toEqual(list.map((a) => respondentScores(q, a)));
			})
		);
	});

	it('does not change when the respondents come in another order', () => {
		fc.assert(
			fc.property(
				municipality().chain(([q, list]) =>
					fc.tuple(
						fc.constant(q),
						fc.constant(list),
						fc.shuffledSubarray(list, { minLength: list.length })
					)
				),
				([q, list, shuffled]) => {
					expect(resultOf(q, shuffled)).toEqual(resultOf(q, list));
				}
			)
		);
	});

	it('does not change when every weight is multiplied by the same number', () => {
		fc.assert(
			fc.property(municipality(), fc.integer({ min: 0, max: 10 }), ([q, list], power) => {
				// doubling is exact in binary floating point, so the results are equal to the bit
				expect(resultOf(scaled(q, 2 ** power), list)).toEqual(resultOf(q, list));
			})
		);
		fc.assert(
			fc.property(municipality(), fc.integer({ min: 2, max: 1000 }), ([q, list], factor) => {
				const a = resultOf(q, list);
				const b = resultOf(scaled(q, factor), list);
				// whole weights keep the half-answered test exact; the means may differ in the last bits
				expect(b.sections.map((x) => [x.respondents, x.score === null])).toEqual(
					a.sections.map((x) => [x.respondents, x.score === null])
				);
				a.sections.forEach((x, i) => {
					if (x.score !== null) expect(b.sections[i]!.score).toBeCloseTo(x.score, 9);
				});
				if (a.overall.score === null) expect(b.overall.score).toBeNull();
				else expect(b.overall.score).toBeCloseTo(a.overall.score, 9);
			})
		);
	});
});
