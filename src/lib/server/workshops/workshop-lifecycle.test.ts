import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/setup/test-db';
import { parseIcs } from '../../../../tests/support/parse-ics';
import { NOW, peopleOf } from '../../../../tests/factories/events';
import {
	COORDINATOR,
	addExpert,
	contactOf,
	coordinatorActor,
	demoExpert,
	expertsOf,
	participantsOf,
	proposed,
	uso7Membership,
	workshopRow,
	withoutDemoWorkshops
} from '../../../../tests/factories/workshops';
import { auditLog, jobs, outbox, seasons, users, workshopMaterials } from '../db/schema';
import { systemActor, userActor, type Actor } from '../actor';
import { runDueJobs } from '../jobs/run-due-jobs';
import { scheduleWorkshop, type ScheduleInput } from './schedule-workshop';
import { cancelWorkshop } from './cancel-workshop';
import { recordWorkshop } from './record-workshop';
import { giveWorkshopFeedback } from './give-workshop-feedback';
import { addWorkshopMaterial } from './add-workshop-material';

/**
 * A workshop from proposal to its end: the coordinator agrees it with experts and participants
 * (invited by mail with a calendar entry), changes it, the assigned expert records it once it
 * has started, participants who attended give feedback; and cancellations by the municipality,
 * in time or late, and by the network. Every change is refused as the rules say (ADR 018).
 */
let database: TestDatabase;
let vaala: Map<string, typeof users.$inferSelect>;
let coordinator: Actor;
let membershipId: string;

const settings = {
	mail: { from: 'Verkosto <verkosto@example.fi>', log: false },
	publicOrigin: 'https://verkosto.example.fi'
};
const START = new Date('2024-04-10T07:00:00Z');
const END = new Date('2024-04-10T11:00:00Z');
const DURING = new Date('2024-04-10T08:00:00Z');
const AFTER = new Date('2024-04-11T08:00:00Z');

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	await withoutDemoWorkshops(database.db);
	vaala = await peopleOf(database.db, '785');
	coordinator = await coordinatorActor(database.db);
	membershipId = (await uso7Membership(database.db, '785')).id;
	await database.db
		.update(users)
		.set({ locale: 'sv' })
		.where(eq(users.id, vaala.get('Kerttu Koskela')!.id));
});
afterAll(() => database?.close());

/**
 * Runs every job due at `at`: by default the present moment, as the notices the use cases
 * enqueue are due at the database's own `now()`, not at the moment a test passes them.
 */
async function runJobs(at?: Date) {
	for (let round = 0; round < 10; round++) {
		const now = at ?? new Date();
		const result = await runDueJobs(database.db, { serverId: 'test', settings, now });
		if (result.claimed === 0) return;
	}
}

const person = (name: string) => vaala.get(name)!;
const mailTo = (email: string) =>
	database.db.select().from(outbox).where(eq(outbox.to, email)).orderBy(outbox.id);

async function schedule(
	workshopId: string,
	overrides: Partial<ScheduleInput> = {},
	now = NOW
): Promise<Awaited<ReturnType<typeof scheduleWorkshop>>> {
	const expert = await demoExpert(database.db);
	return scheduleWorkshop(
		database.db,
		coordinator,
		COORDINATOR,
		{
			workshopId,
			format: 'on_site',
			startsAt: START,
			endsAt: END,
			place: 'Vaalan kunnantalo, valtuustosali',
			onlineUrl: null,
			expertIds: [expert.person.id],
			participantIds: [person('Mikko Mäkelä').id, person('Kerttu Koskela').id],
			approveExtra: false,
			...overrides
		},
		now
	);
}

async function auditActions(workshopId: string) {
	const rows = await database.db
		.select({ action: auditLog.action })
		.from(auditLog)
		.where(and(eq(auditLog.entityType, 'workshop'), eq(auditLog.entityId, workshopId)))
		.orderBy(auditLog.id);
	return rows.map((r) => r.action);
}

