import { accessSync, constants } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, describe, it } from 'vitest';

/**
 * Debian's Chromium driven by playwright-core (never `npx playwright install`: no download works
 * on our machines). CHROMIUM_PATH overrides where it is looked for.
 */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

export const BROWSER_MISSING_HELP =
	'Chromium was not found. Install Debian\'s chromium ("apt-get install chromium") ' +
	'or set CHROMIUM_PATH to a Chromium executable.';

function isExecutable(file: string): boolean {
	try {
		accessSync(file, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

/** The Chromium executable to use, or null when there is none. */
export function chromiumPath(): string | null {
	const configured = process.env.CHROMIUM_PATH;
	if (configured) return isExecutable(configured) ? configured : null;
	return CANDIDATES.find(isExecutable) ?? null;
}

export function browserAvailable(): boolean {
	return chromiumPath() !== null;
}

/** True when a missing browser must fail the run (CI sets VERKOSTO_REQUIRE_BROWSER=1). */
export function browserRequired(): boolean {
	return process.env.VERKOSTO_REQUIRE_BROWSER === '1';
}

export interface LaunchOptions {
	/** Browser locale; also sets Accept-Language and navigator.language. Default fi-FI. */
	locale?: string;
	/** Overrides the Accept-Language header sent with every request (e.g. 'sv-FI,sv;q=0.9'). */
	acceptLanguage?: string;
	timezoneId?: string;
	viewport?: { width: number; height: number } | null;
	/** Disable JavaScript to test that forms work without it. */
	javaScriptEnabled?: boolean;
	extraHTTPHeaders?: Record<string, string>;
}

/**
 * One Chromium per test file, started on first use and closed after the file's tests; each
 * story gets a context of its own in it (launchBrowser). A context is as separate as a fresh
 * profile — its own cookies, storage, cache and permissions — and costs a fraction of a
 * browser start (measured: ~1 s against ~5 s on a busy two-core machine).
 */
let shared: Promise<Browser> | undefined;

async function sharedBrowser(): Promise<Browser> {
	const executablePath = chromiumPath();
	if (!executablePath) throw new Error(BROWSER_MISSING_HELP);
	if (!shared) {
		const starting = chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
		shared = starting;
		starting.catch(() => {
			if (shared === starting) shared = undefined;
		});
	}
	return shared;
}

afterAll(async () => {
	const browser = shared;
	shared = undefined;
	await (await browser?.catch(() => undefined))?.close();
});

/**
 * A fresh browser context: no cookies or storage from another story. It starts with one open
 * tab: `context.pages()[0]` (or use `firstPage`). Close it when the story ends.
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<BrowserContext> {
	const browser = await sharedBrowser();
	const context = await browser.newContext({
		locale: options.locale ?? 'fi-FI',
		timezoneId: options.timezoneId ?? 'Europe/Helsinki',
		viewport: options.viewport === undefined ? { width: 1280, height: 900 } : options.viewport,
		javaScriptEnabled: options.javaScriptEnabled ?? true,
		extraHTTPHeaders: options.extraHTTPHeaders
	});
	context.on('console', (message) => {
		if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
			const page = message.page();
			if (page) refusedByPolicy.set(page, [...(refusedByPolicy.get(page) ?? []), message.text()]);
		}
	});
	const acceptLanguage = options.acceptLanguage;
	if (acceptLanguage) {
		// Playwright derives Accept-Language from `locale` and lets it win over extra headers:
		// rewrite it on every request instead.
		try {
			await context.route('**/*', (route) =>
				route.continue({
					headers: { ...route.request().headers(), 'accept-language': acceptLanguage }
				})
			);
		} catch (error) {
			await context.close();
			throw error;
		}
	}
	try {
		await context.newPage();
	} catch (error) {
		await context.close();
		throw error;
	}
	return context;
}

/** What Chromium refused to load or run on each page because of its Content-Security-Policy. */
const refusedByPolicy = new WeakMap<Page, string[]>();

/**
 * The Content-Security-Policy violations Chromium reported on `page` since the last call (the
 * app's policy must never stop its own styles, images or forms), and forgets them.
 */
export function takePolicyViolations(page: Page): string[] {
	const seen = refusedByPolicy.get(page) ?? [];
	refusedByPolicy.delete(page);
	return seen;
}

/** The tab a context opens with (a new one if it was closed). */
export async function firstPage(context: BrowserContext): Promise<Page> {
	return context.pages()[0] ?? (await context.newPage());
}

/** Launches a browser, runs `story` with its first tab, and always closes the browser. */
export async function withBrowser<T>(
	story: (page: Page, context: BrowserContext) => Promise<T>,
	options: LaunchOptions = {}
): Promise<T> {
	const context = await launchBrowser(options);
	try {
		return await story(await firstPage(context), context);
	} finally {
		await context.close();
	}
}

/**
 * `describe` for suites that need Chromium. Without Chromium the suite is skipped with an
 * explanation, unless VERKOSTO_REQUIRE_BROWSER=1 (CI): then it fails.
 */
export function describeWithBrowser(name: string, suite: () => void): void {
	if (browserAvailable()) {
		describe(name, suite);
		return;
	}
	const where = process.env.CHROMIUM_PATH
		? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable`
		: `looked in ${CANDIDATES.join(', ')}`;
	if (browserRequired()) {
		describe(name, () => {
			it('needs Chromium (VERKOSTO_REQUIRE_BROWSER=1)', () => {
				throw new Error(`${BROWSER_MISSING_HELP} (${where})`);
			});
		});
		return;
	}
	console.warn(`Skipping "${name}": ${BROWSER_MISSING_HELP} (${where})`);
	describe.skip(name, suite);
}
