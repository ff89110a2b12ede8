import ical, {
	ICalAttendeeRole,
	ICalAttendeeStatus,
	ICalCalendarMethod,
	ICalEventStatus
} from 'ical-generator';
import { DateTime } from 'luxon';
import { isInRepeatedHour } from '$lib/domain/helsinki-time';
import { HELSINKI_TZID, HELSINKI_VTIMEZONE } from '$lib/domain/helsinki-vtimezone';

/**
 * Calendar files (RFC 5545) of network events: the one renderer behind the `.ics` download,
 * the invitations in mail (RFC 5546, METHOD:REQUEST / CANCEL) and the subscribed feeds
 * (docs/decisions/015-icalendar.md). Pure: a view model in, a string out; the clock only for
 * DTSTAMP, and that can be given.
 */

export interface IcsPerson {
	name: string;
	email: string;
}

export interface IcsEvent {
	/** The event's uuid; the UID is `<id>@verkosto` in every file, so an update finds its entry. */
	id: string;
	/** The event row's SEQUENCE: raised with every change an entry shows, and the cancellation. */
	sequence: number;
	startsAt: Date;
	endsAt: Date;
	summary: string;
	description: string;
	/** Venue name and address, as one text; empty for an online event. */
	location: string;
	/** The event's page in Verkosto. */
	url?: string;
	/** The online meeting link: only when the caller knows the reader may see it. */
	onlineUrl?: string | null;
	cancelled: boolean;
	/** When the event last changed (LAST-MODIFIED). */
	lastModified: Date;
	/** The recipient of a mailed invitation, as its one ATTENDEE. */
	attendee?: IcsPerson;
}

interface CalendarCommon {
	/** The calendar's name in a subscribing program (NAME, X-WR-CALNAME). */
	name?: string;
	/** How often a subscribing program should fetch the feed again (REFRESH-INTERVAL). */
	refreshHours?: number;
	/** Written before the online link in the description, e.g. "Etäyhteys:". */
	onlineLabel?: string;
	/** DTSTAMP, the moment the file is made; now unless given (tests). */
	stamp?: Date;
	events: IcsEvent[];
}

/**
 * A mailed invitation carries METHOD and, as iTIP requires, the organizer; a download or a feed
 * carries neither METHOD nor necessarily an organizer (a personal feed spans networks).
 */
export type IcsCalendar =
	| (CalendarCommon & { method: 'REQUEST' | 'CANCEL'; organizer: IcsPerson })
	| (CalendarCommon & { method?: undefined; organizer?: IcsPerson });

const PRODUCT = { company: 'Verkosto', product: 'Verkosto', language: 'FI' };

/** The UID of an event: the same in the download, every mail and both feeds. */
export function eventUid(eventId: string): string {
	return `${eventId}@verkosto`;
}

/**
 * TEXT as RFC 5545 §3.3.11 escapes it, for the calendar name: ical-generator escapes an
 * event's texts itself but writes NAME and X-WR-CALNAME as given.
 */
function escapeText(value: string): string {
	return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * A name for a quoted parameter (CN="…"): RFC 5545 allows no double quote and no control
 * character there, and has no escape for them (ical-generator's backslash is not one).
 */
function parameterText(value: string): string {
	// eslint-disable-next-line no-control-regex
	return value.replace(/"/g, "'").replace(/[\u0000-\u001f\u007f]/g, ' ');
}

function descriptionOf(event: IcsEvent, onlineLabel: string | undefined): string {
	const online = event.onlineUrl
		? [onlineLabel ? `${onlineLabel} ${event.onlineUrl}` : event.onlineUrl]
		: [];
	return [event.description.trim(), ...online].filter(Boolean).join('\n\n');
}

/**
 * Times go to ical-generator as luxon DateTimes: given a native Date and a TZID it would write
 * the server process's wall clock (ADR 015). An event with either end in the autumn hour that
 * happens twice is written in UTC, which every reader takes the same way.
 */
function timesOf(event: IcsEvent) {
	const inUtc = isInRepeatedHour(event.startsAt) || isInRepeatedHour(event.endsAt);
	const zone = inUtc ? 'utc' : HELSINKI_TZID;
	return {
		start: DateTime.fromJSDate(event.startsAt, { zone }),
		end: DateTime.fromJSDate(event.endsAt, { zone }),
		timezone: inUtc ? null : HELSINKI_TZID
	};
}

export function renderCalendar(view: IcsCalendar): string {
	const calendar = ical({
		prodId: PRODUCT,
		// a generator for the events' zone, and no calendar-level zone: with one, ical-generator
		// writes DTSTAMP without its Z and adds the non-standard TIMEZONE-ID (ADR 015)
		timezone: {
			name: null,
			generator: (tz) => (tz === HELSINKI_TZID ? HELSINKI_VTIMEZONE : null)
		}
	});
	if (view.method) {
		calendar.method(
			view.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST
		);
	}
	if (view.name) calendar.name(escapeText(view.name));
	if (view.refreshHours) calendar.ttl(Math.round(view.refreshHours * 3600));

	const stamp = DateTime.fromJSDate(view.stamp ?? new Date(), { zone: 'utc' });
	for (const event of view.events) {
		const { start, end, timezone } = timesOf(event);
		// RFC 5546 §3.2.5: a CANCEL's event is CANCELLED, also when only one person's place is
		const cancelled = event.cancelled || view.method === 'CANCEL';
		const entry = calendar.createEvent({
			id: eventUid(event.id),
			sequence: event.sequence,
			stamp,
			start,
			end,
			timezone,
			summary: event.summary,
			description: descriptionOf(event, view.onlineLabel) || null,
			location: event.location.trim() || event.onlineUrl || null,
			url: event.url ?? null,
			status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
			lastModified: DateTime.fromJSDate(event.lastModified, { zone: 'utc' })
		});
		if (view.organizer) {
			entry.organizer({
				name: parameterText(view.organizer.name),
				email: view.organizer.email
			});
		}
		if (event.attendee) {
			entry.createAttendee({
				name: parameterText(event.attendee.name),
				email: event.attendee.email,
				role: ICalAttendeeRole.REQ,
				// the person signed up in Verkosto: nothing to answer by mail
				status: view.method === 'REQUEST' ? ICalAttendeeStatus.ACCEPTED : null,
				rsvp: false
			});
		}
	}
	return calendar.toString();
}
