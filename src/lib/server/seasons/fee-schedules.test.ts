import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db/client';
import { networks } from '../db/schema';
import { systemActor } from '../actor';
import { addFeeSchedule, listFeeTiers } from './fee-schedules';
import { networkFeeTiers } from './season-queries';

let database: Database;
let uso: string;

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	[{ id: uso }] = (await database.db.select({ id: networks.id }).from(networks)) as [
		{ id: string }
	];
});
afterAll(() => database?.close());

const tier = (nameFi: string, min: number, max: number | null, euros: number) => ({
	nameFi,
	nameSv: nameFi,
	nameEn: nameFi,
	min,
	max,
	fee: euros * 100
});

describe('fee schedules', () => {
	it('adds a schedule that covers every population, in force from its day', async () => {
		const result = await addFeeSchedule(database.db, systemActor, {
			networkId: uso,
			validFrom: '2025-01-01',
			vatTreatment: 'vat_standard',
			tiers: [tier('Pieni', 0, 9_999, 9_500), tier('Muut', 10_000, null, 16_000)]
		});
		expect(result).toEqual({ ok: true });
		expect(
			(await networkFeeTiers(database.db, uso, '2024-12-31')).map((t) => t.yearlyFeeCents)
		).toEqual([900_000, 1_400_000, 2_200_000]);
		expect(
			(await networkFeeTiers(database.db, uso, '2025-06-01')).map((t) => t.yearlyFeeCents)
		).toEqual([950_000, 1_600_000]);
	});

	it('refuses gaps and overlaps, and a second schedule for the same day, writing nothing', async () => {
		const before = (await listFeeTiers(database.db, uso)).length;
		const gap = await addFeeSchedule(database.db, systemActor, {
			networkId: uso,
			validFrom: '2026-01-01',
			vatTreatment: 'vat_standard',
			tiers: [tier('A', 0, 999, 1), tier('B', 2_000, null, 2)]
		});
		expect(gap).toMatchObject({ ok: false, error: 'schedule_invalid' });
		const again = await addFeeSchedule(database.db, systemActor, {
			networkId: uso,
			validFrom: '2025-01-01',
			vatTreatment: 'vat_standard',
			tiers: [tier('A', 0, null, 1)]
		});
		expect(again).toEqual({ ok: false, error: 'schedule_exists' });
		expect(await listFeeTiers(database.db, uso)).toHaveLength(before);
	});
});
