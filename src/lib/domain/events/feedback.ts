/**
 * Feedback on an event: each question scored 1–5, a question may be left unanswered. The
 * summary of a question is its count, the number of each score and the average to one
 * decimal, rounded half up (4.25 → 4.3), computed from whole numbers so no float error decides
 * a rounding. The same summary serves one event and a whole season.
 */

export const SCORES = [1, 2, 3, 4, 5] as const;
export type Score = (typeof SCORES)[number];

export function isScore(value: unknown): value is Score {
	return typeof value === 'number' && (SCORES as readonly number[]).includes(value);
}

export interface ScoreSummary {
	/** Answers with a score. */
	count: number;
	/** How many gave 1, 2, 3, 4 and 5: `distribution[0]` is the count of 1s. */
	distribution: [number, number, number, number, number];
	/** Average to one decimal; null without answers. */
	average: number | null;
}

/** Summary of one question's scores; throws on a value that is not a score (1–5). */
export function summariseScores(scores: readonly number[]): ScoreSummary {
	const distribution: ScoreSummary['distribution'] = [0, 0, 0, 0, 0];
	for (const score of scores) {
		if (!isScore(score)) throw new RangeError(`not a score: ${score}`);
		distribution[score - 1] = (distribution[score - 1] ?? 0) + 1;
	}
	return summariseDistribution(distribution);
}

/**
 * The same summary from counts of each score (`[1s, 2s, 3s, 4s, 5s]`), as a database counts
 * them over a whole season without reading every answer. Throws on a count that is not a
 * whole number of zero or more.
 */
export function summariseDistribution(counts: readonly number[]): ScoreSummary {
	if (counts.length !== SCORES.length) throw new RangeError('a count for each score 1–5');
	let count = 0;
	let sum = 0;
	counts.forEach((n, i) => {
		if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a count: ${n}`);
		count += n;
		sum += n * (i + 1);
	});
	// tenths = round(10 · sum / count), half up, in integers
	const average = count === 0 ? null : Math.floor((20 * sum + count) / (2 * count)) / 10;
	return { count, distribution: [...counts] as ScoreSummary['distribution'], average };
}

/** One person's answers: a score per question id; missing or null = not answered. */
export type FeedbackAnswers = Readonly<Record<string, number | null | undefined>>;

/** A summary per question, in the order of `questionIds`. */
export function summariseFeedback(
	questionIds: readonly string[],
	responses: readonly FeedbackAnswers[]
): { questionId: string; summary: ScoreSummary }[] {
	return questionIds.map((questionId) => {
		const scores: number[] = [];
		for (const r of responses) {
			const score = r[questionId];
			if (score !== null && score !== undefined) scores.push(score);
		}
		return { questionId, summary: summariseScores(scores) };
	});
}

/**
 * The questions of an event's feedback form, by id: the ids are stored with each answer
 * (`event_feedback.scores`), so a question's wording may change but its id may not.
 */
export const FEEDBACK_QUESTIONS = ['content', 'usefulness', 'arrangements'] as const;
export type FeedbackQuestion = (typeof FEEDBACK_QUESTIONS)[number];
