import ICAL from 'ical.js';

/**
 * Reads a calendar file back with ical.js 2.2.1 (Mozilla's parser), the second reader every
 * file the app makes is checked with (docs/decisions/015-icalendar.md). Event times are
 * resolved through the file's own VTIMEZONE, not a zone ical.js knows of itself.
 */

// NAME (RFC 7986) and X-WR-CALNAME are TEXT; ical.js 2.2.1 knows neither and would keep their
// escapes, as no calendar program does
for (const name of ['name', 'x-wr-calname']) {
	ICAL.design.icalendar.property[name] = { defaultType: 'text' };
}

export interface ParsedEvent {
	uid: string;
	sequence: number;
	status: string | null;
	summary: string;
	description: string | null;
	location: string | null;
	url: string | null;
	start: Date;
	end: Date;
	/** The TZID of DTSTART, or null for a time in UTC. */
	startZone: string | null;
	organizer: string | null;
	attendees: string[];
}

export interface ParsedCalendar {
	method: string | null;
	name: string | null;
	refreshInterval: string | null;
	timezones: string[];
	events: ParsedEvent[];
}

function text(component: ICAL.Component, name: string): string | null {
	const value = component.getFirstPropertyValue(name);
	return value === null || value === undefined ? null : String(value);
}

export function parseIcs(source: string): ParsedCalendar {
	const calendar = new ICAL.Component(ICAL.parse(source));
	if (calendar.name !== 'vcalendar') throw new Error(`not a VCALENDAR: ${calendar.name}`);
	const timezones = calendar.getAllSubcomponents('vtimezone');
	for (const zone of timezones) ICAL.TimezoneService.register(zone);
	try {
		return {
			method: text(calendar, 'method'),
			name: text(calendar, 'name'),
			refreshInterval: text(calendar, 'refresh-interval'),
			timezones: timezones.map((z) => String(z.getFirstPropertyValue('tzid'))),
			events: calendar.getAllSubcomponents('vevent').map((vevent) => {
				const event = new ICAL.Event(vevent);
				const startZone = vevent.getFirstProperty('dtstart')?.getParameter('tzid');
				return {
					uid: event.uid,
					sequence: event.sequence,
					status: text(vevent, 'status'),
					summary: event.summary,
					description: event.description ?? null,
					location: event.location ?? null,
					url: text(vevent, 'url'),
					start: event.startDate.toJSDate(),
					end: event.endDate.toJSDate(),
					startZone: typeof startZone === 'string' ? startZone : null,
					organizer: text(vevent, 'organizer'),
					attendees: vevent.getAllProperties('attendee').map((p) => String(p.getFirstValue()))
				};
			})
		};
	} finally {
		// the next file must bring its own VTIMEZONE
		for (const zone of timezones) {
			ICAL.TimezoneService.remove(String(zone.getFirstPropertyValue('tzid')));
		}
	}
}

/** The file's lines as sent (folded), CRLF split. */
export function icsLines(source: string): string[] {
	return source.split('\r\n');
}

/** The file's content lines unfolded (RFC 5545 §3.1). */
export function unfoldedLines(source: string): string[] {
	return source.replace(/\r\n[ \t]/g, '').split('\r\n');
}
