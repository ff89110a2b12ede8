import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import axe from 'axe-core';
import type { Page } from 'playwright-core';

type AxeResults = Pick<axe.AxeResults, 'violations' | 'incomplete'>;
type AxeNode = axe.NodeResult;

/** The WCAG 2.1 A and AA rules (the level the public sector must meet). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AccessibilityOptions {
	/** CSS selectors to leave out of the scan. */
	exclude?: string[];
	/** Rule ids to switch off, each with a reason in the calling test. */
	disableRules?: string[];
}

/**
 * What axe's `color-contrast` check records for a text (axe-core 4.x,
 * `color-contrast-evaluate`): the colours are hex strings, the ratio is truncated to two
 * decimals, and the expected ratio is a string such as "4.5:1" (3:1 for large text).
 */
interface ContrastData {
	fgColor?: string;
	bgColor?: string;
	contrastRatio?: number;
	expectedContrastRatio?: string;
	fontSize?: string;
	fontWeight?: string;
	messageKey?: string;
}

/**
 * Texts axe filed under "incomplete" although it measured both colours and found them below
 * the AA ratio. axe leaves a text "for a person to review" when its colour equals its
 * background (1:1, `equalRatio`: it may be hidden on purpose) or when it is one character long
 * (`shortTextContent`: it may be an icon). In this app visible text is never meant to be
 * invisible, and a one-character text or icon needs its contrast too (1.4.3 and 1.4.11), so
 * both are failures: that is how the header's sign-out button went unnoticed, blue on blue.
 *
 * Where axe could not tell one of the colours (a background image or gradient, a pseudo
 * element, text partly covered or clipped — `contrastRatio` is then 0 and a colour missing)
 * there is nothing measured to fail on. In this app those are cells of tables scrolled out of
 * their box (`elmPartiallyObscured`, dark text on white once scrolled to): failing on them
 * would fail correct pages and teach people to switch the rule off. They stay with a person's
 * review, as axe means them to.
 */
function unreadableIncompleteText(results: AxeResults): { helpUrl: string; lines: string[] } {
	const lines: string[] = [];
	let helpUrl = '';
	for (const result of results.incomplete) {
		if (result.id !== 'color-contrast') continue;
		helpUrl = result.helpUrl;
		for (const node of result.nodes) {
			const data = contrastData(node);
			if (!data?.fgColor || !data.bgColor || typeof data.contrastRatio !== 'number') continue;
			const expected = Number.parseFloat(data.expectedContrastRatio ?? '');
			if (!(data.contrastRatio < expected)) continue;
			lines.push(
				`      ${node.target.map(String).join(' >> ')}: ${data.fgColor} on ${data.bgColor}, ` +
					`${data.contrastRatio}:1 (needs ${data.expectedContrastRatio}; ` +
					`${data.fontSize ?? '?'} ${data.fontWeight ?? ''}; axe: ${data.messageKey ?? 'incomplete'})`
			);
		}
	}
	return { helpUrl, lines };
}

function contrastData(node: AxeNode): ContrastData | undefined {
	const check = [...node.any, ...node.all, ...node.none].find((c) => c.id === 'color-contrast');
	return check?.data as ContrastData | undefined;
}

/**
 * Puts axe-core into the page unless it is there already: once per page load, not once per
 * check (@axe-core/playwright sent its 500 KB source on every check, and finished each check
 * in a blank tab of its own: about a second a check before axe looked at anything). Sent
 * through the DevTools protocol, as Playwright's own scripts are, so the page's
 * Content-Security-Policy does not apply to it (tests/e2e/infra.e2e.ts checks that). The help
 * links name the application @axe-core/playwright named, so that messages read as before.
 */
async function injectAxe(page: Page): Promise<void> {
	const present = await page.evaluate(() => 'axe' in window);
	if (present) return;
	await page.evaluate(
		`${axe.source}\n;axe.configure({ branding: { application: 'playwright' } });`
	);
}

/**
 * axe's answer on the page as it is now: the WCAG tags' rules but `disableRules`, on the
 * whole page but `exclude`. Only violations and incomplete results are read, so axe is asked
 * for no more than one example of each pass (`resultTypes`): it checks the same, and answers
 * far shorter on a long page.
 */
async function analyze(page: Page, options: AccessibilityOptions): Promise<AxeResults> {
	await injectAxe(page);
	const runOptions: axe.RunOptions = {
		runOnly: { type: 'tag', values: WCAG_TAGS },
		resultTypes: ['violations', 'incomplete']
	};
	if (options.disableRules?.length) {
		runOptions.rules = Object.fromEntries(
			options.disableRules.map((rule) => [rule, { enabled: false }])
		);
	}
	const context = { include: [], exclude: options.exclude ?? [] };
	return page.evaluate(
		async ({ context, runOptions }) => {
			const { violations, incomplete } = await (window as unknown as { axe: typeof axe }).axe.run(
				context,
				runOptions
			);
			return { violations, incomplete };
		},
		{ context, runOptions }
	);
}

/**
 * The states of pages found accessible in this run. A story passes through the same state
 * again and again — the sign-in page and the front page of each person in each story, a list
 * before and after "clear" — and axe, given the same page, answers the same: a state met again
 * is not checked again. Only passes are kept; a state that failed is checked each time it is
 * met. Kept in memory for this file (a test file is a module of its own in vitest) and, when
 * the run's global setup names a folder (`e2eAxePassDir`, ./seeded-template.ts), as one empty
 * file per state there, so that the next file meeting the same sign-in page, the same front
 * page, passes it at once too.
 */
