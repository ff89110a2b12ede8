import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/setup/test-db';
import { uso7 } from '../../../../tests/factories/events';
import { contactOf, demoExpert } from '../../../../tests/factories/workshops';
import { agreedWorkshop } from '../../../../tests/factories/travel';
import { seasons } from '../db/schema';
import { cancelWorkshop } from './cancel-workshop';

/**
 * The season's late-cancellation days decide whether a municipality's cancellation counts
 * against its entitlement (ADR 018): the workshop on Wednesday 10 April 2024, cancelled on
 * Monday 1 April, nine days before its day, is late with 14 days and in time with 7.
 */
let database: TestDatabase;
const CANCELLED_AT = new Date('2024-04-01T09:00:00Z');

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
});
afterAll(() => database?.close());

const agreedInVaala = async () =>
	agreedWorkshop(
		database.db,
		'785',
		new Date('2024-04-10T07:00:00Z'),
		await demoExpert(database.db)
	);

async function setDays(days: number) {
	const { seasonId } = await uso7(database.db);
	await database.db
		.update(seasons)
		.set({ lateCancellationDays: days })
		.where(eq(seasons.id, seasonId));
}

async function cancelNineDaysBefore(workshopId: string) {
	const contact = await contactOf(database.db, '785');
	return cancelWorkshop(
		database.db,
		contact.actor,
		contact.as,
		{ workshopId, by: 'municipality', reason: 'Valtuuston iltakoulu' },
		CANCELLED_AT
	);
}

describe('the season’s late-cancellation days', () => {
	it('make a cancellation nine days before late with the default 14', async () => {
		await setDays(14);
		const id = await agreedInVaala();
		expect(await cancelNineDaysBefore(id)).toEqual({
			ok: true,
			cancellation: 'municipality_late'
		});
	});

	it('make the same cancellation in time when the season says 7', async () => {
		await setDays(7);
		const id = await agreedInVaala();
		expect(await cancelNineDaysBefore(id)).toEqual({
			ok: true,
			cancellation: 'municipality_in_time'
		});
	});

	it('are kept by the database between 1 and 90', async () => {
		await expect(setDays(0)).rejects.toThrow();
		await expect(setDays(91)).rejects.toThrow();
	});
});
