import { and, gte, lt, type SQL } from 'drizzle-orm';
import { journeys } from '../../db/schema';
import { parseQuery } from '../../http/parse';
import { isoDate } from '$lib/schemas/fields';
import type { FieldErrors } from '$lib/schemas/errors';
import { fromHelsinki, type LocalDate } from '$lib/domain/helsinki-time';
import { addDays } from '$lib/domain/workshops/late-cancellation';

/** Approved on these Helsinki days, both ends included; null ends are open. */
export interface ApprovalPeriod {
	from: LocalDate | null;
	to: LocalDate | null;
}

/**
 * The approval period of a cost report from the query string (`from`, `to`), as its page and
 * its exports read it. A period with a wrong end is not applied: the page says why next to the
 * field, and the file holds every approved cost.
 */
export function parsePeriodQuery(params: URLSearchParams): {
	values: { from: string; to: string };
	errors: FieldErrors;
	period: ApprovalPeriod;
} {
	const { values, errors } = parseQuery(
		params,
		{ from: isoDate(), to: isoDate() },
		{ from: '', to: '' }
	);
	if (!errors.from && !errors.to && values.from && values.to && values.from > values.to) {
		errors.to = { key: 'error.periodOrder' };
	}
	const wrong = !!(errors.from || errors.to);
	return {
		values,
		errors,
		period: { from: wrong ? null : values.from || null, to: wrong ? null : values.to || null }
	};
}

/** The start of a Helsinki day as an instant (Helsinki's clock changes at 03:00/04:00). */
function dayStart(day: LocalDate): Date {
	const midnight = fromHelsinki(day, '00:00');
	if (!midnight.ok) throw new RangeError(`no midnight on ${day}`);
	return midnight.instant;
}

/** Journeys approved within the period (by `journeys.reviewed_at`); undefined: no limit. */
export function approvedWithin(period: ApprovalPeriod): SQL | undefined {
	return and(
		period.from ? gte(journeys.reviewedAt, dayStart(period.from)) : undefined,
		period.to ? lt(journeys.reviewedAt, dayStart(addDays(period.to, 1))) : undefined
	);
}
