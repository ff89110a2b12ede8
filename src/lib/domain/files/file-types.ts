/**
 * What kind of file an upload is, told by its first bytes, never by its name or the type the
 * browser declared: a file named slides.pdf that is really an executable is refused. Office
 * documents are ZIP archives, so for them the name's extension picks the type, and the archive
 * must hold the `[Content_Types].xml` part every Office Open XML package has.
 *
 * Signatures: PDF (ISO 32000-1 §7.5.2, "%PDF-"), PNG (RFC 2083 §3.1), JPEG (ITU-T T.81, SOI
 * marker FF D8 FF), ZIP local file header (PKWARE APPNOTE 4.3.7, "PK\x03\x04"), Office Open
 * XML packages (ECMA-376 Part 2, the content-types part).
 */

export const FILE_TYPES = {
	pdf: { contentType: 'application/pdf', extensions: ['pdf'] },
	png: { contentType: 'image/png', extensions: ['png'] },
	jpeg: { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
	docx: {
		contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		extensions: ['docx']
	},
	xlsx: {
		contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		extensions: ['xlsx']
	},
	pptx: {
		contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
		extensions: ['pptx']
	}
} as const;

export type FileType = keyof typeof FILE_TYPES;

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
	bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CONTENT_TYPES_PART = new TextEncoder().encode('[Content_Types].xml');

function contains(bytes: Uint8Array, needle: Uint8Array): boolean {
	const first = needle[0];
	outer: for (let i = bytes.indexOf(first!); i !== -1 && i <= bytes.length - needle.length;) {
		for (let j = 1; j < needle.length; j++) {
			if (bytes[i + j] !== needle[j]) {
				i = bytes.indexOf(first!, i + 1);
				continue outer;
			}
		}
		return true;
	}
	return false;
}

function extensionOf(name: string): string {
	const dot = name.lastIndexOf('.');
	return dot === -1 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * The type of the file among those `allowed`, or null when its content is none of them.
 * `name` matters only to tell Office documents apart.
 */
export function detectFileType(
	bytes: Uint8Array,
	name: string,
	allowed: readonly FileType[]
): FileType | null {
	let type: FileType | null = null;
	if (startsWith(bytes, PDF)) type = 'pdf';
	else if (startsWith(bytes, PNG)) type = 'png';
	else if (startsWith(bytes, JPEG)) type = 'jpeg';
	else if (startsWith(bytes, ZIP) && contains(bytes, CONTENT_TYPES_PART)) {
		const extension = extensionOf(name);
		const office = (['docx', 'xlsx', 'pptx'] as const).find((t) =>
			(FILE_TYPES[t].extensions as readonly string[]).includes(extension)
		);
		type = office ?? null;
	}
	return type && allowed.includes(type) ? type : null;
}

/**
 * A file name to store and offer for download: the last path segment, no control characters
 * or quotes, at most 200 characters, and the extension of the type its content has (so a
 * download opens in the right program whatever the name said).
 */
export function storedFileName(name: string, type: FileType): string {
	const base =
		name
			.split(/[\\/]/)
			.pop()!
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u001f\u007f"]/g, '')
			.trim() || 'file';
	const extensions = FILE_TYPES[type].extensions as readonly string[];
	const withExtension = extensions.includes(extensionOf(base)) ? base : `${base}.${extensions[0]}`;
	if (withExtension.length <= 200) return withExtension;
	const ext = extensionOf(withExtension);
	return `${withExtension.slice(0, 199 - ext.length)}.${ext}`;
}
