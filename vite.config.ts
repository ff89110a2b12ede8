import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { reporters } from './tests/setup/reporters.js';

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 3000 },
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		environment: 'node',
		reporters: reporters('unit'),
		setupFiles: ['tests/setup/console.ts'],
		globalSetup: ['tests/setup/migrated-template.ts'],
		// Test files share their worker's module cache instead of importing the app's modules
		// afresh each (docs/decisions/013-test-run-time.md): on PostgreSQL the imports were
		// two thirds of the run. So a test file leaves nothing behind: it closes the databases,
		// servers and pollers it opens and restores any environment variable it sets.
		isolate: false,
		testTimeout: 30_000,
		hookTimeout: 60_000,
		expect: { requireAssertions: true }
	}
});