describe('agreeing a workshop', () => {
	it('refuses every problem of the form at once, and writes nothing', async () => {
		const id = await proposed(database.db, membershipId);
		const kajaaniPerson = [...(await peopleOf(database.db, '205')).values()][0]!;
		const result = await schedule(id, {
			startsAt: new Date('2024-02-01T07:00:00Z'),
			endsAt: new Date('2024-02-01T11:00:00Z'),
			place: ' ',
			expertIds: [person('Mikko Mäkelä').id],
			participantIds: [kajaaniPerson.id]
		});
		expect(result).toEqual({
			ok: false,
			error: 'fields',
			fields: {
				startsAt: 'start_in_past',
				place: 'place_missing',
				expertIds: 'not_an_expert',
				participantIds: 'invalidChoice'
			}
		});
		expect((await workshopRow(database.db, id)).state).toBe('proposed');
		expect(await auditActions(id)).toEqual(['workshop.propose']);
	});

	it('is the coordinator’s: a contact person and an expert are refused', async () => {
		const id = await proposed(database.db, membershipId);
		const contact = await contactOf(database.db, '785');
		const expert = await demoExpert(database.db);
		const input = {
			workshopId: id,
			format: 'online' as const,
			startsAt: START,
			endsAt: END,
			place: '',
			onlineUrl: 'https://meet.example.fi/vaala',
			expertIds: [expert.person.id],
			participantIds: [],
			approveExtra: false
		};
		expect(await scheduleWorkshop(database.db, contact.actor, contact.as, input, NOW)).toEqual({
			ok: false,
			error: 'role_not_allowed'
		});
		expect(await scheduleWorkshop(database.db, expert.actor, expert.as, input, NOW)).toEqual({
			ok: false,
			error: 'role_not_allowed'
		});
	});

	it('agrees it, and invites participants and experts by mail with a calendar entry in their language', async () => {
		await database.db.delete(outbox);
		const id = await proposed(database.db, membershipId, {
			participantIds: [person('Tapio Tervo').id]
		});
		expect(await schedule(id)).toEqual({ ok: true, agreed: true });
		const row = await workshopRow(database.db, id);
		expect(row).toMatchObject({
			state: 'agreed',
			startsAt: START,
			endsAt: END,
			place: 'Vaalan kunnantalo, valtuustosali',
			sequence: 0
		});
		const expert = await demoExpert(database.db);
		expect(await expertsOf(database.db, id)).toEqual([expert.person.id]);
		expect((await participantsOf(database.db, id)).map((p) => p.userId).sort()).toEqual(
			[person('Mikko Mäkelä').id, person('Kerttu Koskela').id].sort()
		);
		expect(await auditActions(id)).toEqual(['workshop.propose', 'workshop.agree']);

		await runJobs();
		const [mikko] = await mailTo(person('Mikko Mäkelä').email);
		expect(mikko!.subject).toBe('Kutsu: USO-kehittämistyöpaja: Vaala');
		expect(mikko!.text).toContain('10.4.2024 klo 10.00–14.00');
		expect(mikko!.text).toContain(`https://verkosto.example.fi/municipalities/785/workshops/${id}`);
		const ics = parseIcs(mikko!.calendar!);
		expect(ics.method).toBe('REQUEST');
		expect(ics.events[0]).toMatchObject({
			uid: `${id}@verkosto`,
			sequence: 0,
			location: 'Vaalan kunnantalo, valtuustosali'
		});
		const [kerttu] = await mailTo(person('Kerttu Koskela').email);
		expect(kerttu!.subject).toBe('Inbjudan: USO-utvecklingsverkstad: Vaala');
		expect((await mailTo(expert.person.email)).at(-1)!.calendarMethod).toBe('REQUEST');
		// proposed as a participant but not kept by the coordinator: never invited
		expect(await mailTo(person('Tapio Tervo').email)).toEqual([]);
	});

	it('agrees an extra only with the explicit approval, and records who approved', async () => {
		const suomussalmi = await uso7Membership(database.db, '777');
		for (let i = 0; i < 5; i++) await proposed(database.db, suomussalmi.id);
		const extra = await proposed(database.db, suomussalmi.id, { asExtra: true });
		const input = {
			workshopId: extra,
			format: 'online' as const,
			startsAt: START,
			endsAt: END,
			place: '',
			onlineUrl: 'https://meet.example.fi/x',
			expertIds: [(await demoExpert(database.db)).person.id],
			participantIds: []
		};
		expect(
			await scheduleWorkshop(
				database.db,
				coordinator,
				COORDINATOR,
				{ ...input, approveExtra: false },
				NOW
			)
		).toEqual({ ok: false, error: 'extra_not_approved' });
		expect(
			await scheduleWorkshop(
				database.db,
				coordinator,
				COORDINATOR,
				{ ...input, approveExtra: true },
				NOW
			)
		).toEqual({ ok: true, agreed: true });
		expect(await workshopRow(database.db, extra)).toMatchObject({
			state: 'agreed',
			extra: true,
			extraApprovedBy: coordinator.userId,
			extraApprovedAt: NOW
		});
	});
});

