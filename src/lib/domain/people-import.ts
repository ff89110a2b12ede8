import { z } from 'zod';
import { LOCALES, type Locale } from '../i18n/locales';
import { POSITIONS, type Position } from './positions';
import { searchKey } from './search-key';

/*
 * Adding a municipality's people from a spreadsheet: which column is which, what each row
 * would do, and what is wrong with it. Pure: the caller reads the file and the database,
 * shows the plan as a preview and applies it only when no row has an error.
 *
 * On an update an empty cell (or a column the file lacks) keeps what the person has: a
 * list of names and addresses must not wipe the titles and positions kept in Verkosto.
 */

// ---------------------------------------------------------------------------------------------
// Limits and columns

export const PEOPLE_IMPORT_LIMITS = {
	/** Bytes of the uploaded file; a municipality's people fit in far less. */
	maxBytes: 2 * 1024 * 1024,
	/** People in one file, blank rows not counted. */
	maxRows: 2000,
	maxName: 200,
	maxTitle: 200,
	/** RFC 5321's limit for a whole address. */
	maxEmail: 254
} as const;

export const PEOPLE_IMPORT_FIELDS = ['name', 'email', 'title', 'positions', 'language'] as const;
export type PeopleImportField = (typeof PEOPLE_IMPORT_FIELDS)[number];
export const REQUIRED_FIELDS = ['name', 'email'] as const satisfies readonly PeopleImportField[];

/** The header to write in each language, e.g. in a template or an error message. */
export const COLUMN_HEADERS: Record<PeopleImportField, Record<Locale, string>> = {
	name: { fi: 'nimi', sv: 'namn', en: 'name' },
	email: { fi: 'sähköposti', sv: 'e-post', en: 'email' },
	title: { fi: 'tehtävänimike', sv: 'titel', en: 'title' },
	positions: { fi: 'asemat', sv: 'positioner', en: 'positions' },
	language: { fi: 'kieli', sv: 'språk', en: 'language' }
};

/** Other headers people write for the same column; compared by searchKey. */
const HEADER_SYNONYMS: Record<PeopleImportField, string[]> = {
	name: ['koko nimi', 'fullständigt namn', 'full name'],
	email: [
		'sähköpostiosoite',
		's-posti',
		'e-postadress',
		'epost',
		'e-mail',
		'email address',
		'e-mail address'
	],
	title: ['nimike', 'virkanimike', 'befattning', 'yrkestitel', 'job title'],
	positions: ['asema', 'position'],
	language: ['asiointikieli', 'kommunikationsspråk', 'lang']
};

/** A lookup table that refuses, when the module loads, a key given two meanings. */
function lookup<T>(entries: (readonly [string, T])[]): Map<string, T> {
	const map = new Map<string, T>();
	for (const [key, value] of entries) {
		const known = map.get(key);
		if (known !== undefined && known !== value) {
			throw new Error(`"${key}" means both ${String(known)} and ${String(value)}`);
		}
		map.set(key, value);
	}
	return map;
}

const HEADER_INDEX = lookup(
	PEOPLE_IMPORT_FIELDS.flatMap((field) =>
		[...Object.values(COLUMN_HEADERS[field]), ...HEADER_SYNONYMS[field]].map(
			(header) => [searchKey(header), field] as const
		)
	)
);

/** The field a header names, whatever its language, case or accents; undefined if none. */
export function fieldOfHeader(header: string): PeopleImportField | undefined {
	return HEADER_INDEX.get(searchKey(header));
}

// ---------------------------------------------------------------------------------------------
// Positions and languages as people write them

