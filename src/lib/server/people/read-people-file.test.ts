import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { PEOPLE_IMPORT_LIMITS, planPeopleImport } from '../../domain/people-import';
import { readPeopleFile } from './read-people-file';

const utf8 = (text: string) => new TextEncoder().encode(text);
const csv = (text: string, name = 'henkilot.csv') => ({
	name,
	type: 'text/csv',
	bytes: utf8(text)
});
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function workbook(fill: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
	const book = new ExcelJS.Workbook();
	fill(book);
	return new Uint8Array(await book.xlsx.writeBuffer());
}

/**
 * A ZIP whose entries claim to unpack to 1 kB whatever they hold, as a crafted file may;
 * CRCs are left at zero, as the reader never gets as far as checking them.
 */
function lyingZip(entries: { name: string; data: Uint8Array }[]): Uint8Array {
	const parts: Buffer[] = [];
	const directory: Buffer[] = [];
	let offset = 0;
	for (const entry of entries) {
		const name = Buffer.from(entry.name);
		const data = deflateRawSync(entry.data, { level: 1 });
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(8, 8);
		local.writeUInt32LE(data.length, 18);
		local.writeUInt32LE(1024, 22);
		local.writeUInt16LE(name.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(8, 10);
		central.writeUInt32LE(data.length, 20);
		central.writeUInt32LE(1024, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(offset, 42);
		parts.push(local, name, data);
		directory.push(central, name);
		offset += local.length + name.length + data.length;
	}
	const size = directory.reduce((n, b) => n + b.length, 0);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(size, 12);
	end.writeUInt32LE(offset, 16);
	return new Uint8Array(Buffer.concat([...parts, ...directory, end]));
}

describe('reading CSV', () => {
	it('reads a semicolon file as Excel in Finland saves it: BOM, CRLF, blank lines', async () => {
		const result = await readPeopleFile(
			csv(
				'\ufeffNimi;Sähköposti;Asemat\r\n\r\nMaija Meikäläinen;maija@vaala.fi;"kehittäjä; yhdyshenkilö"\r\n\r\nÅke Öberg;ake@vaala.fi;\r\n'
			)
		);
		expect(result).toEqual({
			ok: true,
			format: 'csv',
			table: {
				headers: ['Nimi', 'Sähköposti', 'Asemat'],
				rows: [
					['Maija Meikäläinen', 'maija@vaala.fi', 'kehittäjä; yhdyshenkilö'],
					['Åke Öberg', 'ake@vaala.fi', '']
				],
				lines: [3, 5]
			}
		});
	});

	it('finds commas as the delimiter when the header has them', async () => {
		const result = await readPeopleFile(
			csv('name,email,positions\nJohn Smith,john@example.com,"developer; board member"\n')
		);
		expect(result.ok && result.table.rows).toEqual([
			['John Smith', 'john@example.com', 'developer; board member']
		]);
	});

	it('honours the "sep=" line Excel may write, and counts it as a line', async () => {
		const result = await readPeopleFile(csv('sep=,\nnimi,email\nA,a@vaala.fi\n'));
		expect(result.ok && result.table).toEqual({
			headers: ['nimi', 'email'],
			rows: [['A', 'a@vaala.fi']],
			lines: [3]
		});
	});

	it('numbers a row by the line it starts on when a quoted field spans lines', async () => {
		const result = await readPeopleFile(
			csv('nimi;email;asemat\nA;a@vaala.fi;"kehittäjä\nyhdyshenkilö"\nB;b@vaala.fi;\n')
		);
		expect(result.ok && result.table.lines).toEqual([2, 4]);
	});

	it('skips a title above the header', async () => {
		const result = await readPeopleFile(csv('Vaalan kunnan henkilöt;\nNimi;E-post\nA;a@x.fi\n'));
		expect(result.ok && result.table.headers).toEqual(['Nimi', 'E-post']);
	});

	it('refuses a Latin-1 (Windows-1252) file with the encoding error', async () => {
		// "Nimi;Sähköposti" with ä and ö as single bytes, as "CSV (semicolon delimited)" saves it
		const latin1 = Uint8Array.from(
			[...'Nimi;Sähköposti\nÄijä;aija@vaala.fi\n'].map((c) => c.charCodeAt(0))
		);
		expect(latin1).toContain(0xe4);
		expect(await readPeopleFile({ name: 'h.csv', type: 'text/csv', bytes: latin1 })).toEqual({
			ok: false,
			error: { code: 'encoding' }
		});
	});

	it('refuses UTF-16 ("Unicode text") with the encoding error', async () => {
		const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('nimi;email\n', 'utf16le')]);
		expect(await readPeopleFile({ name: 'h.csv', type: '', bytes: utf16 })).toEqual({
			ok: false,
			error: { code: 'encoding' }
		});
	});

	it('reports the line of a quote that never closes', async () => {
		expect(await readPeopleFile(csv('nimi;email\nA;a@x.fi\n"B;b@x.fi\n'))).toEqual({
			ok: false,
			error: { code: 'csv_syntax', params: { line: 3 } }
		});
	});

	it('passes a file without the required columns on, for the plan to name them', async () => {
		const result = await readPeopleFile(csv('Nimi;Puhelin\nMaija;040 123\n'));
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const plan = planPeopleImport(result.table, {
			existingEmails: new Map(),
			municipalityCode: '785',
			defaultLocale: 'fi'
		});
		expect(plan.fileErrors).toMatchObject([{ code: 'missing_columns', fields: ['email'] }]);
	});

	it('reads an empty file as an empty table', async () => {
		expect(await readPeopleFile(csv(''))).toEqual({
			ok: true,
			format: 'csv',
			table: { headers: [], rows: [], lines: [] }
		});
	});
});

