import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db/client';
import {
	eventFeedback,
	eventSignUps,
	events,
	jobs,
	membershipDecisions,
	memberships,
	outbox,
	roleAssignments,
	seasons,
	users
} from '../db/schema';
import { loadShippedRegistry } from '../registry/import-registry';
import { attendeeFacts } from '../events/seats';
import { seasonProgramme } from '../events/event-queries';
import { currentOrLatestSeasons } from '$lib/domain/current-season';
import { checkEligibility } from '$lib/domain/events/eligibility';
import { DEFAULT_EVENT_TYPE_RULES } from '$lib/domain/events/event-types';
import { FEEDBACK_QUESTIONS } from '$lib/domain/events/feedback';
import { checkSignUpWindow, signUpPhase } from '$lib/domain/events/deadlines';
import { helsinkiDate } from '$lib/domain/helsinki-time';
import { seedDemo } from './seed-demo';
import { USO7_MEMBERS } from './uso7';

/**
 * The demo as loaded at one moment: a Sunday night in March when the clocks change, as
 * good a day as any (demo-events.test.ts plans it for every kind of day).
 */
const LOADED = new Date('2027-03-28T00:30:00Z');

let database: Database;

beforeAll(async () => {
	database = await createTestDatabase();
	await loadShippedRegistry(database.db);
	expect(await seedDemo(database.db, LOADED)).toBe(true);
});
afterAll(() => database?.close());

describe('the demo story', () => {
	it('is loaded once', async () => {
		expect(await seedDemo(database.db)).toBe(false);
	});

	it('has Vaala in USO 7 with the board’s decision and the administrative director as contact person', async () => {
		const [vaala] = await database.db
			.select({ memberships })
			.from(memberships)
			.innerJoin(seasons, eq(seasons.id, memberships.seasonId))
			.where(and(eq(memberships.municipalityCode, '785'), eq(seasons.number, 7)))
			.then((rows) => rows.map((r) => r.memberships));
		expect(vaala?.state).toBe('active');
		expect(vaala?.onSiteGroups).toEqual(['board', 'council_presidium', 'management_team']);
		const [contact] = await database.db
			.select()
			.from(users)
			.where(eq(users.id, vaala!.contactPersonId!));
		expect(contact).toMatchObject({ email: 'yhteys-785@example.fi', title: 'hallintojohtaja' });
		const [decision] = await database.db
			.select()
			.from(membershipDecisions)
			.where(eq(membershipDecisions.membershipId, vaala!.id));
		expect(decision).toMatchObject({
			body: 'kunnanhallitus',
			presenterTitle: 'kunnanjohtaja',
			outcome: 'approved'
		});
		expect(decision?.proposal).toContain('Verkostoyhdyshenkilöksi nimetään hallintojohtaja');
	});

	it('has a contact person and a participant account for every member, all @example.fi', async () => {
		for (const member of USO7_MEMBERS) {
			for (const [email, role] of [
				[`yhteys-${member.code}@example.fi`, 'contact_person'],
				[`osallistuja-${member.code}@example.fi`, 'participant']
			] as const) {
				const [row] = await database.db
					.select({ n: count() })
					.from(users)
					.innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
					.where(
						and(
							eq(users.email, email),
							eq(roleAssignments.role, role),
							eq(roleAssignments.municipalityCode, member.code)
						)
					);
				expect(row?.n, email).toBe(1);
			}
		}
		const all = await database.db.select({ email: users.email }).from(users);
		expect(all.every((u) => u.email.endsWith('@example.fi'))).toBe(true);
	});

	it('has thirteen other members of different sizes and language status, one of them abolished since', async () => {
		expect(USO7_MEMBERS.length).toBeGreaterThanOrEqual(13);
		const codes = USO7_MEMBERS.map((m) => m.code);
		expect(codes).toContain('588'); // Pertunmaa, merged into Mäntyharju in 2025
		expect(new Set(USO7_MEMBERS.map((m) => m.state))).toEqual(
			new Set(['active', 'declined', 'invited', 'decided'])
		);
	});
});

