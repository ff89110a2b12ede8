import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFileType, FILE_TYPES, storedFileName, type FileType } from './file-types';

const ALL = Object.keys(FILE_TYPES) as FileType[];
const bytes = (...parts: (number[] | string)[]) =>
	new Uint8Array(
		parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p))
	);

const pdf = bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj');
const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13], 'IHDR');
const jpeg = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF');
const office = bytes([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0], '[Content_Types].xml', 'word/');
const plainZip = bytes([0x50, 0x4b, 0x03, 0x04, 20, 0], 'notes.txt');

describe('detectFileType', () => {
	it.each([
		[pdf, 'ohjelma.pdf', 'pdf'],
		[pdf, 'ohjelma', 'pdf'],
		[png, 'kuva.PNG', 'png'],
		[jpeg, 'kuva.jpeg', 'jpeg'],
		[jpeg, 'kuva.pdf', 'jpeg'],
		[office, 'Esitys.pptx', 'pptx'],
		[office, 'muistio.docx', 'docx'],
		[office, 'taulukko.XLSX', 'xlsx']
	] as const)('tells a file by its content (%#: %s)', (content, name, type) => {
		expect(detectFileType(content, name, ALL)).toBe(type);
	});

	it.each([
		[bytes('MZ\x90\x00'), 'ohjelma.pdf'],
		[bytes('<html><body>'), 'kuva.png'],
		[plainZip, 'esitys.pptx'],
		[office, 'esitys.zip'],
		[bytes(''), 'tyhjä.pdf'],
		[bytes('%PD'), 'katkennut.pdf']
	])('refuses what is none of the kinds, whatever its name (%#)', (content, name) => {
		expect(detectFileType(content, name, ALL)).toBeNull();
	});

	it('refuses a kind that is not allowed here', () => {
		expect(detectFileType(office, 'esitys.pptx', ['pdf', 'png', 'jpeg'])).toBeNull();
		expect(detectFileType(pdf, 'kuitti.pdf', ['pdf', 'png', 'jpeg'])).toBe('pdf');
	});

	it('takes a file for a PDF or an image exactly when it begins as one, whatever follows', () => {
		const signatures = { pdf: pdf.slice(0, 5), png: png.slice(0, 8), jpeg: jpeg.slice(0, 3) };
		fc.assert(
			fc.property(
				fc.constantFrom(null, 'pdf', 'png', 'jpeg'),
				fc.uint8Array({ maxLength: 64 }),
				fc.string(),
				(kind, tail, name) => {
					const head = kind ? signatures[kind] : new Uint8Array();
					const content = new Uint8Array([...head, ...tail]);
					const type = detectFileType(content, name, ['pdf', 'png', 'jpeg']);
					if (kind) expect(type).toBe(kind);
					else if (type) {
						const signature = signatures[type as keyof typeof signatures];
						expect([...content.slice(0, signature.length)]).toEqual([...signature]);
					} else expect(type).toBeNull();
				}
			)
		);
	});
});

describe('storedFileName', () => {
	it('keeps the last path segment and the extension the content has', () => {
		expect(storedFileName('C:\\Users\\kaisa\\Ohjelma 2024.pdf', 'pdf')).toBe('Ohjelma 2024.pdf');
		expect(storedFileName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
		expect(storedFileName('kuva.JPG', 'jpeg')).toBe('kuva.JPG');
		expect(storedFileName('esitys.pdf', 'pptx')).toBe('esitys.pdf.pptx');
		expect(storedFileName('"\u0007', 'png')).toBe('file.png');
	});

	it('is at most 200 characters, ends in the type’s extension and has no control characters', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 400 }), fc.constantFrom(...ALL), (name, type) => {
				const stored = storedFileName(name, type);
				expect(stored.length).toBeLessThanOrEqual(200);
				expect(stored.length).toBeGreaterThan(0);
				// eslint-disable-next-line no-control-regex
				expect(stored).not.toMatch(/[\u0000-\u001f\u007f"/\\]/);
				const extension = stored.slice(stored.lastIndexOf('.') + 1).toLowerCase();
				expect(FILE_TYPES[type].extensions as readonly string[]).toContain(extension);
			})
		);
	});
});
