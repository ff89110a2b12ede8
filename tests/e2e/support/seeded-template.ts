import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startApp } from './app-server';
import { createThrowawayDatabase, testDatabaseUrl } from './postgres';

/**
 * Vitest global setup of the end-to-end run: starts the built app once on an empty database,
 * which it migrates and fills with the registry and the demo data, and stops it. Every
 * `startApp()` of the run then starts on a copy of that database (a copied PGlite folder, or
 * `create database … template …` on PostgreSQL) instead of doing the same work again.
 * The first start itself stays tested: here (it must succeed for any test to run), and in the
 * files that ask for `fresh: true`.
 *
 * It also makes the folder where the run's accessibility checks note the page states that
 * passed (./axe.ts), so that a state met in several files is checked once.
 */

declare module 'vitest' {
	export interface ProvidedContext {
		/** A PGlite folder with the migrated, seeded database, or '' on PostgreSQL. */
		e2eTemplateDataDir: string;
		/** A migrated, seeded database on DATABASE_URL's server (nobody connected), or ''. */
		e2eTemplateDatabase: string;
		/** A folder where ./axe.ts notes the page states found accessible in this run. */
		e2eAxePassDir: string;
	}
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const axePasses = await mkdtemp(path.join(tmpdir(), 'verkosto-axe-passes-'));
	project.provide('e2eAxePassDir', axePasses);
	const removePasses = () => rm(axePasses, { recursive: true, force: true });
	try {
		const removeTemplate = await seededTemplate(project);
		return async () => {
			await removeTemplate();
			await removePasses();
		};
	} catch (error) {
		await removePasses();
		throw error;
	}
}

async function seededTemplate(project: TestProject): Promise<() => Promise<void>> {
	const serverUrl = testDatabaseUrl();
	if (serverUrl) {
		const template = await createThrowawayDatabase(serverUrl, 'verkosto_e2e_template');
		try {
			const app = await startApp({ databaseUrl: template.url, fresh: true });
			await app.stop();
		} catch (error) {
			await template.drop();
			throw error;
		}
		project.provide('e2eTemplateDataDir', '');
		project.provide('e2eTemplateDatabase', template.name);
		return () => template.drop();
	}

	const dataDir = await mkdtemp(path.join(tmpdir(), 'verkosto-e2e-template-'));
	try {
		const app = await startApp({ dataDir, env: { DATABASE_URL: '' }, fresh: true });
		await app.stop();
	} catch (error) {
		await rm(dataDir, { recursive: true, force: true });
		throw error;
	}
	project.provide('e2eTemplateDataDir', dataDir);
	project.provide('e2eTemplateDatabase', '');
	return () => rm(dataDir, { recursive: true, force: true });
}
