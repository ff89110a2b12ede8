import { and, asc, count, eq, gt, isNull } from 'drizzle-orm';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/setup/test-db';
import { userActor, type Actor } from '../actor';
import type { Database } from '../db/client';
import { auditLog, municipalities, users } from '../db/schema';
import {
	importRegistry,
	loadShippedRegistry,
	readShippedRegistry,
	RegistryFileError
} from './import-registry';
import { parseRegistryQuery } from './registry-query';
import { searchMunicipalities } from './search-municipalities';

const registryQuery = (qs: string) => parseRegistryQuery(new URLSearchParams(qs)).values;

const read = (name: string) => readFileSync(path.resolve('data', name), 'utf8');
const registryText = read('municipalities_fi_2025.csv');
const abolishedCsvText = read('municipalities_abolished.csv');
const changesCsvText = read('municipality_changes.csv');
const shipped = { csvText: registryText, abolishedCsvText, changesCsvText };

const lines = registryText.split('\r\n');
const lineOf = (code: string) => lines.find((l) => l.startsWith(`${code},`))!;
const withPopulation = (line: string, population: number) =>
	line.replace(/,\d+$/, `,${population}`);

/** The 2025 file with Vaala grown past 3,000, a new municipality 999 and Uurainen gone. */
const refreshedText = [
	...lines
		.filter((l) => !l.startsWith('892,'))
		.map((l) => (l.startsWith('785,') ? withPopulation(l, 3_012) : l)),
	withPopulation(
		lineOf('785').replace(/^785,Vaala,Vaala,Vaala,/, '999,Uusikunta,Nykommun,Newtown,'),
		12_345
	)
]
	.filter((l) => l !== '')
	.join('\r\n');
const refreshedChanges = `${changesCsvText}892,Uurainen,Uurainen,2026-01-01,179\r\n`;

let database: Database;
let coordinator: Actor;

beforeAll(async () => {
	database = await createTestDatabase();
	const [user] = await database.db
		.insert(users)
		.values({ email: 'koordinaattori@example.fi', name: 'Kaisa Koordinaattori' })
		.returning();
	coordinator = userActor(user!);
});
afterAll(() => database?.close());

async function municipality(code: string) {
	const [row] = await database.db
		.select()
		.from(municipalities)
		.where(eq(municipalities.code, code));
	return row;
}

async function auditCount() {
	const [row] = await database.db
		.select({ n: count() })
		.from(auditLog)
		.where(eq(auditLog.entityType, 'municipality'));
	return row!.n;
}

async function auditSince(id: number) {
	return database.db
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.entityType, 'municipality'), gt(auditLog.id, id)))
		.orderBy(asc(auditLog.id));
}

async function lastAuditId() {
	const rows = await database.db.select({ id: auditLog.id }).from(auditLog);
	return Math.max(0, ...rows.map((r) => r.id));
}

describe('the first start', () => {
	it('loads 308 current municipalities and Pertunmaa, abolished into Mäntyharju', async () => {
		const report = await loadShippedRegistry(database.db);
		expect(report).toMatchObject({ changed: [], abolished: [], unchanged: 0, written: true });
		expect(report!.added).toHaveLength(309);

		const current = await database.db
			.select()
			.from(municipalities)
			.where(isNull(municipalities.abolishedOn));
		expect(current).toHaveLength(308);
		expect(current.reduce((sum, m) => sum + m.population!, 0)).toBe(5_635_971);
		expect(await municipality('785')).toMatchObject({
			nameFi: 'Vaala',
			population: 2_581,
			populationDate: '2024-12-31',
			sizeClass: 2,
			searchKey: 'vaala'
		});
		expect(await municipality('588')).toMatchObject({
			nameFi: 'Pertunmaa',
			regionFi: 'Etelä-Savo',
			abolishedOn: '2025-01-01',
			mergedInto: '507',
			// its last figure, on its last day: a fee of its seasons is placed by it
			population: 1_527,
			populationDate: '2024-12-31',
			sizeClass: 2
		});
	});

	it('records every row it created in the audit log, as the system', async () => {
		const entries = await auditSince(0);
		expect(entries).toHaveLength(309);
		expect(new Set(entries.map((e) => `${e.action} ${e.actorLabel}`))).toEqual(
			new Set(['municipality.create system'])
		);
		expect(entries.find((e) => e.entityId === '588')).toMatchObject({
			before: null,
			after: expect.objectContaining({ nameFi: 'Pertunmaa', mergedInto: '507' })
		});
	});

	it('does nothing on the next start', async () => {
		const before = await auditCount();
		expect(await loadShippedRegistry(database.db)).toBeNull();
		expect(await auditCount()).toBe(before);
	});
});

