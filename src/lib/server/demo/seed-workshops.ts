import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db';
import { randomUUID } from 'node:crypto';
import {
	jobs,
	memberships,
	seasonFocusAreas,
	workshopExperts,
	workshopFeedback,
	workshopParticipants,
	workshops,
	type seasons
} from '../db/schema';
import { userActor, type Actor } from '../actor';
import { proposeWorkshop } from '../workshops/propose-workshop';
import { scheduleWorkshop } from '../workshops/schedule-workshop';
import { recordWorkshop } from '../workshops/record-workshop';
import { cancelWorkshop } from '../workshops/cancel-workshop';
import { giveWorkshopFeedback } from '../workshops/give-workshop-feedback';
import { createJourney } from '../workshops/travel/save-journey';
import { addCostLine } from '../workshops/travel/cost-lines';
import { moveJourney } from '../workshops/travel/review-journey';
import { FEEDBACK_QUESTIONS } from '$lib/domain/events/feedback';
import { vatInGross, type JourneyAction } from '$lib/domain/workshops/travel-costs';
import type { Cancellation, WorkshopActor } from '$lib/domain/workshops/workshop-states';
import { entitlementLedger } from '$lib/domain/workshops/entitlement';
import { isLateCancellation } from '$lib/domain/workshops/late-cancellation';
import { addDays, at } from './demo-events';
import type { DemoPeople } from './seed-events';
import {
	demoWorkshopPlans,
	WORKSHOP_PLACES,
	type DemoExpert,
	type DemoWorkshopPlan
} from './demo-workshops';
import { DEMO_JOURNEYS, type DemoJourneyPlan } from './demo-journeys';
import { receiptPdf } from './receipt-pdf';
import { USO7_MEMBERS, USO7_SEASON } from './uso7';

/**
 * The demo's workshops and travel costs (demo-workshops.ts, demo-journeys.ts), written through
 * the use cases: every proposal, agreement, record, feedback answer and cancellation is a call
 * at its own moment, made in the order of those moments across all workshops, so that the
 * entitlement's places, the lateness of cancellations and the journeys' approved amounts (fixed
 * by `moveJourney`) are what the rules make of them, never typed in. The mail those calls
 * enqueue is history and is deleted, as the events' is (seed-events.ts).
 */

type Season = typeof seasons.$inferSelect;

