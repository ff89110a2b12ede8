import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/setup/test-db';
import {
	NOW,
	addPeople,
	eventRow,
	peopleOf,
	personByEmail,
	planEvent
} from '../../../../tests/factories/events';
import type { Database } from '../db/client';
import { eventSignUps, jobs } from '../db/schema';
import { userActor, type Actor } from '../actor';
import { cancelSignUp } from './cancel-sign-up';
import { signUpForEvent } from './sign-up-for-event';

let database: Database;
let vaala: Map<string, { id: string; email: string }>;
let kajaaniContact: Actor;
let vaalaContact: Actor;

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	vaala = await peopleOf(database.db, '785');
	kajaaniContact = userActor(await personByEmail(database.db, 'yhteys-205@example.fi'));
	vaalaContact = userActor(await personByEmail(database.db, 'yhteys-785@example.fi'));
});
afterAll(() => database?.close());

const self = { as: 'self' } as const;
const asActor = (name: string) => userActor(vaala.get(name)!);
const signUpSelf = (eventId: string, name: string, mode: 'on_site' | 'online', now = NOW) =>
	signUpForEvent(
		database.db,
		asActor(name),
		self,
		{ eventId, people: [{ userId: vaala.get(name)!.id, mode, arrangements: '' }] },
		now
	);

async function statesOf(eventId: string) {
	const rows = await database.db
		.select({ userId: eventSignUps.userId, state: eventSignUps.state, mode: eventSignUps.mode })
		.from(eventSignUps)
		.where(eq(eventSignUps.eventId, eventId))
		.orderBy(eventSignUps.seq);
	return rows;
}

describe('a person signing themselves up', () => {
	it('takes a free seat, and the next one waits first in line when the mode is full', async () => {
		const eventId = await planEvent(database.db, { capacityOnSite: 1 });
		const first = await signUpSelf(eventId, 'Mikko Mäkelä', 'on_site');
		expect(first).toMatchObject({
			ok: true,
			placed: [{ state: 'confirmed', waitingPosition: null }]
		});
		const second = await signUpSelf(eventId, 'Kerttu Koskela', 'on_site');
		expect(second).toMatchObject({ ok: true, placed: [{ state: 'waiting', waitingPosition: 1 }] });
		// online has no limit at this event: a third person chooses it and has a seat
		const third = await signUpSelf(eventId, 'Tapio Tervo', 'online');
		expect(third).toMatchObject({ ok: true, placed: [{ state: 'confirmed' }] });
		const row = await eventRow(database.db, eventId);
		expect([row.confirmedOnSite, row.confirmedOnline]).toEqual([1, 1]);
	});

	it('follows the municipality’s decision: a council member only online at a seminar', async () => {
		const eventId = await planEvent(database.db);
		expect(await signUpSelf(eventId, 'Olli Oikarinen', 'on_site')).toEqual({
			ok: false,
			error: 'people',
			refusals: [{ userId: vaala.get('Olli Oikarinen')!.id, reason: 'mode_not_admitted' }]
		});
		expect(await signUpSelf(eventId, 'Olli Oikarinen', 'online')).toMatchObject({ ok: true });
	});

	it('refuses a second sign-up of the same person and a sign-up after closing', async () => {
		const eventId = await planEvent(database.db, {
			signUpClosesAt: new Date('2024-03-15T10:00:00Z')
		});
		expect(await signUpSelf(eventId, 'Mikko Mäkelä', 'on_site')).toMatchObject({ ok: true });
		expect(await signUpSelf(eventId, 'Mikko Mäkelä', 'online')).toMatchObject({
			ok: false,
			refusals: [{ reason: 'already_signed_up' }]
		});
		const late = new Date('2024-03-15T10:00:00Z');
		expect(await signUpSelf(eventId, 'Kerttu Koskela', 'on_site', late)).toEqual({
			ok: false,
			error: 'sign_up_closed'
		});
	});

	it('cancels one’s own, which gives the seat to the first person waiting and tells them', async () => {
		const eventId = await planEvent(database.db, { capacityOnSite: 1 });
		const mine = await signUpSelf(eventId, 'Mikko Mäkelä', 'on_site');
		await signUpSelf(eventId, 'Kerttu Koskela', 'on_site');
		await signUpSelf(eventId, 'Tapio Tervo', 'on_site');
		if (!mine.ok) throw new Error('sign-up failed');
		const cancelled = await cancelSignUp(
			database.db,
			asActor('Mikko Mäkelä'),
			self,
			{ eventId, signUpId: mine.placed[0]!.signUpId },
			NOW
		);
		expect(cancelled).toEqual({ ok: true, promoted: 1 });
		const states = await statesOf(eventId);
		expect(states.map((s) => s.state)).toEqual(['cancelled', 'confirmed', 'waiting']);
		expect(states[1]!.userId).toBe(vaala.get('Kerttu Koskela')!.id);
		const notices = await database.db
			.select({ payload: jobs.payload })
			.from(jobs)
			.where(and(eq(jobs.kind, 'event_notice'), sql`${jobs.payload}->>'kind' = 'promoted'`));
		expect(notices.some((n) => JSON.stringify(n.payload).includes(eventId))).toBe(true);
	});

	it('cannot cancel another person’s sign-up: it is simply not found', async () => {
		const eventId = await planEvent(database.db);
		const theirs = await signUpSelf(eventId, 'Kerttu Koskela', 'on_site');
		if (!theirs.ok) throw new Error('sign-up failed');
		const result = await cancelSignUp(
			database.db,
			asActor('Mikko Mäkelä'),
			self,
			{ eventId, signUpId: theirs.placed[0]!.signUpId },
			NOW
		);
		expect(result).toEqual({ ok: false, error: 'not_found' });
	});
});

