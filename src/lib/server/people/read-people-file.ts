import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { inflateRawSync } from 'node:zlib';
import {
	fieldOfHeader,
	PEOPLE_IMPORT_LIMITS,
	type FileError,
	type PeopleTable
} from '../../domain/people-import';

/** A file as uploaded: its name, the type the browser claimed and its bytes. */
export interface UploadedFile {
	name: string;
	type: string;
	bytes: Uint8Array;
}

export type ReadPeopleFileResult =
	{ ok: true; format: 'csv' | 'xlsx'; table: PeopleTable } | { ok: false; error: FileError };

/**
 * Bytes an XLSX may unpack to. Its parts are XML that compresses some tenfold, so this is far
 * more than 2,000 people need, yet a crafted 2 MB file can no longer unpack to gigabytes.
 */
const MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;

/**
 * Reads a CSV or XLSX file into a table of text cells: the first non-blank row is the header.
 * The file name's extension says which it should be and the content must agree; the type the
 * browser sends is not used, as Windows labels CSV files `application/vnd.ms-excel`.
 */
export async function readPeopleFile(file: UploadedFile): Promise<ReadPeopleFileResult> {
	const { maxBytes } = PEOPLE_IMPORT_LIMITS;
	if (file.bytes.byteLength > maxBytes) {
		return fail({ code: 'file_too_large', params: { maxMegabytes: maxBytes / 1024 / 1024 } });
	}
	const extension = /\.([a-z0-9]+)$/i.exec(file.name.trim())?.[1]?.toLowerCase();
	if (extension === 'xlsx') return readXlsx(file.bytes);
	if (extension === 'csv') return readCsv(file.bytes);
	return fail({ code: 'file_type' });
}

function fail(error: FileError): ReadPeopleFileResult {
	return { ok: false, error };
}

// ---------------------------------------------------------------------------------------------
// CSV

/** The first bytes of files that are often picked by mistake: ZIP (XLSX, DOCX), PDF, old
 * Office, Windows programs, images. */
const BINARY_SIGNATURES = [
	[0x50, 0x4b, 0x03, 0x04],
	[0x25, 0x50, 0x44, 0x46],
	[0xd0, 0xcf, 0x11, 0xe0],
	[0x4d, 0x5a],
	[0x89, 0x50, 0x4e, 0x47],
	[0xff, 0xd8, 0xff],
	[0x47, 0x49, 0x46, 0x38]
];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
	return signature.every((b, i) => bytes[i] === b);
}

function readCsv(bytes: Uint8Array): ReadPeopleFileResult {
	// Excel's "Unicode text" is UTF-16: say how to save it, not that it is no CSV
	if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
		return fail({ code: 'encoding' });
	}
	if (BINARY_SIGNATURES.some((s) => startsWith(bytes, s)) || bytes.includes(0)) {
		return fail({ code: 'file_type' });
	}
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return fail({ code: 'encoding' });
	}
	text = text.replace(/^\ufeff/, '');

	// Excel writes "sep=;" first when it wants to name the delimiter
	let lineOffset = 0;
	let delimiter: string | undefined;
	const sep = /^sep=(.)\r?\n/i.exec(text);
	if (sep) {
		delimiter = sep[1]!;
		text = text.slice(sep[0].length);
		lineOffset = 1;
	}
	delimiter ??= detectDelimiter(text);

	let parsed: { record: string[]; info: { lines: number } }[];
	try {
		// with `info`, each record comes with the line where it ends; the typings do not say so
		parsed = parse(text, {
			delimiter,
			info: true,
			relax_column_count: true,
			relax_quotes: true,
			skip_empty_lines: true,
			record_delimiter: ['\r\n', '\n', '\r']
		}) as unknown as typeof parsed;
	} catch (e) {
		const line = (e as { lines?: number }).lines ?? 1;
		return fail({ code: 'csv_syntax', params: { line: line + lineOffset } });
	}
	const records = parsed.map(({ record, info }) => ({
		cells: record,
		// where the record starts: a quoted field may span lines
		line: info.lines - lineBreaksIn(record) + lineOffset
	}));
	return { ok: true, format: 'csv', table: toTable(records) };
}

