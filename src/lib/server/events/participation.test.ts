import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/setup/test-db';
import { NOW, addPeople, peopleOf, planEvent, uso7 } from '../../../../tests/factories/events';
import type { Database } from '../db/client';
import { eventFeedback, eventSignUps, events, memberships } from '../db/schema';
import { userActor } from '../actor';
import { toCsv } from '../export/table-export';
import { cancelSignUp } from './cancel-sign-up';
import { signUpForEvent } from './sign-up-for-event';
import {
	exportEventParticipants,
	listEventParticipants,
	parseParticipantQuery,
	type ParticipantScope
} from './event-participants';
import {
	exportMunicipalityParticipation,
	municipalityParticipation,
	municipalitySeasons,
	seasonFeedback,
	seasonParticipation
} from './participation';
import { getEventRow, listSeasonEvents } from './event-queries';
import { exportSeasonEvents } from './export-season-events';
import { FEEDBACK_QUESTIONS, summariseScores } from '$lib/domain/events/feedback';

/**
 * Who takes part, on either database: an event's participant list with its filters, scope and
 * export; a season's members with their participation; one municipality's sign-ups over a
 * season; feedback across a season, counted by the database and checked against the answers.
 */

let database: Database;
let eventId: string;
let vaala: Map<string, { id: string; email: string }>;
let kajaani: { id: string; municipalityCode: string }[];
const staff: ParticipantScope = { only: null, arrangements: true };
const vaalasContact: ParticipantScope = { only: ['785'], arrangements: false };
const query = (params = '') => parseParticipantQuery(new URLSearchParams(params)).values;

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	const db = database.db;
	vaala = await peopleOf(db, '785');
	kajaani = await addPeople(db, ['205'], 3, ['developer'], 'osallistujat');
	// an online-only work seminar with two seats: two get one, the rest wait in order
	eventId = await planEvent(db, {
		type: 'work_seminar',
		format: 'online',
		titleFi: 'Työseminaari: osallistujalista',
		capacityOnSite: null,
		capacityOnline: 2,
		venueName: '',
		venueAddress: ''
	});
	const self = async (userId: string, arrangements = '') => {
		const result = await signUpForEvent(
			db,
			userActor({ id: userId, email: 'x@example.fi' }),
			{ as: 'self' },
			{ eventId, people: [{ userId, mode: 'online', arrangements }] },
			NOW
		);
		if (!result.ok) throw new Error(JSON.stringify(result));
	};
	await self(kajaani[0]!.id, 'Gluteeniton');
	const vaalaDeveloper = [...vaala.values()].find((p) => p.email === 'yhteys-785@example.fi')!;
	await self(vaalaDeveloper.id);
	await self(kajaani[1]!.id);
	await self(kajaani[2]!.id);
	// the last one withdraws
	const [last] = await db
		.select({ id: eventSignUps.id })
		.from(eventSignUps)
		.where(and(eq(eventSignUps.eventId, eventId), eq(eventSignUps.userId, kajaani[2]!.id)));
	const cancelled = await cancelSignUp(
		db,
		userActor({ id: kajaani[2]!.id, email: 'x@example.fi' }),
		{ as: 'self' },
		{ eventId, signUpId: last!.id },
		NOW
	);
	if (!cancelled.ok) throw new Error(JSON.stringify(cancelled));
});
afterAll(() => database?.close());

