import { TIME_ZONE } from '../i18n/locales';

/**
 * Wall-clock time in Helsinki and the instants the database keeps (`timestamptz`). People enter
 * an event as a local date and time; it is stored as a UTC instant and shown in Helsinki time
 * again, so a seminar at 9.00 stays at 9.00 whichever side of a daylight-saving change it lies.
 *
 * Finland moves from EET (+02:00) to EEST (+03:00) at 03:00 local on the last Sunday of March
 * (03:00–03:59 does not exist that day) and back at 04:00 local on the last Sunday of October
 * (03:00–03:59 happens twice). A local time that does not exist is refused; one that happens
 * twice means its first occurrence, the summer-time one, as RFC 5545 §3.3.5 says of a
 * DATE-TIME with a TZID, so an event entered here and written to a calendar file means the same
 * instant in every calendar program that follows the RFC.
 *
 * The offsets come from the platform's time-zone data (Intl), not from a table of our own.
 */

/** yyyy-mm-dd */
export type LocalDate = string;
/** HH:MM, 00:00–23:59 */
export type LocalTime = string;

export interface LocalDateTime {
	date: LocalDate;
	time: LocalTime;
}

export type LocalTimeRefusal =
	/** Not a yyyy-mm-dd date that exists, or not an HH:MM time of day. */
	| 'invalid'
	/** Skipped by the clock going forward (spring). */
	| 'nonexistent';

export type InstantResult =
	| {
			ok: true;
			instant: Date;
			/** The local time happens twice (autumn); `instant` is the first, summer-time one. */
			ambiguous: boolean;
	  }
	| { ok: false; reason: LocalTimeRefusal };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const partsFormat = new Intl.DateTimeFormat('en-GB', {
	timeZone: TIME_ZONE,
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	second: '2-digit'
});

interface WallClock {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

function wallClock(epochMs: number): WallClock {
	const parts: Record<string, number> = {};
	for (const p of partsFormat.formatToParts(epochMs)) {
		if (p.type !== 'literal') parts[p.type] = Number(p.value);
	}
	return {
		year: parts.year!,
		month: parts.month!,
		day: parts.day!,
		hour: parts.hour!,
		minute: parts.minute!,
		second: parts.second!
	};
}

/** The wall clock read as if it were UTC, in ms: the instant plus the zone's offset. */
function wallAsUtc(c: WallClock): number {
	return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second);
}

/** Minutes Helsinki is ahead of UTC at an instant: 120 in winter, 180 in summer. */
export function helsinkiOffsetMinutes(instant: Date): number {
	const ms = instant.getTime();
	const whole = ms - (((ms % 1000) + 1000) % 1000);
	return (wallAsUtc(wallClock(whole)) - whole) / MINUTE;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The Helsinki date and time (to the minute, seconds dropped) of an instant. */
export function toHelsinki(instant: Date): LocalDateTime {
	const c = wallClock(instant.getTime());
	return {
		date: `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}`,
		time: `${pad(c.hour)}:${pad(c.minute)}`
	};
}

/** The Helsinki calendar day of an instant, yyyy-mm-dd. */
export function helsinkiDate(instant: Date): LocalDate {
	return toHelsinki(instant).date;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The local date and time as UTC ms, or null when either is not well formed. */
function parseLocal(date: string, time: string): number | null {
	const d = DATE.exec(date);
	const t = TIME.exec(time);
	if (!d || !t) return null;
	const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
	const ms = Date.UTC(year, month - 1, day, Number(t[1]), Number(t[2]));
	const check = new Date(ms);
	// Date.UTC rolls 2024-02-30 over to March; a date that rolled over does not exist
	if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1) return null;
	if (check.getUTCDate() !== day || year < 1) return null;
	return ms;
}

/**
 * The instant of a Helsinki date and time. Refuses a time the clock skips in spring; a time
 * that happens twice in autumn is its first occurrence (summer time), flagged `ambiguous`.
 */
export function fromHelsinki(date: LocalDate, time: LocalTime): InstantResult {
	const local = parseLocal(date, time);
	if (local === null) return { ok: false, reason: 'invalid' };
	// Helsinki's offset changes at most once in any 48 hours, so the offsets a day either side
	// are every offset that can apply; each gives a candidate, kept if it reads back the same.
	const offsets = new Set(
		[local - 24 * HOUR, local + 24 * HOUR].map(
			(probe) => helsinkiOffsetMinutes(new Date(probe)) * MINUTE
		)
	);
	const matches = [...offsets]
		.map((offset) => local - offset)
		.filter((candidate) => wallAsUtc(wallClock(candidate)) === local)
		.sort((a, b) => a - b);
	const first = matches[0];
	if (first === undefined) return { ok: false, reason: 'nonexistent' };
	return { ok: true, instant: new Date(first), ambiguous: matches.length > 1 };
}

/**
 * Does the instant fall in the autumn hour that happens twice? Readers of calendar files differ
 * on which occurrence a local time with a TZID in that hour means (RFC 5545: the first; ical.js:
 * the second), so a writer gives such an instant in UTC instead.
 */
export function isInRepeatedHour(instant: Date): boolean {
	const { date, time } = toHelsinki(instant);
	const result = fromHelsinki(date, time);
	return result.ok && result.ambiguous;
}