/** The label of each position in each language, as a contact person would write it. */
export const POSITION_LABELS: Record<Position, Record<Locale, string>> = {
	municipal_manager: { fi: 'kunnanjohtaja', sv: 'kommundirektör', en: 'municipal manager' },
	administrative_director: {
		fi: 'hallintojohtaja',
		sv: 'förvaltningsdirektör',
		en: 'administrative director'
	},
	board_chair: {
		fi: 'kunnanhallituksen puheenjohtaja',
		sv: 'kommunstyrelsens ordförande',
		en: 'board chair'
	},
	board_member: { fi: 'kunnanhallituksen jäsen', sv: 'kommunstyrelseledamot', en: 'board member' },
	council_chair: {
		fi: 'valtuuston puheenjohtaja',
		sv: 'fullmäktiges ordförande',
		en: 'council chair'
	},
	council_vice_chair: {
		fi: 'valtuuston varapuheenjohtaja',
		sv: 'fullmäktiges vice ordförande',
		en: 'council vice chair'
	},
	council_member: { fi: 'valtuutettu', sv: 'fullmäktigeledamot', en: 'council member' },
	management_team_member: {
		fi: 'johtoryhmän jäsen',
		sv: 'medlem i ledningsgruppen',
		en: 'management team member'
	},
	developer: { fi: 'kehittäjä', sv: 'utvecklare', en: 'developer' },
	contact_person: { fi: 'yhdyshenkilö', sv: 'kontaktperson', en: 'contact person' },
	other: { fi: 'muu', sv: 'annan', en: 'other' }
};

/** Other ways to write a position: cities (kaupunki, stad) and the long forms. */
const POSITION_SYNONYMS: Record<Position, string[]> = {
	municipal_manager: [
		'kaupunginjohtaja',
		'pormestari',
		'stadsdirektör',
		'borgmästare',
		'mayor',
		'city manager',
		'chief executive'
	],
	administrative_director: ['förvaltningschef', 'director of administration'],
	board_chair: [
		'kaupunginhallituksen puheenjohtaja',
		'hallituksen puheenjohtaja',
		'stadsstyrelsens ordförande',
		'ordförande för kommunstyrelsen',
		'chair of the municipal board',
		'chair of the board',
		'board chairperson'
	],
	board_member: [
		'kaupunginhallituksen jäsen',
		'hallituksen jäsen',
		'stadsstyrelseledamot',
		'ledamot i kommunstyrelsen',
		'ledamot av kommunstyrelsen',
		'member of the municipal board'
	],
	council_chair: [
		'kunnanvaltuuston puheenjohtaja',
		'kaupunginvaltuuston puheenjohtaja',
		'kommunfullmäktiges ordförande',
		'stadsfullmäktiges ordförande',
		'chair of the council',
		'council chairperson'
	],
	council_vice_chair: [
		'kunnanvaltuuston varapuheenjohtaja',
		'kaupunginvaltuuston varapuheenjohtaja',
		'kommunfullmäktiges vice ordförande',
		'stadsfullmäktiges vice ordförande',
		'vice chair of the council',
		'council vice chairperson'
	],
	council_member: [
		'valtuuston jäsen',
		'kunnanvaltuutettu',
		'kaupunginvaltuutettu',
		'kunnanvaltuuston jäsen',
		'kaupunginvaltuuston jäsen',
		'kommunfullmäktigeledamot',
		'stadsfullmäktigeledamot',
		'ledamot i fullmäktige',
		'councillor',
		'councilor',
		'member of the council'
	],
	management_team_member: [
		'johtoryhmä',
		'ledningsgruppsmedlem',
		'ledningsgruppen',
		'management team',
		'member of the management team'
	],
	developer: ['utvecklingsperson'],
	contact_person: ['kontaktpersonen', 'kontakt person'],
	other: ['övrig', 'övriga']
};

/** Ordinals as in "valtuuston 1. varapuheenjohtaja": the first and second vice-chair alike. */
function positionKey(text: string): string {
	return searchKey(text)
		.split(' ')
		.filter((token) => !/^\d+$/.test(token))
		.join(' ');
}

// searchKey turns "board_member" into "board member", so the codes are found as labels too
const POSITION_INDEX = lookup(
	POSITIONS.flatMap((position) =>
		[position, ...Object.values(POSITION_LABELS[position]), ...POSITION_SYNONYMS[position]].map(
			(label) => [positionKey(label), position] as const
		)
	)
);

