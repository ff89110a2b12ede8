import { page } from '$app/state';
import type { Messages } from './fi';
import { fi } from './fi';
import { formatDate, formatDateTime, formatMoney, formatNumber, formatTimeRange } from './format';
import { DEFAULT_LOCALE, type Locale } from './locales';
import { format, pick, type MessageKey, type MessageParams } from './translate';

export type { MessageKey, MessageParams };

function current(): { messages: Messages; locale: Locale } {
	const data = page.data as { messages?: Messages; locale?: Locale };
	return { messages: data.messages ?? fi, locale: data.locale ?? DEFAULT_LOCALE };
}

/** Translates in the page's language; call it while a component renders. */
export function t(key: MessageKey, params?: MessageParams): string {
	return format(pick(current().messages, key, params), params);
}

export const n = (value: number) => formatNumber(current().locale, value);
export const money = (cents: number) => formatMoney(current().locale, cents);
export const date = (value: Date | string) => formatDate(current().locale, value);
export const dateTime = (value: Date | string) => formatDateTime(current().locale, value);
export const timeRange = (start: Date | string, end: Date | string) =>
	formatTimeRange(current().locale, start, end);
/** A file's size as a person reads it: whole kilobytes below a megabyte, else megabytes to a tenth. */
export const fileSize = (bytes: number) =>
	bytes < 1024 * 1024
		? t('materials.sizeKb', { size: n(Math.max(1, Math.round(bytes / 1024))) })
		: t('materials.sizeMb', { size: n(Math.round(bytes / 104_857.6) / 10) });
