import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/lib/server/db/client';
import { seedTestDatabase as seed } from './test-db';
import { createThrowawayDatabase, testDatabaseUrl } from '../e2e/support/postgres';

/**
 * Vitest global setup: one migrated database per test run, which every test file copies
 * (tests/setup/test-db.ts) instead of creating and migrating its own. On PGlite the copy is a
 * dump of the data folder (creating a cluster costs ~3 s a file, loading a dump a fraction); on
 * PostgreSQL it is a template database (`create database … template …`).
 *
 * A second template holds the municipality registry and the demo data as well: the files that
 * test on the USO 7 story start from it (`createTestDatabase({ seeded: true })`) instead of
 * loading 300 municipalities and seeding the demo each, which cost them seconds a file.
 */

declare module 'vitest' {
	export interface ProvidedContext {
		/** The tar file of a migrated PGlite data folder, or '' on PostgreSQL. */
		pgliteTemplateFile: string;
		/** The name of a migrated template database on DATABASE_URL's server, or ''. */
		postgresTemplate: string;
		/** The same two with the registry and the demo data loaded. */
		pgliteSeededFile: string;
		postgresSeededTemplate: string;
	}
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const serverUrl = testDatabaseUrl();
	if (serverUrl) {
		const template = await createThrowawayDatabase(serverUrl, 'verkosto_template');
		let seeded: Awaited<ReturnType<typeof createThrowawayDatabase>> | null = null;
		try {
			const database = await openDatabase({ kind: 'postgres', url: template.url, poolSize: 1 });
			await database.close();
			seeded = await createThrowawayDatabase(serverUrl, 'verkosto_seeded', template.name);
			const seededDb = await openDatabase({ kind: 'postgres', url: seeded.url, poolSize: 2 });
			try {
				await seed(seededDb);
			} finally {
				await seededDb.close();
			}
		} catch (error) {
			await seeded?.drop();
			await template.drop();
			throw error;
		}
		project.provide('pgliteTemplateFile', '');
		project.provide('postgresTemplate', template.name);
		project.provide('pgliteSeededFile', '');
		project.provide('postgresSeededTemplate', seeded.name);
		return async () => {
			await seeded?.drop();
			await template.drop();
		};
	}

	const folder = await mkdtemp(path.join(tmpdir(), 'verkosto-template-'));
	const file = path.join(folder, 'migrated.tar');
	const seededFile = path.join(folder, 'seeded.tar');
	const database = await openDatabase({ kind: 'pglite', dataDir: null });
	try {
		const dump = await database.dump!();
		await writeFile(file, Buffer.from(await dump.arrayBuffer()));
		await seed(database);
		const seeded = await database.dump!();
		await writeFile(seededFile, Buffer.from(await seeded.arrayBuffer()));
	} finally {
		await database.close();
	}
	project.provide('pgliteTemplateFile', file);
	project.provide('postgresTemplate', '');
	project.provide('pgliteSeededFile', seededFile);
	project.provide('postgresSeededTemplate', '');
	return () => rm(folder, { recursive: true, force: true });
}
