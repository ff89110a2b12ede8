import { describe, expect, it } from 'vitest';
import { localized, localizedLang } from './localized';

const event = { titleFi: 'Seminaari', titleSv: 'Seminarium', titleEn: ' ' };

describe('localized', () => {
	it('gives the reader’s language, and Finnish where that text is empty', () => {
		expect(localized(event, 'title', 'sv')).toBe('Seminarium');
		expect(localized(event, 'title', 'en')).toBe('Seminaari');
		expect(localized(event, 'title', 'fi')).toBe('Seminaari');
	});

	it('marks a Finnish fallback with lang="fi" for screen readers', () => {
		expect(localizedLang(event, 'title', 'en')).toBe('fi');
		expect(localizedLang(event, 'title', 'sv')).toBeUndefined();
		expect(localizedLang(event, 'title', 'fi')).toBeUndefined();
	});
});
