import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { InvoiceDocument } from '$lib/domain/billing/invoice-document';
import {
	NARPES_INVOICE,
	TRAVEL_LINE,
	VAALA_INVOICE,
	document,
	vaalaCredit
} from '../../../../../tests/factories/invoice-documents';
import { renderInvoicePdf, winAnsiText } from './invoice-pdf';

const run = promisify(execFile);
const NOW = new Date('2024-10-01T06:30:00Z');
const dirs: string[] = [];

afterAll(async () => {
	await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Whether a program is on the PATH (zbarimg is optional; poppler-utils is installed by CI). */
function installed(program: string): boolean {
	return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
		try {
			accessSync(path.join(dir, program), constants.X_OK);
			return true;
		} catch {
			return false;
		}
	});
}

async function pdfFile(doc: InvoiceDocument): Promise<{ file: string; bytes: Buffer }> {
	const dir = await mkdtemp(path.join(tmpdir(), 'verkosto-pdf-'));
	dirs.push(dir);
	const bytes = await renderInvoicePdf(doc, { now: NOW });
	const file = path.join(dir, 'invoice.pdf');
	await writeFile(file, bytes);
	return { file, bytes };
}

/** The PDF's text as pdftotext reads it, whitespace (also no-break spaces) made single spaces. */
async function textOf(file: string): Promise<string> {
	const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
	return stdout.replace(/\s+/g, ' ');
}

async function info(file: string): Promise<Record<string, string>> {
	const { stdout } = await run('pdfinfo', [file]);
	return Object.fromEntries(
		stdout
			.split('\n')
			.map((line) => /^([^:]+):\s*(.*)$/.exec(line))
			.filter((m): m is RegExpExecArray => m !== null)
			.map((m) => [m[1]!.trim(), m[2]!.trim()])
	);
}

const spaced = (s: string) => s.replace(/\s+/g, ' ');

/**
 * The ActualText strings of a PDF's structure elements. pdfkit writes them as literal strings:
 * ASCII as is, anything else as UTF-16BE bytes after a byte order mark, with ( ) \ escaped.
 */
function actualTexts(raw: string): string[] {
	const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
	return [...raw.matchAll(/\/ActualText \(((?:[^()\\]|\\.)*)\)/gs)].map(([, literal]) => {
		const bytes = literal!.replace(/\\(.)/gs, (_, c: string) => ESCAPES[c] ?? c);
		if (!bytes.startsWith('\xfe\xff')) return bytes;
		return Buffer.from(bytes.slice(2), 'latin1').swap16().toString('utf16le');
	});
}

