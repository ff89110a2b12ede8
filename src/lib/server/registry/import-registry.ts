import { eq, sql } from 'drizzle-orm';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
	checkRegistryFiles,
	effectiveDateOf,
	isIsoDate,
	parseMunicipalityChanges,
	parseRegistryCsv,
	planRegistryImport,
	RegistryFileError,
	type CsvProblem,
	type ExistingMunicipality,
	type MunicipalityRecord,
	type RegistryFileKind,
	type RegistryImportPlan,
	type RegistryProblem
} from '../../domain/registry-import';
import { systemActor, type Actor } from '../actor';
import { recordAudit, type AuditEntry } from '../audit/record-audit';
import { clearRegistryCache } from './registry-cache';
import type { Db, DbOrTx } from '../db';
import { municipalities } from '../db/schema';

export { RegistryFileError } from '../../domain/registry-import';

export interface ImportRegistryInput {
	/** The file of current municipalities, Statistics Finland's columns (data/README.md). */
	csvText: string;
	/** Abolished municipalities to keep for older records; added only if missing. */
	abolishedCsvText?: string;
	/** Known abolitions: when and into what a missing municipality went. */
	changesCsvText?: string;
	/** The day a missing municipality ceased to exist when no change names it; by default the
	 * day after the file's population date. */
	effectiveDate?: string;
	/** Plan and report, but write nothing. */
	dryRun?: boolean;
	/** Called as rows are written: after each batch of inserts and each update. */
	onProgress?: (done: number, total: number) => void;
}

export interface RegistryImportReport {
	/** Codes of new rows, abolished ones from the abolished file included. */
	added: string[];
	changed: {
		code: string;
		nameFi: string;
		fields: string[];
		before: Record<string, unknown>;
		after: Record<string, unknown>;
	}[];
	abolished: { code: string; nameFi: string; mergedInto: string | null; on: string }[];
	unchanged: number;
	/** False on a dry run. */
	written: boolean;
}

const INSERT_BATCH = 50;

/**
 * Brings the registry up to date with a municipality file: adds, updates, abolishes and
 * restores by code, in one transaction, with an audit entry for every row it writes. A file
 * with any problem writes nothing and throws RegistryFileError listing them all.
 */
export async function importRegistry(
	db: Db,
	actor: Actor,
	input: ImportRegistryInput
): Promise<RegistryImportReport> {
	return (await runImport(db, actor, input, { onlyIfEmpty: false }))!;
}

/**
 * Loads the registry shipped in `data/` (or VERKOSTO_REGISTRY_DIR) into an empty table, on
 * first start. Returns null, reading no file, when the table already has rows.
 */
export async function loadShippedRegistry(db: Db): Promise<RegistryImportReport | null> {
	if (!(await isRegistryEmpty(db))) return null;
	const dir = process.env.VERKOSTO_REGISTRY_DIR ?? path.resolve('data');
	return runImport(db, systemActor, readShippedRegistry(dir), { onlyIfEmpty: true });
}

/** The newest `municipalities_fi_YYYY.csv` of a folder and the two files beside it. */
export function readShippedRegistry(dir: string): ImportRegistryInput {
	const newest = readdirSync(dir)
		.filter((f) => /^municipalities_fi_\d{4}\.csv$/.test(f))
		.sort()
		.at(-1);
	if (!newest) throw new Error(`No municipalities_fi_YYYY.csv in ${dir}`);
	const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
	return {
		csvText: read(newest),
		abolishedCsvText: read('municipalities_abolished.csv'),
		changesCsvText: read('municipality_changes.csv')
	};
}

async function isRegistryEmpty(db: DbOrTx): Promise<boolean> {
	const rows = await db.select({ code: municipalities.code }).from(municipalities).limit(1);
	return rows.length === 0;
}

