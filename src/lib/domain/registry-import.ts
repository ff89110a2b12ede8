import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { searchKey } from './search-key';
import { sizeClassOf } from './size-class';

/*
 * Reading Statistics Finland's municipality file and working out what an import would change.
 * Pure: the caller reads the files and the database and applies the plan.
 */

// ---------------------------------------------------------------------------------------------
// One record of the file

const trimmed = z.string().trim();

const municipalityCode = trimmed.regex(
	/^\d{3}$/,
	'must be three digits with leading zeros, such as 005 (a spreadsheet may have dropped the zeros)'
);

const label = trimmed.min(1, 'must not be empty').max(100, 'must be at most 100 characters');

/** Codes of other classifications; a lost leading zero ("1" for "01") is refused. */
const digits = (pattern: RegExp, example: string) =>
	trimmed.regex(pattern, `must be a code such as ${example}`);

/** Empty means unknown: allowed only for an abolished municipality (see parseRegistryCsv). */
const population = trimmed
	.regex(/^(\d{1,9})?$/, 'must be a whole number ≥ 0, digits only (no spaces or separators)')
	.transform((v) => (v === '' ? null : Number(v)));

/**
 * One record of `municipalities_fi_YYYY.csv`, with the population column (named for its
 * date, `population_2024_12_31`) already renamed to `population`.
 */
export const municipalityCsvRecordSchema = z
	.object({
		code: municipalityCode,
		name_fi: label,
		name_sv: label,
		name_en: label,
		region_code: digits(/^\d{2}$/, '01'),
		region_fi: label,
		region_sv: label,
		wellbeing_county_code: digits(/^\d{1,2}$/, '16'),
		wellbeing_county_fi: label,
		wellbeing_county_sv: label,
		subregion_code: digits(/^\d{3}$/, '011'),
		subregion_fi: label,
		employment_area_code: digits(/^\d{1,3}$/, '18'),
		employment_area_fi: label,
		language_status_code: trimmed.regex(/^[0-3]$/, 'must be 0, 1, 2 or 3').transform(Number),
		language_status_fi: label,
		municipality_group_code: trimmed.regex(/^[1-3]$/, 'must be 1, 2 or 3').transform(Number),
		municipality_group_fi: label,
		population
	})
	.transform((r) => ({
		code: r.code,
		nameFi: r.name_fi,
		nameSv: r.name_sv,
		nameEn: r.name_en,
		regionCode: r.region_code,
		regionFi: r.region_fi,
		regionSv: r.region_sv,
		wellbeingCountyCode: r.wellbeing_county_code,
		wellbeingCountyFi: r.wellbeing_county_fi,
		wellbeingCountySv: r.wellbeing_county_sv,
		subregionCode: r.subregion_code,
		subregionFi: r.subregion_fi,
		employmentAreaCode: r.employment_area_code,
		employmentAreaFi: r.employment_area_fi,
		languageStatus: r.language_status_code,
		municipalityGroup: r.municipality_group_code,
		population: r.population
	}));

/** A municipality as the file gives it; `populationDate` is null when `population` is. */
export type MunicipalityRow = z.output<typeof municipalityCsvRecordSchema> & {
	populationDate: string | null;
};

/** A row of the `municipalities` table, less its timestamp: the file's fields and derived ones. */
export type MunicipalityRecord = MunicipalityRow & {
	sizeClass: number | null;
	searchKey: string;
	abolishedOn: string | null;
	mergedInto: string | null;
};

export type ExistingMunicipality = MunicipalityRecord;

/** The fields an import compares and writes, in the table's order. */
export const MUNICIPALITY_FIELDS = [
	'code',
	'nameFi',
	'nameSv',
	'nameEn',
	'regionCode',
	'regionFi',
	'regionSv',
	'wellbeingCountyCode',
	'wellbeingCountyFi',
	'wellbeingCountySv',
	'subregionCode',
	'subregionFi',
	'employmentAreaCode',
	'employmentAreaFi',
	'languageStatus',
	'municipalityGroup',
	'population',
	'populationDate',
	'sizeClass',
	'searchKey',
	'abolishedOn',
	'mergedInto'
] as const satisfies readonly (keyof MunicipalityRecord)[];

