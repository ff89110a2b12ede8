import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/setup/test-db';
import { uso7 } from '../../../../tests/factories/events';
import type { Database } from '../db/client';
import { USO7_MEMBERS } from '../demo/uso7';
import { toCsv } from '../export/table-export';
import { exportSeasonMembers } from './export-season-members';
import { getSeason } from './season-queries';

let database: Database;

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
});
afterAll(() => database?.close());

async function season() {
	const s = (await getSeason(database.db, (await uso7(database.db)).seasonId))!;
	return { ...s, networkShortName: s.network.shortName };
}

describe('a season’s members as a file', () => {
	it('holds every member in the state asked for, with its fee tier and the yearly fee in euros', async () => {
		const table = await exportSeasonMembers(database.db, await season(), 'active', 'fi');
		const active = USO7_MEMBERS.filter((m) => m.state === 'active');
		expect(table.rows.map((r) => r[0]).sort()).toEqual(active.map((m) => m.code).sort());
		const vaala = table.rows.find((r) => r[0] === '785')!;
		expect(vaala.slice(1, 3)).toEqual(['Vaala', 'mukana']);
		expect(typeof vaala[3]).toBe('number');
		// Vaala is a small municipality: the seed's 9 000 euros a year
		expect(vaala[6]).toBe(9000);
		expect(toCsv(table).toString('utf8')).toContain('9000');
	});

	it('holds every member of every state when no state is asked for, in Swedish names for a Swedish reader', async () => {
		const table = await exportSeasonMembers(database.db, await season(), null, 'sv');
		expect(table.rows).toHaveLength(USO7_MEMBERS.length);
		expect(table.columns[2]?.header).toBe('Status');
		expect(table.rows.map((r) => r[1])).toContain('Kajana');
	});
});
