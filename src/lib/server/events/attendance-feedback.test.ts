import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/setup/test-db';
import { NOW, peopleOf, planEvent } from '../../../../tests/factories/events';
import type { Database } from '../db/client';
import { jobs, outbox } from '../db/schema';
import { systemActor, userActor } from '../actor';
import { runDueJobs } from '../jobs/run-due-jobs';
import { eventFeedbackResults } from './feedback-results';
import { giveFeedback } from './give-feedback';
import { markAttendance } from './mark-attendance';
import { signUpForEvent } from './sign-up-for-event';

let database: Database;
let vaala: Map<string, { id: string; email: string }>;
let eventId: string;
const signUps = new Map<string, string>();
// the event of tests/factories/events.ts: 10 April 2024, 9–16 in Helsinki
const DURING = new Date('2024-04-10T07:00:00Z');
const AFTER = new Date('2024-04-10T14:00:00Z');
const settings = {
	mail: { from: 'Verkosto <verkosto@example.fi>', log: false },
	publicOrigin: 'https://verkosto.example.fi'
};

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	vaala = await peopleOf(database.db, '785');
	eventId = await planEvent(database.db);
	for (const name of ['Mikko Mäkelä', 'Kerttu Koskela', 'Tapio Tervo']) {
		const result = await signUpForEvent(
			database.db,
			systemActor,
			{ as: 'coordinator' },
			{ eventId, people: [{ userId: vaala.get(name)!.id, mode: 'on_site', arrangements: '' }] },
			NOW
		);
		if (!result.ok) throw new Error(JSON.stringify(result));
		signUps.set(name, result.placed[0]!.signUpId);
	}
});
afterAll(() => database?.close());

const mark = (marks: [string, boolean][], now: Date) =>
	markAttendance(
		database.db,
		systemActor,
		{
			eventId,
			marks: marks.map(([name, attended]) => ({ signUpId: signUps.get(name)!, attended }))
		},
		now
	);
const feedback = (name: string, now: Date, comment = '') =>
	giveFeedback(
		database.db,
		{ ...userActor(vaala.get(name)!), userId: vaala.get(name)!.id },
		{ eventId, scores: { content: 5, usefulness: 4 }, comment },
		now
	);

describe('attendance', () => {
	it('is marked from the start of the event on, and asks each attendee for feedback after it', async () => {
		expect(await mark([['Mikko Mäkelä', true]], NOW)).toEqual({
			ok: false,
			error: 'event_not_started'
		});
		expect(
			await mark(
				[
					['Mikko Mäkelä', true],
					['Kerttu Koskela', true],
					['Tapio Tervo', false]
				],
				DURING
			)
		).toEqual({ ok: true, changed: 3 });
		// Kerttu was marked by mistake: unmarking withdraws her request
		expect(await mark([['Kerttu Koskela', false]], DURING)).toEqual({ ok: true, changed: 1 });
		const pending = await database.db
			.select({ key: jobs.dedupeKey, runAt: jobs.runAt })
			.from(jobs)
			.where(and(eq(jobs.kind, 'event_feedback_request'), isNull(jobs.doneAt)));
		expect(pending).toEqual([
			{
				key: `event_feedback_request:${signUps.get('Mikko Mäkelä')}`,
				runAt: new Date('2024-04-10T15:00:00Z')
			}
		]);
	});
});

describe('feedback', () => {
	it('is given once, by those who attended, after the event', async () => {
		expect(await feedback('Mikko Mäkelä', DURING)).toEqual({ ok: false, error: 'event_not_ended' });
		expect(await feedback('Tapio Tervo', AFTER)).toEqual({ ok: false, error: 'not_attended' });
		expect(await feedback('Mikko Mäkelä', AFTER, 'Hyvät puhujat.')).toEqual({ ok: true });
		expect(await feedback('Mikko Mäkelä', AFTER)).toEqual({ ok: false, error: 'already_answered' });
	});

	it('shows the coordinator figures per question and the comments without names', async () => {
		const results = await eventFeedbackResults(database.db, eventId);
		expect(results.answers).toBe(1);
		expect(results.attended).toBe(1);
		expect(results.questions).toEqual([
			{ questionId: 'content', summary: { count: 1, distribution: [0, 0, 0, 0, 1], average: 5 } },
			{
				questionId: 'usefulness',
				summary: { count: 1, distribution: [0, 0, 0, 1, 0], average: 4 }
			},
			{
				questionId: 'arrangements',
				summary: { count: 0, distribution: [0, 0, 0, 0, 0], average: null }
			}
		]);
		expect(results.comments).toEqual(['Hyvät puhujat.']);
	});

	it('is not asked for again by mail once given', async () => {
		await runDueJobs(database.db, {
			serverId: 'test',
			settings,
			now: new Date('2024-04-10T15:00:00Z')
		});
		const mails = await database.db
			.select()
			.from(outbox)
			.where(eq(outbox.to, vaala.get('Mikko Mäkelä')!.email));
		expect(mails.filter((m) => m.subject.startsWith('Palaute'))).toEqual([]);
	});

	it('asks one marked late at once, with a link to the form', async () => {
		const dayAfter = new Date('2024-04-11T08:00:00Z');
		expect(await mark([['Tapio Tervo', true]], dayAfter)).toEqual({ ok: true, changed: 1 });
		// the request is composed on the jobs' clock; its mail waits in the outbox for delivery
		await runDueJobs(database.db, { serverId: 'test', settings, now: dayAfter });
		const mails = await database.db
			.select()
			.from(outbox)
			.where(eq(outbox.to, vaala.get('Tapio Tervo')!.email));
		const request = mails.find((m) => m.subject === 'Palaute: Johtamisen seminaari');
		expect(request?.text).toContain(`https://verkosto.example.fi/events/${eventId}/feedback`);
	});
});
