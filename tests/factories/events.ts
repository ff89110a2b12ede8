import { and, eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db';
import { events, memberships, networks, seasons, users } from '../../src/lib/server/db/schema';
import { systemActor, type Actor } from '../../src/lib/server/actor';
import { createEvent } from '../../src/lib/server/events/save-event';
import type { EventForm } from '../../src/lib/schemas/event';
import type { Position } from '../../src/lib/domain/positions';

/**
 * Events for tests, on the demo data (`seedDemo`): USO 7 runs 2023–2024, so "now" in these
 * tests is 1 March 2024 and the events lie in April.
 */
export const NOW = new Date('2024-03-01T10:00:00Z');

export async function uso7(db: Db) {
	const [row] = await db
		.select({ seasonId: seasons.id, networkId: networks.id })
		.from(seasons)
		.innerJoin(networks, eq(networks.id, seasons.networkId))
		.where(and(eq(networks.slug, 'uso'), eq(seasons.number, 7)));
	return row!;
}

/** An event form as a coordinator would fill it: a hybrid seminar on 10 April 2024, 9–16. */
export function eventForm(overrides: Partial<EventForm> = {}): EventForm {
	return {
		type: 'seminar',
		format: 'hybrid',
		titleFi: 'Johtamisen seminaari',
		titleSv: '',
		titleEn: '',
		descriptionFi: '',
		descriptionSv: '',
		descriptionEn: '',
		startsAt: new Date('2024-04-10T06:00:00Z'),
		endsAt: new Date('2024-04-10T13:00:00Z'),
		venueName: 'Kuntatalo',
		venueAddress: 'Toinen linja 14, Helsinki',
		onlineUrl: 'https://meet.example.fi/uso7',
		capacityOnSite: 50,
		capacityOnline: null,
		perMunicipalityOnSite: null,
		signUpOpensAt: null,
		signUpClosesAt: null,
		cancellationDeadline: null,
		...overrides
	};
}

export async function planEvent(
	db: Db,
	overrides: Partial<EventForm> = {},
	actor: Actor = systemActor
): Promise<string> {
	const { seasonId } = await uso7(db);
	const result = await createEvent(db, actor, seasonId, eventForm(overrides), []);
	if (!result.ok) throw new Error(`event not created: ${JSON.stringify(result)}`);
	return result.eventId;
}

export async function personByEmail(db: Db, email: string) {
	const [row] = await db.select().from(users).where(eq(users.email, email));
	if (!row) throw new Error(`no person ${email}`);
	return row;
}

/** The people of a municipality, by name. */
export async function peopleOf(db: Db, code: string) {
	const rows = await db.select().from(users).where(eq(users.municipalityCode, code));
	return new Map(rows.map((r) => [r.name, r]));
}

/** Codes of the municipalities whose USO 7 membership is active. */
export async function activeMembers(db: Db): Promise<string[]> {
	const { seasonId } = await uso7(db);
	const rows = await db
		.select({ code: memberships.municipalityCode })
		.from(memberships)
		.where(and(eq(memberships.seasonId, seasonId), eq(memberships.state, 'active')))
		.orderBy(memberships.municipalityCode);
	return rows.map((r) => r.code);
}

/** Adds `count` people to each municipality, with the positions given. */
export async function addPeople(
	db: Db,
	codes: readonly string[],
	count: number,
	positions: Position[] = ['board_member'],
	tag = 'extra'
): Promise<{ id: string; municipalityCode: string }[]> {
	const values = codes.flatMap((code) =>
		Array.from({ length: count }, (_, i) => ({
			email: `${tag}-${code}-${i}@example.fi`,
			name: `Testi ${tag} ${code} ${i}`,
			municipalityCode: code,
			positions
		}))
	);
	return db
		.insert(users)
		.values(values)
		.returning({ id: users.id, municipalityCode: users.municipalityCode })
		.then((rows) => rows.map((r) => ({ id: r.id, municipalityCode: r.municipalityCode! })));
}

export async function eventRow(db: Db, id: string) {
	const [row] = await db.select().from(events).where(eq(events.id, id));
	return row!;
}
