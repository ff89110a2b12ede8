import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The fonts every PDF of ours embeds: DejaVu Sans Condensed and its bold from the
 * `dejavu-fonts-ttf` package (Bitstream Vera licence with public-domain changes: free to
 * embed). Embedded fonts are what PDF/UA asks for, and DejaVu covers every letter a Finnish,
 * Swedish or foreign name brings (š, ž, ł, ø …), where the standard Helvetica has Windows-1252
 * only. Read once per process (about 1 MB).
 */
export interface DocumentFonts {
	regular: Buffer;
	bold: Buffer;
}

let loaded: DocumentFonts | undefined;

export function documentFonts(): DocumentFonts {
	if (!loaded) {
		const require = createRequire(import.meta.url);
		const folder = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
		loaded = {
			regular: readFileSync(path.join(folder, 'DejaVuSansCondensed.ttf')),
			bold: readFileSync(path.join(folder, 'DejaVuSansCondensed-Bold.ttf'))
		};
	}
	return loaded;
}
