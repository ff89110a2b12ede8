import { afterEach, describe, expect, it } from 'vitest';
import { fromHelsinki } from '$lib/domain/helsinki-time';
import { icsLines, parseIcs, unfoldedLines } from '../../../../tests/support/parse-ics';
import { eventUid, renderCalendar, type IcsEvent } from './render-event-ics';

const ORGANIZER = { name: 'USO-verkosto', email: 'uso-verkosto@example.fi' };
const STAMP = new Date('2024-02-01T08:00:00Z');

/** The instant of a Helsinki wall-clock time, as the event forms store it. */
function helsinki(date: string, time: string): Date {
	const result = fromHelsinki(date, time);
	if (!result.ok) throw new Error(`${date} ${time}: ${result.reason}`);
	return result.instant;
}

let counter = 0;
function event(overrides: Partial<IcsEvent> = {}): IcsEvent {
	counter += 1;
	return {
		id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
		sequence: 0,
		startsAt: helsinki('2024-03-14', '09:00'),
		endsAt: helsinki('2024-03-14', '15:30'),
		summary: 'USO-seminaari',
		description: 'Johtamisen ajankohtaiset kysymykset.',
		location: 'Kuntatalo, Toinen linja 14, Helsinki',
		cancelled: false,
		lastModified: new Date('2024-01-20T10:00:00Z'),
		...overrides
	};
}

/** Events on both sides of the 2024 spring and autumn changes, and in the hour that repeats. */
const AROUND_THE_CHANGES = [
	// winter time, +02:00
	['2024-03-30', '09:00', '12:00', '2024-03-30T07:00:00.000Z', 'Europe/Helsinki'],
	// summer time, +03:00, the day the clocks went forward
	['2024-03-31', '09:00', '12:00', '2024-03-31T06:00:00.000Z', 'Europe/Helsinki'],
	// the evening before the clocks go back, still summer time
	['2024-10-26', '18:00', '20:00', '2024-10-26T15:00:00.000Z', 'Europe/Helsinki'],
	// 03:30 on 2024-10-27 happens twice; Verkosto means the first, summer-time one, in UTC
	['2024-10-27', '03:30', '05:00', '2024-10-27T00:30:00.000Z', null],
	// winter time again, +02:00
	['2024-10-27', '09:00', '12:00', '2024-10-27T07:00:00.000Z', 'Europe/Helsinki']
] as const;