describe('an event’s participant list', () => {
	it('lists seats first, then the waiting list in order, then those cancelled, with counts by state', async () => {
		const list = await listEventParticipants(database.db, eventId, query(), staff);
		expect(list.byState).toEqual({ confirmed: 2, waiting: 1, cancelled: 1 });
		expect(list.total).toBe(4);
		expect(list.rows.map((r) => [r.state, r.municipalityCode, r.waitingPosition])).toEqual([
			['confirmed', '205', null],
			['confirmed', '785', null],
			['waiting', '205', 1],
			['cancelled', '205', null]
		]);
		expect(list.rows[0]).toMatchObject({
			name: 'Testi osallistujat 205 0',
			positions: ['developer'],
			arrangements: 'Gluteeniton'
		});
		expect(list.municipalities.map((m) => m.code)).toEqual(['205', '785']);
	});

	it('filters by municipality, position, mode and state together', async () => {
		const by = async (params: string) =>
			(await listEventParticipants(database.db, eventId, query(params), staff)).rows.length;
		expect(await by('municipality=205')).toBe(3);
		expect(await by('municipality=205&state=confirmed')).toBe(1);
		expect(await by('state=waiting&mode=online')).toBe(1);
		expect(await by('mode=on_site')).toBe(0);
		expect(await by('position=developer&state=cancelled')).toBe(1);
		expect(await by('position=board_chair')).toBe(0);
	});

	it('shows a contact person only their own municipality’s people, whatever the filter asks, and no arrangements', async () => {
		const own = await listEventParticipants(database.db, eventId, query(), vaalasContact);
		expect(own.rows.map((r) => r.municipalityCode)).toEqual(['785']);
		expect(own.byState).toEqual({ confirmed: 1, waiting: 0, cancelled: 0 });
		expect(own.municipalities.map((m) => m.code)).toEqual(['785']);
		expect(own.rows.every((r) => r.arrangements === null)).toBe(true);
		const asked = await listEventParticipants(
			database.db,
			eventId,
			query('municipality=205'),
			vaalasContact
		);
		expect(asked.total).toBe(0);
		expect(asked.rows).toEqual([]);
	});

	it('reports a bad filter value by its field and lists as if it were not given', () => {
		const { values, errors } = parseParticipantQuery(
			new URLSearchParams('municipality=x&state=lost&mode=online&page=-1')
		);
		expect(values).toMatchObject({ municipality: '', state: null, mode: 'online', page: 1 });
		expect(Object.keys(errors).sort()).toEqual(['municipality', 'page', 'state']);
	});

	it('exports the filtered list in the reader’s language, arrangements only for staff', async () => {
		const row = (await getEventRow(database.db, eventId))!;
		const table = await exportEventParticipants(database.db, row.event, query(), staff, 'sv');
		expect(table.columns.map((c) => c.header)).toContain('Särskilda arrangemang');
		expect(table.rows).toHaveLength(4);
		expect(table.rows[2]).toEqual(
			expect.arrayContaining(['Testi osallistujat 205 1', 'Kajana', 'på distans', 'i kö', 1])
		);
		const contact = await exportEventParticipants(
			database.db,
			row.event,
			query(),
			vaalasContact,
			'fi'
		);
		expect(contact.columns.map((c) => c.header)).not.toContain('Erityisjärjestelyt');
		expect(contact.rows).toHaveLength(1);
		const csv = toCsv(contact).toString('utf8');
		expect(csv).not.toContain('Testi osallistujat');
		expect(csv).toContain('Vaala');
	});
});

describe('the season’s events list', () => {
	it('counts each event’s seats taken and people waiting, on the page and in the export', async () => {
		const { seasonId } = await uso7(database.db);
		const list = await listSeasonEvents(database.db, seasonId, 1, 1000);
		const ours = list.rows.find((r) => r.event.id === eventId)!;
		expect(ours.event.confirmedOnline).toBe(2);
		expect(ours.waiting).toBe(1);
		const table = await exportSeasonEvents(
			database.db,
			{ id: seasonId, number: 7, networkShortName: 'USO' },
			'fi'
		);
		const row = table.rows.find((r) => r.includes('Työseminaari: osallistujalista'))!;
		expect(row.slice(-3)).toEqual([2, 1, '']);
	});
});

/** Every sign-up of the season's events, read plainly: the oracle for the counted figures. */
async function seasonSignUps(seasonId: string) {
	return database.db
		.select({
			code: eventSignUps.municipalityCode,
			userId: eventSignUps.userId,
			eventId: eventSignUps.eventId,
			state: eventSignUps.state,
			attended: eventSignUps.attended
		})
		.from(eventSignUps)
		.innerJoin(events, eq(events.id, eventSignUps.eventId))
		.where(eq(events.seasonId, seasonId));
}

