import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db';
import {
	eventFeedback,
	eventSignUps,
	jobs,
	memberships,
	seasonFocusAreas,
	type seasons
} from '../db/schema';
import { userActor } from '../actor';
import { createEvent } from '../events/save-event';
import {
	signUpForEvent,
	type SignUpAuthority,
	type SignUpRequest
} from '../events/sign-up-for-event';
import { cancelSignUp } from '../events/cancel-sign-up';
import { recountSeats } from '../events/seats';
import { placeSignUp, type Seat } from '$lib/domain/events/capacity';
import { arrangementsEraseAt } from '$lib/domain/events/deadlines';
import { eligibleModes } from '$lib/domain/events/eligibility';
import { FEEDBACK_QUESTIONS } from '$lib/domain/events/feedback';
import { DEFAULT_EVENT_TYPE_RULES, type AttendanceMode } from '$lib/domain/events/event-types';
import type { Position } from '$lib/domain/positions';
import type { EventForm } from '$lib/schemas/event';
import { uso7EventPlans, uso8EventPlans, type DemoEventPlan } from './demo-events';
import { USO7_MEMBERS } from './uso7';

/**
 * The demo's events (issue 7, "Demo data"): USO 7's programme of 2023–2024 and USO 8's events
 * around the load day (demo-events.ts), with sign-ups of the members' people as each event
 * type and each municipality's decision allow, attendance, feedback and one cancellation.
 *
 * Feedback scores use the feedback form's question ids (`FEEDBACK_QUESTIONS`: `content`,
 * `usefulness`, `arrangements`), 1–5 each.
 *
 * Every choice that looks random (who comes, who attends, the scores) is taken from a hash of
 * the event's key and the person's name, so the demo is the same on every load.
 */

export interface DemoPerson {
	id: string;
	email: string;
	municipalityCode: string;
	positions: Position[];
	locale: string;
}
/** The demo's people by name (names are unique in the demo). */
export type DemoPeople = ReadonlyMap<string, DemoPerson>;

type Season = typeof seasons.$inferSelect;

export interface DemoEventsContext {
	/** The load moment: events before it are held, those after it are to come. */
	now: Date;
	coordinator: { id: string; email: string };
	people: DemoPeople;
	seasons: { 7: Season; 8: Season };
}