describe('importing the same files again', () => {
	it('changes nothing and writes no audit entry', async () => {
		const before = await auditCount();
		const vaala = await municipality('785');
		const report = await importRegistry(database.db, coordinator, shipped);
		expect(report).toEqual({
			added: [],
			changed: [],
			abolished: [],
			unchanged: 308,
			written: true
		});
		expect(await auditCount()).toBe(before);
		expect((await municipality('785'))!.updatedAt).toEqual(vaala!.updatedAt);
	});
});

describe('importing a refreshed file', () => {
	it('plans without writing on a dry run', async () => {
		const before = await auditCount();
		const report = await importRegistry(database.db, coordinator, {
			csvText: refreshedText,
			changesCsvText: refreshedChanges,
			dryRun: true
		});
		expect(report.written).toBe(false);
		expect(report.added).toEqual(['999']);
		expect(await municipality('999')).toBeUndefined();
		expect(await auditCount()).toBe(before);
	});

	it('writes nothing when it fails half-way', async () => {
		const before = await auditCount();
		const failing = importRegistry(database.db, coordinator, {
			csvText: refreshedText,
			changesCsvText: refreshedChanges,
			onProgress: (done) => {
				if (done > 1) throw new Error('disk full');
			}
		});
		await expect(failing).rejects.toThrow('disk full');
		expect(await municipality('999')).toBeUndefined();
		expect((await municipality('785'))!.population).toBe(2_581);
		expect(await auditCount()).toBe(before);
	});

	it('adds, changes and abolishes, and reports it', async () => {
		// the registry list this process keeps for a minute shows the import at once
		const vaalaBefore = await searchMunicipalities(database.db, registryQuery('q=vaala'), 'fi');
		expect(vaalaBefore.rows[0]?.population).toBe(2_581);
		const since = await lastAuditId();
		const progress: [number, number][] = [];
		const report = await importRegistry(database.db, coordinator, {
			csvText: refreshedText,
			changesCsvText: refreshedChanges,
			onProgress: (done, total) => progress.push([done, total])
		});
		expect(report).toEqual({
			added: ['999'],
			changed: [
				{
					code: '785',
					nameFi: 'Vaala',
					fields: ['population', 'sizeClass'],
					before: { population: 2_581, sizeClass: 2 },
					after: { population: 3_012, sizeClass: 3 }
				}
			],
			abolished: [{ code: '892', nameFi: 'Uurainen', mergedInto: '179', on: '2026-01-01' }],
			unchanged: 306,
			written: true
		});
		const vaalaAfter = await searchMunicipalities(database.db, registryQuery('q=vaala'), 'fi');
		expect(vaalaAfter.rows[0]?.population).toBe(3_012);
		expect(progress).toEqual([
			[1, 3],
			[2, 3],
			[3, 3]
		]);

		expect(await municipality('999')).toMatchObject({
			nameSv: 'Nykommun',
			population: 12_345,
			sizeClass: 7,
			searchKey: 'uusikunta nykommun',
			abolishedOn: null
		});
		expect(await municipality('785')).toMatchObject({ population: 3_012, sizeClass: 3 });
		expect(await municipality('892')).toMatchObject({
			abolishedOn: '2026-01-01',
			mergedInto: '179',
			population: expect.any(Number)
		});

		const entries = await auditSince(since);
		expect(
			entries.map((e) => ({
				action: e.action,
				entityId: e.entityId,
				actorLabel: e.actorLabel,
				before: e.before,
				after: e.action === 'municipality.create' ? 'record' : e.after
			}))
		).toEqual([
			{
				action: 'municipality.create',
				entityId: '999',
				actorLabel: 'koordinaattori@example.fi',
				before: null,
				after: 'record'
			},
			{
				action: 'municipality.update',
				entityId: '785',
				actorLabel: 'koordinaattori@example.fi',
				before: { population: 2_581, sizeClass: 2 },
				after: { population: 3_012, sizeClass: 3 }
			},
			{
				action: 'municipality.abolish',
				entityId: '892',
				actorLabel: 'koordinaattori@example.fi',
				before: { abolishedOn: null, mergedInto: null },
				after: { abolishedOn: '2026-01-01', mergedInto: '179' }
			}
		]);
	});

	it('restores a municipality that comes back in a later file', async () => {
		const report = await importRegistry(database.db, coordinator, shipped);
		expect(report.changed.map((c) => [c.code, c.fields])).toEqual([
			['785', ['population', 'sizeClass']],
			['892', ['abolishedOn', 'mergedInto']]
		]);
		expect(report.abolished).toEqual([
			{ code: '999', nameFi: 'Uusikunta', mergedInto: null, on: '2025-01-01' }
		]);
		expect(await municipality('892')).toMatchObject({ abolishedOn: null, mergedInto: null });
	});
});