const csvColumns = Object.keys(municipalityCsvRecordSchema.in.shape).filter(
	(c) => c !== 'population'
);
const POPULATION_COLUMN = /^population_(\d{4})_(\d{2})_(\d{2})$/;

// ---------------------------------------------------------------------------------------------
// Reading CSV

export interface CsvProblem {
	/** 1-based line of the file; 1 is the header. */
	line: number;
	message: string;
}

interface CsvTable {
	header: string[];
	records: { line: number; fields: string[] }[];
	problems: CsvProblem[];
}

function readCsv(text: string): CsvTable {
	let parsed: { record: string[]; info: { lines: number } }[];
	try {
		// with `info`, each record comes with where it ends; the typings do not say so
		parsed = parse(text, {
			bom: true,
			info: true,
			relax_column_count: true,
			skip_empty_lines: true,
			record_delimiter: ['\r\n', '\n', '\r']
		}) as unknown as typeof parsed;
	} catch (e) {
		const line = (e as { lines?: number }).lines ?? 1;
		return {
			header: [],
			records: [],
			problems: [{ line, message: `not readable as CSV: ${(e as Error).message}` }]
		};
	}
	const rows = parsed
		.map((p) => ({ line: p.info.lines, fields: p.record }))
		.filter((r) => r.fields.some((f) => f.trim() !== ''));
	if (rows.length === 0) {
		return { header: [], records: [], problems: [{ line: 1, message: 'the file is empty' }] };
	}
	const header = rows[0]!.fields.map((h) => h.trim().toLowerCase());
	const problems: CsvProblem[] = [];
	const seen = new Set<string>();
	for (const name of header) {
		if (seen.has(name)) problems.push({ line: 1, message: `the column ${name} appears twice` });
		seen.add(name);
	}
	if (header.length === 1 && header[0]!.includes(';')) {
		problems.push({
			line: 1,
			message: 'the columns seem to be separated by semicolons; save the file with commas'
		});
	}
	return { header, records: rows.slice(1), problems };
}

function missingColumns(header: string[], required: string[]): CsvProblem[] {
	const missing = required.filter((c) => !header.includes(c));
	if (missing.length === 0) return [];
	return [
		{
			line: 1,
			message: `missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`
		}
	];
}

/** Maps a record's fields to its column names, or says why it cannot. */
function fieldsByColumn(
	header: string[],
	record: { line: number; fields: string[] }
): { values: Record<string, string> } | { problem: CsvProblem } {
	if (record.fields.length !== header.length) {
		return {
			problem: {
				line: record.line,
				message: `has ${record.fields.length} fields where the header has ${header.length}`
			}
		};
	}
	return { values: Object.fromEntries(header.map((name, i) => [name, record.fields[i]!])) };
}

