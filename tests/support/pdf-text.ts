import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A PDF's text as pdftotext (poppler-utils) reads it, whitespace made single spaces. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
	const dir = await mkdtemp(path.join(tmpdir(), 'verkosto-pdf-text-'));
	try {
		const file = path.join(dir, 'document.pdf');
		await writeFile(file, bytes);
		const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
		return stdout.replace(/\s+/g, ' ');
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}