describe('a broken file', () => {
	it('writes nothing and lists every problem with its file and line', async () => {
		const before = await auditCount();
		const broken = [
			lines[0],
			lineOf('785'),
			lineOf('091').replace(/,\d+$/, ',x'),
			lineOf('785')
		].join('\n');
		const failing = importRegistry(database.db, coordinator, {
			csvText: broken,
			changesCsvText: 'code,name_fi,name_sv,abolished_on\n'
		});
		await expect(failing).rejects.toBeInstanceOf(RegistryFileError);
		const error = (await failing.catch((e: unknown) => e)) as RegistryFileError;
		expect(error.problems).toEqual([
			{ file: 'registry', line: 3, message: expect.stringMatching(/^population_2024_12_31 "x"/) },
			{ file: 'registry', line: 4, message: 'code 785 is already on line 2' },
			{ file: 'changes', line: 1, message: 'missing column: merged_into' }
		]);
		expect(await auditCount()).toBe(before);
		expect((await municipality('091'))!.population).toBe(684_018);
	});

	it('refuses a merger into a code nobody knows, writing nothing', async () => {
		const before = await auditCount();
		const failing = importRegistry(database.db, coordinator, {
			csvText: lines.filter((l) => !l.startsWith('892,')).join('\r\n'),
			changesCsvText:
				'code,name_fi,name_sv,abolished_on,merged_into\n892,Uurainen,Uurainen,2026-01-01,998\n'
		});
		await expect(failing).rejects.toThrow(/merges into 998, which is no known municipality/);
		expect((await municipality('892'))!.abolishedOn).toBeNull();
		expect(await auditCount()).toBe(before);
	});
});

describe('the shipped files', () => {
	it('are taken from the newest municipalities_fi_YYYY.csv of the folder', () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'verkosto-registry-'));
		try {
			writeFileSync(path.join(dir, 'municipalities_fi_2024.csv'), 'old');
			writeFileSync(path.join(dir, 'municipalities_fi_2025.csv'), 'new');
			writeFileSync(path.join(dir, 'municipalities_abolished.csv'), 'abolished');
			writeFileSync(path.join(dir, 'municipality_changes.csv'), 'changes');
			expect(readShippedRegistry(dir)).toEqual({
				csvText: 'new',
				abolishedCsvText: 'abolished',
				changesCsvText: 'changes'
			});
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
