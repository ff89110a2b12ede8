import { INTL_TAG, TIME_ZONE, type Locale } from './locales';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = `n:${locale}:${JSON.stringify(options)}`;
	let f = cache.get(key) as Intl.NumberFormat | undefined;
	if (!f) {
		f = new Intl.NumberFormat(INTL_TAG[locale], options);
		cache.set(key, f);
	}
	return f;
}

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `d:${locale}:${JSON.stringify(options)}`;
	let f = cache.get(key) as Intl.DateTimeFormat | undefined;
	if (!f) {
		f = new Intl.DateTimeFormat(INTL_TAG[locale], { timeZone: TIME_ZONE, ...options });
		cache.set(key, f);
	}
	return f;
}

/** 1 234 567 (Finnish digit grouping with a no-break space). */
export function formatNumber(locale: Locale, n: number): string {
	return numberFormat(locale, {}).format(n);
}

/** 1 234,50 € from integer cents. */
export function formatMoney(locale: Locale, cents: number): string {
	return numberFormat(locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** 29.11.2026, in Helsinki time. A plain date string (yyyy-mm-dd) is taken as that day. */
export function formatDate(locale: Locale, value: Date | string): string {
	const date =
		typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
			? new Date(`${value}T12:00:00Z`)
			: new Date(value);
	return dateFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric' }).format(date);
}

/** 29.11.2026 klo 21.17 (Helsinki time). */
export function formatDateTime(locale: Locale, value: Date | string): string {
	return dateFormat(locale, {
		day: 'numeric',
		month: 'numeric',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit'
	}).format(new Date(value));
}

/**
 * An event's time: "12.3.2024 klo 9.00–16.00" within one Helsinki day, otherwise both ends in
 * full. Hours without a leading zero, as Finnish writes them (Kielitoimisto).
 */
export function formatTimeRange(locale: Locale, start: Date | string, end: Date | string): string {
	const day = dateFormat(locale, { day: 'numeric', month: 'numeric', year: 'numeric' });
	const full = dateFormat(locale, {
		day: 'numeric',
		month: 'numeric',
		year: 'numeric',
		hour: 'numeric',
		minute: '2-digit'
	});
	const from = new Date(start);
	const to = new Date(end);
	if (day.format(from) === day.format(to)) {
		const time = dateFormat(locale, { hour: 'numeric', minute: '2-digit' });
		return `${full.format(from)}–${time.format(to)}`;
	}
	return `${full.format(from)} – ${full.format(to)}`;
}
