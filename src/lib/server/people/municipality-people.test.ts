import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db/client';
import { USO7_MEMBERS } from '../demo/uso7';
import { exportMunicipalityPeople, listMunicipalityPeople } from './municipality-people';

let database: Database;
const vaala = USO7_MEMBERS.find((m) => m.code === '785')!;

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
});
afterAll(() => database?.close());

describe('a municipality’s people as a file', () => {
	it('holds every person the list has, every page, by name, and no one of another municipality', async () => {
		const listed = await listMunicipalityPeople(database.db, '785', {
			q: '',
			page: 1,
			perPage: 1000
		});
		const table = await exportMunicipalityPeople(database.db, '785', '', 'fi');
		expect(table.rows.map((r) => r[1])).toEqual(listed.rows.map((p) => p.email));
		expect(table.rows).toHaveLength(vaala.people.length);
		expect(table.columns.map((c) => c.header)).toEqual([
			'Nimi',
			'Sähköposti',
			'Tehtävänimike',
			'Asemat',
			'Kieli'
		]);
		expect(table.rows.flat().join(' ')).not.toMatch(/-205@example\.fi/);
	});

	it('holds only those the search finds, headed in the reader’s language', async () => {
		const table = await exportMunicipalityPeople(database.db, '785', 'mäkelä', 'sv');
		expect(table.rows.map((r) => r[0])).toEqual(['Mikko Mäkelä']);
		expect(table.columns[0]?.header).toBe('Namn');
	});
});