describe('a season’s participation by member', () => {
	it('counts each member’s people, seats, waiting places and attendance as the sign-ups hold them', async () => {
		const { seasonId } = await uso7(database.db);
		const all = await seasonSignUps(seasonId);
		const result = await seasonParticipation(database.db, seasonId, 1, NOW);
		const members = await database.db
			.select({ code: memberships.municipalityCode })
			.from(memberships)
			.where(
				and(eq(memberships.seasonId, seasonId), inArray(memberships.state, ['decided', 'active']))
			);
		expect(result.total).toBe(members.length);
		expect(result.rows.map((r) => r.nameFi)).toEqual(
			[...result.rows.map((r) => r.nameFi)].sort((a, b) => a.localeCompare(b, 'fi'))
		);
		for (const row of result.rows) {
			const own = all.filter((s) => s.code === row.code);
			expect(row, row.nameFi).toMatchObject({
				people: new Set(own.filter((s) => s.state !== 'cancelled').map((s) => s.userId)).size,
				confirmed: own.filter((s) => s.state === 'confirmed').length,
				waiting: own.filter((s) => s.state === 'waiting').length,
				attended: own.filter((s) => s.attended).length,
				eventsAttended: new Set(own.filter((s) => s.attended).map((s) => s.eventId)).size
			});
		}
		const vaalaRow = result.rows.find((r) => r.code === '785')!;
		expect(vaalaRow.attended, 'Vaala took part in USO 7’s programme').toBeGreaterThan(0);
	});

	it('pages the members without changing any member’s figures', async () => {
		const { seasonId } = await uso7(database.db);
		const whole = await seasonParticipation(database.db, seasonId, 1, NOW, 1000);
		const first = await seasonParticipation(database.db, seasonId, 1, NOW, 5);
		const second = await seasonParticipation(database.db, seasonId, 2, NOW, 5);
		expect([...first.rows, ...second.rows]).toEqual(whole.rows.slice(0, 10));
	});
});

describe('a municipality’s participation over a season', () => {
	it('opens on the season running, and lists only the municipality’s own sign-ups in time order', async () => {
		const { seasonId } = await uso7(database.db);
		const { seasons, current } = await municipalitySeasons(database.db, '785', NOW);
		expect(current?.id).toBe(seasonId);
		expect(seasons.map((s) => s.number)).toEqual([8, 7]);
		const result = await municipalityParticipation(database.db, '785', seasonId, 1, NOW, 1000);
		const own = (await seasonSignUps(seasonId)).filter((s) => s.code === '785');
		expect(result.total).toBe(own.length);
		expect(result.rows).toHaveLength(own.length);
		expect(result.rows.every((r, i) => i === 0 || result.rows[i - 1]!.startsAt <= r.startsAt)).toBe(
			true
		);
		const vaalaIds = new Set([...vaala.values()].map((p) => p.id));
		expect(
			result.rows.every((r) => vaalaIds.has(own.find((o) => o.eventId === r.eventId)!.userId))
		);
		expect(result.counts.attended).toBe(own.filter((s) => s.attended).length);
		const table = await exportMunicipalityParticipation(
			database.db,
			'785',
			{ id: seasonId, number: 7, networkShortName: 'USO' },
			'fi',
			NOW
		);
		expect(table.rows).toHaveLength(own.length);
		expect(table.rows.flat()).not.toContain('Testi osallistujat 205 0');
	});
});

describe('feedback across a season', () => {
	it('gives per question what every answer of the season gives, and per event its own', async () => {
		const { seasonId } = await uso7(database.db);
		const answers = await database.db
			.select({ eventId: eventFeedback.eventId, scores: eventFeedback.scores })
			.from(eventFeedback)
			.innerJoin(events, eq(events.id, eventFeedback.eventId))
			.where(eq(events.seasonId, seasonId));
		expect(answers.length, 'the demo has feedback on USO 7').toBeGreaterThan(20);
		const result = await seasonFeedback(database.db, seasonId, 1);
		expect(result.answers).toBe(answers.length);
		const expected = (list: typeof answers) =>
			FEEDBACK_QUESTIONS.map((questionId) => ({
				questionId,
				summary: summariseScores(
					list.map((a) => a.scores[questionId]).filter((s): s is number => s !== undefined)
				)
			}));
		expect(result.questions).toEqual(expected(answers));
		const withAnswers = result.rows.filter((e) => e.answers > 0);
		expect(withAnswers.length).toBeGreaterThan(0);
		for (const e of withAnswers) {
			expect(e.questions).toEqual(expected(answers.filter((a) => a.eventId === e.id)));
		}
	});
});
