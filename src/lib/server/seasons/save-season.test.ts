import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/setup/test-db';
import { planEvent, uso7 } from '../../../../tests/factories/events';
import type { Database } from '../db/client';
import { eventFocusAreas, seasonFocusAreas, seasons } from '../db/schema';
import { systemActor } from '../actor';
import { seasonFormSchema, type SeasonForm } from '$lib/schemas/season';
import { getSeason } from './season-queries';
import { saveSeason } from './save-season';

let database: Database;

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
});
afterAll(() => database?.close());

/** USO 7 as its edit form holds it, with the focus areas given. */
async function uso7Form(focusFi: string[]): Promise<SeasonForm> {
	const { seasonId } = await uso7(database.db);
	const [s] = await database.db.select().from(seasons).where(eq(seasons.id, seasonId));
	return {
		...(s as unknown as SeasonForm),
		focusFi,
		focusSv: focusFi.map((f) => `${f} (sv)`),
		focusEn: focusFi.map((f) => `${f} (en)`)
	};
}

async function areas() {
	const { seasonId } = await uso7(database.db);
	return database.db
		.select()
		.from(seasonFocusAreas)
		.where(eq(seasonFocusAreas.seasonId, seasonId))
		.orderBy(seasonFocusAreas.position);
}

describe('saving a season’s focus areas', () => {
	it('keeps an edited area’s id, so events linked to it stay linked; a removed line goes with its links', async () => {
		const { seasonId } = await uso7(database.db);
		const before = await areas();
		expect(before).toHaveLength(3);
		const eventId = await planEvent(database.db);
		await database.db.insert(eventFocusAreas).values([
			{ eventId, focusAreaId: before[0]!.id },
			{ eventId, focusAreaId: before[2]!.id }
		]);

		// the first area reworded, the third line removed
		const result = await saveSeason(
			database.db,
			systemActor,
			await uso7Form(['Strateginen johtaminen', before[1]!.textFi]),
			{ id: seasonId }
		);
		expect(result).toEqual({ ok: true, id: seasonId });
		const after = await areas();
		expect(after.map((a) => [a.id, a.textFi, a.textSv])).toEqual([
			[before[0]!.id, 'Strateginen johtaminen', 'Strateginen johtaminen (sv)'],
			[before[1]!.id, before[1]!.textFi, `${before[1]!.textFi} (sv)`]
		]);
		const links = await database.db
			.select({ focusAreaId: eventFocusAreas.focusAreaId })
			.from(eventFocusAreas)
			.where(eq(eventFocusAreas.eventId, eventId));
		expect(links).toEqual([{ focusAreaId: before[0]!.id }]);

		await saveSeason(
			database.db,
			systemActor,
			await uso7Form(['Strateginen johtaminen', before[1]!.textFi, 'Uusi painopiste']),
			{ id: seasonId }
		);
		const grown = await areas();
		expect(grown.map((a) => a.textFi)).toEqual([
			'Strateginen johtaminen',
			before[1]!.textFi,
			'Uusi painopiste'
		]);
		expect(grown[2]!.id).not.toBe(before[2]!.id);
		expect((await getSeason(database.db, seasonId))?.focusAreas.map((f) => f.id)).toEqual(
			grown.map((a) => a.id)
		);
	});
});

describe('a season’s late-cancellation days', () => {
	it('are saved with the season and default to 14', async () => {
		const { seasonId } = await uso7(database.db);
		expect((await getSeason(database.db, seasonId))!.lateCancellationDays).toBe(14);
		const form = { ...(await uso7Form(['Strateginen johtaminen'])), lateCancellationDays: 7 };
		expect(await saveSeason(database.db, systemActor, form, { id: seasonId })).toEqual({
			ok: true,
			id: seasonId
		});
		expect((await getSeason(database.db, seasonId))!.lateCancellationDays).toBe(7);
	});

	it('are a whole number from 1 to 90 on the form', () => {
		const form = {
			networkId: '00000000-0000-4000-8000-000000000001',
			number: '9',
			startsOn: '2028-01-01',
			endsOn: '2029-12-31',
			leadThemeFi: 'Teema',
			leadThemeSv: 'Tema',
			leadThemeEn: 'Theme',
			seminars: '',
			workSeminars: '',
			contactPersonMeetings: '',
			currentAffairsReviews: '',
			peerDiscussions: '',
			developmentEvents: '',
			workshopsPerMunicipality: '5',
			situationAnalysesPerMunicipality: '1'
		};
		const days = (value: string) =>
			seasonFormSchema.safeParse({ ...form, lateCancellationDays: value });
		expect(days('21')).toMatchObject({ success: true, data: { lateCancellationDays: 21 } });
		for (const bad of ['0', '91', '-1', '1.5', 'x', '']) {
			const result = days(bad);
			expect(result.success).toBe(false);
			expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(['lateCancellationDays']);
		}
	});
});