/** The position a label or code names, in any of the three languages; undefined if none. */
export function positionOfLabel(label: string): Position | undefined {
	return POSITION_INDEX.get(positionKey(label));
}

// not "se": that is Northern Sami, spoken in Utsjoki and Inari
const LANGUAGE_NAMES: Record<Locale, string[]> = {
	fi: ['fi', 'fin', 'suomi', 'suomeksi', 'finska', 'på finska', 'finnish', 'in finnish'],
	sv: ['sv', 'swe', 'ruotsi', 'ruotsiksi', 'svenska', 'på svenska', 'swedish'],
	en: ['en', 'eng', 'englanti', 'englanniksi', 'engelska', 'på engelska', 'english']
};

const LANGUAGE_INDEX = lookup(
	LOCALES.flatMap((locale) => LANGUAGE_NAMES[locale].map((n) => [searchKey(n), locale] as const))
);

/** The language a cell names ("sv", "svenska", "ruotsi", "sv-FI"); undefined if none. */
export function localeOfLabel(label: string): Locale | undefined {
	const key = searchKey(label);
	// a language tag such as "sv-FI" or "en_GB" by its language
	const tag = /^([a-z]{2}) [a-z]{2}$/.exec(key)?.[1];
	return LANGUAGE_INDEX.get(key) ?? (tag ? LANGUAGE_INDEX.get(tag) : undefined);
}

// ---------------------------------------------------------------------------------------------
// Errors: catalogue keys are made of these codes, the params fill the message

/**
 * What is wrong with one row. Params: `name_too_long`, `title_too_long` {max};
 * `email_duplicate_in_file` {line} (the row that has the address first);
 * `position_unknown`, `language_unknown` {value} (as written, cut at 60 characters); `control_characters` {column}
 * (the header as written in the file).
 */
export type RowErrorCode =
	| 'name_missing'
	| 'name_too_long'
	| 'email_missing'
	| 'email_invalid'
	| 'email_duplicate_in_file'
	| 'email_taken'
	| 'title_too_long'
	| 'position_unknown'
	| 'language_unknown'
	| 'control_characters';

export interface RowError {
	code: RowErrorCode;
	field: PeopleImportField;
	params?: Record<string, string | number>;
}

/** What is wrong with the file as a whole; nothing of it is imported. */
export type FileError =
	/** Larger than PEOPLE_IMPORT_LIMITS.maxBytes. */
	| { code: 'file_too_large'; params: { maxMegabytes: number } }
	/** Neither a CSV text file nor an XLSX workbook (by name and by content). */
	| { code: 'file_type' }
	/** A CSV file not in UTF-8: the fix is to save it as "CSV UTF-8". */
	| { code: 'encoding' }
	/** An XLSX file that is damaged or has no worksheet. */
	| { code: 'unreadable' }
	/** A CSV file whose quotes do not close, from the line where the broken field starts. */
	| { code: 'csv_syntax'; params: { line: number } }
	/** Required columns not found; `columns` lists their headers in fi / sv / en. */
	| { code: 'missing_columns'; params: { columns: string }; fields: PeopleImportField[] }
	/** Two columns of the file mean the same field; `column` is the second, as written. */
	| { code: 'duplicate_column'; params: { column: string } }
	/** A header but no person, or nothing at all. */
	| { code: 'no_rows' }
	| { code: 'too_many_rows'; params: { max: number; count: number } }
	/** Someone else added one of the addresses while the import ran; preview again. */
	| { code: 'concurrent_change' };

export type FileErrorCode = FileError['code'];

// ---------------------------------------------------------------------------------------------
// The plan

/** A table of text cells as read from a file: the header row and the rows below it. */
export interface PeopleTable {
	headers: string[];
	rows: string[][];
	/** The line (CSV) or row number (XLSX) of each row, for messages; default: index + 2. */
	lines?: number[];
}

/** What an existing person has, found by e-mail. */
export interface ExistingPerson {
	/** Null for network staff. */
	municipalityCode: string | null;
	name: string;
	title: string;
	positions: readonly Position[];
	locale: Locale;
	/** An erased person's address is never given to someone else. */
	erased?: boolean;
}