describe('renderCalendar', () => {
	it('writes a feed without METHOD, named, refreshed hourly, each event by its UID and SEQUENCE', () => {
		const first = event({ sequence: 3 });
		const second = event({ cancelled: true, sequence: 5 });
		const source = renderCalendar({
			name: 'Omat tapahtumat – Verkosto',
			refreshHours: 1,
			stamp: STAMP,
			events: [first, second]
		});
		const parsed = parseIcs(source);
		expect(parsed.method).toBeNull();
		expect(parsed.name).toBe('Omat tapahtumat – Verkosto');
		expect(parsed.refreshInterval).toBe('PT1H');
		expect(source).toContain('\r\nX-PUBLISHED-TTL:PT1H\r\n');
		expect(parsed.timezones).toEqual(['Europe/Helsinki']);
		expect(parsed.events.map((e) => [e.uid, e.sequence, e.status])).toEqual([
			[`${first.id}@verkosto`, 3, 'CONFIRMED'],
			[`${second.id}@verkosto`, 5, 'CANCELLED']
		]);
		expect(eventUid(first.id)).toBe(`${first.id}@verkosto`);
		// a feed names no organizer: a personal feed spans networks
		expect(parsed.events[0]?.organizer).toBeNull();
		expect(parsed.events[0]?.attendees).toEqual([]);
	});

	it('writes DTSTAMP and LAST-MODIFIED in UTC and no calendar-level time zone', () => {
		const source = renderCalendar({ stamp: STAMP, events: [event()] });
		const lines = unfoldedLines(source);
		expect(lines).toContain('DTSTAMP:20240201T080000Z');
		expect(lines).toContain('LAST-MODIFIED:20240120T100000Z');
		expect(source).not.toMatch(/TIMEZONE-ID|X-WR-TIMEZONE/);
		expect(lines.filter((l) => l === 'BEGIN:VTIMEZONE')).toHaveLength(1);
	});

	it.each(AROUND_THE_CHANGES)(
		'gives %s %s–%s Helsinki time as the stored instant',
		(date, from, to, startUtc, zone) => {
			const e = event({ startsAt: helsinki(date, from), endsAt: helsinki(date, to) });
			const source = renderCalendar({ stamp: STAMP, events: [e] });
			const [parsed] = parseIcs(source).events;
			expect(parsed?.start.toISOString()).toBe(startUtc);
			expect(parsed?.start.getTime()).toBe(e.startsAt.getTime());
			expect(parsed?.end.getTime()).toBe(e.endsAt.getTime());
			expect(parsed?.startZone).toBe(zone);
			const wall = `${date.replaceAll('-', '')}T${from.replace(':', '')}00`;
			if (zone) expect(unfoldedLines(source)).toContain(`DTSTART;TZID=${zone}:${wall}`);
			else
				expect(unfoldedLines(source)).toContain(`DTSTART:${startUtc.replace(/[-:]|\.000/g, '')}`);
		}
	);

	it('writes the second 03:30 of 2024-10-27 in UTC too, so no reader takes it for the first', () => {
		const second = new Date('2024-10-27T01:30:00Z');
		const e = event({ startsAt: second, endsAt: new Date('2024-10-27T03:00:00Z') });
		const source = renderCalendar({ stamp: STAMP, events: [e] });
		expect(unfoldedLines(source)).toContain('DTSTART:20241027T013000Z');
		expect(parseIcs(source).events[0]?.start.toISOString()).toBe('2024-10-27T01:30:00.000Z');
	});

	it('writes an event that only ends in the repeated hour in UTC', () => {
		const e = event({
			startsAt: helsinki('2024-10-27', '02:00'),
			endsAt: new Date('2024-10-27T01:15:00Z') // the second 03:15
		});
		const source = renderCalendar({ stamp: STAMP, events: [e] });
		const [parsed] = parseIcs(source).events;
		expect(parsed?.startZone).toBeNull();
		expect(parsed?.start.getTime()).toBe(e.startsAt.getTime());
		expect(parsed?.end.getTime()).toBe(e.endsAt.getTime());
	});

	it('folds long lines at 75 octets without splitting ä or ö, and they read back whole', () => {
		const long =
			'Kehittämisverkoston työpäivä: yhteistyömallien rakentaminen hyvinvointialueiden kanssa, ' +
			'työllisyys- ja elinvoimaekosysteemien johtaminen sekä strateginen ennakointi. ' +
			'Öljylämmitteisen kokoustilan äänentoisto on järjestetty. '.repeat(4);
		const title = 'Ääkkösiä ja öljyä: '.repeat(6).trim();
		const source = renderCalendar({
			stamp: STAMP,
			events: [event({ summary: title, description: long, location: 'Yöpöytä '.repeat(20) })]
		});
		for (const line of icsLines(source)) {
			expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
		}
		expect(icsLines(source).filter((l) => l.startsWith(' ')).length).toBeGreaterThan(3);
		// a fold between the two octets of ä would leave a replacement character
		expect(Buffer.from(source, 'utf8').toString('utf8')).not.toContain('\ufffd');
		const [parsed] = parseIcs(source).events;
		expect(parsed?.summary).toBe(title);
		expect(parsed?.description).toBe(long.trim());
		expect(parsed?.location).toBe('Yöpöytä '.repeat(20).trim());
	});

	it('escapes commas, semicolons, backslashes and line breaks, and they read back as typed', () => {
		const summary = 'Seminaari, osa 1; tauko \\ "lainaus"';
		const description = 'Ohjelma:\n9.00 Avaus, tervetuloa; kahvi\r\n10.00 C:\\polku\\tiedosto';
		const location = 'Kuntatalo, sali A; 3. krs';
		const source = renderCalendar({
			name: 'Verkosto, USO; kaikki \\ tapahtumat',
			stamp: STAMP,
			events: [event({ summary, description, location })]
		});
		const lines = unfoldedLines(source);
		expect(lines).toContain('SUMMARY:Seminaari\\, osa 1\\; tauko \\\\ "lainaus"');
		expect(lines).toContain(
			'DESCRIPTION:Ohjelma:\\n9.00 Avaus\\, tervetuloa\\; kahvi\\n10.00 C:\\\\polku\\\\tiedosto'
		);
		expect(lines).toContain('NAME:Verkosto\\, USO\\; kaikki \\\\ tapahtumat');
		const parsed = parseIcs(source);
		expect(parsed.name).toBe('Verkosto, USO; kaikki \\ tapahtumat');
		expect(parsed.events[0]?.summary).toBe(summary);
		expect(parsed.events[0]?.description).toBe(description.replace('\r\n', '\n'));
		expect(parsed.events[0]?.location).toBe(location);
	});

	it('writes the online link only when given, after the description, and as the place of an online event', () => {
		const link = 'https://teams.example/l/meetup-join/19%3ameeting?context=a,b;c';
		const withLink = event({ onlineUrl: link, url: 'https://verkosto.example/events/1' });
		const online = event({ location: '', onlineUrl: link });
		const without = event({ onlineUrl: null });
		const source = renderCalendar({
			stamp: STAMP,
			onlineLabel: 'Etäyhteys:',
			events: [withLink, online, without]
		});
		const [a, b, c] = parseIcs(source).events;
		expect(a?.description).toBe(`${withLink.description}\n\nEtäyhteys: ${link}`);
		expect(a?.location).toBe(withLink.location);
		expect(a?.url).toBe('https://verkosto.example/events/1');
		expect(b?.location).toBe(link);
		expect(c?.description).toBe(without.description);
		expect(
			unfoldedLines(source)
				.join('\n')
				.match(/teams\.example/g)
		).toHaveLength(3);
	});

	it('writes an invitation as METHOD:REQUEST with the organizer and the recipient as its one attendee', () => {
		const e = event({
			sequence: 2,
			attendee: { name: 'Helena "Lena" Hallila', email: 'yhteys-785@example.fi' }
		});
		const source = renderCalendar({
			method: 'REQUEST',
			organizer: ORGANIZER,
			stamp: STAMP,
			events: [e]
		});
		const parsed = parseIcs(source);
		expect(parsed.method).toBe('REQUEST');
		expect(parsed.events[0]).toMatchObject({
			uid: `${e.id}@verkosto`,
			sequence: 2,
			status: 'CONFIRMED',
			organizer: 'mailto:uso-verkosto@example.fi',
			attendees: ['MAILTO:yhteys-785@example.fi']
		});
		const attendee = unfoldedLines(source).find((l) => l.startsWith('ATTENDEE'));
		expect(attendee).toContain('PARTSTAT=ACCEPTED');
		expect(attendee).toContain('RSVP=FALSE');
		// RFC 5545 has no escape for a double quote in a parameter
		expect(attendee).toContain('CN="Helena \'Lena\' Hallila"');
	});

	it('writes a cancellation as METHOD:CANCEL with STATUS:CANCELLED and the raised SEQUENCE', () => {
		const cancelled = event({ cancelled: true, sequence: 4 });
		// one person's place cancelled: the event itself goes on, but the entry is withdrawn
		const placeOnly = event({ cancelled: false, sequence: 1 });
		const parsed = parseIcs(
			renderCalendar({
				method: 'CANCEL',
				organizer: ORGANIZER,
				stamp: STAMP,
				events: [
					{ ...cancelled, attendee: { name: 'Helena Hallila', email: 'yhteys-785@example.fi' } },
					placeOnly
				]
			})
		);
		expect(parsed.method).toBe('CANCEL');
		expect(parsed.events.map((e) => [e.sequence, e.status])).toEqual([
			[4, 'CANCELLED'],
			[1, 'CANCELLED']
		]);
	});
});

