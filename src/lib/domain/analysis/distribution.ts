import { fiveNumberSummary, type FiveNumberSummary } from './statistics';

/**
 * Comparing a municipality with its peers. A group (the network's members, members of the
 * same size class, of a region) is shown only as a distribution — count, range and type 7
 * quartiles (statistics.ts) — and only when at least MIN_GROUP_SIZE municipalities in it have
 * a score; a smaller group gives `suppressed` and no figures at all, not even its count. A
 * member's own place is given as a band between the group's quartiles, worked out from the
 * summary alone, so it needs no other member's value and says nothing of a suppressed group.
 */

/** Fewer municipalities with a score than this, and a group is not shown (k-anonymity, k = 5). */
export const MIN_GROUP_SIZE = 5;

export type GroupDistribution = { suppressed: true } | ({ suppressed: false } & FiveNumberSummary);

const SUPPRESSED: GroupDistribution = Object.freeze({ suppressed: true });

/** The same rule for a summary aggregated elsewhere (count and percentile_cont in SQL). */
export function suppressSmallGroup(summary: FiveNumberSummary | null): GroupDistribution {
	if (!summary || summary.n < MIN_GROUP_SIZE) return SUPPRESSED;
	const { n, min, lowerQuartile, median, upperQuartile, max } = summary;
	return { suppressed: false, n, min, lowerQuartile, median, upperQuartile, max };
}

/** A group's distribution from its municipalities' scores, one each; null: no score. */
export function groupDistribution(scores: readonly (number | null)[]): GroupDistribution {
	return suppressSmallGroup(fiveNumberSummary(scores.filter((s): s is number => s !== null)));
}

/**
 * Where a value falls in a group: below its lower quartile, between the lower quartile and the
 * median, at the median, between the median and the upper quartile, or above the upper
 * quartile. A value on a quartile belongs to the middle band beside it.
 */
export type Position =
	'below_lower_quartile' | 'lower_middle' | 'at_median' | 'upper_middle' | 'above_upper_quartile';

/** The band the member's own score falls in; null without a score or in a suppressed group. */
export function positionIn(own: number | null, group: GroupDistribution): Position | null {
	if (own === null || group.suppressed) return null;
	if (own === group.median) return 'at_median';
	if (own < group.lowerQuartile) return 'below_lower_quartile';
	if (own > group.upperQuartile) return 'above_upper_quartile';
	return own < group.median ? 'lower_middle' : 'upper_middle';
}

/** A score of a season with the fingerprint of what decided it (questionnaire.ts). */
export interface SeasonScore {
	score: number | null;
	scoringFingerprint: string;
}

export type SeasonChange =
	| { comparable: true; previous: number; current: number; change: number }
	| {
			comparable: false;
			reason:
				| 'not_in_previous'
				/** The scored questions, weights or option scores differ between the versions. */
				| 'scored_differently'
				| 'no_previous_score'
				| 'no_current_score';
	  };

/** The change from one season to another, only where both have a score decided alike. */
export function seasonChange(
	current: SeasonScore,
	previous: SeasonScore | undefined
): SeasonChange {
	if (!previous) return { comparable: false, reason: 'not_in_previous' };
	if (previous.scoringFingerprint !== current.scoringFingerprint) {
		return { comparable: false, reason: 'scored_differently' };
	}
	if (previous.score === null) return { comparable: false, reason: 'no_previous_score' };
	if (current.score === null) return { comparable: false, reason: 'no_current_score' };
	return {
		comparable: true,
		previous: previous.score,
		current: current.score,
		change: current.score - previous.score
	};
}

/** Per section of the current season, matched by key with the previous season's sections. */
export function compareSeasons(
	current: readonly ({ section: string } & SeasonScore)[],
	previous: readonly ({ section: string } & SeasonScore)[]
): ({ section: string } & SeasonChange)[] {
	const before = new Map(previous.map((p) => [p.section, p]));
	return current.map((c) => ({ section: c.section, ...seasonChange(c, before.get(c.section)) }));
}