function describeIssues(
	line: number,
	values: Record<string, string>,
	issues: z.core.$ZodIssue[],
	columnName: (key: string) => string = (k) => k
): CsvProblem[] {
	return issues.map((issue) => {
		const key = String(issue.path[0] ?? '');
		const value = values[key];
		const shown =
			value === undefined
				? ''
				: ` ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
		return { line, message: `${columnName(key)}${shown}: ${issue.message}` };
	});
}

/** Whether `text` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
	const d = new Date(`${text}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/**
 * The day a division takes effect when the file carries the population of the day before:
 * Statistics Finland publishes the division of year Y with the population on 31.12. of Y−1.
 */
export function effectiveDateOf(populationDate: string): string {
	const d = new Date(`${populationDate}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + 1);
	return d.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// The municipality file

export interface RegistryParseResult {
	/** The records that validated; use them only when `errors` is empty. */
	rows: MunicipalityRow[];
	/** From the population column's name; '' when that column is missing or malformed. */
	populationDate: string;
	errors: CsvProblem[];
}

/**
 * Reads a municipality file of Statistics Finland's columns (see data/README.md). Every
 * problem is reported with its line, so a file can be mended in one go. Only the file of
 * abolished municipalities may leave a population empty (`allowEmptyPopulation`).
 */
export function parseRegistryCsv(
	text: string,
	options: { allowEmptyPopulation?: boolean } = {}
): RegistryParseResult {
	const table = readCsv(text);
	const errors = [...table.problems];
	if (table.header.length === 0) return { rows: [], populationDate: '', errors };

	const populationColumns = table.header.filter((h) => POPULATION_COLUMN.test(h));
	const missing = [...csvColumns];
	let populationDate = '';
	if (populationColumns.length === 0) {
		missing.push('population_YYYY_MM_DD');
	} else if (populationColumns.length > 1) {
		errors.push({
			line: 1,
			message: `one population column expected, found ${populationColumns.join(', ')}`
		});
	} else {
		const [, y, m, d] = POPULATION_COLUMN.exec(populationColumns[0]!)!;
		populationDate = `${y}-${m}-${d}`;
		if (!isIsoDate(populationDate)) {
			errors.push({ line: 1, message: `${populationColumns[0]} does not name a real date` });
			populationDate = '';
		}
	}
	errors.push(...missingColumns(table.header, missing));
	if (errors.length > 0) return { rows: [], populationDate: '', errors };

	const populationColumn = populationColumns[0]!;
	const columnName = (key: string) => (key === 'population' ? populationColumn : key);
	const rows: MunicipalityRow[] = [];
	const lineOfCode = new Map<string, number>();
	for (const record of table.records) {
		const fields = fieldsByColumn(table.header, record);
		if ('problem' in fields) {
			errors.push(fields.problem);
			continue;
		}
		const values = fields.values;
		values.population = values[populationColumn]!;
		const result = municipalityCsvRecordSchema.safeParse(values);
		if (!result.success) {
			errors.push(...describeIssues(record.line, values, result.error.issues, columnName));
			continue;
		}
		const row = result.data;
		const earlier = lineOfCode.get(row.code);
		if (earlier !== undefined) {
			errors.push({ line: record.line, message: `code ${row.code} is already on line ${earlier}` });
			continue;
		}
		lineOfCode.set(row.code, record.line);
		if (row.population === null && !options.allowEmptyPopulation) {
			errors.push({
				line: record.line,
				message: `${populationColumn}: must not be empty for a current municipality`
			});
			continue;
		}
		rows.push({ ...row, populationDate: row.population === null ? null : populationDate });
	}
	if (errors.length === 0 && rows.length === 0) {
		errors.push({ line: 2, message: 'the file has a header but no municipalities' });
	}
	return { rows, populationDate, errors };
}

// ---------------------------------------------------------------------------------------------
// The file of known abolitions

const optionalCode = trimmed.refine((v) => v === '' || /^\d{3}$/.test(v), {
	message: 'must be empty or three digits with leading zeros, such as 507'
});

/** One record of `municipality_changes.csv`. */
export const municipalityChangeCsvRecordSchema = z
	.object({
		code: municipalityCode,
		name_fi: label,
		name_sv: label,
		abolished_on: trimmed.refine(isIsoDate, 'must be a date written YYYY-MM-DD'),
		merged_into: optionalCode.transform((v) => (v === '' ? null : v))
	})
	.refine((r) => r.merged_into !== r.code, {
		message: 'a municipality cannot merge into itself',
		path: ['merged_into']
	})
	.transform((r) => ({
		code: r.code,
		nameFi: r.name_fi,
		nameSv: r.name_sv,
		abolishedOn: r.abolished_on,
		mergedInto: r.merged_into
	}));

export type MunicipalityChange = z.output<typeof municipalityChangeCsvRecordSchema>;

const changeColumns = Object.keys(municipalityChangeCsvRecordSchema.in.shape);

/** Reads the list of known abolitions: `code,name_fi,name_sv,abolished_on,merged_into`. */
export function parseMunicipalityChanges(text: string): {
	changes: MunicipalityChange[];
	errors: CsvProblem[];
} {
	const table = readCsv(text);
	const errors = [...table.problems];
	if (table.header.length === 0) return { changes: [], errors };
	errors.push(...missingColumns(table.header, changeColumns));
	if (errors.length > 0) return { changes: [], errors };

	const changes: MunicipalityChange[] = [];
	const lineOfCode = new Map<string, number>();
	for (const record of table.records) {
		const fields = fieldsByColumn(table.header, record);
		if ('problem' in fields) {
			errors.push(fields.problem);
			continue;
		}
		const values = fields.values;
		const result = municipalityChangeCsvRecordSchema.safeParse(values);
		if (!result.success) {
			errors.push(...describeIssues(record.line, values, result.error.issues));
			continue;
		}
		const earlier = lineOfCode.get(result.data.code);
		if (earlier !== undefined) {
			errors.push({
				line: record.line,
				message: `code ${result.data.code} is already on line ${earlier}`
			});
			continue;
		}
		lineOfCode.set(result.data.code, record.line);
		changes.push(result.data);
	}
	return { changes, errors };
}

// ---------------------------------------------------------------------------------------------
// Checks across the files

export type RegistryFileKind = 'registry' | 'abolished' | 'changes';

export interface RegistryProblem {
	file: RegistryFileKind;
	/** Null when the problem is between files rather than on one line. */
	line: number | null;
	message: string;
}

/** A file could not be imported; nothing was written. */
export class RegistryFileError extends Error {
	constructor(public readonly problems: RegistryProblem[]) {
		const shown = problems
			.slice(0, 20)
			.map((p) => `  - ${p.file}${p.line === null ? '' : ` line ${p.line}`}: ${p.message}`);
		if (problems.length > 20) shown.push(`  … and ${problems.length - 20} more`);
		super(`The registry files have ${problems.length} problem(s):\n${shown.join('\n')}`);
		this.name = 'RegistryFileError';
	}
}

/**
 * What no single file can show: a municipality both current and abolished, an abolition
 * without a date, a merger into a code nobody knows, a change naming the wrong municipality.
 */
export function checkRegistryFiles(input: {
	existing: ExistingMunicipality[];
	incoming: MunicipalityRow[];
	abolished: MunicipalityRow[];
	changes: MunicipalityChange[];
}): RegistryProblem[] {
	const problems: RegistryProblem[] = [];
	const existing = new Map(input.existing.map((m) => [m.code, m]));
	const incoming = new Set(input.incoming.map((m) => m.code));
	const abolished = new Map(input.abolished.map((m) => [m.code, m]));
	const changes = new Map(input.changes.map((c) => [c.code, c]));

	for (const row of input.abolished) {
		if (incoming.has(row.code)) {
			problems.push({
				file: 'abolished',
				line: null,
				message: `${row.code} ${row.nameFi} is also in the file of current municipalities`
			});
		} else if (!existing.has(row.code) && !changes.has(row.code)) {
			problems.push({
				file: 'abolished',
				line: null,
				message: `${row.code} ${row.nameFi} has no row in the changes file to say when it was abolished`
			});
		}
	}
	for (const change of input.changes) {
		if (incoming.has(change.code)) continue; // still current: the change does not apply
		const known = existing.get(change.code) ?? abolished.get(change.code);
		if (!known) continue; // an abolition older than our registry
		if (known.nameFi !== change.nameFi) {
			problems.push({
				file: 'changes',
				line: null,
				message: `${change.code} is ${known.nameFi} in the registry but ${change.nameFi} in the changes file`
			});
		}
		const target = change.mergedInto;
		if (
			target !== null &&
			!incoming.has(target) &&
			!existing.has(target) &&
			!abolished.has(target)
		) {
			problems.push({
				file: 'changes',
				line: null,
				message: `${change.code} ${change.nameFi} merges into ${target}, which is no known municipality`
			});
		}
	}
	return problems;
}

// ---------------------------------------------------------------------------------------------
// The plan

export type MunicipalityFields = Partial<MunicipalityRecord>;

export interface RegistryImportPlan {
	/** New rows, current ones first, then abolished ones with every merger target before them. */
	added: MunicipalityRecord[];
	/** Rows to update: only the fields that differ. A restored municipality is here too. */
	changed: {
		code: string;
		nameFi: string;
		before: MunicipalityFields;
		after: MunicipalityFields;
	}[];
	/** Current municipalities missing from the file. */
	abolished: { code: string; nameFi: string; mergedInto: string | null; on: string }[];
	/** Municipalities of the file that are already exactly so. */
	unchanged: number;
}

/** The full record of a row: derived fields computed, abolition as given. */
export function toMunicipalityRecord(
	row: MunicipalityRow,
	abolition: { abolishedOn: string | null; mergedInto: string | null } = {
		abolishedOn: null,
		mergedInto: null
	}
): MunicipalityRecord {
	return {
		...row,
		sizeClass: row.population === null ? null : sizeClassOf(row.population),
		searchKey: searchKey(row.nameSv === row.nameFi ? row.nameFi : `${row.nameFi} ${row.nameSv}`),
		abolishedOn: abolition.abolishedOn,
		mergedInto: abolition.mergedInto
	};
}

function difference(
	before: MunicipalityRecord,
	after: MunicipalityRecord
): { before: MunicipalityFields; after: MunicipalityFields } | null {
	const b: Record<string, unknown> = {};
	const a: Record<string, unknown> = {};
	for (const field of MUNICIPALITY_FIELDS) {
		if (before[field] !== after[field]) {
			b[field] = before[field];
			a[field] = after[field];
		}
	}
	return Object.keys(a).length ? { before: b, after: a } : null;
}

/** Abolished rows ordered so that a merger target is inserted before what merges into it. */
function mergerTargetsFirst(rows: MunicipalityRecord[]): MunicipalityRecord[] {
	const pending = new Map(rows.map((r) => [r.code, r]));
	const ordered: MunicipalityRecord[] = [];
	while (pending.size > 0) {
		const ready = [...pending.values()].filter(
			(r) => r.mergedInto === null || !pending.has(r.mergedInto)
		);
		// A cycle cannot be inserted in any order; leave it to the database to refuse.
		const next = ready.length > 0 ? ready : [...pending.values()];
		for (const r of next) {
			ordered.push(r);
			pending.delete(r.code);
		}
	}
	return ordered;
}

const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);

/**
 * What importing a file would do to the registry. The file lists every current
 * municipality: one it lacks is abolished, on the date and into the municipality the changes
 * list gives, else on `effectiveDate` into none. A file row that was abolished is restored.
 * Rows of the abolished file are added only if the registry does not have them yet.
 */
export function planRegistryImport(
	existing: ExistingMunicipality[],
	incoming: MunicipalityRow[],
	changes: MunicipalityChange[],
	effectiveDate: string,
	options: { abolished?: MunicipalityRow[] } = {}
): RegistryImportPlan {
	const existingByCode = new Map(existing.map((m) => [m.code, m]));
	const incomingCodes = new Set(incoming.map((m) => m.code));
	const changeByCode = new Map(changes.map((c) => [c.code, c]));
	const added: MunicipalityRecord[] = [];
	const addedAbolished: MunicipalityRecord[] = [];
	const changed: RegistryImportPlan['changed'] = [];
	const abolished: RegistryImportPlan['abolished'] = [];
	let unchanged = 0;

	for (const row of incoming) {
		const next = toMunicipalityRecord(row);
		const before = existingByCode.get(row.code);
		if (!before) {
			added.push(next);
			continue;
		}
		const diff = difference(before, next);
		if (diff) changed.push({ code: row.code, nameFi: row.nameFi, ...diff });
		else unchanged++;
	}

	for (const row of options.abolished ?? []) {
		if (incomingCodes.has(row.code) || existingByCode.has(row.code)) continue;
		const change = changeByCode.get(row.code);
		addedAbolished.push(
			toMunicipalityRecord(row, {
				abolishedOn: change?.abolishedOn ?? effectiveDate,
				mergedInto: change?.mergedInto ?? null
			})
		);
	}

	for (const before of existing) {
		if (incomingCodes.has(before.code)) continue;
		const change = changeByCode.get(before.code);
		if (before.abolishedOn === null) {
			abolished.push({
				code: before.code,
				nameFi: before.nameFi,
				mergedInto: change?.mergedInto ?? null,
				on: change?.abolishedOn ?? effectiveDate
			});
		} else if (change) {
			const diff = difference(before, {
				...before,
				abolishedOn: change.abolishedOn,
				mergedInto: change.mergedInto
			});
			if (diff) changed.push({ code: before.code, nameFi: before.nameFi, ...diff });
		}
	}

	return {
		added: [...added.sort(byCode), ...mergerTargetsFirst(addedAbolished.sort(byCode))],
		changed: changed.sort(byCode),
		abolished: abolished.sort(byCode),
		unchanged
	};
}

/** Whether a plan would write nothing. */
export function isEmptyPlan(plan: RegistryImportPlan): boolean {
	return plan.added.length === 0 && plan.changed.length === 0 && plan.abolished.length === 0;
}
