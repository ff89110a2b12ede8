import { and, eq, isNull, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/setup/test-db';
import {
	NOW,
	eventForm,
	eventRow,
	peopleOf,
	planEvent,
	uso7
} from '../../../../tests/factories/events';
import type { Database } from '../db/client';
import { eventSignUps, jobs } from '../db/schema';
import { systemActor } from '../actor';
import { cancelEvent } from './cancel-event';
import { createEvent, updateEvent } from './save-event';
import { signUpForEvent } from './sign-up-for-event';

let database: Database;
let vaala: Map<string, { id: string }>;

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	vaala = await peopleOf(database.db, '785');
});
afterAll(() => database?.close());

const coordinator = { as: 'coordinator' } as const;
async function signUp(eventId: string, names: string[], mode: 'on_site' | 'online' = 'on_site') {
	const result = await signUpForEvent(
		database.db,
		systemActor,
		coordinator,
		{ eventId, people: names.map((n) => ({ userId: vaala.get(n)!.id, mode, arrangements: '' })) },
		NOW
	);
	if (!result.ok) throw new Error(JSON.stringify(result));
	return result.placed;
}

const pendingJobs = (eventId: string) =>
	database.db
		.select({ kind: jobs.kind, runAt: jobs.runAt, dedupeKey: jobs.dedupeKey })
		.from(jobs)
		.where(and(like(jobs.dedupeKey, `%${eventId}`), isNull(jobs.doneAt)));

describe('planning an event', () => {
	it('refuses a plan whose end is before its start or outside the season, writing nothing', async () => {
		const { seasonId } = await uso7(database.db);
		const result = await createEvent(
			database.db,
			systemActor,
			seasonId,
			eventForm({
				startsAt: new Date('2025-02-01T08:00:00Z'),
				endsAt: new Date('2025-02-01T07:00:00Z')
			}),
			[]
		);
		expect(result).toEqual({
			ok: false,
			error: 'plan',
			errors: { endsAt: 'end_not_after_start', startsAt: 'outside_season' }
		});
	});

	it('refuses a focus area of another season', async () => {
		const { seasonId } = await uso7(database.db);
		const result = await createEvent(database.db, systemActor, seasonId, eventForm(), [
			'00000000-0000-4000-8000-000000000000'
		]);
		expect(result).toMatchObject({ ok: false, errors: { focusAreaIds: 'invalidChoice' } });
	});

	it('schedules the reminder two days before and the erasure of arrangements two weeks after', async () => {
		const eventId = await planEvent(database.db);
		const scheduled = await pendingJobs(eventId);
		expect(scheduled.map((j) => [j.kind, j.runAt.toISOString()]).sort()).toEqual([
			['erase_arrangements', '2024-04-24T13:00:00.000Z'],
			['event_reminder', '2024-04-08T06:00:00.000Z']
		]);
	});
});

describe('changing an event', () => {
	it('raises SEQUENCE on a new time, tells those signed up and moves the reminder', async () => {
		const eventId = await planEvent(database.db);
		await signUp(eventId, ['Mikko Mäkelä']);
		const before = await eventRow(database.db, eventId);
		const moved = eventForm({
			startsAt: new Date('2024-04-11T06:00:00Z'),
			endsAt: new Date('2024-04-11T13:00:00Z')
		});
		expect(await updateEvent(database.db, systemActor, eventId, moved, [], NOW)).toEqual({
			ok: true,
			eventId
		});
		const after = await eventRow(database.db, eventId);
		expect(after.sequence).toBe(before.sequence + 1);
		const reminder = (await pendingJobs(eventId)).find((j) => j.kind === 'event_reminder');
		expect(reminder?.runAt.toISOString()).toBe('2024-04-09T06:00:00.000Z');
		const notices = await database.db
			.select({ payload: jobs.payload })
			.from(jobs)
			.where(eq(jobs.kind, 'event_notice'));
		expect(notices.map((n) => n.payload)).toContainEqual({
			eventId,
			kind: 'changed',
			signUpIds: []
		});
	});

	it('leaves SEQUENCE alone when only the seats change', async () => {
		const eventId = await planEvent(database.db);
		await updateEvent(
			database.db,
			systemActor,
			eventId,
			eventForm({ capacityOnSite: 60 }),
			[],
			NOW
		);
		expect((await eventRow(database.db, eventId)).sequence).toBe(0);
	});

	it('seats those waiting at once when the capacity is raised', async () => {
		const eventId = await planEvent(database.db, { capacityOnSite: 1 });
		await signUp(eventId, ['Mikko Mäkelä', 'Kerttu Koskela', 'Tapio Tervo']);
		await updateEvent(database.db, systemActor, eventId, eventForm({ capacityOnSite: 2 }), [], NOW);
		const states = await database.db
			.select({ state: eventSignUps.state })
			.from(eventSignUps)
			.where(eq(eventSignUps.eventId, eventId))
			.orderBy(eventSignUps.seq);
		expect(states.map((s) => s.state)).toEqual(['confirmed', 'confirmed', 'waiting']);
		expect((await eventRow(database.db, eventId)).confirmedOnSite).toBe(2);
	});

	it('refuses a capacity below the seats taken, and dropping a mode people chose', async () => {
		const eventId = await planEvent(database.db);
		await signUp(eventId, ['Mikko Mäkelä', 'Kerttu Koskela']);
		await signUp(eventId, ['Olli Oikarinen'], 'online');
		const result = await updateEvent(
			database.db,
			systemActor,
			eventId,
			eventForm({ capacityOnSite: 1, format: 'on_site', onlineUrl: null }),
			[],
			NOW
		);
		expect(result).toEqual({
			ok: false,
			error: 'plan',
			errors: { capacityOnSite: 'below_confirmed', format: 'mode_has_sign_ups' }
		});
	});
});

describe('cancelling an event', () => {
	it('raises SEQUENCE, tells everyone signed up and drops the reminder', async () => {
		const eventId = await planEvent(database.db);
		await signUp(eventId, ['Mikko Mäkelä']);
		const result = await cancelEvent(
			database.db,
			systemActor,
			{ eventId, reason: 'Puhuja sairastui.' },
			NOW
		);
		expect(result).toEqual({ ok: true });
		const row = await eventRow(database.db, eventId);
		expect(row.sequence).toBe(1);
		expect(row.cancellationReason).toBe('Puhuja sairastui.');
		const kinds = (await pendingJobs(eventId)).map((j) => j.kind);
		expect(kinds).not.toContain('event_reminder');
		expect(await cancelEvent(database.db, systemActor, { eventId, reason: 'x' }, NOW)).toEqual({
			ok: false,
			error: 'cancelled'
		});
		expect(await updateEvent(database.db, systemActor, eventId, eventForm(), [], NOW)).toEqual({
			ok: false,
			error: 'cancelled'
		});
	});
});
