import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The WCAG 2.1 A and AA rules (the level the public sector must meet). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AccessibilityOptions {
	/** CSS selectors to leave out of the scan. */
	exclude?: string[];
	/** Rule ids to switch off, each with a reason in the calling test. */
	disableRules?: string[];
}

/**
 * Runs axe on the page as it is now and throws on any WCAG 2.1 A/AA violation, listing each
 * rule, its impact, what it asks for and (up to three of) the elements that break it.
 * `context` names the state checked, e.g. 'sign-in form with errors'.
 */
export async function expectAccessible(
	page: Page,
	context?: string,
	options: AccessibilityOptions = {}
): Promise<void> {
	let builder = new AxeBuilder({ page }).withTags(WCAG_TAGS);
	for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
	if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
	const results = await builder.analyze();
	if (results.violations.length === 0) return;

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
	const where = context ? `${context} (${page.url()})` : page.url();
	throw new Error(
		`${results.violations.length} accessibility violation(s) on ${where}:\n${lines.join('\n')}`
	);
}
