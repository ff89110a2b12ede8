import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/lib/server/db/client';
import { createThrowawayDatabase, testDatabaseUrl } from '../e2e/support/postgres';

/**
 * Vitest global setup: one migrated database per test run, which every test file copies
 * (tests/setup/test-db.ts) instead of creating and migrating its own. On PGlite the copy is a
 * dump of the data folder (creating a cluster costs ~3 s a file, loading a dump a fraction); on
 * PostgreSQL it is a template database (`create database … template …`).
 */

declare module 'vitest' {
	export interface ProvidedContext {
		/** The tar file of a migrated PGlite data folder, or '' on PostgreSQL. */
		pgliteTemplateFile: string;
		/** The name of a migrated template database on DATABASE_URL's server, or ''. */
		postgresTemplate: string;
	}
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const serverUrl = testDatabaseUrl();
	if (serverUrl) {
		const template = await createThrowawayDatabase(serverUrl, 'verkosto_template');
		try {
			const database = await openDatabase({ kind: 'postgres', url: template.url, poolSize: 1 });
			await database.close();
		} catch (error) {
			await template.drop();
			throw error;
		}
		project.provide('pgliteTemplateFile', '');
		project.provide('postgresTemplate', template.name);
		return () => template.drop();
	}

	const folder = await mkdtemp(path.join(tmpdir(), 'verkosto-template-'));
	const file = path.join(folder, 'migrated.tar');
	const database = await openDatabase({ kind: 'pglite', dataDir: null });
	try {
		const dump = await database.dump!();
		await writeFile(file, Buffer.from(await dump.arrayBuffer()));
	} finally {
		await database.close();
	}
	project.provide('pgliteTemplateFile', file);
	project.provide('postgresTemplate', '');
	return () => rm(folder, { recursive: true, force: true });
}
