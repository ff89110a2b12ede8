import type { MessageKey, Messages } from './fi';

export type { MessageKey, Messages };
export type MessageParams = Record<string, string | number>;

/** Fills {placeholders}; a missing parameter shows as its name so the gap is visible. */
export function format(template: string, params?: MessageParams): string {
	if (!params) return template;
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole
	);
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/**
 * The message for a count: a key with a `.one` variant uses it when the count is 1
 * ("1 kunta", "14 kuntaa"); every language has the same keys, so the rule is the same.
 */
export function pick(messages: Messages, key: MessageKey, params?: MessageParams): string {
	if (params && String(params.count) === '1') {
		const one = (messages as Record<string, string>)[`${key}.one`];
		if (one) return one;
	}
	return messages[key] ?? key;
}

export function translator(messages: Messages): Translate {
	return (key, params) => format(pick(messages, key, params), params);
}
