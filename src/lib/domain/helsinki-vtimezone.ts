/**
 * Europe/Helsinki as an iCalendar VTIMEZONE (RFC 5545 §3.6.5), for the calendar files that give
 * event times with TZID=Europe/Helsinki (docs/decisions/015-icalendar.md). The EU rule Finland
 * has followed since 1996: summer time from the last Sunday of March at 03:00 to the last Sunday
 * of October at 04:00 local time, both at 01:00 UTC. Correct for every event from 1996 on; the
 * test checks it against the platform's time-zone data.
 */
export const HELSINKI_TZID = 'Europe/Helsinki';

export const HELSINKI_VTIMEZONE = [
	'BEGIN:VTIMEZONE',
	`TZID:${HELSINKI_TZID}`,
	'BEGIN:DAYLIGHT',
	'TZOFFSETFROM:+0200',
	'TZOFFSETTO:+0300',
	'TZNAME:EEST',
	'DTSTART:19960331T030000',
	'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
	'END:DAYLIGHT',
	'BEGIN:STANDARD',
	'TZOFFSETFROM:+0300',
	'TZOFFSETTO:+0200',
	'TZNAME:EET',
	'DTSTART:19961027T040000',
	'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
	'END:STANDARD',
	'END:VTIMEZONE'
].join('\r\n');