/** From here on Vaala has room for every workshop the tests propose. */
async function roomForAll() {
	await database.db.update(seasons).set({ workshopsPerMunicipality: 50 });
}

describe('changing an agreed workshop', () => {
	beforeAll(roomForAll);

	it('raises SEQUENCE and sends an update when it moves; cancels the entry of one removed, invites one added', async () => {
		const id = await proposed(database.db, membershipId);
		await schedule(id);
		await runJobs();
		await database.db.delete(outbox);
		const later = new Date('2024-04-12T07:00:00Z');
		const laterEnd = new Date('2024-04-12T11:00:00Z');
		const result = await schedule(id, {
			startsAt: later,
			endsAt: laterEnd,
			participantIds: [person('Mikko Mäkelä').id, person('Helena Hallila').id]
		});
		expect(result).toEqual({ ok: true, agreed: false });
		expect((await workshopRow(database.db, id)).sequence).toBe(1);
		await runJobs();
		const [update] = await mailTo(person('Mikko Mäkelä').email);
		expect(update!.subject).toBe('Työpaja muuttui: USO-kehittämistyöpaja: Vaala');
		expect(parseIcs(update!.calendar!).events[0]).toMatchObject({ sequence: 1 });
		expect(parseIcs(update!.calendar!).events[0]!.start.toISOString()).toBe(later.toISOString());
		const [removed] = await mailTo(person('Kerttu Koskela').email);
		expect(removed!.calendarMethod).toBe('CANCEL');
		expect(parseIcs(removed!.calendar!).events[0]!.status).toBe('CANCELLED');
		const [added] = await mailTo(person('Helena Hallila').email);
		expect(added!.subject).toBe('Kutsu: USO-kehittämistyöpaja: Vaala');
		expect(await auditActions(id)).toEqual([
			'workshop.propose',
			'workshop.agree',
			'workshop.reschedule'
		]);
	});

	it('assigns another expert: the new one is invited, the one taken off gets the entry cancelled', async () => {
		const id = await proposed(database.db, membershipId);
		await schedule(id);
		const other = await addExpert(database.db, 'toinen', 'en');
		await runJobs();
		await database.db.delete(outbox);
		expect(await schedule(id, { expertIds: [other.person.id] })).toEqual({
			ok: true,
			agreed: false
		});
		expect((await workshopRow(database.db, id)).sequence).toBe(0);
		await runJobs();
		expect((await mailTo(other.person.email))[0]!.subject).toBe(
			'Invitation: USO development workshop: Vaala'
		);
		const demo = await demoExpert(database.db);
		expect((await mailTo(demo.person.email))[0]!.calendarMethod).toBe('CANCEL');
		expect(await mailTo(person('Mikko Mäkelä').email)).toEqual([]);
	});
});

