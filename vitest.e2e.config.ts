import { defineConfig } from 'vitest/config';

// End-to-end tests against the built app (`npm run test:e2e` builds it first). Each file starts
// its own server and Chromium, so files run one at a time on our two cores.
export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.e2e.ts'],
		environment: 'node',
		setupFiles: ['tests/setup/console.ts'],
		fileParallelism: false,
		testTimeout: 60_000,
		hookTimeout: 120_000,
		teardownTimeout: 30_000,
		expect: { requireAssertions: true }
	}
});
