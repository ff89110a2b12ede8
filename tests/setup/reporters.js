import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Vitest reporters: the default one, plus, when VERKOSTO_TEST_REPORT_DIR names a folder (CI
 * does), a file of how long each test file took, whole: its set-up, import, hooks and tests.
 * scripts/slowest-tests.js prints the slowest files of each CI run from it.
 * (JavaScript, not TypeScript: the configs import it without a bundler.)
 *
 * @param {'unit' | 'e2e'} run
 * @returns {Array<string | import('vitest/node').Reporter>}
 */
export function reporters(run) {
	const dir = process.env.VERKOSTO_TEST_REPORT_DIR;
	return dir ? ['default', fileTimes(path.join(dir, `${run}.json`))] : ['default'];
}

/**
 * @param {string} output
 * @returns {import('vitest/node').Reporter}
 */
function fileTimes(output) {
	/** @type {Array<{ file: string, seconds: number, tests: number, state: string }>} */
	const files = [];
	return {
		onTestModuleEnd(module) {
			const d = module.diagnostic();
			const ms =
				d.environmentSetupDuration +
				d.prepareDuration +
				d.setupDuration +
				d.collectDuration +
				d.duration;
			files.push({
				file: module.relativeModuleId,
				seconds: Math.round(ms / 100) / 10,
				tests: [...module.children.allTests()].length,
				state: module.state()
			});
		},
		onTestRunEnd() {
			mkdirSync(path.dirname(output), { recursive: true });
			writeFileSync(output, JSON.stringify(files, null, '\t'));
		}
	};
}