async function seasonRows() {
	const rows = await database.db.select().from(seasons).orderBy(asc(seasons.number));
	const current = currentOrLatestSeasons(rows, helsinkiDate(LOADED));
	return { uso7: rows.find((r) => r.number === 7)!, current };
}

async function eventsOf(seasonId: string) {
	return database.db
		.select()
		.from(events)
		.where(eq(events.seasonId, seasonId))
		.orderBy(asc(events.startsAt));
}

async function signUpsOf(eventId: string) {
	return database.db
		.select({
			id: eventSignUps.id,
			name: users.name,
			municipalityCode: eventSignUps.municipalityCode,
			userId: eventSignUps.userId,
			mode: eventSignUps.mode,
			state: eventSignUps.state,
			attended: eventSignUps.attended,
			attendanceMarkedAt: eventSignUps.attendanceMarkedAt
		})
		.from(eventSignUps)
		.innerJoin(users, eq(users.id, eventSignUps.userId))
		.where(eq(eventSignUps.eventId, eventId))
		.orderBy(asc(eventSignUps.seq));
}

const schedule = (e: typeof events.$inferSelect) => ({
	...e,
	cancelled: e.cancelledAt !== null
});

describe('the demo’s events', () => {
	it('has USO 7’s planned programme held, with attendance marked after each event', async () => {
		const { uso7 } = await seasonRows();
		const programme = await seasonProgramme(database.db, uso7, LOADED);
		expect(programme.find((l) => l.type === 'seminar')).toMatchObject({
			planned: 4,
			held: 4,
			scheduled: 0,
			unscheduled: 0
		});
		expect(programme.find((l) => l.type === 'work_seminar')).toMatchObject({
			planned: 4,
			held: 4,
			scheduled: 0,
			unscheduled: 0
		});
		const list = await eventsOf(uso7.id);
		expect(list.every((e) => e.endsAt < LOADED && e.cancelledAt === null)).toBe(true);
		for (const event of list) {
			const signUps = await signUpsOf(event.id);
			expect(signUps.length, event.titleFi).toBeGreaterThan(0);
			for (const s of signUps.filter((x) => x.state === 'confirmed')) {
				expect(s.attended, `${event.titleFi}: ${s.name}`).not.toBeNull();
				expect(s.attendanceMarkedAt!.getTime()).toBeGreaterThanOrEqual(event.endsAt.getTime());
			}
			expect(signUps.some((s) => s.attended === true)).toBe(true);
		}
		// some stayed away
		const absent = await database.db
			.select({ n: count() })
			.from(eventSignUps)
			.where(eq(eventSignUps.attended, false));
		expect(absent[0]!.n).toBeGreaterThan(0);
	});

	it('has feedback only from those who attended, scored 1–5 on each of the form’s questions', async () => {
		const answers = await database.db
			.select({
				scores: eventFeedback.scores,
				comment: eventFeedback.comment,
				createdAt: eventFeedback.createdAt,
				endsAt: events.endsAt,
				attended: eventSignUps.attended
			})
			.from(eventFeedback)
			.innerJoin(events, eq(events.id, eventFeedback.eventId))
			.leftJoin(
				eventSignUps,
				and(
					eq(eventSignUps.eventId, eventFeedback.eventId),
					eq(eventSignUps.userId, eventFeedback.userId),
					eq(eventSignUps.state, 'confirmed')
				)
			);
		expect(answers.length).toBeGreaterThan(20);
		for (const a of answers) {
			expect(a.attended).toBe(true);
			expect(Object.keys(a.scores).sort()).toEqual([...FEEDBACK_QUESTIONS].sort());
			expect(Object.values(a.scores).every((v) => Number.isInteger(v) && v >= 1 && v <= 5)).toBe(
				true
			);
			expect(a.createdAt > a.endsAt && a.createdAt < LOADED).toBe(true);
		}
		expect(answers.some((a) => a.comment !== '')).toBe(true);
		expect(answers.some((a) => a.comment === '')).toBe(true);
	});

	it('has a current season at the load day, with USO 7’s members in the same states, their decisions and contact persons', async () => {
		const { uso7, current } = await seasonRows();
		expect(current).toHaveLength(1);
		const uso8 = current[0]!;
		expect(uso8).toMatchObject({ number: 8, seminars: 4, workSeminars: 4 });
		const members = await database.db
			.select()
			.from(memberships)
			.where(inArray(memberships.seasonId, [uso7.id, uso8.id]));
		const of = (seasonId: string) => members.filter((m) => m.seasonId === seasonId);
		// all but Pertunmaa, merged into Mäntyharju since
		const continuing = of(uso7.id).filter((m) => m.municipalityCode !== '588');
		const facts = (m: (typeof members)[number]) => [
			m.municipalityCode,
			m.state,
			m.contactPersonId,
			m.onSiteGroups
		];
		expect(of(uso8.id).map(facts).sort()).toEqual(continuing.map(facts).sort());
		expect(of(uso8.id).filter((m) => m.state === 'active')).toHaveLength(10);
		const decisions = await database.db
			.select()
			.from(membershipDecisions)
			.where(
				inArray(
					membershipDecisions.membershipId,
					of(uso8.id).map((m) => m.id)
				)
			);
		expect(decisions).toHaveLength(
			USO7_MEMBERS.filter((m) => m.decision && m.code !== '588').length
		);
		for (const d of decisions) {
			expect(d.meetingDate >= uso8.startsOn && d.meetingDate <= uso8.endsOn).toBe(true);
			expect(d.proposal).toContain('8. kaudelle');
		}
	});

	it('has, in the current season, events held and events open for sign-up at the load moment', async () => {
		const { current } = await seasonRows();
		const list = await eventsOf(current[0]!.id);
		const phases = list.map((e) => signUpPhase(schedule(e), LOADED));
		expect(phases.filter((p) => p === 'past').length).toBeGreaterThanOrEqual(3);
		expect(phases.filter((p) => p === 'open').length).toBeGreaterThanOrEqual(3);
		expect(phases).toContain('not_open');
		for (const event of list.filter((e) => e.endsAt < LOADED)) {
			const signUps = await signUpsOf(event.id);
			expect(
				signUps.some((s) => s.attended === true),
				event.titleFi
			).toBe(true);
		}
		const held = list.filter((e) => e.endsAt < LOADED).map((e) => e.id);
		const [answered] = await database.db
			.select({ n: count() })
			.from(eventFeedback)
			.where(inArray(eventFeedback.eventId, held));
		expect(answered!.n).toBeGreaterThan(0);
	});

	it('has a full event whose waiting list keeps the order people signed up in', async () => {
		const { current } = await seasonRows();
		const list = await eventsOf(current[0]!.id);
		const full = list.filter(
			(e) => e.capacityOnSite !== null && e.confirmedOnSite === e.capacityOnSite
		);
		expect(full).toHaveLength(1);
		const event = full[0]!;
		expect(checkSignUpWindow(schedule(event), LOADED)).toEqual({ ok: true });
		const signUps = await signUpsOf(event.id);
		expect(signUps.filter((s) => s.state === 'confirmed')).toHaveLength(event.capacityOnSite!);
		// the order of arrival (seq) is the order of the waiting list
		expect(signUps.slice(event.capacityOnSite!).map((s) => [s.name, s.state])).toEqual([
			['Riikka Rautio', 'waiting'],
			['Camilla Lindqvist', 'waiting'],
			['Mikko Mäkelä', 'waiting']
		]);
	});

	it('has an online-only event and a hybrid one whose cap per municipality holds people on site back', async () => {
		const { current } = await seasonRows();
		const list = await eventsOf(current[0]!.id);
		const open = list.filter((e) => checkSignUpWindow(schedule(e), LOADED).ok);
		const online = open.find((e) => e.format === 'online' && e.type !== 'contact_person_meeting');
		expect(online?.onlineUrl).toMatch(/^https:\/\/meet\.example\.fi\//);
		expect(online?.capacityOnSite).toBeNull();
		const hybrid = open.find((e) => e.format === 'hybrid' && e.perMunicipalityOnSite !== null)!;
		expect(hybrid.venueName).toBe('Kuntatalo');
		const vaala = (await signUpsOf(hybrid.id)).filter((s) => s.municipalityCode === '785');
		const onSite = vaala.filter((s) => s.mode === 'on_site');
		expect(onSite.filter((s) => s.state === 'confirmed')).toHaveLength(
			hybrid.perMunicipalityOnSite!
		);
		expect(onSite.filter((s) => s.state === 'waiting').map((s) => s.name)).toEqual(['Tapio Tervo']);
		expect(hybrid.confirmedOnSite).toBeLessThan(hybrid.capacityOnSite!);
		// and a cancelled sign-up, as a person cancels before the deadline
		expect(vaala.filter((s) => s.state === 'cancelled').map((s) => s.name)).toEqual([
			'Olli Oikarinen'
		]);
	});

	it('signs people up only as the eligibility rule allows: Vaala’s leaders on site at seminars, the others online', async () => {
		const all = await database.db
			.select({
				eventId: events.id,
				seasonId: events.seasonId,
				type: events.type,
				format: events.format,
				userId: eventSignUps.userId,
				mode: eventSignUps.mode,
				name: users.name,
				municipalityCode: eventSignUps.municipalityCode
			})
			.from(eventSignUps)
			.innerJoin(events, eq(events.id, eventSignUps.eventId))
			.innerJoin(users, eq(users.id, eventSignUps.userId));
		expect(all.length).toBeGreaterThan(100);
		for (const seasonId of new Set(all.map((s) => s.seasonId))) {
			const ofSeason = all.filter((s) => s.seasonId === seasonId);
			const facts = await attendeeFacts(
				database.db,
				seasonId,
				ofSeason.map((s) => s.userId)
			);
			for (const s of ofSeason) {
				const fact = facts.get(s.userId)!;
				const rule = {
					rule: DEFAULT_EVENT_TYPE_RULES[s.type],
					format: s.format
				};
				expect(
					checkEligibility(fact.attendee, fact.membership, rule, s.mode),
					`${s.name} ${s.type} ${s.mode}`
				).toEqual({ ok: true });
			}
		}
		const vaalaAtSeminars = all.filter((s) => s.municipalityCode === '785' && s.type === 'seminar');
		const modesOf = (mode: 'on_site' | 'online') =>
			[...new Set(vaalaAtSeminars.filter((s) => s.mode === mode).map((s) => s.name))].sort();
		expect(modesOf('on_site')).toEqual([
			'Helena Hallila',
			'Kerttu Koskela',
			'Mikko Mäkelä',
			'Tapio Tervo'
		]);
		expect(modesOf('online')).toEqual(['Olli Oikarinen', 'Riikka Rautio']);
	});

	it('keeps every event’s seat counts true', async () => {
		const wrong = await database.db
			.select({ id: events.id })
			.from(events)
			.where(
				sql`(${events.confirmedOnSite}, ${events.confirmedOnline}) <> (select count(*) filter (where s.mode = 'on_site'), count(*) filter (where s.mode = 'online') from ${eventSignUps} s where s.event_id = ${events.id} and s.state = 'confirmed')`
			);
		expect(wrong).toEqual([]);
	});

	it('leaves no notice to send on the first start, only the reminders and erasures of events to come', async () => {
		const pending = await database.db
			.select({
				kind: jobs.kind,
				runAt: jobs.runAt,
				eventId: sql<string>`${jobs.payload}->>'eventId'`
			})
			.from(jobs)
			.where(and(isNull(jobs.doneAt), isNull(jobs.failedAt)));
		expect(pending.filter((j) => j.kind === 'event_notice')).toEqual([]);
		expect(pending.filter((j) => j.runAt <= LOADED)).toEqual([]);
		const coming = await database.db
			.select({ id: events.id })
			.from(events)
			.where(sql`${events.startsAt} > ${LOADED.toISOString()}::timestamptz`);
		expect(coming.length).toBeGreaterThan(3);
		for (const { id } of coming) {
			expect(
				pending
					.filter((j) => j.eventId === id)
					.map((j) => j.kind)
					.sort(),
				id
			).toEqual(['erase_arrangements', 'event_reminder']);
		}
		const [mail] = await database.db.select({ n: count() }).from(outbox);
		expect(mail!.n).toBe(0);
	});
});