export interface PersonValues {
	name: string;
	/** Lower-cased. */
	email: string;
	title: string;
	/** In POSITIONS order, each once. */
	positions: Position[];
	locale: Locale;
}

export type UpdatableFields = Pick<PersonValues, 'name' | 'title' | 'positions' | 'locale'>;

/**
 * `create` a new person; `update` one of this municipality's; `unchanged` one who already
 * has these values; `invalid` a row with errors, which stops the whole import.
 */
export type RowAction = 'create' | 'update' | 'unchanged' | 'invalid';

export interface PlannedRow {
	line: number;
	/** The person as they will be after the import (for an invalid row: as far as readable). */
	values: PersonValues;
	errors: RowError[];
	action: RowAction;
	/** For an update: only the fields that change, before and after. */
	changes: { before: Partial<UpdatableFields>; after: Partial<UpdatableFields> } | null;
}

export interface PeopleImportPlan {
	/** The column index of each field, null if the file has none. */
	columns: Record<PeopleImportField, number | null>;
	/** Headers the file has that are not ours: shown so a misspelt one is noticed. */
	ignoredColumns: string[];
	rows: PlannedRow[];
	fileErrors: FileError[];
	summary: Record<RowAction, number>;
}

export interface PlanOptions {
	/** Everyone already in Verkosto whose address the file has, by lower-case e-mail. */
	existingEmails: ReadonlyMap<string, ExistingPerson>;
	/** The municipality whose people are being imported. */
	municipalityCode: string;
	/** The language of a new person whose row leaves it empty. */
	defaultLocale: Locale;
}

const noColumns = (): Record<PeopleImportField, number | null> => ({
	name: null,
	email: null,
	title: null,
	positions: null,
	language: null
});

/** A plan that imports nothing because of what is wrong with the file. */
export function failedPlan(
	error: FileError,
	columns: Record<PeopleImportField, number | null> = noColumns()
): PeopleImportPlan {
	return {
		columns,
		ignoredColumns: [],
		rows: [],
		fileErrors: [error],
		summary: summarise([])
	};
}

/** True when the plan may be applied: a readable file, at least one row, no row with errors. */
export function isImportable(plan: PeopleImportPlan): boolean {
	return plan.fileErrors.length === 0 && plan.rows.length > 0 && plan.summary.invalid === 0;
}

/** The addresses a plan needs to look up, for one query. */
export function emailsOfTable(table: PeopleTable): string[] {
	const index = table.headers.findIndex((h) => fieldOfHeader(h) === 'email');
	if (index < 0) return [];
	const emails = new Set<string>();
	for (const row of table.rows) {
		const email = emailOfCell(row[index] ?? '');
		if (email) emails.add(email);
	}
	return [...emails];
}

/**
 * Works out what importing a table would do. Blank rows are left out; every other row gets
 * an action and all of its errors at once, so a file can be mended in one go.
 */
export function planPeopleImport(table: PeopleTable, options: PlanOptions): PeopleImportPlan {
	const mapped = mapColumns(table.headers);
	if ('error' in mapped) return failedPlan(mapped.error);
	const { columns, ignored, headerOf } = mapped;

	const people = table.rows
		.map((cells, i) => ({ cells, line: table.lines?.[i] ?? i + 2 }))
		.filter((r) => r.cells.some((c) => c.trim() !== ''));
	if (people.length === 0) return failedPlan({ code: 'no_rows' }, columns);
	if (people.length > PEOPLE_IMPORT_LIMITS.maxRows) {
		return failedPlan(
			{
				code: 'too_many_rows',
				params: { max: PEOPLE_IMPORT_LIMITS.maxRows, count: people.length }
			},
			columns
		);
	}

	const firstLineOf = new Map<string, number>();
	const rows = people.map(({ cells, line }) => {
		const cell = (field: PeopleImportField) => {
			const index = columns[field];
			return index === null ? '' : (cells[index] ?? '');
		};
		const row = readRow(cell, headerOf);
		const errors = row.errors;
		const email = row.email;
		if (email && !errors.some((e) => e.field === 'email')) {
			const first = firstLineOf.get(email);
			if (first !== undefined) {
				errors.push({ code: 'email_duplicate_in_file', field: 'email', params: { line: first } });
			} else {
				firstLineOf.set(email, line);
			}
		}
		const existing = email ? options.existingEmails.get(email) : undefined;
		if (existing && (existing.erased || existing.municipalityCode !== options.municipalityCode)) {
			errors.push({ code: 'email_taken', field: 'email' });
		}
		return decide(line, row, existing, options.defaultLocale);
	});

	return { columns, ignoredColumns: ignored, rows, fileErrors: [], summary: summarise(rows) };
}

