import { afterEach, vi } from 'vitest';

// A console.error in a test is a bug we did not see: fail the test that caused it.
let errors: unknown[][] = [];
const original = console.error;
console.error = (...args: unknown[]) => {
	errors.push(args);
	original(...args);
};

afterEach(() => {
	const seen = errors;
	errors = [];
	vi.restoreAllMocks();
	if (seen.length > 0) {
		throw new Error(`console.error was called ${seen.length} time(s): ${String(seen[0]?.[0])}`);
	}
});
