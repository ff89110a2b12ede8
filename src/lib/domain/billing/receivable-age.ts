/**
 * Open receivables by age (ADR 026): what is still to be paid of an invoice, by how many days
 * past its due date it is on the day of the report. Not yet due, 1–30, 31–60, 61–90 and over
 * 90 days, as Finnish accounts receivable reports show them.
 */
export const AGE_BUCKETS = [
	{ key: 'not_due', fromDays: null, toDays: 0 },
	{ key: 'd1_30', fromDays: 1, toDays: 30 },
	{ key: 'd31_60', fromDays: 31, toDays: 60 },
	{ key: 'd61_90', fromDays: 61, toDays: 90 },
	{ key: 'over_90', fromDays: 91, toDays: null }
] as const;

export type AgeBucket = (typeof AGE_BUCKETS)[number]['key'];

/** The bucket of a receivable that is `daysOverdue` days past its due date (≤ 0: not due). */
export function ageBucket(daysOverdue: number): AgeBucket {
	return AGE_BUCKETS.find(
		(b) =>
			(b.fromDays === null || daysOverdue >= b.fromDays) &&
			(b.toDays === null || daysOverdue <= b.toDays)
	)!.key;
}