/**
 * The plan with `email_taken` on the rows of an address that the database refused as taken
 * (another import added it meanwhile).
 */
export function withEmailTaken(plan: PeopleImportPlan, email: string): PeopleImportPlan {
	const rows = plan.rows.map((row): PlannedRow => {
		if (row.values.email !== email || row.errors.some((e) => e.code === 'email_taken')) return row;
		return {
			...row,
			errors: [...row.errors, { code: 'email_taken', field: 'email' }],
			action: 'invalid',
			changes: null
		};
	});
	return { ...plan, rows, summary: summarise(rows) };
}

// ---------------------------------------------------------------------------------------------
// Columns

type ColumnMapping =
	| {
			columns: Record<PeopleImportField, number | null>;
			ignored: string[];
			headerOf: (field: PeopleImportField) => string;
	  }
	| { error: FileError };

function mapColumns(headers: string[]): ColumnMapping {
	if (headers.every((h) => h.trim() === '')) return { error: { code: 'no_rows' } };
	const columns = noColumns();
	const ignored: string[] = [];
	for (const [index, header] of headers.entries()) {
		const field = fieldOfHeader(header);
		if (!field) {
			if (header.trim() !== '') ignored.push(header.trim());
			continue;
		}
		if (columns[field] !== null) {
			return { error: { code: 'duplicate_column', params: { column: header.trim() } } };
		}
		columns[field] = index;
	}
	const missing = REQUIRED_FIELDS.filter((f) => columns[f] === null);
	if (missing.length > 0) {
		return {
			error: {
				code: 'missing_columns',
				params: {
					columns: missing.map((f) => Object.values(COLUMN_HEADERS[f]).join(' / ')).join(', ')
				},
				fields: missing
			}
		};
	}
	return {
		columns,
		ignored,
		headerOf: (field) => headers[columns[field] ?? -1]?.trim() || COLUMN_HEADERS[field].fi
	};
}

// ---------------------------------------------------------------------------------------------
// One row

// C0/C1 control characters other than tab, as in the form fields (lib/schemas/fields.ts)
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LINE_BREAK = /[\r\n\u2028\u2029]/;
const emailSchema = z.email();

/** Spaces as a spreadsheet leaves them (doubled, tabs, no-break) folded to one. */
function tidy(text: string): string {
	return text.replace(/[ \t\u00a0\u202f]+/g, ' ').trim();
}

/** A value quoted back in a message, cut short: a cell may hold a whole pasted page. */
function quoted(value: string): string {
	return value.length > 60 ? `${value.slice(0, 59)}…` : value;
}

/** An address as stored: lower case, without a spreadsheet link's "mailto:". */
function emailOfCell(text: string): string {
	return tidy(text)
		.replace(/^mailto:/i, '')
		.trim()
		.toLowerCase();
}

interface ReadRow {
	name: string;
	email: string;
	title: string;
	/** Null when the cell is empty: an update keeps the person's positions. */
	positions: Position[] | null;
	/** Null when the cell is empty. */
	locale: Locale | null;
	errors: RowError[];
}

