import { describe, expect, it } from 'vitest';
import { catalogues } from './catalogue';
import { formatDate, formatDateTime, formatMoney, formatNumber } from './format';
import { localeFromAcceptLanguage } from './locales';
import { format } from './translate';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogue', () => {
	it('has every Finnish message in Swedish and English with the same placeholders', () => {
		for (const [key, text] of Object.entries(catalogues.fi)) {
			for (const locale of ['sv', 'en'] as const) {
				const other = catalogues[locale][key as keyof typeof catalogues.fi];
				expect(other, `${locale} ${key}`).toBeTruthy();
				expect(placeholders(other), `${locale} ${key}`).toEqual(placeholders(text));
			}
		}
	});

	it('has no message in Swedish or English that Finnish lacks', () => {
		for (const locale of ['sv', 'en'] as const) {
			expect(Object.keys(catalogues[locale]).sort()).toEqual(Object.keys(catalogues.fi).sort());
		}
	});

	it('fills placeholders and shows a missing one by name', () => {
		expect(format('Sivu {page} / {pages}', { page: 2, pages: 7 })).toBe('Sivu 2 / 7');
		expect(format('Hei {name}', {})).toBe('Hei {name}');
	});
});

describe('Finnish formats', () => {
	it('writes money as 1 234,50 € in every language', () => {
		for (const locale of ['fi', 'sv', 'en'] as const) {
			expect(formatMoney(locale, 123450).replace(/\s/g, ' ')).toBe('1 234,50 €');
		}
	});

	it('groups digits with spaces', () => {
		expect(formatNumber('fi', 5635971).replace(/\s/g, ' ')).toBe('5 635 971');
	});

	it('writes dates day first, in Helsinki time', () => {
		expect(formatDate('fi', '2025-01-01')).toBe('1.1.2025');
		// 22:30 UTC on 31 December is already New Year in Helsinki
		expect(formatDate('fi', new Date('2024-12-31T22:30:00Z'))).toBe('1.1.2025');
		expect(formatDateTime('fi', new Date('2026-06-01T09:05:00Z'))).toContain('12.05');
	});
});

describe('localeFromAcceptLanguage', () => {
	it.each([
		['sv-FI,sv;q=0.9,en;q=0.8', 'sv'],
		['en-GB,en;q=0.9', 'en'],
		['de-DE,de;q=0.9,en;q=0.5', 'en'],
		['fi', 'fi'],
		['de, fr', undefined],
		['', undefined],
		['en;q=0.1, sv;q=0.5', 'sv'],
		['sv;q=0, en', 'en'],
		[';;;q=abc,,,', undefined]
	])('%j gives %j', (header, expected) => {
		expect(localeFromAcceptLanguage(header)).toBe(expected);
	});
});

describe('event times', () => {
	it('writes one day’s event with the end time only, in Helsinki time across DST', async () => {
		const { formatTimeRange } = await import('./format');
		const nbsp = (s: string) => s.replace(/\s/g, ' ');
		// 2024-03-31 is the spring change: 09:00 EEST is 06:00Z
		expect(nbsp(formatTimeRange('fi', '2024-03-31T06:00:00Z', '2024-03-31T13:00:00Z'))).toBe(
			'31.3.2024 klo 9.00–16.00'
		);
		expect(nbsp(formatTimeRange('fi', '2024-03-30T07:00:00Z', '2024-03-31T13:00:00Z'))).toBe(
			'30.3.2024 klo 9.00 – 31.3.2024 klo 16.00'
		);
	});
});