export interface DemoWorkshopsContext {
	now: Date;
	coordinator: { id: string; email: string };
	experts: Record<DemoExpert, { id: string; email: string }>;
	people: DemoPeople;
	seasons: { 7: Season; 8: Season };
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A number in [0, 1) from a text, the same every time (FNV-1a), as seed-events.ts does. */
function pick(...parts: string[]): number {
	let hash = 0x811c9dc5;
	for (const ch of parts.join('|')) {
		hash ^= ch.codePointAt(0)!;
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash / 2 ** 32;
}

const COMMENTS = [
	'Hyvä, että pääsimme puhumaan omista asioistamme.',
	'Konkreettinen lopputulos, kiitos!',
	'Aikaa olisi saanut olla enemmän.',
	'Asiantuntijan esimerkit muista kunnista auttoivat.'
];

interface Step {
	at: Date;
	run: () => Promise<void>;
}

/** When a workshop runs, when its expert records it (the next morning, or an hour before now). */
function timesOf(plan: DemoWorkshopPlan, now: Date) {
	if (!plan.agreed) return null;
	const startsAt = at(plan.agreed.day, plan.agreed.from);
	const endsAt = at(plan.agreed.day, plan.agreed.to);
	const recordedAt = new Date(Math.min(endsAt.getTime() + 20 * HOUR, now.getTime() - HOUR));
	return { startsAt, endsAt, recordedAt };
}

/** Who attended a held workshop, by name. */
const attendedOf = (plan: DemoWorkshopPlan) =>
	plan.participants.filter((name) => !plan.record?.absent?.includes(name));

/**
 * The answer an attendee gives to the feedback form, if any: about half answer within four
 * days of the end, after the record (which asks them).
 */
function feedbackOf(plan: DemoWorkshopPlan, name: string, now: Date) {
	const times = timesOf(plan, now)!;
	if (pick(plan.key, name, 'feedback') >= 0.6) return null;
	const answeredAt = new Date(
		Math.min(
			times.endsAt.getTime() + (1 + Math.floor(pick(plan.key, name, 'when') * 4)) * DAY,
			now.getTime() - HOUR
		)
	);
	if (answeredAt.getTime() <= times.recordedAt.getTime()) return null;
	return {
		answeredAt,
		scores: Object.fromEntries(
			FEEDBACK_QUESTIONS.map((q) => {
				const r = pick(plan.key, name, q);
				return [q, r < 0.15 ? 3 : r < 0.6 ? 4 : 5];
			})
		),
		comment:
			pick(plan.key, name, 'comment') < 0.35
				? COMMENTS[Math.floor(pick(plan.key, name, 'which') * COMMENTS.length)]!
				: ''
	};
}

function must<T extends { ok: boolean }>(what: string, result: T): T & { ok: true } {
	if (!result.ok) throw new Error(`demo ${what}: ${JSON.stringify(result)}`);
	return result as T & { ok: true };
}

export async function seedDemoWorkshops(tx: Tx, context: DemoWorkshopsContext): Promise<void> {
	const { now, people } = context;
	const db = tx as unknown as Db;
	const seasonIds = [context.seasons[7].id, context.seasons[8].id];
	const [membershipRows, areaRows] = await Promise.all([
		tx
			.select({
				id: memberships.id,
				seasonId: memberships.seasonId,
				code: memberships.municipalityCode
			})
			.from(memberships)
			.where(inArray(memberships.seasonId, seasonIds)),
		tx
			.select({ id: seasonFocusAreas.id, seasonId: seasonFocusAreas.seasonId })
			.from(seasonFocusAreas)
			.where(inArray(seasonFocusAreas.seasonId, seasonIds))
			.orderBy(asc(seasonFocusAreas.position))
	]);
	const membershipOf = (season: 7 | 8, code: string) =>
		membershipRows.find((m) => m.seasonId === context.seasons[season].id && m.code === code)!.id;
	const areaOf = (season: 7 | 8, position: number) =>
		areaRows.filter((a) => a.seasonId === context.seasons[season].id)[position - 1]!.id;
	const person = (name: string) => {
		const found = people.get(name);
		if (!found) throw new Error(`demo workshops: no person ${name}`);
		return found;
	};
	const contactOf = (code: string): { actor: Actor; as: WorkshopActor } => {
		const name = USO7_MEMBERS.find((m) => m.code === code)!.people.find(
			(p) => p.account === 'contact'
		)!.name;
		return {
			actor: userActor(person(name)),
			as: { role: 'contact_person', municipalityCode: code }
		};
	};
	const coordinator = userActor(context.coordinator);
	const asCoordinator: WorkshopActor = { role: 'coordinator' };
	const expert = (key: DemoExpert) => ({
		actor: userActor(context.experts[key]),
		as: { role: 'expert', personId: context.experts[key].id } as WorkshopActor
	});

	const plans = demoWorkshopPlans(now);
	const workshopIds = await insertHistory(
		tx,
		plans.filter((p) => p.season === 7),
		now,
		{
			membershipOf,
			seasonIdOf: (season: 7 | 8) => context.seasons[season].id,
			areaOf,
			person,
			contactOf,
			coordinator: context.coordinator,
			experts: context.experts
		}
	);
	const steps: Step[] = [];
	for (const plan of plans.filter((p) => p.season === 8)) {
		const id = () => workshopIds.get(plan.key)!;
		const participantIds = plan.participants.map((name) => person(name).id);
		steps.push({
			at: plan.proposedAt,
			run: async () => {
				const contact = contactOf(plan.code);
				const result = must(
					`proposal ${plan.key}`,
					await proposeWorkshop(
						db,
						contact.actor,
						contact.as,
						{
							membershipId: membershipOf(plan.season, plan.code),
							focusAreaId: areaOf(plan.season, plan.focusArea),
							need: plan.need,
							goal: plan.goal,
							strategyLink: plan.strategyLink,
							preferredDates: plan.preferredDates,
							format: plan.format,
							participantIds,
							asExtra: plan.extra ?? false
						},
						plan.proposedAt
					)
				);
				workshopIds.set(plan.key, result.workshopId);
			}
		});
		const agreed = plan.agreed;
		const times = timesOf(plan, now);
		if (agreed && times) {
			const { startsAt, endsAt, recordedAt } = times;
			steps.push({
				at: agreed.at,
				run: async () => {
					must(
						`agreement ${plan.key}`,
						await scheduleWorkshop(
							db,
							coordinator,
							asCoordinator,
							{
								workshopId: id(),
								format: plan.format,
								startsAt,
								endsAt,
								place: plan.format === 'on_site' ? WORKSHOP_PLACES[plan.code]! : '',
								onlineUrl:
									plan.format === 'online' ? `https://meet.example.fi/uso/${plan.key}` : null,
								expertIds: plan.experts.map((e) => context.experts[e].id),
								participantIds,
								approveExtra: plan.extra ?? false
							},
							agreed.at
						)
					);
				}
			});
			const record = plan.record;
			if (record) {
				const attended = attendedOf(plan);
				steps.push({
					at: recordedAt,
					run: async () => {
						const by = expert(plan.experts[0]!);
						must(
							`record ${plan.key}`,
							await recordWorkshop(
								db,
								by.actor,
								by.as,
								{
									workshopId: id(),
									notes: record.notes,
									outcomes: record.outcomes,
									nextSteps: record.nextSteps,
									attendance: plan.participants.map((name) => ({
										userId: person(name).id,
										attended: attended.includes(name)
									}))
								},
								recordedAt
							)
						);
					}
				});
				for (const name of attended) {
					const answer = feedbackOf(plan, name, now);
					if (!answer) continue;
					steps.push({
						at: answer.answeredAt,
						run: async () => {
							must(
								`feedback ${plan.key} ${name}`,
								await giveWorkshopFeedback(
									db,
									{ ...userActor(person(name)), userId: person(name).id },
									{ workshopId: id(), scores: answer.scores, comment: answer.comment },
									answer.answeredAt
								)
							);
						}
					});
				}
			}
		}
		const cancel = plan.cancel;
		if (cancel) {
			steps.push({
				at: cancel.at,
				run: async () => {
					const by =
						cancel.by === 'network'
							? { actor: coordinator, as: asCoordinator }
							: contactOf(plan.code);
					const result = must(
						`cancellation ${plan.key}`,
						await cancelWorkshop(
							db,
							by.actor,
							by.as,
							{ workshopId: id(), by: cancel.by, reason: cancel.reason },
							cancel.at
						)
					);
					if (result.cancellation !== cancel.expect) {
						throw new Error(`demo cancellation ${plan.key}: ${result.cancellation}`);
					}
				}
			});
		}
	}
	// in the order of their moments; a stable sort keeps a workshop's own steps in order
	steps.sort((a, b) => a.at.getTime() - b.at.getTime());
	for (const step of steps) await step.run();

	for (const journey of DEMO_JOURNEYS) await seedJourney(db, journey);
	await settleJobs(tx, now, [...workshopIds.values()]);

	async function seedJourney(db: Db, plan: DemoJourneyPlan) {
		const by = expert(plan.expert);
		const ids = plan.workshops.map((key) => workshopIds.get(key)!);
		const firstDay = plans.find((p) => p.key === plan.workshops[0])!.agreed!.day;
		const lastDay = addDays(firstDay, Math.max(0, ...plan.lines.map((l) => l.offset)));
		// claimed the day after the last cost, submitted with it, reviewed a week later
		const claimedAt = at(addDays(lastDay, 1), '15:00');
		const reviewedAt = new Date(Math.min(claimedAt.getTime() + 7 * DAY, now.getTime() - HOUR));
		const created = must(
			`journey ${plan.key}`,
			await createJourney(
				db,
				by.actor,
				by.as,
				{ from: plan.from, to: plan.to, workshopIds: ids },
				claimedAt
			)
		);
		for (const line of plan.lines) {
			const gross = line.grossCents ?? null;
			const rate = line.vatBasisPoints ?? null;
			must(
				`cost ${plan.key} ${line.description}`,
				await addCostLine(
					db,
					by.actor,
					by.as,
					{
						journeyId: created.journeyId,
						line: {
							kind: line.kind,
							date: addDays(firstDay, line.offset),
							distanceKm: line.km ?? null,
							grossCents: gross,
							vatCents: gross !== null && rate !== null ? vatInGross(gross, rate) : null,
							vatBasisPoints: rate,
							description: line.description
						},
						receipt: line.receipt
							? { name: `kuitti-${plan.key}-${line.kind}.pdf`, bytes: receiptPdf(line.receipt) }
							: null
					},
					claimedAt
				)
			);
		}
		if (plan.state === 'draft') return;
		const move = async (actor: Actor, as: WorkshopActor, action: JourneyAction, when: Date) =>
			must(
				`journey ${plan.key} ${action.kind}`,
				await moveJourney(db, actor, as, { journeyId: created.journeyId, action }, when)
			);
		await move(by.actor, by.as, { kind: 'submit' }, claimedAt);
		if (plan.state === 'approved') {
			await move(coordinator, asCoordinator, { kind: 'approve' }, reviewedAt);
		} else if (plan.state === 'returned') {
			await move(
				coordinator,
				asCoordinator,
				{ kind: 'return', reason: plan.returnReason! },
				reviewedAt
			);
		}
	}
}

interface HistoryHelpers {
	membershipOf: (season: 7 | 8, code: string) => string;
	seasonIdOf: (season: 7 | 8) => string;
	areaOf: (season: 7 | 8, position: number) => string;
	person: (name: string) => { id: string };
	contactOf: (code: string) => { actor: Actor };
	coordinator: { id: string };
	experts: Record<DemoExpert, { id: string }>;
}

/**
 * A past season's workshops as history, inserted at once (as seed-events.ts inserts held
 * events' sign-ups): each row as the use cases would have left it — agreed with its experts and
 * participants, held with its record and attendance, cancelled with who, when, why and whether
 * late (`isLateCancellation`), an extra with the coordinator's approval — and their feedback.
 * Written one use-case call at a time they made the demo's load three times slower. The rows'
 * checks hold the states' facts, and each membership's ledger is checked against the rules
 * (`entitlementLedger`: nothing over the entitlement). The audit log does not pretend they were
 * done on the day the demo was loaded. Returns the workshops' ids by plan key.
 */
async function insertHistory(
	tx: Tx,
	plans: readonly DemoWorkshopPlan[],
	now: Date,
	helpers: HistoryHelpers
): Promise<Map<string, string>> {
	const ids = new Map<string, string>();
	const rows: (typeof workshops.$inferInsert)[] = [];
	const experts: (typeof workshopExperts.$inferInsert)[] = [];
	const participants: (typeof workshopParticipants.$inferInsert)[] = [];
	const feedback: (typeof workshopFeedback.$inferInsert)[] = [];
	for (const plan of plans) {
		const id = randomUUID();
		ids.set(plan.key, id);
		const times = timesOf(plan, now);
		const contactId = helpers.contactOf(plan.code).actor.userId;
		const cancel = plan.cancel;
		let cancellation: Cancellation | null = null;
		if (cancel) {
			cancellation =
				cancel.by === 'network'
					? 'network'
					: times && isLateCancellation(times.startsAt, cancel.at)
						? 'municipality_late'
						: 'municipality_in_time';
			if (cancellation !== cancel.expect) {
				throw new Error(`demo cancellation ${plan.key}: ${cancellation}`);
			}
		}
		const state = cancel ? 'cancelled' : plan.record ? 'held' : plan.agreed ? 'agreed' : 'proposed';
		const last =
			cancel?.at ?? (plan.record ? times!.recordedAt : (plan.agreed?.at ?? plan.proposedAt));
		rows.push({
			id,
			membershipId: helpers.membershipOf(plan.season, plan.code),
			seasonId: helpers.seasonIdOf(plan.season),
			focusAreaId: helpers.areaOf(plan.season, plan.focusArea),
			need: plan.need,
			goal: plan.goal,
			strategyLink: plan.strategyLink,
			preferredDates: plan.preferredDates,
			format: plan.format,
			state,
			extra: plan.extra ?? false,
			extraApprovedBy: plan.extra && plan.agreed ? helpers.coordinator.id : null,
			extraApprovedAt: plan.extra && plan.agreed ? plan.agreed.at : null,
			startsAt: times?.startsAt ?? null,
			endsAt: times?.endsAt ?? null,
			place: times && plan.format === 'on_site' ? WORKSHOP_PLACES[plan.code]! : '',
			onlineUrl:
				times && plan.format === 'online' ? `https://meet.example.fi/uso/${plan.key}` : null,
			heldAt: plan.record ? times!.recordedAt : null,
			cancellation,
			cancellationReason: cancel?.reason ?? '',
			cancelledBy: cancel ? (cancel.by === 'network' ? helpers.coordinator.id : contactId) : null,
			cancelledAt: cancel?.at ?? null,
			notes: plan.record?.notes ?? '',
			outcomes: plan.record?.outcomes ?? '',
			nextSteps: plan.record?.nextSteps ?? '',
			// a cancellation of an agreed workshop updates its calendar entries
			sequence: cancel && plan.agreed ? 1 : 0,
			proposedBy: contactId,
			createdAt: plan.proposedAt,
			updatedAt: last
		});
		if (!times) continue;
		for (const key of plan.experts) {
			experts.push({
				workshopId: id,
				userId: helpers.experts[key].id,
				assignedAt: plan.agreed!.at
			});
		}
		const attended = attendedOf(plan);
		for (const name of plan.participants) {
			participants.push({
				workshopId: id,
				userId: helpers.person(name).id,
				attended: plan.record ? attended.includes(name) : null,
				attendanceMarkedAt: plan.record ? times.recordedAt : null,
				addedAt: plan.proposedAt
			});
		}
		if (!plan.record) continue;
		for (const name of attended) {
			const answer = feedbackOf(plan, name, now);
			if (!answer) continue;
			feedback.push({
				workshopId: id,
				userId: helpers.person(name).id,
				scores: answer.scores,
				comment: answer.comment,
				createdAt: answer.answeredAt
			});
		}
	}
	// each membership's ledger as the rules count it: the entitlement, nothing over it
	const byMembership = new Map<string, typeof rows>();
	for (const row of rows) {
		byMembership.set(row.membershipId, [...(byMembership.get(row.membershipId) ?? []), row]);
	}
	for (const [membershipId, list] of byMembership) {
		const ledger = entitlementLedger(
			USO7_SEASON.workshopsPerMunicipality,
			list.map((r) => ({
				state: r.state!,
				cancellation: r.cancellation ?? null,
				startsAt: r.startsAt ?? null,
				extra: r.extra ?? false
			})),
			now
		);
		if (ledger.over > 0) throw new Error(`demo workshops of ${membershipId}: over the entitlement`);
	}
	if (rows.length > 0) await tx.insert(workshops).values(rows);
	if (experts.length > 0) await tx.insert(workshopExperts).values(experts);
	if (participants.length > 0) await tx.insert(workshopParticipants).values(participants);
	if (feedback.length > 0) await tx.insert(workshopFeedback).values(feedback);
	return ids;
}

/**
 * The calls above enqueued invitations, changes, cancellations and feedback requests for things
 * long past, and the coordinators' notices of the demo's proposals and submitted journeys:
 * deleted, as the events' are, so that a newcomer's outbox starts empty. (The demo is loaded
 * into an empty database: every coordinators' notice there is the demo's.)
 */
async function settleJobs(tx: Tx, now: Date, workshopIds: string[]) {
	if (workshopIds.length === 0) return;
	await tx
		.delete(jobs)
		.where(
			and(
				inArray(sql`${jobs.payload}->>'workshopId'`, workshopIds),
				or(
					eq(jobs.kind, 'workshop_notice'),
					sql`${jobs.runAt} <= ${now.toISOString()}::timestamptz`
				)
			)
		);
	await tx.delete(jobs).where(eq(jobs.kind, 'coordinator_notice'));
}
