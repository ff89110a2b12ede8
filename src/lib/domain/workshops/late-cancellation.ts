import { fromHelsinki, helsinkiDate, type LocalDate } from '../helsinki-time';

/**
 * When a municipality's cancellation of a workshop is late, and so counts against its
 * entitlement (ADR 018). The rule counts Helsinki calendar days, not hours: a cancellation is
 * in time when it is made at least `daysBefore` days before the workshop's day, e.g. with 14
 * days a workshop on Thursday 28 March may be cancelled in time up to and including Thursday
 * 14 March; from Friday 15 March 00:00 Helsinki time the cancellation is late. Days are days
 * on the calendar, so a daylight-saving change in between moves nothing.
 *
 * Lateness is decided once, when the cancellation is recorded, and kept with the workshop: a
 * later change of the setting does not rewrite past cancellations.
 */

/** The default: two weeks, the time an expert's travel and day are planned ahead. */
export const DEFAULT_LATE_CANCELLATION_DAYS = 14;

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function utcDay(date: LocalDate): number {
	const m = ISO_DATE.exec(date);
	if (!m) throw new RangeError(`not a yyyy-mm-dd date: ${date}`);
	return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

/** Calendar days from one local date to another: 1 from 2024-03-13 to 2024-03-14. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
	return utcDay(to) - utcDay(from);
}

/** The local date `days` calendar days after (or, negative, before) a date. */
export function addDays(date: LocalDate, days: number): LocalDate {
	return new Date((utcDay(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

function checkDays(daysBefore: number): void {
	// at least 1: a cancellation on the workshop's own day is always late
	if (!Number.isInteger(daysBefore) || daysBefore < 1) {
		throw new RangeError(`days before must be a whole number of at least 1: ${daysBefore}`);
	}
}

/** Is a municipality's cancellation at `cancelledAt` of a workshop starting at `startsAt` late? */
export function isLateCancellation(
	startsAt: Date,
	cancelledAt: Date,
	daysBefore: number = DEFAULT_LATE_CANCELLATION_DAYS
): boolean {
	checkDays(daysBefore);
	return daysBetween(helsinkiDate(cancelledAt), helsinkiDate(startsAt)) < daysBefore;
}

/**
 * The first moment at which a cancellation is late: 00:00 Helsinki time on the day
 * `daysBefore - 1` days before the workshop's day, for the UI to say "cancel by …".
 */
export function lateCancellationFrom(
	startsAt: Date,
	daysBefore: number = DEFAULT_LATE_CANCELLATION_DAYS
): Date {
	checkDays(daysBefore);
	const day = addDays(helsinkiDate(startsAt), -(daysBefore - 1));
	// Helsinki's clock changes at 03:00/04:00, so midnight exists on every day
	const midnight = fromHelsinki(day, '00:00');
	if (!midnight.ok) throw new RangeError(`no midnight on ${day}`);
	return midnight.instant;
}
