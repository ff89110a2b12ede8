import { it } from 'vitest';

/**
 * CI runs the end-to-end suite once per database and splits the files between the two runs
 * (vitest.e2e.config.ts, docs/decisions/013-test-run-time.md). A file that runs on both for
 * some of its tests (a search that differs between PGlite and PostgreSQL, say) marks the rest
 * with `itOnce`: those run in the PGlite half only, as the rest of the stories do. Outside CI's
 * split (a developer's `npm test`) every test runs.
 */
export const secondRunOfSplit =
	process.env.VERKOSTO_E2E_SPLIT === '1' && Boolean(process.env.DATABASE_URL);

/** A test that is not about what differs between the databases: run once in a split run. */
export const itOnce = secondRunOfSplit ? it.skip : it;