describe('recording a workshop', () => {
	let id: string;
	beforeAll(async () => {
		id = await proposed(database.db, membershipId);
		await schedule(id);
	});

	const record = (as: Parameters<typeof recordWorkshop>[2], actor: Actor, now: Date) =>
		recordWorkshop(
			database.db,
			actor,
			as,
			{
				workshopId: id,
				notes: 'Johtoryhmä kävi läpi strategian tavoitteet.',
				outcomes: 'Toimeenpanosuunnitelman luonnos.',
				nextSteps: 'Valtuustoseminaari toukokuussa.',
				attendance: [
					{ userId: person('Mikko Mäkelä').id, attended: true },
					{ userId: person('Kerttu Koskela').id, attended: false },
					{ userId: person('Tapio Tervo').id, attended: true }
				]
			},
			now
		);

	it('refuses an expert not assigned, and marking held before the start', async () => {
		const other = await addExpert(database.db, 'kolmas');
		expect(await record(other.as, other.actor, DURING)).toEqual({
			ok: false,
			error: 'not_assigned'
		});
		const expert = await demoExpert(database.db);
		expect(await record(expert.as, expert.actor, NOW)).toEqual({
			ok: false,
			error: 'not_started'
		});
		expect((await workshopRow(database.db, id)).state).toBe('agreed');
	});

	it('marks it held with notes, outcomes, next steps and attendance; asks those who attended for feedback', async () => {
		const expert = await demoExpert(database.db);
		expect(await record(expert.as, expert.actor, DURING)).toEqual({ ok: true, markedHeld: true });
		expect(await workshopRow(database.db, id)).toMatchObject({
			state: 'held',
			heldAt: DURING,
			outcomes: 'Toimeenpanosuunnitelman luonnos.'
		});
		const attendance = await participantsOf(database.db, id);
		expect(attendance.find((p) => p.userId === person('Mikko Mäkelä').id)?.attended).toBe(true);
		expect(attendance.find((p) => p.userId === person('Kerttu Koskela').id)?.attended).toBe(false);
		// not a participant: left out
		expect(attendance.some((p) => p.userId === person('Tapio Tervo').id)).toBe(false);
		const [request] = await database.db
			.select()
			.from(jobs)
			.where(eq(jobs.kind, 'workshop_feedback_request'));
		expect(request!.runAt.toISOString()).toBe('2024-04-10T13:00:00.000Z');
		expect(await auditActions(id)).toEqual([
			'workshop.propose',
			'workshop.agree',
			'workshop.hold',
			'workshop.record',
			'workshop.attendance'
		]);
		await database.db.delete(outbox);
		await runJobs(AFTER);
		expect((await mailTo(person('Mikko Mäkelä').email)).map((m) => m.subject)).toEqual([
			'Palaute: USO-kehittämistyöpaja: Vaala'
		]);
		expect(await mailTo(person('Kerttu Koskela').email)).toEqual([]);
	});

	it('is never un-held: cancelling and rescheduling a held workshop are refused', async () => {
		expect(
			await cancelWorkshop(
				database.db,
				coordinator,
				COORDINATOR,
				{ workshopId: id, by: 'network', reason: 'Virhe' },
				AFTER
			)
		).toEqual({ ok: false, error: 'already_held' });
		expect(await schedule(id, {}, AFTER)).toEqual({ ok: false, error: 'already_held' });
	});

	it('takes feedback once from a participant who attended, and none from one who did not', async () => {
		const give = (name: string) =>
			giveWorkshopFeedback(
				database.db,
				userActor(person(name)) as Actor & { userId: string },
				{ workshopId: id, scores: { content: 5, usefulness: 4 }, comment: 'Hyödyllinen' },
				AFTER
			);
		expect(await give('Mikko Mäkelä')).toEqual({ ok: true });
		expect(await give('Mikko Mäkelä')).toEqual({ ok: false, error: 'already_answered' });
		expect(await give('Kerttu Koskela')).toEqual({ ok: false, error: 'not_attended' });
	});

	it('takes materials from the assigned expert, not from the municipality', async () => {
		const file = {
			name: 'kalvot.pdf',
			contentType: 'application/pdf',
			bytes: Buffer.from('%PDF-1.4')
		};
		const expert = await demoExpert(database.db);
		const contact = await contactOf(database.db, '785');
		expect(
			await addWorkshopMaterial(database.db, contact.actor, contact.as, { workshopId: id, file })
		).toEqual({ ok: false, error: 'role_not_allowed' });
		expect(
			await addWorkshopMaterial(database.db, expert.actor, expert.as, { workshopId: id, file })
		).toMatchObject({ ok: true });
		expect(
			await database.db.select().from(workshopMaterials).where(eq(workshopMaterials.workshopId, id))
		).toHaveLength(1);
	});
});