function parseInput(input: ImportRegistryInput) {
	if (input.effectiveDate !== undefined && !isIsoDate(input.effectiveDate)) {
		throw new RangeError(
			`The effective date must be written YYYY-MM-DD, not ${input.effectiveDate}`
		);
	}
	const problems: RegistryProblem[] = [];
	const note = (file: RegistryFileKind, errors: CsvProblem[]) =>
		problems.push(...errors.map((e) => ({ file, ...e })));

	const registry = parseRegistryCsv(input.csvText);
	note('registry', registry.errors);
	const abolished = input.abolishedCsvText
		? parseRegistryCsv(input.abolishedCsvText, { allowEmptyPopulation: true })
		: { rows: [], errors: [] };
	note('abolished', abolished.errors);
	const changes = input.changesCsvText
		? parseMunicipalityChanges(input.changesCsvText)
		: { changes: [], errors: [] };
	note('changes', changes.errors);
	if (problems.length > 0) throw new RegistryFileError(problems);

	return {
		incoming: registry.rows,
		abolished: abolished.rows,
		changes: changes.changes,
		effectiveDate: input.effectiveDate ?? effectiveDateOf(registry.populationDate)
	};
}

async function readExisting(db: DbOrTx): Promise<ExistingMunicipality[]> {
	const rows = await db.select().from(municipalities);
	return rows.map(({ updatedAt: _, ...row }) => row);
}

async function runImport(
	db: Db,
	actor: Actor,
	input: ImportRegistryInput,
	options: { onlyIfEmpty: boolean }
): Promise<RegistryImportReport | null> {
	const parsed = parseInput(input);
	const plan = (existing: ExistingMunicipality[]) => {
		const problems = checkRegistryFiles({ existing, ...parsed });
		if (problems.length > 0) throw new RegistryFileError(problems);
		return planRegistryImport(existing, parsed.incoming, parsed.changes, parsed.effectiveDate, {
			abolished: parsed.abolished
		});
	};

	if (input.dryRun) return report(plan(await readExisting(db)), false);

	const done = await db.transaction(async (tx) => {
		// Two imports at once would plan against the same rows; the second waits for the first.
		// Readers are not blocked.
		await tx.execute(sql`lock table ${municipalities} in share row exclusive mode`);
		if (options.onlyIfEmpty && !(await isRegistryEmpty(tx))) return null;
		const planned = plan(await readExisting(tx));
		await applyPlan(tx, actor, planned, input.onProgress);
		return report(planned, true);
	});
	// this process shows the new registry at once; other servers within the cache's minute
	clearRegistryCache(db);
	return done;
}

async function applyPlan(
	tx: DbOrTx,
	actor: Actor,
	plan: RegistryImportPlan,
	onProgress: ImportRegistryInput['onProgress']
) {
	const total = plan.added.length + plan.changed.length + plan.abolished.length;
	let done = 0;
	const progress = (n: number) => {
		done += n;
		onProgress?.(done, total);
	};

	// `added` lists every merger target before the rows that merge into it
	for (let i = 0; i < plan.added.length; i += INSERT_BATCH) {
		const batch = plan.added.slice(i, i + INSERT_BATCH);
		await tx.insert(municipalities).values(batch);
		await recordAudit(tx, actor, batch.map(createEntry));
		progress(batch.length);
	}
	const now = new Date();
	for (const change of plan.changed) {
		await tx
			.update(municipalities)
			.set({ ...change.after, updatedAt: now })
			.where(eq(municipalities.code, change.code));
		await recordAudit(tx, actor, {
			action: 'municipality.update',
			entityType: 'municipality',
			entityId: change.code,
			before: change.before,
			after: change.after
		});
		progress(1);
	}
	for (const gone of plan.abolished) {
		await tx
			.update(municipalities)
			.set({ abolishedOn: gone.on, mergedInto: gone.mergedInto, updatedAt: now })
			.where(eq(municipalities.code, gone.code));
		await recordAudit(tx, actor, {
			action: 'municipality.abolish',
			entityType: 'municipality',
			entityId: gone.code,
			before: { abolishedOn: null, mergedInto: null },
			after: { abolishedOn: gone.on, mergedInto: gone.mergedInto }
		});
		progress(1);
	}
}

function createEntry(record: MunicipalityRecord): AuditEntry {
	return {
		action: 'municipality.create',
		entityType: 'municipality',
		entityId: record.code,
		after: record
	};
}

function report(plan: RegistryImportPlan, written: boolean): RegistryImportReport {
	return {
		added: plan.added.map((m) => m.code),
		changed: plan.changed.map((c) => ({
			code: c.code,
			nameFi: c.nameFi,
			fields: Object.keys(c.after),
			before: c.before,
			after: c.after
		})),
		abolished: plan.abolished,
		unchanged: plan.unchanged,
		written
	};
}
