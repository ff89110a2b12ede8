import { checkAnswer, CANNOT_SAY, type AnswerValue, type Answers } from './answers';
import {
	isScored,
	scoredSections,
	sectionScoringFingerprint,
	type Questionnaire,
	type ScoredQuestion,
	type Section
} from './questionnaire';
import { fiveNumberSummary, mean, weightedMean, type FiveNumberSummary } from './statistics';

/**
 * The score rule (decision 019):
 * 1. Each answer to a scored question becomes 0–100: on the agreement scale 1 → 0, 2 → 25 …
 *    5 → 100; in a single choice the question's lowest option score → 0 and its highest → 100,
 *    linearly between. "Cannot say", an option without a score and no answer count for nothing.
 * 2. A respondent's section score is the weighted mean of their counted answers in the
 *    section, if those answers carry at least half of the section's scored weight.
 * 3. A municipality's section score is the mean of its respondents' section scores, if at
 *    least MIN_RESPONDENTS respondents have one; the spread is their five-number summary.
 * 4. The overall score is the mean of the section scores weighted by the sections' weights,
 *    if every scored section has a score.
 */

/** Respondents with a section score that a municipality's score of that section needs. */
export const MIN_RESPONDENTS = 3;

/** The part of a section's scored weight a respondent's counted answers must carry. */
export const MIN_ANSWERED_WEIGHT_SHARE = 0.5;

/** 0–100 for a scored question's answer; null where the answer does not count. */
export function answerScore(
	question: ScoredQuestion,
	answer: AnswerValue | undefined
): number | null {
	if (!answer || checkAnswer(question, answer) !== null) return null;
	if (answer.kind === 'scale') {
		return answer.value === CANNOT_SAY ? null : (answer.value - 1) * 25;
	}
	if (answer.kind !== 'single_choice' || question.kind !== 'single_choice') return null;
	const score = question.options.find((o) => o.key === answer.option)?.score ?? null;
	if (score === null) return null;
	const scores = question.options.flatMap((o) => (o.score === null ? [] : [o.score]));
	const lo = Math.min(...scores);
	const hi = Math.max(...scores);
	return hi === lo ? null : ((score - lo) / (hi - lo)) * 100;
}

/** A respondent's score of one section, or null (nothing scored, or too little answered). */
export function respondentSectionScore(section: Section, answers: Answers): number | null {
	const scored = section.questions.filter(isScored);
	let totalWeight = 0;
	const counted: { value: number; weight: number }[] = [];
	for (const question of scored) {
		totalWeight += question.weight;
		const value = answerScore(question, answers.get(question.key));
		if (value !== null) counted.push({ value, weight: question.weight });
	}
	const answeredWeight = counted.reduce((sum, c) => sum + c.weight, 0);
	if (counted.length === 0 || answeredWeight < MIN_ANSWERED_WEIGHT_SHARE * totalWeight) {
		return null;
	}
	return weightedMean(counted);
}

/**
 * The overall score from section scores by section key: their mean weighted by the sections'
 * weights, or null when a scored section has no score (an overall built from some sections
 * would not compare with one built from all).
 */
export function overallScore(
	questionnaire: Questionnaire,
	sectionScores: ReadonlyMap<string, number | null>
): number | null {
	const items: { value: number; weight: number }[] = [];
	for (const section of scoredSections(questionnaire)) {
		const value = sectionScores.get(section.key);
		if (value === null || value === undefined) return null;
		items.push({ value, weight: section.weight });
	}
	return weightedMean(items);
}

export interface RespondentScores {
	/** By section key, for every scored section. */
	sections: ReadonlyMap<string, number | null>;
	overall: number | null;
}

export function respondentScores(questionnaire: Questionnaire, answers: Answers): RespondentScores {
	const sections = new Map(
		scoredSections(questionnaire).map((s) => [s.key, respondentSectionScore(s, answers)])
	);
	return { sections, overall: overallScore(questionnaire, sections) };
}

/** A respondent's answers with the version they were given on. */
export interface AnsweredVersion {
	questionnaire: Questionnaire;
	answers: Answers;
}

/**
 * Respondents' scores for the results of one version, `target`. A respondent who answered
 * another version counts in a section only where that section scores alike in both (same key
 * and `sectionScoringFingerprint`); elsewhere they have no score there. Their overall score is
 * built with the target's section weights.
 */
export function scoresOnVersion(
	target: Questionnaire,
	respondents: readonly AnsweredVersion[]
): RespondentScores[] {
	const prints = new Map<Questionnaire, Map<string, string>>();
	const printsOf = (q: Questionnaire) => {
		let p = prints.get(q);
		if (!p) {
			p = new Map(scoredSections(q).map((s) => [s.key, sectionScoringFingerprint(s)]));
			prints.set(q, p);
		}
		return p;
	};
	const wanted = printsOf(target);
	return respondents.map(({ questionnaire, answers }) => {
		const theirs = printsOf(questionnaire);
		const sections = new Map<string, number | null>();
		for (const [key, print] of wanted) {
			const section = questionnaire.sections.find((s) => s.key === key);
			sections.set(
				key,
				section && theirs.get(key) === print ? respondentSectionScore(section, answers) : null
			);
		}
		return { sections, overall: overallScore(target, sections) };
	});
}

export interface ScoreWithSpread {
	/** null: fewer than MIN_RESPONDENTS respondents have a score here. */
	score: number | null;
	/** Respondents with a score here. */
	respondents: number;
	/**
	 * The respondents' scores as a five-number summary, shown only with at least
	 * MIN_RESPONDENTS of them; null whenever `score` is.
	 */
	spread: FiveNumberSummary | null;
}

export interface MunicipalityScores {
	sections: ({ section: string } & ScoreWithSpread)[];
	/**
	 * The score is built from the municipality's section scores; `respondents` and `spread`
	 * are those of the respondents who have an overall score of their own.
	 */
	overall: ScoreWithSpread;
}

function withSpread(scores: readonly (number | null)[]): ScoreWithSpread {
	const present = scores.filter((s): s is number => s !== null);
	const enough = present.length >= MIN_RESPONDENTS;
	return {
		score: enough ? mean(present) : null,
		respondents: present.length,
		spread: enough ? fiveNumberSummary(present) : null
	};
}

/** A municipality's scores from its respondents' scores, in any order. */
export function municipalityScores(
	questionnaire: Questionnaire,
	respondents: readonly RespondentScores[]
): MunicipalityScores {
	const sections = scoredSections(questionnaire).map((s) => ({
		section: s.key,
		...withSpread(respondents.map((r) => r.sections.get(s.key) ?? null))
	}));
	const score = overallScore(questionnaire, new Map(sections.map((s) => [s.section, s.score])));
	const own = withSpread(respondents.map((r) => r.overall));
	return {
		sections,
		overall: { score, respondents: own.respondents, spread: score === null ? null : own.spread }
	};
}