const foundAccessible = new Set<string>();

async function passDir(): Promise<string> {
	if (!process.env.VITEST) return '';
	const { inject } = await import('vitest');
	return inject('e2eAxePassDir') ?? '';
}

async function passedBefore(state: string): Promise<boolean> {
	if (foundAccessible.has(state)) return true;
	const dir = await passDir();
	if (!dir || !existsSync(path.join(dir, state))) return false;
	foundAccessible.add(state);
	return true;
}

async function rememberPass(state: string): Promise<void> {
	foundAccessible.add(state);
	const dir = await passDir();
	if (dir) await writeFile(path.join(dir, state), '');
}

/**
 * Everything axe's answer depends on, as one hash: the address and the whole document, what
 * the markup does not show (typed values, choices, scroll positions, focus and what the mouse
 * is over — a :hover or :focus style changes colours), the window's size, whether the style
 * sheets, images and fonts have loaded, the emulated media, and the check's options. Two
 * states with one hash differ in nothing axe could see.
 */
async function pageState(page: Page, options: AccessibilityOptions): Promise<string> {
	const state = await page.evaluate(() => {
		const path = (element: Element | null): string => {
			const steps: string[] = [];
			for (let e = element; e?.parentElement; e = e.parentElement) {
				steps.unshift(`${e.tagName}:${Array.prototype.indexOf.call(e.parentElement.children, e)}`);
			}
			return steps.join('/');
		};
		const all = Array.from(document.querySelectorAll('*'));
		const controls = Array.from(document.querySelectorAll('input, select, textarea'), (c) =>
			c instanceof HTMLInputElement
				? `${c.value}|${c.checked}`
				: c instanceof HTMLSelectElement
					? `${c.selectedIndex}|${Array.from(c.selectedOptions, (o) => o.index).join(',')}`
					: (c as HTMLTextAreaElement).value
		);
		const scrolled = all
			.filter((e) => e.scrollTop !== 0 || e.scrollLeft !== 0)
			.map((e) => `${path(e)}@${e.scrollLeft},${e.scrollTop}`);
		const focused = document.activeElement;
		const media = [
			'(prefers-color-scheme: dark)',
			'(forced-colors: active)',
			'(prefers-contrast: more)',
			'(prefers-reduced-motion: reduce)'
		].map((query) => matchMedia(query).matches);
		// each file's app listens on a port of its own: a state is the same on any of them
		const html = document.documentElement.outerHTML.split(location.origin).join('ORIGIN');
		return JSON.stringify({
			url: location.href.replace(location.origin, 'ORIGIN'),
			html,
			controls,
			scrolled,
			window: [innerWidth, innerHeight, devicePixelRatio, scrollX, scrollY],
			focus: [path(focused), focused?.matches(':focus-visible') ?? false],
			hover: path(Array.from(document.querySelectorAll(':hover')).at(-1) ?? null),
			loaded: [
				document.readyState,
				Array.from(document.styleSheets, (sheet) => {
					try {
						return `${sheet.href?.replace(location.origin, 'ORIGIN')}:${sheet.cssRules.length}`;
					} catch {
						return `${sheet.href?.replace(location.origin, 'ORIGIN')}:?`;
					}
				}),
				Array.from(document.images, (image) => image.complete),
				document.fonts.status
			],
			media
		});
	});
	return createHash('sha256').update(state).update(JSON.stringify(options)).digest('hex');
}

/**
 * Runs axe on the page as it is now and throws on any WCAG 2.1 A/AA violation, listing each
 * rule, its impact, what it asks for and (up to three of) the elements that break it; and on
 * any text axe left "incomplete" with a measured contrast below AA, listing each element with
 * its colours and ratio. `context` names the state checked, e.g. 'sign-in form with errors'.
 * A state this run already found accessible passes at once (`passedBefore`).
 */
export async function expectAccessible(
	page: Page,
	context?: string,
	options: AccessibilityOptions = {}
): Promise<void> {
	const state = await pageState(page, options);
	if (await passedBefore(state)) return;
	const results = await analyze(page, options);
	const unreadable = unreadableIncompleteText(results);
	if (results.violations.length === 0 && unreadable.lines.length === 0) {
		// kept only if the page did not change while axe looked at it
		if ((await pageState(page, options)) === state) await rememberPass(state);
		return;
	}

	const lines = results.violations.map((violation) => {
		const targets = violation.nodes
			.slice(0, 3)
			.map((node) => `      ${node.target.map(String).join(' >> ')}`)
			.join('\n');
		const more =
			violation.nodes.length > 3 ? `\n      … and ${violation.nodes.length - 3} more` : '';
		return (
			`  - ${violation.id} [${violation.impact ?? 'unknown'}]: ${violation.help}\n` +
			`    ${violation.helpUrl}\n${targets}${more}`
		);
	});
	if (unreadable.lines.length > 0) {
		lines.push(
			`  - color-contrast (incomplete) [serious]: text axe measured below the AA contrast ratio\n` +
				`    ${unreadable.helpUrl}\n${unreadable.lines.join('\n')}`
		);
	}
	const count = results.violations.length + (unreadable.lines.length > 0 ? 1 : 0);
	const where = context ? `${context} (${page.url()})` : page.url();
	throw new Error(`${count} accessibility violation(s) on ${where}:\n${lines.join('\n')}`);
}
