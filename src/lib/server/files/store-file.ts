import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { files } from '../db/schema';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export type PdfCheck = { ok: true } | { ok: false; reason: 'empty' | 'too_large' | 'not_pdf' };

/** A PDF is what it says by its first bytes, whatever its name or declared type. */
export function checkPdf(bytes: Uint8Array): PdfCheck {
	if (bytes.length === 0) return { ok: false, reason: 'empty' };
	if (bytes.length > MAX_FILE_BYTES) return { ok: false, reason: 'too_large' };
	const head = Buffer.from(bytes.subarray(0, 5)).toString('latin1');
	return head === '%PDF-' ? { ok: true } : { ok: false, reason: 'not_pdf' };
}

export async function storeFile(
	db: DbOrTx,
	input: { name: string; contentType: string; bytes: Uint8Array; uploadedBy: string | null }
): Promise<string> {
	const data = Buffer.from(input.bytes);
	const [row] = await db
		.insert(files)
		.values({
			// keep only a safe file name: no paths, no control characters
			name:
				input.name
					.split(/[\\/]/)
					.pop()!
					// eslint-disable-next-line no-control-regex
					.replace(/[\u0000-\u001f"]/g, '')
					.slice(0, 200) || 'file',
			contentType: input.contentType,
			size: data.length,
			sha256: createHash('sha256').update(data).digest('hex'),
			data,
			uploadedBy: input.uploadedBy
		})
		.returning({ id: files.id });
	return row!.id;
}

export async function getFile(db: DbOrTx, id: string) {
	const [row] = await db.select().from(files).where(eq(files.id, id)).limit(1);
	return row ?? null;
}

/** A download response: attachment, exact type, never sniffed or cached by others. */
export function fileResponse(file: { name: string; contentType: string; data: Buffer }) {
	return new Response(new Uint8Array(file.data), {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
}
