import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/setup/test-db';
import { parseIcs } from '../../../../tests/support/parse-ics';
import { NOW, peopleOf } from '../../../../tests/factories/events';
import {
	COORDINATOR,
	demoExpert,
	proposed,
	uso7Membership,
	withoutDemoWorkshops
} from '../../../../tests/factories/workshops';
import { systemActor, userActor } from '../actor';
import { getOrCreateFeed, renderFeed } from '../events/calendar-feeds';
import { cancelWorkshop } from './cancel-workshop';
import { scheduleWorkshop } from './schedule-workshop';

/**
 * The personal calendar feed holds the workshops a person is assigned to or invited to, beside
 * their events, with the workshop's page as its address; a cancelled one stays, marked, until
 * it is past; nobody else's feed shows it.
 */
let database: TestDatabase;
let workshopId: string;
const eventUrl = (id: string) => `https://verkosto.example.fi/events/${id}`;

async function feedOf(person: { id: string; email: string }) {
	const feed = await getOrCreateFeed(
		database.db,
		userActor(person),
		person.id,
		'personal',
		null,
		NOW
	);
	if (!feed.ok) throw new Error(JSON.stringify(feed));
	const source = await renderFeed(database.db, feed.token, NOW, eventUrl);
	return parseIcs(source!);
}

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	await withoutDemoWorkshops(database.db);
	const vaala = await uso7Membership(database.db, '785');
	const people = await peopleOf(database.db, '785');
	workshopId = await proposed(database.db, vaala.id);
	const result = await scheduleWorkshop(
		database.db,
		systemActor,
		COORDINATOR,
		{
			workshopId,
			format: 'online',
			startsAt: new Date('2024-04-10T07:00:00Z'),
			endsAt: new Date('2024-04-10T11:00:00Z'),
			place: '',
			onlineUrl: 'https://meet.example.fi/vaala',
			expertIds: [(await demoExpert(database.db)).person.id],
			participantIds: [people.get('Mikko Mäkelä')!.id],
			approveExtra: false
		},
		NOW
	);
	expect(result.ok).toBe(true);
});
afterAll(() => database?.close());

describe('a personal calendar feed', () => {
	it('holds the workshop for its expert and its participant, with its page and link', async () => {
		const people = await peopleOf(database.db, '785');
		for (const person of [(await demoExpert(database.db)).person, people.get('Mikko Mäkelä')!]) {
			const entry = (await feedOf(person)).events.find((e) => e.uid === `${workshopId}@verkosto`);
			expect(entry, person.email).toMatchObject({
				summary: 'USO-kehittämistyöpaja: Vaala',
				url: `https://verkosto.example.fi/municipalities/785/workshops/${workshopId}`,
				status: 'CONFIRMED'
			});
			expect(entry!.description).toContain('https://meet.example.fi/vaala');
		}
		const kerttu = await feedOf(people.get('Kerttu Koskela')!);
		expect(kerttu.events.some((e) => e.uid === `${workshopId}@verkosto`)).toBe(false);
	});

	it('keeps a cancelled workshop, marked and without its link, until it is past', async () => {
		await cancelWorkshop(
			database.db,
			systemActor,
			COORDINATOR,
			{ workshopId, by: 'network', reason: 'Asiantuntija sairastui' },
			NOW
		);
		const expert = (await demoExpert(database.db)).person;
		const entry = (await feedOf(expert)).events.find((e) => e.uid === `${workshopId}@verkosto`);
		expect(entry).toMatchObject({
			summary: 'PERUTTU: USO-kehittämistyöpaja: Vaala',
			status: 'CANCELLED',
			sequence: 1
		});
		expect(entry!.description).toContain('Asiantuntija sairastui');
		expect(entry!.description).not.toContain('https://meet.example.fi/vaala');
	});
});
