import { defineConfig } from 'vitest/config';
import { reporters } from './tests/setup/reporters.js';

/**
 * End-to-end tests against the built app (`npm run test:e2e` builds it when the sources are
 * newer). Each file starts its own server and Chromium, so files run one at a time on our two
 * cores; every server starts on a copy of one seeded database (tests/e2e/support/seeded-template.ts).
 *
 * Which files run where (docs/decisions/013-test-run-time.md): a developer's `npm test` runs
 * them all, on PGlite or, with DATABASE_URL, on PostgreSQL. CI runs the suite twice, once per
 * database, and sets VERKOSTO_E2E_SPLIT=1 so that each story runs once:
 * - on both databases: the files directly in tests/e2e/ (access rules, bad input, the app's
 *   start-up and infrastructure) and those in BOTH, which touch what differs between the two
 *   (locks, concurrency, search, migrations);
 * - tests/e2e/stories/ on PGlite, the default a newcomer runs;
 * - tests/e2e/journeys/ on PostgreSQL, the database of a deployment.
 */
const BOTH = [
	// municipality search: pg_trgm similarity and Finnish text search
	'tests/e2e/stories/registry.e2e.ts'
];

function include(): string[] {
	if (process.env.VERKOSTO_E2E_SPLIT !== '1') return ['tests/e2e/**/*.e2e.ts'];
	return process.env.DATABASE_URL
		? ['tests/e2e/*.e2e.ts', 'tests/e2e/journeys/**/*.e2e.ts', ...BOTH]
		: ['tests/e2e/*.e2e.ts', 'tests/e2e/stories/**/*.e2e.ts'];
}

export default defineConfig({
	test: {
		include: include(),
		environment: 'node',
		reporters: reporters('e2e'),
		setupFiles: ['tests/setup/console.ts'],
		globalSetup: ['tests/e2e/support/seeded-template.ts'],
		fileParallelism: false,
		testTimeout: 60_000,
		hookTimeout: 120_000,
		teardownTimeout: 30_000,
		expect: { requireAssertions: true }
	}
});