describe('cancelling a workshop', () => {
	it('by the municipality in time, then late (from 14 days before its day); the reason is required', async () => {
		const contact = await contactOf(database.db, '785');
		const inTime = await proposed(database.db, membershipId);
		await schedule(inTime);
		expect(
			await cancelWorkshop(
				database.db,
				contact.actor,
				contact.as,
				{ workshopId: inTime, by: 'municipality', reason: '  ' },
				NOW
			)
		).toEqual({ ok: false, error: 'reason_missing' });
		expect(
			await cancelWorkshop(
				database.db,
				contact.actor,
				contact.as,
				{ workshopId: inTime, by: 'municipality', reason: 'Valtuuston kokous samana päivänä' },
				new Date('2024-03-27T21:59:00Z')
			)
		).toEqual({ ok: true, cancellation: 'municipality_in_time' });

		const late = await proposed(database.db, membershipId);
		await schedule(late);
		await runJobs();
		await database.db.delete(outbox);
		expect(
			await cancelWorkshop(
				database.db,
				contact.actor,
				contact.as,
				{ workshopId: late, by: 'municipality', reason: 'Sairastumisia' },
				new Date('2024-03-27T22:00:00Z')
			)
		).toEqual({ ok: true, cancellation: 'municipality_late' });
		expect(await workshopRow(database.db, late)).toMatchObject({
			state: 'cancelled',
			cancellation: 'municipality_late',
			cancellationReason: 'Sairastumisia',
			cancelledBy: contact.actor.userId,
			sequence: 1
		});
		await runJobs();
		const [mail] = await mailTo(person('Mikko Mäkelä').email);
		expect(mail!.subject).toBe('Työpaja peruttu: USO-kehittämistyöpaja: Vaala');
		expect(mail!.text).toContain('Syy: Sairastumisia');
		expect(parseIcs(mail!.calendar!).events[0]).toMatchObject({ status: 'CANCELLED', sequence: 1 });
	});

	it('by the network is the coordinator’s; a contact person may not, nor cancel another municipality’s', async () => {
		const id = await proposed(database.db, membershipId);
		const contact = await contactOf(database.db, '785');
		const kajaani = await contactOf(database.db, '205');
		expect(
			await cancelWorkshop(
				database.db,
				contact.actor,
				contact.as,
				{ workshopId: id, by: 'network', reason: 'x' },
				NOW
			)
		).toEqual({ ok: false, error: 'role_not_allowed' });
		expect(
			await cancelWorkshop(
				database.db,
				kajaani.actor,
				kajaani.as,
				{ workshopId: id, by: 'municipality', reason: 'x' },
				NOW
			)
		).toEqual({ ok: false, error: 'other_municipality' });
		expect(
			await cancelWorkshop(
				database.db,
				systemActor,
				COORDINATOR,
				{ workshopId: id, by: 'network', reason: 'Asiantuntija sairastui' },
				NOW
			)
		).toEqual({ ok: true, cancellation: 'network' });
		expect(
			await cancelWorkshop(
				database.db,
				systemActor,
				COORDINATOR,
				{ workshopId: id, by: 'network', reason: 'Uudestaan' },
				NOW
			)
		).toEqual({ ok: false, error: 'already_cancelled' });
	});
});