/**
 * ical-generator given a native Date writes the server's own wall clock after the TZID (ADR
 * 015); through luxon the file must be the same whatever zone the server process runs in.
 */
describe.each(['UTC', 'America/New_York', 'Asia/Tokyo'])('under TZ=%s', (zone) => {
	const original = process.env.TZ;
	afterEach(() => {
		if (original === undefined) delete process.env.TZ;
		else process.env.TZ = original;
	});

	it('writes the same Helsinki times', () => {
		const events = AROUND_THE_CHANGES.map(([date, from, to]) =>
			event({
				id: '00000000-0000-4000-8000-00000000abcd',
				startsAt: helsinki(date, from),
				endsAt: helsinki(date, to)
			})
		);
		const expected = renderCalendar({ stamp: STAMP, events });
		process.env.TZ = zone;
		// the process really runs in that zone now
		const offset = new Date('2024-01-15T12:00:00Z').getTimezoneOffset();
		expect(offset).toBe({ UTC: 0, 'America/New_York': 300, 'Asia/Tokyo': -540 }[zone]);
		const source = renderCalendar({ stamp: STAMP, events });
		expect(source).toBe(expected);
		const parsed = parseIcs(source).events;
		expect(parsed.map((e) => e.start.toISOString())).toEqual(
			AROUND_THE_CHANGES.map(([, , , startUtc]) => startUtc)
		);
		expect(unfoldedLines(source)).toContain('DTSTART;TZID=Europe/Helsinki:20240330T090000');
	});
});
