import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { notFound, type GuardEvent } from '$lib/server/auth/guard';

export type Cell = string | number | null;

export interface ExportTable {
	/** Sheet name in XLSX; at most 31 characters. */
	title: string;
	/** `money`: the column's cells are integer cents, written as euros with two decimals. */
	columns: { header: string; width?: number; numeric?: boolean; money?: boolean }[];
	rows: Cell[][];
	/** Lines shown under the table in XLSX (e.g. the data source's attribution). */
	notes?: string[];
}

/**
 * CSV for spreadsheets used in Finland: UTF-8 with a byte-order mark (so Excel reads ä and ö),
 * semicolons between fields (Excel in Finnish locale expects them, as the decimal mark is a comma).
 */
export function toCsv(table: ExportTable): Buffer {
	const rows = table.rows.map((row) =>
		sanitiseRow(row).map((cell, i) =>
			table.columns[i]?.money && typeof cell === 'number' ? euros(cell, ',') : cell
		)
	);
	const body = stringify([table.columns.map((c) => c.header), ...rows], {
		delimiter: ';',
		record_delimiter: '\r\n'
	});
	return Buffer.from(`\ufeff${body}`, 'utf8');
}

/**
 * Cents as euros with two decimals and no grouping ("1234,50"), in whole numbers only, so no
 * binary fraction ever rounds a cent: a Finnish spreadsheet reads it as a number.
 */
export function euros(cents: number, decimalMark: ',' | '.'): string {
	const sign = cents < 0 ? '-' : '';
	const abs = Math.abs(cents);
	return `${sign}${Math.trunc(abs / 100)}${decimalMark}${String(abs % 100).padStart(2, '0')}`;
}

/** A cell that a spreadsheet would run as a formula is written as text. */
function sanitiseRow(row: Cell[]): Cell[] {
	return row.map((cell) =>
		typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell
	);
}

export async function toXlsx(table: ExportTable): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Verkosto';
	const sheet = workbook.addWorksheet(table.title.slice(0, 31), {
		views: [{ state: 'frozen', ySplit: 1 }]
	});
	sheet.columns = table.columns.map((c) => ({ header: c.header, width: c.width ?? 18 }));
	sheet.getRow(1).font = { bold: true };
	for (const row of table.rows) {
		sheet.addRow(
			row.map((cell, i) =>
				table.columns[i]?.money && typeof cell === 'number' ? Number(euros(cell, '.')) : cell
			)
		);
	}
	table.columns.forEach((c, i) => {
		if (c.money) sheet.getColumn(i + 1).numFmt = '#,##0.00';
		else if (c.numeric) sheet.getColumn(i + 1).numFmt = '# ##0';
	});
	if (table.notes?.length) {
		sheet.addRow([]);
		for (const note of table.notes) sheet.addRow([note]).font = { italic: true };
	}
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function exportResponse(body: Buffer, format: ExportFormat, filename: string): Response {
	const type =
		format === 'csv'
			? 'text/csv; charset=utf-8'
			: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': type,
			'content-disposition': `attachment; filename="${filename}.${format}"`,
			'cache-control': 'private, no-store'
		}
	});
}

export type ExportFormat = 'csv' | 'xlsx';

/**
 * The format an export route was asked for (`…/export/csv`, `…/export/xlsx`); anything else
 * is "not found", before any data is read.
 */
export function exportFormatOf(event: GuardEvent & { params: { format: string } }): ExportFormat {
	const format = event.params.format;
	if (format !== 'csv' && format !== 'xlsx') notFound(event);
	return format;
}

/** The table as a download in the format asked for, named `filename.csv` / `.xlsx`. */
export async function exportTable(
	table: ExportTable,
	format: ExportFormat,
	filename: string
): Promise<Response> {
	const body = format === 'csv' ? toCsv(table) : await toXlsx(table);
	return exportResponse(body, format, filename);
}