function lineBreaksIn(cells: string[]): number {
	return cells.reduce((n, c) => n + (c.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
}

/** `;` (Excel in Finland and Sweden) or `,` (elsewhere), whichever the header has more of. */
function detectDelimiter(text: string): string {
	const header = /^[\r\n]*([^\r\n]*)/.exec(text)?.[1] ?? '';
	const outsideQuotes = header.replace(/"[^"]*"/g, '');
	const count = (d: string) => outsideQuotes.split(d).length - 1;
	const candidates = [';', ',', '\t'];
	return candidates.reduce((best, d) => (count(d) > count(best) ? d : best), ';');
}

// ---------------------------------------------------------------------------------------------
// XLSX

async function readXlsx(bytes: Uint8Array): Promise<ReadPeopleFileResult> {
	if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return fail({ code: 'file_type' });
	const parts = zipParts(bytes);
	if (parts === 'unreadable') return fail({ code: 'unreadable' });
	// a Word document or any other ZIP is not a workbook
	if (!parts.includes('xl/workbook.xml')) return fail({ code: 'file_type' });

	const workbook = new ExcelJS.Workbook();
	try {
		// exceljs types its input as an ArrayBuffer; a copy of exactly the file's bytes is one
		await workbook.xlsx.load(bytes.slice().buffer);
	} catch {
		return fail({ code: 'unreadable' });
	}
	const sheet = workbook.worksheets[0];
	if (!sheet) return fail({ code: 'unreadable' });

	const records: { cells: string[]; line: number }[] = [];
	sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
		const cells: string[] = [];
		for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
		records.push({ cells, line: rowNumber });
	});
	return { ok: true, format: 'xlsx', table: toTable(records) };
}

/** A cell's value as the person sees it in the spreadsheet; dates as yyyy-mm-dd. */
function cellText(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	// exceljs reads a date cell as midnight UTC of that day
	if (value instanceof Date) {
		return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
	}
	if (typeof value === 'object') {
		const v = value as Record<string, unknown>;
		if (Array.isArray(v.richText)) {
			return v.richText.map((run: { text?: unknown }) => cellText(run.text)).join('');
		}
		// a hyperlink shows its text (which may itself be rich text), a formula its result
		if ('hyperlink' in v) return cellText(v.text);
		if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
	}
	// an error value such as #N/A shows nothing worth importing
	return '';
}

/**
 * The names of a ZIP's files, having checked that they unpack to at most MAX_UNZIPPED_BYTES.
 * They are unpacked here with a hard limit because the sizes a ZIP declares may lie.
 */
function zipParts(bytes: Uint8Array): string[] | 'unreadable' {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const u16 = (at: number) => view.getUint16(at, true);
	const u32 = (at: number) => view.getUint32(at, true);
	try {
		// the end-of-central-directory record: within the last 22 + 65,535 bytes
		let end = -1;
		for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 65_557); at--) {
			if (u32(at) === 0x06054b50) {
				end = at;
				break;
			}
		}
		if (end < 0) return 'unreadable';
		const count = u16(end + 10);
		let at = u32(end + 16);
		let budget = MAX_UNZIPPED_BYTES;
		const names: string[] = [];
		for (let i = 0; i < count; i++) {
			if (u32(at) !== 0x02014b50) return 'unreadable';
			const flags = u16(at + 8);
			const method = u16(at + 10);
			const compressedSize = u32(at + 20);
			const nameLength = u16(at + 28);
			const entryLength = 46 + nameLength + u16(at + 30) + u16(at + 32);
			const local = u32(at + 42);
			names.push(new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)));
			at += entryLength;

			// encrypted entries and ZIP64 (never needed under 2 MB) are refused
			if (flags & 1 || compressedSize === 0xffffffff) return 'unreadable';
			if (u32(local) !== 0x04034b50) return 'unreadable';
			const start = local + 30 + u16(local + 26) + u16(local + 28);
			const data = bytes.subarray(start, start + compressedSize);
			if (data.length !== compressedSize) return 'unreadable';
			if (method === 0) budget -= compressedSize;
			else if (method === 8) budget -= inflateRawSync(data, { maxOutputLength: budget }).length;
			else return 'unreadable';
			if (budget < 0) return 'unreadable';
		}
		return names;
	} catch {
		// out of range, corrupt deflate data, or more than the budget unpacked
		return 'unreadable';
	}
}

// ---------------------------------------------------------------------------------------------

/** How far down a header may be, below a title such as "Vaalan kunnan yhteyshenkilöt". */
const HEADER_SEARCH_ROWS = 10;

/**
 * The header is the first of the top records that names a column of ours, else the first
 * non-blank record (so a file without our columns is told which it lacks); the records after
 * it are the rows.
 */
function toTable(records: { cells: string[]; line: number }[]): PeopleTable {
	const nonBlank = records.findIndex((r) => r.cells.some((c) => c.trim() !== ''));
	if (nonBlank < 0) return { headers: [], rows: [], lines: [] };
	const named = records
		.slice(0, HEADER_SEARCH_ROWS)
		.findIndex((r) => r.cells.some((c) => fieldOfHeader(c) !== undefined));
	const headerIndex = named >= 0 ? named : nonBlank;
	const body = records.slice(headerIndex + 1);
	return {
		headers: records[headerIndex]!.cells,
		rows: body.map((r) => r.cells),
		lines: body.map((r) => r.line)
	};
}