describe('reading XLSX', () => {
	it('reads the first worksheet, with rich text, links, numbers, dates and formulas as text', async () => {
		const bytes = await workbook((book) => {
			const sheet = book.addWorksheet('Henkilöt');
			sheet.addRow(['Nimi', 'Sähköposti', 'Tehtävänimike', 'Asemat', 'Alkaen']);
			sheet.addRow([
				{ richText: [{ text: 'Maija ' }, { font: { bold: true }, text: 'Meikäläinen' }] },
				{ text: 'maija@vaala.fi', hyperlink: 'mailto:maija@vaala.fi' },
				42,
				'kehittäjä\nyhdyshenkilö',
				new Date(Date.UTC(2024, 0, 5))
			]);
			sheet.addRow([]);
			sheet.addRow(['Olli', 'olli@vaala.fi', { formula: '"x"&"y"', result: 'xy' }, null, true]);
			book.addWorksheet('Muuta').addRow(['ei luettava']);
		});
		const result = await readPeopleFile({ name: 'Henkilöt.XLSX', type: xlsxType, bytes });
		expect(result).toEqual({
			ok: true,
			format: 'xlsx',
			table: {
				headers: ['Nimi', 'Sähköposti', 'Tehtävänimike', 'Asemat', 'Alkaen'],
				rows: [
					['Maija Meikäläinen', 'maija@vaala.fi', '42', 'kehittäjä\nyhdyshenkilö', '2024-01-05'],
					['Olli', 'olli@vaala.fi', 'xy', '', 'true']
				],
				lines: [2, 4]
			}
		});
	});

	it('refuses a workbook that is not a ZIP, or a ZIP that is not a workbook', async () => {
		const docx = await new JSZip()
			.file('word/document.xml', '<w:document/>')
			.generateAsync({ type: 'uint8array' });
		const notZip = utf8('nimi;email\nA;a@x.fi\n');
		for (const bytes of [docx, notZip]) {
			expect(await readPeopleFile({ name: 'h.xlsx', type: xlsxType, bytes })).toEqual({
				ok: false,
				error: { code: 'file_type' }
			});
		}
	});

	it('refuses a damaged workbook as unreadable', async () => {
		const bytes = await workbook((book) => book.addWorksheet('A').addRow(['nimi', 'email']));
		const cut = bytes.subarray(0, bytes.length - 100);
		const garbage = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...utf8('not really a zip')]);
		for (const b of [cut, garbage]) {
			expect(await readPeopleFile({ name: 'h.xlsx', type: xlsxType, bytes: b })).toEqual({
				ok: false,
				error: { code: 'unreadable' }
			});
		}
	});

	it('refuses a small file that would unpack to more than 64 MB, whatever sizes it claims', async () => {
		// exceljs would unpack it all into memory: it must never see such a file
		const load = vi.fn().mockRejectedValue(new Error('not a real workbook'));
		vi.spyOn(ExcelJS.Workbook.prototype, 'xlsx', 'get').mockReturnValue({ load } as never);
		const sheet = (megabytes: number) =>
			lyingZip([
				{ name: 'xl/workbook.xml', data: utf8('<workbook/>') },
				{ name: 'xl/worksheets/sheet1.xml', data: new Uint8Array(megabytes * 1024 * 1024) }
			]);
		const bomb = sheet(65);
		expect(bomb.length).toBeLessThan(PEOPLE_IMPORT_LIMITS.maxBytes);
		expect(await readPeopleFile({ name: 'h.xlsx', type: xlsxType, bytes: bomb })).toEqual({
			ok: false,
			error: { code: 'unreadable' }
		});
		expect(load).not.toHaveBeenCalled();

		await readPeopleFile({ name: 'h.xlsx', type: xlsxType, bytes: sheet(1) });
		expect(load).toHaveBeenCalledOnce();
	});
});

describe('refusing other files', () => {
	const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

	it.each([
		['a PNG renamed .csv', 'henkilot.csv', png],
		['a PDF', 'henkilot.pdf', utf8('%PDF-1.7\n')],
		['a PDF renamed .csv', 'henkilot.csv', utf8('%PDF-1.7\nnimi;email\n')],
		['a program', 'henkilot.exe', new Uint8Array([0x4d, 0x5a, 0x90, 0])],
		['an old Excel file', 'henkilot.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0])],
		['text with NUL bytes', 'henkilot.csv', utf8('nimi;email\u0000\n')],
		['a file without an extension', 'henkilot', utf8('nimi;email\n')]
	])('refuses %s as the wrong type', async (_, name, bytes) => {
		expect(await readPeopleFile({ name, type: 'text/csv', bytes })).toEqual({
			ok: false,
			error: { code: 'file_type' }
		});
	});

	it('refuses a file over 2 MB, before reading it', async () => {
		const big = new Uint8Array(2 * 1024 * 1024 + 1).fill(0x41);
		expect(await readPeopleFile({ name: 'h.csv', type: 'text/csv', bytes: big })).toEqual({
			ok: false,
			error: { code: 'file_too_large', params: { maxMegabytes: 2 } }
		});
		const justFits = new Uint8Array(2 * 1024 * 1024).fill(0x41);
		expect((await readPeopleFile({ name: 'h.csv', type: 'text/csv', bytes: justFits })).ok).toBe(
			true
		);
	});
});
