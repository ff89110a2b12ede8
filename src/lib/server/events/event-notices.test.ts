import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/setup/test-db';
import { parseIcs } from '../../../../tests/support/parse-ics';
import { NOW, eventForm, peopleOf, planEvent } from '../../../../tests/factories/events';
import type { Database } from '../db/client';
import { eventSignUps, outbox, users } from '../db/schema';
import { systemActor, userActor } from '../actor';
import { runDueJobs } from '../jobs/run-due-jobs';
import { cancelEvent } from './cancel-event';
import { cancelSignUp } from './cancel-sign-up';
import { updateEvent } from './save-event';
import { signUpForEvent } from './sign-up-for-event';

/**
 * What people are told: each use case enqueues a notice in its transaction; the job composes
 * the mail when it runs, in the person's language, with the event as a calendar entry.
 */
let database: Database;
let vaala: Map<string, { id: string; email: string }>;
const settings = {
	mail: { from: 'Verkosto <verkosto@example.fi>', log: false },
	publicOrigin: 'https://verkosto.example.fi'
};

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	vaala = await peopleOf(database.db, '785');
	// Kerttu reads Swedish
	await database.db
		.update(users)
		.set({ locale: 'sv' })
		.where(eq(users.id, vaala.get('Kerttu Koskela')!.id));
});
afterAll(() => database?.close());

/**
 * Runs every job due at `at` (the notices, then the mail they queue); by default at the
 * present moment of each round, as jobs enqueued by a job are due at their own `now()`.
 */
async function runJobs(at?: Date) {
	for (let round = 0; round < 10; round++) {
		const now = at ?? new Date();
		const result = await runDueJobs(database.db, { serverId: 'test', settings, now });
		if (result.claimed === 0) return;
	}
}

async function mailTo(name: string) {
	return database.db
		.select()
		.from(outbox)
		.where(eq(outbox.to, vaala.get(name)!.email))
		.orderBy(outbox.id);
}

const signUp = (eventId: string, name: string) =>
	signUpForEvent(
		database.db,
		userActor(vaala.get(name)!),
		{ as: 'self' },
		{
			eventId,
			people: [{ userId: vaala.get(name)!.id, mode: 'on_site', arrangements: 'laktoositon' }]
		},
		NOW
	);

describe('mail about an event', () => {
	let eventId: string;

	beforeAll(async () => {
		await database.db.delete(outbox);
		eventId = await planEvent(database.db, { capacityOnSite: 1, titleSv: 'Ledarskapsseminarium' });
		await signUp(eventId, 'Mikko Mäkelä');
		await signUp(eventId, 'Kerttu Koskela');
		await runJobs();
	});

	it('confirms a seat with the event as a calendar invitation (METHOD:REQUEST)', async () => {
		const [mail] = await mailTo('Mikko Mäkelä');
		expect(mail!.subject).toBe('Ilmoittautuminen vahvistettu: Johtamisen seminaari');
		expect(mail!.text).toContain('Hei Mikko Mäkelä,');
		expect(mail!.text).toContain('10.4.2024 klo 9.00–16.00');
		expect(mail!.text).toContain(`https://verkosto.example.fi/events/${eventId}`);
		expect(mail!.status).toBe('kept');
		expect(mail!.calendarMethod).toBe('REQUEST');
		const ics = parseIcs(mail!.calendar!);
		expect(ics.method).toBe('REQUEST');
		expect(ics.events[0]).toMatchObject({ uid: `${eventId}@verkosto`, sequence: 0 });
		expect(ics.events[0]!.start.toISOString()).toBe('2024-04-10T06:00:00.000Z');
	});

	it('tells the one who waits their place, in their own language, with no invitation', async () => {
		const [mail] = await mailTo('Kerttu Koskela');
		expect(mail!.subject).toBe('Du står i kö: Ledarskapsseminarium');
		expect(mail!.text).toContain('på plats 1');
		expect(mail!.calendar).toBeNull();
	});

	it('on a cancellation sends CANCEL to the one leaving and an invitation to the one promoted', async () => {
		const [signUpRow] = await database.db
			.select({ id: eventSignUps.id })
			.from(eventSignUps)
			.where(
				and(
					eq(eventSignUps.eventId, eventId),
					eq(eventSignUps.userId, vaala.get('Mikko Mäkelä')!.id)
				)
			);
		await cancelSignUp(
			database.db,
			systemActor,
			{ as: 'coordinator' },
			{ eventId, signUpId: signUpRow!.id },
			NOW
		);
		await runJobs();
		const mikko = await mailTo('Mikko Mäkelä');
		expect(mikko.at(-1)!.calendarMethod).toBe('CANCEL');
		expect(parseIcs(mikko.at(-1)!.calendar!).events[0]!.status).toBe('CANCELLED');
		const kerttu = await mailTo('Kerttu Koskela');
		expect(kerttu.at(-1)!.subject).toBe('Du fick en plats: Ledarskapsseminarium');
		expect(kerttu.at(-1)!.calendarMethod).toBe('REQUEST');
	});

	it('sends an update with a higher SEQUENCE when the event moves, then a CANCEL when it is called off', async () => {
		await updateEvent(
			database.db,
			systemActor,
			eventId,
			eventForm({
				capacityOnSite: 1,
				titleSv: 'Ledarskapsseminarium',
				startsAt: new Date('2024-04-11T06:00:00Z'),
				endsAt: new Date('2024-04-11T13:00:00Z')
			}),
			[],
			NOW
		);
		await runJobs();
		let kerttu = await mailTo('Kerttu Koskela');
		expect(kerttu.at(-1)!.subject).toBe('Evenemanget har ändrats: Ledarskapsseminarium');
		const moved = parseIcs(kerttu.at(-1)!.calendar!).events[0]!;
		expect(moved.sequence).toBe(1);
		expect(moved.start.toISOString()).toBe('2024-04-11T06:00:00.000Z');

		await cancelEvent(
			database.db,
			systemActor,
			{ eventId, reason: 'Sali ei ole käytettävissä.' },
			NOW
		);
		await runJobs();
		kerttu = await mailTo('Kerttu Koskela');
		expect(kerttu.at(-1)!.text).toContain('Sali ei ole käytettävissä.');
		const cancelled = parseIcs(kerttu.at(-1)!.calendar!);
		expect(cancelled.method).toBe('CANCEL');
		expect(cancelled.events[0]!.sequence).toBe(2);
	});
});

describe('timed jobs of an event', () => {
	it('reminds those holding a seat two days before, and erases special arrangements two weeks after', async () => {
		const eventId = await planEvent(database.db);
		await signUp(eventId, 'Tapio Tervo');
		// the clock of these jobs is 2024: the sign-up's confirmation, enqueued now, is not due yet
		await runJobs(new Date('2024-04-08T05:59:00Z'));
		expect(await mailTo('Tapio Tervo')).toEqual([]);
		await runJobs(new Date('2024-04-08T06:00:00Z'));
		const mails = await mailTo('Tapio Tervo');
		expect(mails.map((m) => m.subject)).toEqual(['Muistutus: Johtamisen seminaari']);

		await runJobs(new Date('2024-04-24T13:00:00Z'));
		const rows = await database.db
			.select({
				arrangements: eventSignUps.arrangements,
				erasedAt: eventSignUps.arrangementsErasedAt
			})
			.from(eventSignUps)
			.where(inArray(eventSignUps.eventId, [eventId]));
		expect(rows).toEqual([{ arrangements: null, erasedAt: new Date('2024-04-24T13:00:00Z') }]);
	});
});
