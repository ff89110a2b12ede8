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

export function translator(messages: Messages): Translate {
	return (key, params) => format(messages[key] ?? key, params);
}
