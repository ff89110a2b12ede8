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
		testTimeout: 30_000,
		hookTimeout: 60_000,
		expect: { requireAssertions: true }
	}
});
