import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/setup/test-db';
import {
	NOW,
	activeMembers,
	addPeople,
	eventRow,
	planEvent
} from '../../../../tests/factories/events';
import { openDatabase, type Database } from '../db/client';
import { eventSignUps } from '../db/schema';
import { systemActor } from '../actor';
import { placeSignUp, type Seat } from '$lib/domain/events/capacity';
import { signUpForEvent } from './sign-up-for-event';

/**
 * Capacity is kept by the database: 200 people sign up at once for 50 seats, each
 * municipality capped at 6, through two app servers (two connection pools) on PostgreSQL and
 * through one on PGlite.
 */
let database: TestDatabase;
let second: Database | null = null;

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	if (database.url)
		second = await openDatabase({ kind: 'postgres', url: database.url, poolSize: 10 });
});
afterAll(async () => {
	await second?.close();
	await database?.close();
});

/** 200 transactions one after another on the event's lock: seconds, more on a busy machine. */
const CONTENTION_TIMEOUT = 180_000;

describe('200 concurrent sign-ups for 50 seats', () => {
	it(
		'confirms exactly 50, holds the cap, and queues the rest in the order they came',
		async () => {
			const capacity = { onSite: 50, online: null, perMunicipalityOnSite: 6 };
			const eventId = await planEvent(database.db, {
				type: 'current_affairs_review',
				format: 'on_site',
				onlineUrl: null,
				capacityOnSite: capacity.onSite,
				perMunicipalityOnSite: capacity.perMunicipalityOnSite
			});
			const codes = await activeMembers(database.db);
			const people = (await addPeople(database.db, codes, Math.ceil(200 / codes.length))).slice(
				0,
				200
			);
			const servers = second ? [database.db, second.db] : [database.db];

			const results = await Promise.all(
				people.map((person, i) =>
					signUpForEvent(
						servers[i % servers.length]!,
						systemActor,
						{ as: 'coordinator' },
						{ eventId, people: [{ userId: person.id, mode: 'on_site', arrangements: '' }] },
						NOW
					)
				)
			);
			expect(results.every((r) => r.ok)).toBe(true);

			const rows = await database.db
				.select()
				.from(eventSignUps)
				.where(eq(eventSignUps.eventId, eventId))
				.orderBy(eventSignUps.seq);
			expect(rows).toHaveLength(200);
			const confirmed = rows.filter((r) => r.state === 'confirmed');
			expect(confirmed).toHaveLength(50);
			const perTown = new Map<string, number>();
			for (const r of confirmed)
				perTown.set(r.municipalityCode, (perTown.get(r.municipalityCode) ?? 0) + 1);
			expect(Math.max(...perTown.values())).toBeLessThanOrEqual(6);
			expect((await eventRow(database.db, eventId)).confirmedOnSite).toBe(50);

			// the order of arrival is the sequence: placing them one by one in that order by the
			// domain rule gives exactly what the database holds
			const replay: Seat[] = [];
			for (const r of rows) {
				const request = {
					id: r.id,
					municipalityCode: r.municipalityCode,
					mode: r.mode,
					seq: r.seq
				};
				replay.push({ ...request, state: placeSignUp(capacity, replay, request) });
			}
			expect(rows.map((r) => r.state)).toEqual(replay.map((s) => s.state));
		},
		CONTENTION_TIMEOUT
	);
});