describe('a contact person signing up the municipality’s people', () => {
	it('signs up three at once; with two seats left the third waits', async () => {
		const eventId = await planEvent(database.db, { capacityOnSite: 2 });
		const names = ['Helena Hallila', 'Kerttu Koskela', 'Tapio Tervo'];
		const result = await signUpForEvent(
			database.db,
			vaalaContact,
			{ as: 'contact_person', municipalityCodes: ['785'] },
			{
				eventId,
				people: names.map((n) => ({ userId: vaala.get(n)!.id, mode: 'on_site', arrangements: '' }))
			},
			NOW
		);
		expect(result).toMatchObject({
			ok: true,
			placed: [
				{ state: 'confirmed' },
				{ state: 'confirmed' },
				{ state: 'waiting', waitingPosition: 1 }
			]
		});
	});

	it('refuses another municipality’s person, and writes nothing for anyone in the batch', async () => {
		const eventId = await planEvent(database.db);
		const result = await signUpForEvent(
			database.db,
			kajaaniContact,
			{ as: 'contact_person', municipalityCodes: ['205'] },
			{
				eventId,
				people: [
					{ userId: kajaaniContact.userId!, mode: 'online', arrangements: '' },
					{ userId: vaala.get('Mikko Mäkelä')!.id, mode: 'online', arrangements: '' }
				]
			},
			NOW
		);
		expect(result).toEqual({
			ok: false,
			error: 'people',
			refusals: [{ userId: vaala.get('Mikko Mäkelä')!.id, reason: 'not_yours' }]
		});
		expect(await statesOf(eventId)).toEqual([]);
	});

	it('keeps the per-municipality cap on site: the town’s extra people wait, another town gets the seat', async () => {
		const eventId = await planEvent(database.db, {
			type: 'current_affairs_review',
			capacityOnSite: 10,
			perMunicipalityOnSite: 2
		});
		const extra = await addPeople(database.db, ['785'], 3, ['board_member'], 'cap');
		const vaalaResult = await signUpForEvent(
			database.db,
			vaalaContact,
			{ as: 'contact_person', municipalityCodes: ['785'] },
			{
				eventId,
				people: extra.map((p) => ({ userId: p.id, mode: 'on_site', arrangements: '' }))
			},
			NOW
		);
		expect(vaalaResult).toMatchObject({
			ok: true,
			placed: [{ state: 'confirmed' }, { state: 'confirmed' }, { state: 'waiting' }]
		});
		const kajaani = await signUpForEvent(
			database.db,
			kajaaniContact,
			{ as: 'contact_person', municipalityCodes: ['205'] },
			{ eventId, people: [{ userId: kajaaniContact.userId!, mode: 'on_site', arrangements: '' }] },
			NOW
		);
		expect(kajaani).toMatchObject({ ok: true, placed: [{ state: 'confirmed' }] });
	});
});

describe('special arrangements', () => {
	it('are kept with the sign-up but never written to the audit log', async () => {
		const eventId = await planEvent(database.db);
		await signUpForEvent(
			database.db,
			asActor('Mikko Mäkelä'),
			self,
			{
				eventId,
				people: [
					{ userId: vaala.get('Mikko Mäkelä')!.id, mode: 'on_site', arrangements: 'gluteeniton' }
				]
			},
			NOW
		);
		const [row] = await database.db
			.select({ arrangements: eventSignUps.arrangements })
			.from(eventSignUps)
			.where(eq(eventSignUps.eventId, eventId));
		expect(row!.arrangements).toBe('gluteeniton');
		const log = await database.db.execute(
			sql`select count(*)::int as n from audit_log where after::text like '%gluteeniton%'`
		);
		expect((log as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
	});
});
