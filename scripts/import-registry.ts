/**
 * Refreshes the municipality registry from a newer Statistics Finland file of the same columns.
 *
 *   npm run registry:import -- path/to/municipalities_fi_2026.csv [--changes file]
 *                              [--abolished file] [--effective-date YYYY-MM-DD] [--dry-run]
 *
 * Exit codes: 0 done, 1 a bad file or argument, 2 the database folder is in use.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { systemActor } from '../src/lib/server/actor';
import { openDatabase } from '../src/lib/server/db/client';
import { FolderLockedError } from '../src/lib/server/db/folder-lock';
import { ConfigError, parseEnv } from '../src/lib/server/env';
import {
	importRegistry,
	RegistryFileError,
	type RegistryImportReport
} from '../src/lib/server/registry/import-registry';

const USAGE = `Usage: npm run registry:import -- <municipalities.csv> [options]

  --changes <file>          known abolitions: code,name_fi,name_sv,abolished_on,merged_into
  --abolished <file>        abolished municipalities to keep (same columns, population may be empty)
  --effective-date <date>   when a missing municipality ceased to exist, if no change says
                            (default: the day after the file's population date)
  --dry-run                 print what would change, write nothing

Uses DATABASE_URL, else the PGlite folder VERKOSTO_DATA_DIR (default ./data/pglite).`;

const PROGRESS_EVERY = 50;

function printReport(report: RegistryImportReport) {
	const say = (line: string) => console.info(line);
	say(report.written ? 'Registry updated.' : 'Dry run: nothing was written.');
	say(
		`  added      ${report.added.length}${report.added.length ? `: ${report.added.join(', ')}` : ''}`
	);
	say(`  changed    ${report.changed.length}`);
	for (const c of report.changed) {
		const fields = c.fields.map((f) => `${f} ${show(c.before[f])} → ${show(c.after[f])}`);
		say(`    ${c.code} ${c.nameFi}: ${fields.join('; ')}`);
	}
	say(`  abolished  ${report.abolished.length}`);
	for (const a of report.abolished) {
		say(
			`    ${a.code} ${a.nameFi} on ${a.on}${a.mergedInto ? `, merged into ${a.mergedInto}` : ''}`
		);
	}
	say(`  unchanged  ${report.unchanged}`);
}

const show = (value: unknown) => (value === null || value === undefined ? '–' : String(value));

async function main(argv: string[]): Promise<number> {
	let args;
	try {
		args = parseArgs({
			args: argv,
			allowPositionals: true,
			options: {
				changes: { type: 'string' },
				abolished: { type: 'string' },
				'effective-date': { type: 'string' },
				'dry-run': { type: 'boolean', default: false },
				help: { type: 'boolean', short: 'h', default: false }
			}
		});
	} catch (e) {
		console.error(`${(e as Error).message}\n\n${USAGE}`);
		return 1;
	}
	const { values, positionals } = args;
	if (values.help) {
		console.info(USAGE);
		return 0;
	}
	if (positionals.length !== 1) {
		console.error(`Give exactly one municipality file.\n\n${USAGE}`);
		return 1;
	}

	let input;
	let config;
	try {
		config = parseEnv(process.env);
		const read = (file: string | undefined) => (file ? readFileSync(file, 'utf8') : undefined);
		input = {
			csvText: read(positionals[0])!,
			changesCsvText: read(values.changes),
			abolishedCsvText: read(values.abolished)
		};
	} catch (e) {
		console.error(
			e instanceof ConfigError ? e.message : `Cannot read a file: ${(e as Error).message}`
		);
		return 1;
	}

	let database;
	try {
		database = await openDatabase(
			config.DATABASE_URL
				? { kind: 'postgres', url: config.DATABASE_URL, poolSize: 1 }
				: { kind: 'pglite', dataDir: config.VERKOSTO_DATA_DIR }
		);
	} catch (e) {
		if (e instanceof FolderLockedError) {
			console.error(e.message);
			return 2;
		}
		throw e;
	}

	try {
		let shown = 0;
		const report = await importRegistry(database.db, systemActor, {
			...input,
			effectiveDate: values['effective-date'],
			dryRun: values['dry-run'],
			onProgress: (done, total) => {
				if (done - shown >= PROGRESS_EVERY || (done === total && shown > 0)) {
					process.stderr.write(`  written ${done}/${total}\n`);
					shown = done;
				}
			}
		});
		printReport(report);
		return 0;
	} catch (e) {
		if (e instanceof RegistryFileError || e instanceof RangeError) {
			console.error(e.message);
			return 1;
		}
		throw e;
	} finally {
		await database.close();
	}
}

main(process.argv.slice(2)).then(
	(code) => {
		process.exitCode = code;
	},
	(e: unknown) => {
		console.error(e);
		process.exitCode = 1;
	}
);
