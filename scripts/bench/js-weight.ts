/**
 * The JavaScript a page makes a browser load, gzipped: every module the page names (the
 * modulepreload list of the Link header and <link> tags, <script src>, and the import() calls
 * of SvelteKit's inline start script) and, transitively, their static imports, plus the inline
 * scripts of the HTML. Chunks loaded only by a later dynamic import() (another language's
 * messages, other pages) do not count. With `csr = false` (the default since the app went
 * server-only) a page names none: 0 KB.
 */
import { gzipSync } from 'node:zlib';
import type { FetchedPage } from './load';

export interface JsFile {
	path: string;
	bytes: number;
	gzipBytes: number;
}

export interface JsWeight {
	files: JsFile[];
	bytes: number;
	gzipBytes: number;
	/** gzipBytes / 1024 */
	kbGzip: number;
}

function linkHeaderUrls(link: string | null): string[] {
	if (!link) return [];
	const urls: string[] = [];
	for (const part of link.split(/,(?=\s*<)/)) {
		const m = /^\s*<([^>]+)>(.*)$/.exec(part);
		if (m?.[1] && /rel="?modulepreload"?/i.test(m[2] ?? '')) urls.push(m[1]);
	}
	return urls;
}

function attribute(tag: string, name: string): string | null {
	const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
	return m ? (m[1] ?? m[2] ?? m[3] ?? null) : null;
}

function htmlUrls(html: string): string[] {
	const urls: string[] = [];
	for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
		if (/modulepreload/i.test(attribute(tag, 'rel') ?? '')) {
			const href = attribute(tag, 'href');
			if (href) urls.push(href);
		}
	}
	for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
		const src = attribute(tag, 'src');
		if (src) urls.push(src);
	}
	// SvelteKit's inline start script: import("./_app/immutable/entry/start.X.js")
	for (const [body] of html.matchAll(/<script\b[^>]*>[\s\S]*?<\/script>/gi)) {
		for (const m of body.matchAll(/\bimport\(\s*["'`]([^"'`]+\.m?js)["'`]\s*\)/g)) {
			if (m[1]) urls.push(m[1]);
		}
	}
	return urls;
}

/** Bodies of inline scripts that run (not JSON data blocks), each as one "file". */
function inlineScripts(html: string): string[] {
	const bodies: string[] = [];
	for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
		const [, attrs = '', body = ''] = m;
		const type = attribute(`<script ${attrs}>`, 'type') ?? '';
		if (attribute(`<script ${attrs}>`, 'src') || /json/i.test(type) || !body.trim()) continue;
		bodies.push(body);
	}
	return bodies;
}

/** Static imports of a (minified) module: `from"./x.js"`, `import"./x.js"`. */
function staticImports(code: string): string[] {
	const found: string[] = [];
	for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["']([^"'\s]+\.m?js)["']/g)) {
		if (m[1]) found.push(m[1]);
	}
	return found;
}

export async function measureJsWeight(pageUrl: string, page: FetchedPage): Promise<JsWeight> {
	const origin = new URL(pageUrl).origin;
	const queue: URL[] = [];
	const seen = new Set<string>();
	const add = (href: string, base: string) => {
		const url = new URL(href, base);
		if (url.origin !== origin || seen.has(url.href)) return;
		seen.add(url.href);
		queue.push(url);
	};
	for (const href of [...linkHeaderUrls(page.link), ...htmlUrls(page.html)]) add(href, pageUrl);

	const files: JsFile[] = inlineScripts(page.html).map((body, i) => {
		const bytes = Buffer.from(body, 'utf8');
		return {
			path: `(inline script ${i + 1})`,
			bytes: bytes.length,
			gzipBytes: gzipSync(bytes, { level: 9 }).length
		};
	});
	while (queue.length > 0) {
		const url = queue.shift()!;
		const res = await fetch(url);
		if (!res.ok) throw new Error(`JavaScript ${url.pathname} of ${pageUrl}: HTTP ${res.status}`);
		const body = Buffer.from(await res.arrayBuffer());
		files.push({
			path: url.pathname,
			bytes: body.length,
			gzipBytes: gzipSync(body, { level: 9 }).length
		});
		for (const href of staticImports(body.toString('utf8'))) add(href, url.href);
	}
	files.sort((a, b) => b.gzipBytes - a.gzipBytes);
	const gzipBytes = files.reduce((sum, f) => sum + f.gzipBytes, 0);
	return {
		files,
		bytes: files.reduce((sum, f) => sum + f.bytes, 0),
		gzipBytes,
		kbGzip: gzipBytes / 1024
	};
}