/** A number in [0, 1) from a text, the same every time (FNV-1a). */
function pick(...parts: string[]): number {
	let hash = 0x811c9dc5;
	for (const ch of parts.join('|')) {
		hash ^= ch.codePointAt(0)!;
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash / 2 ** 32;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Short comments some attendees leave; most leave none. */
const COMMENTS_FI = [
	'Hyviä esimerkkejä muista kunnista.',
	'Ryhmäkeskusteluille olisi saanut varata enemmän aikaa.',
	'Selkeä kokonaisuus, kiitos!',
	'Materiaalit olisi hyvä saada etukäteen.',
	'Etäyhteys pätki välillä.',
	'Hyödyllinen päivä, vei omaa ajattelua eteenpäin.'
];
const COMMENTS_SV = ['Bra exempel från andra kommuner.', 'Tack, en givande dag!'];

function score(...parts: string[]): number {
	const r = pick(...parts);
	return r < 0.05 ? 2 : r < 0.2 ? 3 : r < 0.6 ? 4 : 5;
}

interface MemberFacts {
	state: (typeof memberships.$inferSelect)['state'];
	onSiteGroups: (typeof memberships.$inferSelect)['onSiteGroups'];
	contactPersonId: string | null;
}

async function membershipsBySeason(tx: Tx, seasonIds: string[]) {
	const rows = await tx.select().from(memberships).where(inArray(memberships.seasonId, seasonIds));
	const bySeason = new Map<string, Map<string, MemberFacts>>();
	for (const r of rows) {
		const map = bySeason.get(r.seasonId) ?? new Map<string, MemberFacts>();
		map.set(r.municipalityCode, r);
		bySeason.set(r.seasonId, map);
	}
	return bySeason;
}

/** The modes the person may choose at the event, as the eligibility rule says. */
function modesOf(
	plan: DemoEventPlan,
	person: DemoPerson,
	members: ReadonlyMap<string, MemberFacts>
): AttendanceMode[] {
	const membership = members.get(person.municipalityCode);
	if (!membership) return [];
	const positions: Position[] = [...person.positions];
	if (membership.contactPersonId === person.id && !positions.includes('contact_person')) {
		positions.push('contact_person');
	}
	return eligibleModes(
		{ municipalityCode: person.municipalityCode, positions },
		{ municipalityCode: person.municipalityCode, ...membership },
		{ rule: DEFAULT_EVENT_TYPE_RULES[plan.type], format: plan.format }
	);
}

/** On site where the person may and likes to come (Vaala's people always do), else online. */
function chooseMode(
	plan: DemoEventPlan,
	name: string,
	person: DemoPerson,
	modes: AttendanceMode[]
) {
	if (modes.length === 1) return modes[0]!;
	const onSite = person.municipalityCode === '785' || pick(plan.key, name, 'mode') < 0.7;
	return onSite ? 'on_site' : 'online';
}

interface Call {
	actorId: string;
	authority: SignUpAuthority;
	people: (SignUpRequest & { name: string; municipalityCode: string; locale: string })[];
}

/** The sign-up calls that make the plan, in the order they are made. */
function signUpCalls(
	plan: DemoEventPlan,
	people: DemoPeople,
	members: ReadonlyMap<string, MemberFacts>
): Call[] {
	const request = (name: string, mode: AttendanceMode) => ({
		name,
		userId: people.get(name)!.id,
		municipalityCode: people.get(name)!.municipalityCode,
		locale: people.get(name)!.locale,
		mode,
		arrangements: plan.arrangements?.[name] ?? ''
	});
	const signUps = plan.signUps;
	if (signUps.kind === 'none') return [];
	if (signUps.kind === 'list') {
		return signUps.names.map((name) => ({
			actorId: people.get(name)!.id,
			authority: { as: 'self' },
			people: [request(name, signUps.mode)]
		}));
	}
	const calls: Call[] = [];
	for (const member of USO7_MEMBERS) {
		const membership = members.get(member.code);
		if (!membership || membership.state !== 'active') continue;
		const coming = member.people.flatMap((p) => {
			const person = people.get(p.name)!;
			const modes = modesOf(plan, person, members);
			if (modes.length === 0) return [];
			const always =
				signUps.always?.includes(p.name) || (member.code === '785' && plan.type === 'seminar');
			if (signUps.except?.includes(p.name)) return [];
			if (!always && pick(plan.key, p.name) >= signUps.share) return [];
			return [request(p.name, chooseMode(plan, p.name, person, modes))];
		});
		if (coming.length === 0) continue;
		if (signUps.by === 'contact_person' && membership.contactPersonId) {
			calls.push({
				actorId: membership.contactPersonId,
				authority: { as: 'contact_person', municipalityCodes: [member.code] },
				people: coming
			});
		} else {
			for (const one of coming) {
				calls.push({ actorId: one.userId, authority: { as: 'self' }, people: [one] });
			}
		}
	}
	return calls;
}

function formOf(plan: DemoEventPlan): EventForm {
	return {
		type: plan.type,
		format: plan.format,
		titleFi: plan.titleFi,
		titleSv: plan.titleSv,
		titleEn: plan.titleEn,
		descriptionFi: plan.descriptionFi,
		descriptionSv: '',
		descriptionEn: '',
		startsAt: plan.startsAt,
		endsAt: plan.endsAt,
		venueName: plan.venueName,
		venueAddress: plan.venueAddress,
		onlineUrl: plan.onlineUrl,
		capacityOnSite: plan.capacityOnSite,
		capacityOnline: plan.capacityOnline,
		perMunicipalityOnSite: plan.perMunicipalityOnSite,
		signUpOpensAt: plan.signUpOpensAt,
		signUpClosesAt: plan.signUpClosesAt,
		cancellationDeadline: plan.cancellationDeadline
	};
}

const actorOf = (people: DemoPeople, id: string) => {
	const person = [...people.values()].find((p) => p.id === id)!;
	return userActor(person);
};

/**
 * When each of an event's sign-up calls is made: spread evenly over its sign-up window, up to
 * the load moment for an event still open.
 */
function callTimes(plan: DemoEventPlan, count: number, now: Date): Date[] {
	const opens = (plan.signUpOpensAt ?? new Date(plan.startsAt.getTime() - 30 * DAY)).getTime();
	const until = Math.min((plan.signUpClosesAt ?? plan.startsAt).getTime(), now.getTime()) - MINUTE;
	return Array.from(
		{ length: count },
		(_, i) =>
			new Date(opens + Math.floor(((until - opens) * (i + 1)) / (count + 1) / MINUTE) * MINUTE)
	);
}

/** The rows a held event leaves behind, and its feedback. */
interface History {
	signUps: (typeof eventSignUps.$inferInsert)[];
	feedback: (typeof eventFeedback.$inferInsert)[];
}

/**
 * A held event's sign-ups as the use case would have placed them (the same capacity rule), with
 * what happened after it: the coordinator marked attendance the next morning, some attendees
 * answered the feedback form within a week, special arrangements were erased after 14 days.
 */
function heldEventHistory(
	plan: DemoEventPlan,
	eventId: string,
	calls: Call[],
	now: Date,
	history: History
) {
	const capacity = {
		onSite: plan.capacityOnSite,
		online: plan.capacityOnline,
		perMunicipalityOnSite: plan.perMunicipalityOnSite
	};
	const markedAt = new Date(Math.min(plan.endsAt.getTime() + 18 * HOUR, now.getTime()));
	const eraseAt = arrangementsEraseAt(plan);
	const erased = eraseAt.getTime() <= now.getTime();
	const seats: Seat[] = [];
	const times = callTimes(plan, calls.length, now);
	for (const [i, call] of calls.entries()) {
		const at = times[i]!;
		for (const person of call.people) {
			const { name } = person;
			const seat = {
				id: `${plan.key}:${name}`,
				municipalityCode: person.municipalityCode,
				mode: person.mode,
				seq: seats.length + 1
			};
			const state = placeSignUp(capacity, seats, seat);
			seats.push({ ...seat, state });
			const confirmed = state === 'confirmed';
			const waitsForFeedback = plan.noFeedback?.includes(name) ?? false;
			const attended = waitsForFeedback || pick(plan.key, name, 'attended') < 0.88;
			history.signUps.push({
				eventId,
				userId: person.userId,
				municipalityCode: person.municipalityCode,
				mode: person.mode,
				state,
				arrangements: person.arrangements && !erased ? person.arrangements : null,
				arrangementsErasedAt: person.arrangements && erased ? eraseAt : null,
				signedUpBy: call.actorId,
				createdAt: at,
				confirmedAt: confirmed ? at : null,
				attended: confirmed ? attended : null,
				attendanceMarkedAt: confirmed ? markedAt : null
			});
			if (!confirmed || !attended || waitsForFeedback) continue;
			if (pick(plan.key, name, 'feedback') >= 0.55) continue;
			const answeredAt = Math.min(
				plan.endsAt.getTime() + (1 + Math.floor(pick(plan.key, name, 'when') * 6)) * DAY,
				now.getTime() - HOUR
			);
			if (answeredAt <= plan.endsAt.getTime()) continue;
			const comments = person.locale === 'sv' ? COMMENTS_SV : COMMENTS_FI;
			history.feedback.push({
				eventId,
				userId: person.userId,
				scores: Object.fromEntries(
					FEEDBACK_QUESTIONS.map((question) => [question, score(plan.key, name, question)])
				),
				comment:
					pick(plan.key, name, 'comment') < 0.3
						? comments[Math.floor(pick(plan.key, name, 'which') * comments.length)]!
						: '',
				createdAt: new Date(answeredAt)
			});
		}
	}
}

/**
 * The demo's events, their sign-ups, attendance and feedback, and the clean-up of their jobs.
 *
 * Every event is planned through `createEvent`. The sign-ups of the events still to come, where
 * the rules matter (seats, the waiting list's order, the per-municipality cap, a cancellation),
 * go through `signUpForEvent` and `cancelSignUp` at moments inside their sign-up windows. Those
 * of held events are history and inserted at once, placed by the same domain rules
 * (`eligibleModes`, `placeSignUp`) and their seat counts recounted (`recountSeats`): written
 * one use-case call at a time they would make the demo several times slower to load, and the
 * audit log does not pretend that they were signed up on the day the demo was loaded.
 */
export async function seedDemoEvents(tx: Tx, context: DemoEventsContext): Promise<void> {
	const { now, people } = context;
	const db = tx as unknown as Db;
	const coordinator = userActor(context.coordinator);
	const [members, focusAreas] = await Promise.all([
		membershipsBySeason(tx, [context.seasons[7].id, context.seasons[8].id]),
		tx
			.select({ id: seasonFocusAreas.id, seasonId: seasonFocusAreas.seasonId })
			.from(seasonFocusAreas)
			.orderBy(asc(seasonFocusAreas.seasonId), asc(seasonFocusAreas.position))
	]);

	const eventIds: string[] = [];
	const heldIds: string[] = [];
	const history: History = { signUps: [], feedback: [] };
	/** When each sign-up of a coming event was made (the use case stamps the database's clock). */
	const madeAt: { id: string; at: Date }[] = [];
	for (const plan of [...uso7EventPlans(), ...uso8EventPlans(now)]) {
		const season = context.seasons[plan.season];
		const areas = focusAreas.filter((f) => f.seasonId === season.id);
		const result = await createEvent(
			db,
			coordinator,
			season.id,
			formOf(plan),
			plan.focusAreas.map((n) => areas[n - 1]!.id)
		);
		if (!result.ok) throw new Error(`demo event ${plan.key}: ${JSON.stringify(result)}`);
		const eventId = result.eventId;
		eventIds.push(eventId);
		const calls = signUpCalls(plan, people, members.get(season.id)!);
		if (plan.endsAt.getTime() <= now.getTime()) {
			heldIds.push(eventId);
			heldEventHistory(plan, eventId, calls, now, history);
			continue;
		}

		const times = callTimes(plan, calls.length, now);
		const placedByName = new Map<string, string>();
		for (const [i, call] of calls.entries()) {
			const signed = await signUpForEvent(
				db,
				actorOf(people, call.actorId),
				call.authority,
				{
					eventId,
					people: call.people.map((p) => ({
						userId: p.userId,
						mode: p.mode,
						arrangements: p.arrangements
					}))
				},
				times[i]
			);
			if (!signed.ok) throw new Error(`demo sign-up ${plan.key}: ${JSON.stringify(signed)}`);
			for (const [j, placed] of signed.placed.entries()) {
				placedByName.set(call.people[j]!.name, placed.signUpId);
				madeAt.push({ id: placed.signUpId, at: times[i]! });
			}
		}
		for (const name of plan.cancels ?? []) {
			const cancelled = await cancelSignUp(
				db,
				userActor(people.get(name)!),
				{ as: 'self' },
				{ eventId, signUpId: placedByName.get(name)! },
				new Date(now.getTime() - 2 * HOUR)
			);
			if (!cancelled.ok) throw new Error(`demo cancellation ${plan.key}: ${cancelled.error}`);
		}
	}

	if (history.signUps.length > 0) {
		await tx.insert(eventSignUps).values(history.signUps);
		for (const id of heldIds) await recountSeats(tx, id);
	}
	if (history.feedback.length > 0) await tx.insert(eventFeedback).values(history.feedback);
	if (madeAt.length > 0) {
		const values = sql.join(
			madeAt.map((m) => sql`(${m.id}::uuid, ${m.at.toISOString()}::timestamptz)`),
			sql`, `
		);
		await tx.execute(
			sql`update ${eventSignUps} set created_at = v.at from (values ${values}) as v(id, at) where ${eventSignUps.id} = v.id`
		);
	}
	await settleJobs(tx, now, eventIds);
}

/**
 * The demo writes its history at once, so the jobs that the use cases enqueued on the way
 * would tell people now of things long past: the notices (sign-up confirmations, waiting
 * places, the cancellation) and every job of a demo event whose moment came before the load
 * (reminders of held events, erasures the history has done). They are deleted, so a
 * newcomer's outbox starts empty; the reminders and erasures of the events to come stay
 * pending and run when their time comes.
 */
async function settleJobs(tx: Tx, now: Date, eventIds: string[]) {
	if (eventIds.length === 0) return;
	await tx
		.delete(jobs)
		.where(
			and(
				inArray(sql`${jobs.payload}->>'eventId'`, eventIds),
				or(eq(jobs.kind, 'event_notice'), sql`${jobs.runAt} <= ${now.toISOString()}::timestamptz`)
			)
		);
}