function readRow(
	cell: (field: PeopleImportField) => string,
	headerOf: (field: PeopleImportField) => string
): ReadRow {
	const errors: RowError[] = [];
	const singleLine = (field: PeopleImportField): string => {
		const raw = cell(field);
		if (CONTROL.test(raw) || LINE_BREAK.test(raw)) {
			errors.push({ code: 'control_characters', field, params: { column: headerOf(field) } });
		}
		return tidy(raw);
	};
	const { maxName, maxTitle, maxEmail } = PEOPLE_IMPORT_LIMITS;

	const name = singleLine('name');
	if (name === '') errors.push({ code: 'name_missing', field: 'name' });
	else if (name.length > maxName) {
		errors.push({ code: 'name_too_long', field: 'name', params: { max: maxName } });
	}

	const email = emailOfCell(singleLine('email'));
	if (email === '') errors.push({ code: 'email_missing', field: 'email' });
	else if (email.length > maxEmail || !emailSchema.safeParse(email).success) {
		errors.push({ code: 'email_invalid', field: 'email' });
	}

	const title = singleLine('title');
	if (title.length > maxTitle) {
		errors.push({ code: 'title_too_long', field: 'title', params: { max: maxTitle } });
	}

	// one position a line is fine here: a spreadsheet cell may well be written so
	const positionsCell = cell('positions');
	if (CONTROL.test(positionsCell)) {
		errors.push({
			code: 'control_characters',
			field: 'positions',
			params: { column: headerOf('positions') }
		});
	}
	const labels = positionsCell
		.split(/[,;\r\n\u2028\u2029]+/)
		.map(tidy)
		.filter((l) => l !== '');
	const found = new Set<Position>();
	for (const label of labels) {
		const position = positionOfLabel(label);
		if (position) found.add(position);
		else
			errors.push({
				code: 'position_unknown',
				field: 'positions',
				params: { value: quoted(label) }
			});
	}
	const positions = labels.length ? POSITIONS.filter((p) => found.has(p)) : null;

	const language = singleLine('language');
	let locale: Locale | null = null;
	if (language !== '') {
		locale = localeOfLabel(language) ?? null;
		if (!locale) {
			errors.push({
				code: 'language_unknown',
				field: 'language',
				params: { value: quoted(language) }
			});
		}
	}

	return { name, email, title, positions, locale, errors };
}

function decide(
	line: number,
	row: ReadRow,
	existing: ExistingPerson | undefined,
	defaultLocale: Locale
): PlannedRow {
	// an address of someone else is an error by now, so this is one of the municipality's people
	const before: UpdatableFields | null =
		existing && row.errors.length === 0
			? {
					name: existing.name,
					title: existing.title,
					positions: POSITIONS.filter((p) => existing.positions.includes(p)),
					locale: existing.locale
				}
			: null;
	const values: PersonValues = {
		name: row.name,
		email: row.email,
		title: row.title || before?.title || '',
		positions: row.positions ?? before?.positions ?? [],
		locale: row.locale ?? before?.locale ?? defaultLocale
	};
	if (row.errors.length > 0) {
		return { line, values, errors: row.errors, action: 'invalid', changes: null };
	}
	if (!before) return { line, values, errors: [], action: 'create', changes: null };

	const changes = changedFields(before, {
		name: values.name,
		title: values.title,
		positions: values.positions,
		locale: values.locale
	});
	return { line, values, errors: [], action: changes ? 'update' : 'unchanged', changes };
}

function changedFields(before: UpdatableFields, after: UpdatableFields): PlannedRow['changes'] {
	const b: Partial<UpdatableFields> = {};
	const a: Partial<UpdatableFields> = {};
	for (const key of Object.keys(after) as (keyof UpdatableFields)[]) {
		if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
			Object.assign(b, { [key]: before[key] });
			Object.assign(a, { [key]: after[key] });
		}
	}
	return Object.keys(a).length ? { before: b, after: a } : null;
}

function summarise(rows: PlannedRow[]): Record<RowAction, number> {
	const summary: Record<RowAction, number> = { create: 0, update: 0, unchanged: 0, invalid: 0 };
	for (const row of rows) summary[row.action]++;
	return summary;
}
