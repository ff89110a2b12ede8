import { and, asc, count, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db/client';
import {
	bankFiles,
	eventFeedback,
	eventSignUps,
	events,
	files,
	invoiceLines,
	invoiceRuns,
	invoices,
	jobs,
	journeyLines,
	journeyShares,
	journeys,
	kilometreRates,
	analyses,
	analysisAnswers,
	analysisInvitations,
	analysisQuestions,
	analysisRecommendations,
	analysisResponseScores,
	analysisResponses,
	analysisSectionMeans,
	analysisSections,
	analysisSummaries,
	memberBillingDetails,
	membershipDecisions,
	memberships,
	municipalities,
	networkBillingDetails,
	outbox,
	payments,
	roleAssignments,
	seasonFocusAreas,
	seasons,
	users,
	workshopFeedback,
	workshopParticipants,
	workshops
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
import { entitlementLedger } from '$lib/domain/workshops/entitlement';
import { kilometreCents, kilometreRateOn } from '$lib/domain/workshops/kilometre-allowances';
import { respondentScores } from '$lib/domain/analysis/scoring';
import { latestPublishedVersion, loadVersion } from '../analysis/questionnaire-rows';
import { findMunicipalityAnalysis } from '../analysis/analysis-queries';
import { analysisResults } from '../analysis/analysis-results';
import { seasonComparison } from '../analysis/season-change';
import { sectionScoringFingerprint } from '$lib/domain/analysis/questionnaire';
import {
	parseBusinessId,
	parseEInvoiceAddress,
	parseOperatorCode
} from '$lib/domain/billing/business-id';
import { bicFitsIban, parseFinnishIban } from '$lib/domain/billing/bank-account';
import { seedDemo } from './seed-demo';
import { USO7_FOCUS_AREAS, USO7_MEMBERS } from './uso7';
import { USO8_FOCUS_AREAS } from './uso8';

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
		// the coordinators are not told of the demo's own proposals and journeys
		expect(pending.filter((j) => j.kind === 'coordinator_notice')).toEqual([]);
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

describe('the demo’s workshops and travel costs', () => {
	async function workshopsOf(seasonNumber: number, code?: string) {
		return database.db
			.select({
				workshops,
				membershipId: memberships.id,
				entitlement: seasons.workshopsPerMunicipality
			})
			.from(workshops)
			.innerJoin(memberships, eq(memberships.id, workshops.membershipId))
			.innerJoin(seasons, eq(seasons.id, memberships.seasonId))
			.where(
				and(
					eq(seasons.number, seasonNumber),
					code ? eq(memberships.municipalityCode, code) : undefined
				)
			)
			.then((rows) => rows.map((r) => ({ ...r.workshops, code, entitlement: r.entitlement })));
	}
	const statesOf = (rows: { state: string; cancellation: string | null }[]) =>
		new Set(rows.map((w) => (w.state === 'cancelled' ? w.cancellation! : w.state)));
	const ledgerOf = (rows: Awaited<ReturnType<typeof workshopsOf>>, at = LOADED) =>
		entitlementLedger(rows[0]!.entitlement, rows, at);

	it('gives every active USO 7 member but Vaala a workshop in every state, and their five used', async () => {
		for (const member of USO7_MEMBERS.filter((m) => m.state === 'active' && m.code !== '785')) {
			const rows = await workshopsOf(7, member.code);
			expect(statesOf(rows), member.code).toEqual(
				new Set([
					'proposed',
					'agreed',
					'held',
					'municipality_in_time',
					'municipality_late',
					'network'
				])
			);
			expect(ledgerOf(rows).left, member.code).toBe(0);
			for (const held of rows.filter((w) => w.state === 'held')) {
				expect(held.notes && held.outcomes && held.nextSteps, held.id).toBeTruthy();
			}
			for (const cancelled of rows.filter((w) => w.state === 'cancelled')) {
				expect(cancelled.cancellationReason, cancelled.id).not.toBe('');
			}
		}
	});

	it('tells Vaala’s story: its five used on its strategy, four held and one cancelled late, and one extra approved', async () => {
		const rows = await workshopsOf(7, '785');
		const ledger = ledgerOf(rows);
		expect(ledger.counts).toMatchObject({ held: 4, lateCancelled: 1, scheduled: 0, proposed: 0 });
		expect(ledger.left).toBe(0);
		const extras = rows.filter((w) => w.extra);
		expect(extras).toHaveLength(1);
		expect(extras[0]).toMatchObject({ state: 'held' });
		expect(extras[0]!.extraApprovedAt).not.toBeNull();
		expect(statesOf(rows)).toEqual(
			new Set(['held', 'municipality_in_time', 'municipality_late', 'network'])
		);
		expect(
			rows.filter((w) => w.state === 'held').every((w) => w.strategyLink.includes('Vaala 2030'))
		).toBe(true);
		// what the people who came answered
		const answers = await database.db
			.select({ n: count() })
			.from(workshopFeedback)
			.where(
				inArray(
					workshopFeedback.workshopId,
					rows.map((w) => w.id)
				)
			);
		expect(answers[0]!.n).toBeGreaterThan(0);
		const present = await database.db
			.select({ attended: workshopParticipants.attended })
			.from(workshopParticipants)
			.where(
				inArray(
					workshopParticipants.workshopId,
					rows.filter((w) => w.state === 'held').map((w) => w.id)
				)
			);
		expect(new Set(present.map((p) => p.attended))).toEqual(new Set([true, false]));
	});

	it('has Vaala’s USO 8 entitlement taken, so that one more is an extra; workshops to record and to come', async () => {
		const vaala = await workshopsOf(8, '785');
		const ledger = ledgerOf(vaala);
		expect(ledger.left).toBe(0);
		expect(ledger.counts).toMatchObject({ held: 2, awaitingRecord: 1, scheduled: 1, proposed: 1 });
		const all = await workshopsOf(8);
		const agreed = all.filter((w) => w.state === 'agreed');
		expect(agreed.filter((w) => w.startsAt! < LOADED).length).toBeGreaterThanOrEqual(3);
		expect(agreed.filter((w) => w.startsAt! > LOADED).length).toBeGreaterThanOrEqual(5);
		expect(statesOf(all)).toEqual(
			new Set([
				'proposed',
				'agreed',
				'held',
				'municipality_in_time',
				'municipality_late',
				'network'
			])
		);
	});

	it('gives both experts journeys in every state, one split between Vaala and Kajaani, the amounts fixed at approval', async () => {
		const experts = await database.db
			.select({ id: users.id, email: users.email })
			.from(users)
			.where(inArray(users.email, ['asiantuntija@example.fi', 'erityisasiantuntija@example.fi']));
		expect(experts).toHaveLength(2);
		for (const expert of experts) {
			const rows = await database.db
				.select()
				.from(journeys)
				.where(eq(journeys.expertId, expert.id));
			expect(new Set(rows.map((j) => j.state)), expert.email).toEqual(
				new Set(['draft', 'submitted', 'returned', 'approved'])
			);
			expect(rows.filter((j) => j.state === 'returned').every((j) => j.returnReason)).toBe(true);
		}
		const lines = await database.db.select().from(journeyLines);
		expect(new Set(lines.map((l) => l.kind))).toEqual(new Set(['own_car', 'train', 'hotel']));
		expect(lines.filter((l) => l.kind !== 'own_car').every((l) => l.receiptFileId)).toBe(true);
		const [receipt] = await database.db
			.select({ data: files.data, contentType: files.contentType })
			.from(files)
			.where(eq(files.id, lines.find((l) => l.kind === 'train')!.receiptFileId!));
		expect(receipt!.contentType).toBe('application/pdf');
		expect(Buffer.from(receipt!.data).subarray(0, 5).toString('latin1')).toBe('%PDF-');

		const approved = await database.db
			.select()
			.from(journeys)
			.where(eq(journeys.state, 'approved'));
		const rates = await database.db.select().from(kilometreRates);
		for (const journey of approved) {
			const own = lines.filter((l) => l.journeyId === journey.id);
			expect(own.every((l) => l.approvedGrossCents !== null)).toBe(true);
			for (const car of own.filter((l) => l.kind === 'own_car')) {
				const rate = kilometreRateOn(
					rates.map((r) => ({ validFrom: r.validFrom, centsPerKm: r.centsPerKm })),
					car.day
				)!;
				expect(car.approvedGrossCents).toBe(
					kilometreCents(car.distanceTenths! / 10, rate.centsPerKm)
				);
			}
			const shares = await database.db
				.select()
				.from(journeyShares)
				.where(eq(journeyShares.journeyId, journey.id));
			expect(shares.reduce((sum, s) => sum + s.grossCents!, 0)).toBe(journey.grossCents);
		}
		const shares = await database.db
			.select({
				journeyId: journeyShares.journeyId,
				code: journeyShares.municipalityCode,
				grossCents: journeyShares.grossCents
			})
			.from(journeyShares)
			.innerJoin(journeys, eq(journeys.id, journeyShares.journeyId))
			.where(eq(journeys.state, 'approved'))
			.orderBy(asc(journeyShares.municipalityCode));
		const split = approved
			.map((j) => shares.filter((s) => s.journeyId === j.id))
			.filter((parts) => parts.length > 1);
		expect(split.map((parts) => parts.map((p) => p.code))).toEqual([['205', '785']]);
		const [kajaani, vaala] = split[0]!;
		expect(Math.abs(kajaani!.grossCents! - vaala!.grossCents!)).toBeLessThanOrEqual(1);
	});
});

describe('the demo’s situation analysis', () => {
	it('has USO 7’s situation analysis answered and closed by every active member', async () => {
		const { id: seasonId } = (
			await database.db.select({ id: seasons.id }).from(seasons).where(eq(seasons.number, 7))
		)[0]!;
		const version = (await latestPublishedVersion(database.db, seasonId))!;
		expect(version.number).toBe(1);
		const { questionnaire } = (await loadVersion(database.db, version.id))!;
		const questions = questionnaire.sections.flatMap((s) => s.questions);
		expect(questionnaire.sections.map((s) => s.title.fi)).toEqual(
			USO7_FOCUS_AREAS.map((f) => f.textFi).map((t, i) =>
				i === 1 ? 'Yhteistyö hyvinvointialueen kanssa' : t
			)
		);
		expect(questions).toHaveLength(25);
		expect(new Set(questions.map((q) => q.kind)).size).toBe(5);
		expect(questions.filter((q) => 'weight' in q && q.weight !== null)).toHaveLength(18);
		expect(questions.some((q) => 'weight' in q && q.weight === 2)).toBe(true);
		expect(questions.every((q) => q.text.sv && q.text.en)).toBe(true);

		const rows = await database.db
			.select({
				code: memberships.municipalityCode,
				state: analyses.state,
				respondents: sql<number>`(select count(*)::int from ${analysisResponses} r where r.analysis_id = ${analyses.id} and r.complete)`
			})
			.from(analyses)
			.innerJoin(memberships, eq(memberships.id, analyses.membershipId))
			.where(eq(memberships.seasonId, seasonId));
		const active = USO7_MEMBERS.filter((m) => m.state === 'active').map((m) => m.code);
		expect(rows.map((r) => r.code).sort()).toEqual([...active].sort());
		expect(rows.every((r) => r.state === 'closed')).toBe(true);
		expect(rows.every((r) => r.respondents >= 3 && r.respondents <= 6)).toBe(true);
		expect(rows.find((r) => r.code === '785')!.respondents).toBe(5);
		const invited = await database.db
			.select({ email: users.email })
			.from(analysisInvitations)
			.innerJoin(users, eq(users.id, analysisInvitations.userId));
		expect(invited.every((u) => u.email.endsWith('@example.fi'))).toBe(true);
	});

	it('keeps every respondent’s section scores and every member’s means as the rules make them', async () => {
		const responses = await database.db.select().from(analysisResponses);
		const stored = await database.db
			.select({
				responseId: analysisResponseScores.responseId,
				key: analysisSections.key,
				score: analysisResponseScores.score
			})
			.from(analysisResponseScores)
			.innerJoin(analysisSections, eq(analysisSections.id, analysisResponseScores.sectionId));
		const answers = await database.db
			.select({
				responseId: analysisAnswers.responseId,
				key: analysisQuestions.key,
				value: analysisAnswers.value
			})
			.from(analysisAnswers)
			.innerJoin(analysisQuestions, eq(analysisQuestions.id, analysisAnswers.questionId));
		const versions = new Map<string, Awaited<ReturnType<typeof loadVersion>>>();
		for (const id of new Set(responses.map((r) => r.versionId))) {
			versions.set(id, await loadVersion(database.db, id));
		}
		// USO 7's version and USO 8's copy of it
		expect(versions.size).toBe(2);
		for (const response of responses) {
			const { questionnaire } = versions.get(response.versionId)!;
			const own = new Map(
				answers.filter((a) => a.responseId === response.id).map((a) => [a.key, a.value])
			);
			const expected = [...respondentScores(questionnaire, own).sections].filter(
				([, score]) => score !== null
			);
			const kept = stored.filter((s) => s.responseId === response.id);
			expect(new Map(kept.map((s) => [s.key, s.score]))).toEqual(new Map(expected));
		}
		const wrongMeans = await database.db.execute(sql`
			select sm.analysis_id from ${analysisSectionMeans} sm
			full join (
				select analysis_id, section_id, count(*)::int as n, avg(score) as mean
				from ${analysisResponseScores} group by analysis_id, section_id
			) x on x.analysis_id = sm.analysis_id and x.section_id = sm.section_id
			where x.n is distinct from sm.respondents or coalesce(abs(x.mean - sm.mean), 1) > 1e-9`);
		expect((wrongMeans as unknown as { rows: unknown[] }).rows).toEqual([]);
	});

	it('tells Vaala’s story: below the network in all three areas, lowest in vitality, as its workshops follow', async () => {
		const [row] = await database.db
			.select({ id: analyses.id })
			.from(analyses)
			.innerJoin(memberships, eq(memberships.id, analyses.membershipId))
			.innerJoin(seasons, eq(seasons.id, memberships.seasonId))
			.where(and(eq(memberships.municipalityCode, '785'), eq(seasons.number, 7)));
		const analysis = (await findMunicipalityAnalysis(database.db, '785', row!.id))!;
		const results = await analysisResults(database.db, analysis);
		const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
		expect(results.sections.map((s) => round(s.own.score))).toEqual([38, 52.6, 32.5]);
		expect(results.sections.map((s) => s.own.respondents)).toEqual([5, 5, 5]);
		expect(round(results.own.overall.score)).toBe(41);
		// eleven members: the network is shown; Vaala's size class (2) has no other member
		expect(results.sections.map((s) => s.groups.network.position)).toEqual([
			'below_lower_quartile',
			'below_lower_quartile',
			'below_lower_quartile'
		]);
		const network = results.sections[0]!.groups.network.distribution;
		expect(network.suppressed === false && network.n).toBe(11);
		expect(results.sections.every((s) => s.groups.size_class.distribution.suppressed)).toBe(true);
		// its results were in before its first workshop, which took on the strategy, then the
		// county, then vitality
		const [closed] = await database.db
			.select({ at: analyses.closedAt })
			.from(analyses)
			.where(eq(analyses.id, row!.id));
		const held = await database.db
			.select({ area: seasonFocusAreas.position, startsAt: workshops.startsAt })
			.from(workshops)
			.innerJoin(seasonFocusAreas, eq(seasonFocusAreas.id, workshops.focusAreaId))
			.where(and(eq(workshops.membershipId, analysis.membership.id), isNotNull(workshops.heldAt)))
			.orderBy(asc(workshops.startsAt));
		expect(held.every((w) => w.startsAt! > closed!.at!)).toBe(true);
		expect(held.slice(0, 3).map((w) => w.area)).toEqual([1, 2, 3]);
	});
});

describe('the demo’s earlier season to compare', () => {
	/** A member's USO 8 analysis, its results and the change per section from USO 7. */
	async function uso8Results(code: string) {
		const [row] = await database.db
			.select({ id: analyses.id, state: analyses.state, closedAt: analyses.closedAt })
			.from(analyses)
			.innerJoin(memberships, eq(memberships.id, analyses.membershipId))
			.innerJoin(seasons, eq(seasons.id, memberships.seasonId))
			.where(and(eq(memberships.municipalityCode, code), eq(seasons.number, 8)));
		const analysis = (await findMunicipalityAnalysis(database.db, code, row!.id))!;
		const results = await analysisResults(database.db, analysis);
		const change = await seasonComparison(database.db, analysis, results);
		return { row: row!, analysis, results, change: change! };
	}

	it('has USO 8’s questionnaire started from USO 7’s: the same sections and scoring, USO 8’s focus areas', async () => {
		const versionOf = async (number: number) => {
			const [season] = await database.db
				.select({ id: seasons.id })
				.from(seasons)
				.where(eq(seasons.number, number));
			const version = (await latestPublishedVersion(database.db, season!.id))!;
			return { version, loaded: (await loadVersion(database.db, version.id))! };
		};
		const uso7 = await versionOf(7);
		const uso8 = await versionOf(8);
		expect(uso8.version.number).toBe(1);
		const print = (v: typeof uso7) =>
			v.loaded.questionnaire.sections.map((s) => [s.key, sectionScoringFingerprint(s)]);
		expect(print(uso8)).toEqual(print(uso7));
		const areas = await database.db
			.select({ text: seasonFocusAreas.textFi })
			.from(analysisSections)
			.innerJoin(seasonFocusAreas, eq(seasonFocusAreas.id, analysisSections.focusAreaId))
			.where(eq(analysisSections.versionId, uso8.version.id))
			.orderBy(asc(analysisSections.position));
		// strategy and foresight, the county, vitality and employment
		expect(areas.map((a) => a.text)).toEqual([
			USO8_FOCUS_AREAS[2].textFi,
			USO8_FOCUS_AREAS[1].textFi,
			USO8_FOCUS_AREAS[0].textFi
		]);
		const answered = await database.db
			.select({ code: memberships.municipalityCode, state: analyses.state })
			.from(analyses)
			.innerJoin(memberships, eq(memberships.id, analyses.membershipId))
			.innerJoin(seasons, eq(seasons.id, memberships.seasonId))
			.where(eq(seasons.number, 8))
			.orderBy(asc(memberships.municipalityCode));
		expect(answered).toEqual([
			{ code: '244', state: 'closed' },
			{ code: '785', state: 'closed' }
		]);
	});

	it('shows Vaala’s change per section from USO 7: up in all three, most in strategy', async () => {
		const { row, results, change } = await uso8Results('785');
		expect(results.sections.map((s) => s.own.respondents)).toEqual([4, 4, 4]);
		expect(change.previous.seasonNumber).toBe(7);
		expect(change.sections.every((s) => s.comparable)).toBe(true);
		const changes = change.sections.map((s) => (s.comparable ? s.change : null)!);
		expect(changes.every((c) => c > 0)).toBe(true);
		expect(Math.max(...changes)).toBe(changes[0]);
		// USO 7's scores as its own results show them
		expect(
			change.sections.map((s) => (s.comparable ? Math.round(s.previous * 10) / 10 : null))
		).toEqual([38, 52.6, 32.5]);
		// before its first USO 8 workshop was proposed
		const [first] = await database.db
			.select({ at: workshops.createdAt })
			.from(workshops)
			.innerJoin(memberships, eq(memberships.id, workshops.membershipId))
			.innerJoin(seasons, eq(seasons.id, memberships.seasonId))
			.where(and(eq(memberships.municipalityCode, '785'), eq(seasons.number, 8)))
			.orderBy(asc(workshops.createdAt))
			.limit(1);
		expect(row.closedAt!.getTime()).toBeLessThan(first!.at!.getTime());
	});

	it('shows Kempele’s change per section from USO 7: vitality up, the county down', async () => {
		const { results, change } = await uso8Results('244');
		expect(results.sections.every((s) => s.own.respondents === 3)).toBe(true);
		const changes = change.sections.map((s) => (s.comparable ? s.change : null));
		expect(changes[1]!).toBeLessThan(0);
		expect(changes[2]!).toBeGreaterThan(0);
		// two members with a USO 8 score: the network's group is not shown
		expect(results.sections.every((s) => s.groups.network.distribution.suppressed)).toBe(true);
	});
});

describe('the demo’s analysis summary', () => {
	it('has Antti’s summary of Vaala’s analysis and three themes, each taken by a held workshop', async () => {
		const [vaala] = await database.db
			.select({ id: analyses.id })
			.from(analyses)
			.innerJoin(memberships, eq(memberships.id, analyses.membershipId))
			.innerJoin(seasons, eq(seasons.id, memberships.seasonId))
			.where(and(eq(memberships.municipalityCode, '785'), eq(seasons.number, 7)));
		const [summary] = await database.db
			.select({ text: analysisSummaries.text, by: users.email })
			.from(analysisSummaries)
			.innerJoin(users, eq(users.id, analysisSummaries.updatedBy))
			.where(eq(analysisSummaries.analysisId, vaala!.id));
		expect(summary!.by).toBe('asiantuntija@example.fi');
		expect(summary!.text).toMatch(/alimman neljänneksen/);
		const themes = await database.db
			.select({
				position: analysisRecommendations.position,
				area: seasonFocusAreas.position,
				workshop: workshops.state
			})
			.from(analysisRecommendations)
			.innerJoin(seasonFocusAreas, eq(seasonFocusAreas.id, analysisRecommendations.focusAreaId))
			.leftJoin(workshops, eq(workshops.recommendationId, analysisRecommendations.id))
			.where(eq(analysisRecommendations.analysisId, vaala!.id))
			.orderBy(asc(analysisRecommendations.position));
		expect(themes).toEqual([
			{ position: 1, area: 1, workshop: 'held' },
			{ position: 2, area: 2, workshop: 'held' },
			{ position: 3, area: 3, workshop: 'held' }
		]);
	});
});

describe('the demo’s billing', () => {
	it('has the network’s billing details and every USO 7 member’s, well-formed and checked', async () => {
		const [network] = await database.db.select().from(networkBillingDetails);
		expect(network).toMatchObject({ sellerName: 'Suomen Kuntaliitto ry', paymentTermsDays: 21 });
		expect(parseBusinessId(network!.businessId).ok).toBe(true);
		expect(parseFinnishIban(network!.iban).ok).toBe(true);
		expect(bicFitsIban(network!.bic, network!.iban)).toBe(true);

		const members = await database.db.select().from(memberBillingDetails);
		expect(members.map((m) => m.municipalityCode).sort()).toEqual(
			USO7_MEMBERS.map((m) => m.code).sort()
		);
		for (const member of members) {
			expect(parseBusinessId(member.businessId), member.municipalityCode).toMatchObject({
				ok: true
			});
			expect(member.buyerReference, member.municipalityCode).not.toBe('');
			expect(member.checkedAt, member.municipalityCode).not.toBeNull();
			if (member.delivery === 'e_invoice') {
				expect(member.eInvoiceAddress).toBe(`0037${member.businessId.replace('-', '')}`);
				expect(parseEInvoiceAddress(member.eInvoiceAddress!).ok).toBe(true);
				expect(parseOperatorCode(member.eInvoiceOperator!).ok).toBe(true);
			}
		}
		const byEmail = members.filter((m) => m.delivery === 'email');
		expect(byEmail.map((m) => m.municipalityCode).sort()).toEqual(['588', '777']);
		expect(byEmail.every((m) => m.invoiceEmail?.endsWith('@example.fi'))).toBe(true);
		// Pedersöre and Raasepori: bilingual with a Swedish-speaking majority
		const swedish = members.filter((m) => m.language === 'sv').map((m) => m.municipalityCode);
		expect(swedish.sort()).toEqual(['599', '710']);
	});

	it('bills every USO 7 member its fees of 2023 at 24 % and of 2024 at 25,5 %, Vaala 9 000 € a year', async () => {
		const billed = USO7_MEMBERS.filter((m) => m.state === 'active' || m.state === 'decided');
		const fees = await database.db
			.select()
			.from(invoices)
			.where(eq(invoices.kind, 'fee'))
			.orderBy(asc(invoices.number));
		const nameOf = new Map(
			(
				await database.db
					.select({ code: municipalities.code, name: municipalities.nameFi })
					.from(municipalities)
					.where(
						inArray(
							municipalities.code,
							billed.map((m) => m.code)
						)
					)
			).map((m) => [m.code, m.name])
		);
		for (const [year, rate, issued] of [
			[2023, 2400, '2023-03-15'],
			[2024, 2550, '2024-09-16']
		] as const) {
			const ofYear = fees.filter((f) => f.year === year);
			expect(ofYear.map((f) => f.municipalityCode).sort()).toEqual(
				billed.map((m) => m.code).sort()
			);
			// numbered without gaps in the year of the invoice date
			expect(ofYear.map((f) => f.number)).toEqual(
				ofYear.map((_, i) => `${year}-${String(i + 1).padStart(6, '0')}`)
			);
			// in the members' order by name, as the preview lists them: the same on every load
			const names = ofYear.map((f) => nameOf.get(f.municipalityCode)!);
			expect(names).toEqual([...names].sort());
			expect(ofYear.every((f) => f.issueDate === issued)).toBe(true);
			expect(ofYear.every((f) => f.vatBreakdown.every((g) => g.vatBasisPoints === rate))).toBe(
				true
			);
		}
		const vaala = fees.filter((f) => f.municipalityCode === '785');
		expect(vaala.map((f) => [f.netCents, f.vatCents, f.grossCents])).toEqual([
			[900_000, 216_000, 1_116_000],
			[900_000, 229_500, 1_129_500]
		]);
		expect(fees.find((f) => f.municipalityCode === '599')?.language).toBe('sv');
	});

	it('bills every approved USO 7 journey once, and Vaala’s extra workshop', async () => {
		const shares = await database.db
			.select({ code: journeyShares.municipalityCode, line: journeyShares.invoiceLineId })
			.from(journeyShares)
			.innerJoin(journeys, eq(journeys.id, journeyShares.journeyId))
			.where(eq(journeys.state, 'approved'));
		expect(shares.length).toBeGreaterThan(0);
		expect(shares.every((s) => s.line !== null)).toBe(true);
		const others = await database.db
			.select({ n: count() })
			.from(journeyShares)
			.innerJoin(journeys, eq(journeys.id, journeyShares.journeyId))
			.where(
				and(sql`${journeys.state} <> 'approved'`, sql`${journeyShares.invoiceLineId} is not null`)
			);
		expect(others[0]!.n).toBe(0);

		const later = await database.db
			.select()
			.from(invoices)
			.where(and(inArray(invoices.kind, ['travel', 'extra']), eq(invoices.document, 'invoice')))
			.orderBy(asc(invoices.number));
		const travelled = [...new Set(shares.map((s) => s.code))].map((code) => [code, 'travel']);
		expect(later.map((i) => [i.municipalityCode, i.kind]).sort()).toEqual(
			[...travelled, ['785', 'extra']].sort()
		);
		const [extra] = later.filter((i) => i.kind === 'extra');
		expect(extra).toMatchObject({ netCents: 120_000, vatCents: 30_600, grossCents: 150_600 });
		const [lines] = await database.db
			.select({ n: count() })
			.from(invoiceLines)
			.where(
				inArray(
					invoiceLines.invoiceId,
					later.map((i) => i.id)
				)
			);
		expect(lines!.n).toBe(shares.length + 1);
	});

	it('leaves no invoice run to do: every run done, no job of one left', async () => {
		const runs = await database.db.select().from(invoiceRuns);
		expect(runs).toHaveLength(3);
		expect(runs.every((r) => r.state === 'done' && r.membersTotal === 12)).toBe(true);
		const [left] = await database.db
			.select({ n: count() })
			.from(jobs)
			.where(eq(jobs.kind, 'invoice_run'));
		expect(left!.n).toBe(0);
	});

	it('has the invoices paid from three bank files but Kempele’s 2024 fee (without VAT) and Suomussalmi’s (both reminded), and Seinäjoki’s travel credited', async () => {
		expect(await database.db.select({ n: count() }).from(bankFiles)).toEqual([{ n: 3 }]);
		const all = await database.db
			.select()
			.from(invoices)
			.where(eq(invoices.document, 'invoice'))
			.orderBy(asc(invoices.number));
		const of = (code: string, year: number, kind: 'fee' | 'travel') =>
			all.find((i) => i.municipalityCode === code && i.year === year && i.kind === kind)!;
		const kempele = of('244', 2024, 'fee');
		expect(kempele.paidCents).toBe(kempele.netCents);
		expect(kempele.remindedAt).not.toBeNull();
		const suomussalmi = of('777', 2024, 'fee');
		expect(suomussalmi.paidCents).toBe(0);
		expect(suomussalmi.remindedAt).not.toBeNull();
		const seinajoki = of('743', 2024, 'travel');
		expect(seinajoki.creditedCents).toBe(seinajoki.grossCents);
		expect(seinajoki.paidCents).toBe(0);
		const [note] = await database.db
			.select()
			.from(invoices)
			.where(eq(invoices.creditedInvoiceId, seinajoki.id));
		expect(note!.grossCents).toBe(-seinajoki.grossCents);
		expect(note!.creditReason).toMatch(/hyvitetään kokonaan/);
		// every other invoice paid to the cent, matched from the bank's files by reference
		const others = all.filter((i) => ![kempele.id, suomussalmi.id, seinajoki.id].includes(i.id));
		expect(others.length).toBeGreaterThan(20);
		for (const i of others) {
			expect(i.paidCents, i.number).toBe(i.grossCents);
			expect(i.remindedAt, i.number).toBeNull();
		}
		const [paid] = await database.db
			.select({ n: count(), cents: sql<number>`sum(${payments.amountCents})::int` })
			.from(payments);
		expect(paid!.n).toBe(others.length + 1);
		expect(paid!.cents).toBe(others.reduce((sum, i) => sum + i.grossCents, 0) + kempele.netCents);
	});
});
