// Prints the slowest test files of one or more test runs, from the files the reporter in
// tests/setup/reporters.ts writes (VERKOSTO_TEST_REPORT_DIR). CI calls it at the end:
//   node scripts/slowest-tests.js "PGlite" reports/pglite "PostgreSQL" reports/postgres
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const COUNT = 10;
const args = process.argv.slice(2);
if (args.length === 0 || args.length % 2 !== 0) {
	console.error(
		'usage: node scripts/slowest-tests.js <title> <report dir> [<title> <report dir> …]'
	);
	process.exit(2);
}

for (let i = 0; i < args.length; i += 2) {
	const title = String(args[i]);
	const dir = String(args[i + 1]);
	/** @type {Array<{ file: string, seconds: number, tests: number, run: string }>} */
	const files = [];
	for (const run of ['unit', 'e2e']) {
		const report = path.join(dir, `${run}.json`);
		if (!existsSync(report)) continue;
		for (const file of JSON.parse(readFileSync(report, 'utf8'))) files.push({ ...file, run });
	}
	/** @param {string} run */
	const sum = (run) =>
		files
			.filter((f) => f.run === run)
			.reduce((total, f) => total + f.seconds, 0)
			.toFixed(0);
	console.info(
		`\n${title}: ${files.length} test files; unit and integration ${sum('unit')} s, ` +
			`end-to-end ${sum('e2e')} s (file times added up, before running side by side). Slowest:`
	);
	for (const f of files.sort((a, b) => b.seconds - a.seconds).slice(0, COUNT)) {
		console.info(`  ${f.seconds.toFixed(1).padStart(7)} s  ${f.file} (${f.tests} tests)`);
	}
}