describe('renderInvoicePdf', () => {
	it('shows the invoice in Finnish: number, parties, lines, totals, reference and bar code', async () => {
		const doc = document(VAALA_INVOICE);
		const { file } = await pdfFile(doc);
		const text = await textOf(file);
		for (const expected of [
			'Lasku 2024-000014',
			'Verkoston Palvelu Oy',
			'Y-tunnus 1234567-1',
			'Vaalan kunta',
			'Kauppatie 20',
			'91700 Vaala',
			'Verkkolaskuosoite 003776543212',
			'Viitteenne',
			'HALL 4100 / Mäkelä',
			'USO-verkoston osallistumismaksu 2024',
			'ajalta 1.1.2024–31.12.2024',
			TRAVEL_LINE.description,
			'1234,5 km',
			'0,57 €',
			'703,67 €',
			'25,5 %',
			'9 827,12 €',
			'2 505,92 €',
			'12 333,04 €',
			'Maksettava yhteensä',
			'Eräpäivä',
			'15.10.2024',
			'Viitenumero',
			'2 02400 00141',
			'Tilisiirto',
			'FI21 1234 5600 0007 85',
			'NDEAFIHH',
			'Viivästyskorko',
			'korkolain mukaan',
			doc.payment.virtualBarcode!
		]) {
			expect(text).toContain(spaced(expected));
		}
	});

	it('is tagged: title, language, marked content and a structure tree with headings, tables and a figure', async () => {
		const { file, bytes } = await pdfFile(document(VAALA_INVOICE));
		const meta = await info(file);
		expect(meta['Tagged']).toBe('yes');
		expect(meta['Title']).toBe('Lasku 2024-000014');
		expect(meta['Author']).toBe('Verkoston Palvelu Oy');
		expect(meta['Page size']).toContain('595.28 x 841.89');
		// A usual invoice, the transfer form included, fits on one A4 page.
		expect(meta['Pages']).toBe('1');
		const raw = bytes.toString('latin1');
		expect(raw).toContain('/StructTreeRoot');
		expect(raw).toContain('/Marked true');
		expect(raw).toContain('/Lang (fi-FI)');
		expect(raw).toContain('/DisplayDocTitle true');
		for (const type of ['Document', 'H1', 'H2', 'P', 'Table', 'TR', 'TH', 'TD', 'Figure']) {
			expect(raw, type).toMatch(new RegExp(`/S /${type}\\b`));
		}
		expect(raw).toMatch(/\/Scope \/Column/);
		// Lines drawn apart (the address) are read with commas between them.
		expect(actualTexts(raw)).toContain(
			'Vaalan kunta, Kauppatie 20, 91700 Vaala, Y-tunnus 7654321-2, Verkkolaskuosoite 003776543212, Välittäjätunnus 003723327487'
		);
		// The bar code's alternative text (a string with ä is written as UTF-16 hex).
		expect(raw).toMatch(/\/Alt [(<]/);
	});

	it('lists the structure in reading order when poppler can show it', async () => {
		const { file } = await pdfFile(document(VAALA_INVOICE));
		const { stdout } = await run('pdfinfo', ['-struct-text', file]).catch(() => ({ stdout: '' }));
		if (stdout === '') return; // an old poppler without -struct-text
		const order = ['H1', 'H2', 'Table', 'TH', 'TD', 'Figure'].map((tag) => stdout.indexOf(tag));
		expect(order.every((i) => i >= 0)).toBe(true);
		expect(stdout.indexOf('Lasku 2024-000014')).toBeLessThan(stdout.indexOf('Tilisiirto'));
	});

	it('writes Swedish for a Swedish-speaking member, with its RF reference', async () => {
		const doc = document(NARPES_INVOICE);
		const { file, bytes } = await pdfFile(doc);
		const text = await textOf(file);
		for (const expected of [
			'Faktura 2024-000015',
			'Närpes stad',
			'Förfallodag',
			'Referensnummer',
			'Deltagaravgift för USO-nätverket 2024',
			'Dröjsmålsränta',
			'11,5 %',
			'Att betala',
			'Girering',
			'Mottagare'
		]) {
			expect(text).toContain(spaced(expected));
		}
		expect(text).toContain(doc.payment.rfReference.replace(/(.{4})(?=.)/g, '$1 '));
		expect(bytes.toString('latin1')).toContain('/Lang (sv-FI)');
	});

	it('writes a credit note with its credited invoice, negative amounts and no transfer form', async () => {
		const { file } = await pdfFile(vaalaCredit());
		const text = await textOf(file);
		expect(text).toContain('Hyvityslasku 2024-000100');
		expect(text).toContain('Hyvittää laskun 2024-000014, päivätty 1.10.2024.');
		expect(text).toContain('−154,93 €');
		expect(text).toContain('ei maksettavaa');
		expect(text).not.toContain('Tilisiirto');
		expect(text).not.toContain('Eräpäivä');
	});

	it('runs onto more pages for many lines and keeps the form on the last page', async () => {
		const lines = Array.from({ length: 45 }, (_, i) => ({
			...TRAVEL_LINE,
			description: `Matkakulut, työpaja ${i + 1}`
		}));
		const { file } = await pdfFile(document({ ...VAALA_INVOICE, lines }));
		const pages = Number((await info(file))['Pages']);
		expect(pages).toBeGreaterThan(1);
		const { stdout: last } = await run('pdftotext', [
			'-f',
			String(pages),
			'-l',
			String(pages),
			file,
			'-'
		]);
		expect(last).toContain('Tilisiirto');
		expect(await textOf(file)).toContain('Matkakulut, työpaja 45');
	});

	it.skipIf(!installed('zbarimg') || !installed('pdftoppm'))(
		'prints a bar code that a scanner reads as the virtual bar code',
		async () => {
			const doc = document(VAALA_INVOICE);
			const { file } = await pdfFile(doc);
			// The form, and so the bar code, is on the last page.
			const last = (await info(file))['Pages']!;
			const png = file.replace(/\.pdf$/, '');
			await run('pdftoppm', [
				'-r',
				'300',
				'-f',
				last,
				'-l',
				last,
				'-singlefile',
				'-png',
				file,
				png
			]);
			const { stdout } = await run('zbarimg', ['--raw', '-q', `${png}.png`]);
			expect(stdout.trim()).toBe(doc.payment.virtualBarcode);
		}
	);

	it('embeds the shipped DejaVu Sans Condensed, says PDF/UA and keeps any letter', async () => {
		const doc = document({
			...VAALA_INVOICE,
			buyer: { ...VAALA_INVOICE.buyer, name: 'Łódź – Ærøskøbing kommune' }
		});
		const dir = await mkdtemp(path.join(tmpdir(), 'verkosto-pdf-'));
		dirs.push(dir);
		const file = path.join(dir, 'embedded.pdf');
		const bytes = await renderInvoicePdf(doc, { now: NOW });
		await writeFile(file, bytes);
		expect(await textOf(file)).toContain('Łódź – Ærøskøbing kommune');
		const { stdout: fonts } = await run('pdffonts', [file]);
		const rows = fonts.split('\n').slice(2).filter(Boolean);
		expect(rows.map((row) => row.split(/\s+/)[0]?.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
			'DejaVuSansCondensed',
			'DejaVuSansCondensed-Bold'
		]);
		// Columns: name, type, encoding, emb, sub, uni, object ID.
		expect(rows.every((row) => / yes\s+yes\s+yes\s+\d+\s+\d+$/.test(row))).toBe(true);
		expect(bytes.toString('latin1')).toContain('pdfuaid:part>1<');
		expect((await info(file))['Tagged']).toBe('yes');
	});

	it('with the standard fonts asked for, embeds none and writes a letter outside Windows-1252 as "?"', async () => {
		const doc = document({
			...VAALA_INVOICE,
			buyer: { ...VAALA_INVOICE.buyer, name: 'Łódź kommun' }
		});
		const dir = await mkdtemp(path.join(tmpdir(), 'verkosto-pdf-'));
		dirs.push(dir);
		const file = path.join(dir, 'standard.pdf');
		await writeFile(file, await renderInvoicePdf(doc, { now: NOW, fonts: 'standard' }));
		expect(await textOf(file)).toContain('?ód? kommun');
		const { stdout: fonts } = await run('pdffonts', [file]);
		expect(
			fonts
				.split('\n')
				.slice(2)
				.filter(Boolean)
				.every((row) => / no\s+no\s+no\s+\d+\s+\d+$/.test(row))
		).toBe(true);
	});

	it('keeps Finnish letters, the euro sign and dashes; writes other letters as "?" with the standard font', () => {
		expect(winAnsiText('äöå ÄÖÅ € – ’')).toBe('äöå ÄÖÅ € – ’');
		expect(winAnsiText('1\u202f234\u00a0€ \u22125')).toBe('1\u00a0234\u00a0€ -5');
		expect(winAnsiText('Łódź')).toBe('?ód?');
	});
});
