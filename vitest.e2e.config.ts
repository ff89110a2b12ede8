import { configDefaults, defineConfig } from 'vitest/config';
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
 * - tests/e2e/stories/ on PGlite, the default a newcomer runs (but those in ON_POSTGRES);
 * - tests/e2e/journeys/ on PostgreSQL, the database of a deployment.
 * Within a file that runs on both, the tests that are not about the database are `itOnce`
 * (tests/e2e/support/split.ts): the PGlite half runs them, the PostgreSQL half skips them.
 */
const BOTH = [
	// municipality search: pg_trgm similarity and Finnish text search
	'tests/e2e/stories/registry.e2e.ts'
];

/**
 * Stories that run on PostgreSQL rather than PGlite, to even out the halves' time (they run
 * side by side, so CI takes as long as the longer one).
 */
const ON_POSTGRES = [
	// the audit log's keyset pages, long pages checked with axe: among the longest stories
	'tests/e2e/stories/audit.e2e.ts'
];

/** The files this run takes: all of them, or (VERKOSTO_E2E_SPLIT=1) this database's share. */
function files(): { include: string[]; exclude: string[] } {
	const all = { include: ['tests/e2e/**/*.e2e.ts'], exclude: configDefaults.exclude };
	if (process.env.VERKOSTO_E2E_SPLIT !== '1') return all;
	return process.env.DATABASE_URL
		? {
				include: ['tests/e2e/*.e2e.ts', 'tests/e2e/journeys/**/*.e2e.ts', ...BOTH, ...ON_POSTGRES],
				exclude: configDefaults.exclude
			}
		: {
				include: ['tests/e2e/*.e2e.ts', 'tests/e2e/stories/**/*.e2e.ts'],
				exclude: [...configDefaults.exclude, ...ON_POSTGRES]
			};
}

export default defineConfig({
	// the stories read the demo's plans (src/lib/server/demo/), which import by $lib
	resolve: { alias: { $lib: new URL('./src/lib', import.meta.url).pathname } },
	test: {
		...files(),
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
