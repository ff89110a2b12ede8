/**
 * A receipt for the demo's travel costs: a one-page PDF with a few lines of text in Helvetica
 * (a font every reader has, so nothing is embedded), a few hundred bytes. Enough for the upload
 * check (a PDF by its first bytes) and for a person who opens it to read what it is.
 */

/** WinAnsi codes of the characters above Latin-1 that receipts use; others become '?'. */
const WIN_ANSI: Readonly<Record<string, number>> = { '€': 0x80, '–': 0x96, '—': 0x97 };

/** A PDF string literal's bytes (WinAnsiEncoding), escaped, as Latin-1 text. */
function pdfString(text: string): string {
	let out = '(';
	for (const ch of text) {
		const code = WIN_ANSI[ch] ?? ch.codePointAt(0)!;
		if (ch === '(' || ch === ')' || ch === '\\') out += `\\${ch}`;
		else if (code < 0x20 || code > 0xff) out += '?';
		else if (code > 0x7e) out += `\\${code.toString(8).padStart(3, '0')}`;
		else out += ch;
	}
	return `${out})`;
}

export function receiptPdf(lines: readonly string[]): Uint8Array {
	const text = lines
		.map((line, i) => `${i === 0 ? '' : '0 -18 Td '}${pdfString(line)} Tj`)
		.join('\n');
	const content = `BT /F1 12 Tf 56 780 Td\n${text}\nET`;
	const objects = [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
		`<< /Length ${content.length} >>\nstream\n${content}\nendstream`
	];
	let body = '%PDF-1.4\n';
	const offsets: number[] = [];
	objects.forEach((object, i) => {
		offsets.push(body.length);
		body += `${i + 1} 0 obj\n${object}\nendobj\n`;
	});
	const xref = body.length;
	body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
	for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
	body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	// every character is one byte: the escapes above keep the text within ASCII
	return new TextEncoder().encode(body);
}
