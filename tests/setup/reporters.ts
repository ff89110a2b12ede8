import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Vitest reporters: the default one, plus, when VERKOSTO_TEST_REPORT_DIR names a folder (CI
 * does), a file of how long each test file took, whole: its set-up, import, hooks and tests.
 * scripts/slowest-tests.js prints the slowest files of each CI run from it.
 */
export function reporters(run: 'unit' | 'e2e'): Array<string | Reporter> {
	const dir = process.env.VERKOSTO_TEST_REPORT_DIR;
	return dir ? ['default', new FileTimes(path.join(dir, `${run}.json`))] : ['default'];
}

export interface FileTime {
	file: string;
	seconds: number;
	tests: number;
	state: string;
}

class FileTimes implements Reporter {
	private readonly files: FileTime[] = [];

	constructor(private readonly output: string) {}

	onTestModuleEnd(module: TestModule): void {
		const d = module.diagnostic();
		const ms =
			d.environmentSetupDuration +
			d.prepareDuration +
			d.setupDuration +
			d.collectDuration +
			d.duration;
		this.files.push({
			file: module.relativeModuleId,
			seconds: Math.round(ms / 100) / 10,
			tests: [...module.children.allTests()].length,
			state: module.state()
		});
	}

	onTestRunEnd(): void {
		mkdirSync(path.dirname(this.output), { recursive: true });
		writeFileSync(this.output, JSON.stringify(this.files, null, '\t'));
	}
}
