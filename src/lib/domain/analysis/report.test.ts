import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distributionText, printedScore, reportLanguage, scoreText, signedChange } from './report';

describe('reportLanguage', () => {
	it('writes in Swedish for Swedish-speaking and Swedish-majority municipalities, else Finnish', () => {
		expect([0, 1, 2, 3].map((status) => reportLanguage(status, null))).toEqual([
			'fi',
			'fi',
			'sv',
			'sv'
		]);
	});

	it('writes in English only when asked, whatever the municipality', () => {
		expect([0, 1, 2, 3].map((status) => reportLanguage(status, 'en'))).toEqual([
			'en',
			'en',
			'en',
			'en'
		]);
		expect(reportLanguage(2, 'de')).toBe('sv');
		expect(reportLanguage(0, 'sv')).toBe('fi');
	});
});

describe('printed figures', () => {
	it('rounds scores to whole numbers and keeps a missing one missing', () => {
		expect(printedScore(62.5)).toBe(63);
		expect(printedScore(null)).toBeNull();
		expect(printedScore(undefined)).toBeNull();
	});

	it('signs a change, with a true minus sign and ±0 for no change', () => {
		expect(signedChange(12.4)).toBe('+12');
		expect(signedChange(-3.2)).toBe('\u22123');
		expect(signedChange(0.4)).toBe('±0');
		fc.assert(
			fc.property(fc.double({ min: -100, max: 100, noNaN: true }), (change) => {
				const text = signedChange(change);
				expect(text).toMatch(/^(\+[1-9]\d*|\u2212[1-9]\d*|±0)$/);
			})
		);
	});
});

describe('a distribution as printed', () => {
	const words = {
		t: (key: string, params?: Record<string, string>) => `${key} ${JSON.stringify(params ?? {})}`,
		n: (v: number) => `#${v}`
	};

	it('is the suppression notice for a group under five', () => {
		expect(distributionText({ suppressed: true }, words)).toBe('analysis.suppressed {}');
	});

	it('names the count and the rounded five figures, a missing one as a dash', () => {
		const text = distributionText(
			{
				suppressed: false,
				n: 7,
				min: 12.4,
				lowerQuartile: 30.5,
				median: 48.49,
				upperQuartile: 61,
				max: 88.6
			},
			words
		);
		expect(text).toBe(
			'analysis.distributionText {"n":"#7","median":"#48","q1":"#31","q3":"#61","min":"#12","max":"#89"}'
		);
		expect(scoreText(null, words)).toBe('–');
	});
});
