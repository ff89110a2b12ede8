import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { keysetPage, numberedPage } from './pagination';

/** Simulates the database side of keyset paging over ids 1..n. */
function fetch(n: number, keyset: { before: number | null; after: number | null }, limit: number) {
	const ids = Array.from({ length: n }, (_, i) => i + 1);
	const rows =
		keyset.after !== null
			? ids.filter((id) => id > keyset.after!).slice(0, limit + 1)
			: ids
					.filter((id) => keyset.before === null || id < keyset.before)
					.reverse()
					.slice(0, limit + 1);
	return keysetPage(
		rows.map((id) => ({ id })),
		keyset,
		limit
	);
}

describe('keyset paging', () => {
	it('walks back through every entry once, newest first, and forward again', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 10 }), (n, limit) => {
				const seen: number[] = [];
				const pages: { rows: { id: number }[] }[] = [];
				let page = fetch(n, { before: null, after: null }, limit);
				expect(page.newer).toBeNull();
				for (;;) {
					pages.push(page);
					seen.push(...page.rows.map((r) => r.id));
					if (!page.older) break;
					page = fetch(n, { before: Number(page.older), after: null }, limit);
				}
				expect(seen).toEqual(Array.from({ length: n }, (_, i) => n - i));
				// and back towards the newest, page by page, the same pages
				for (let i = pages.length - 1; i > 0; i--) {
					const newer = pages[i]!;
					const back = fetch(n, { before: null, after: Number(newer.rows[0]!.id) }, limit);
					expect(back.rows.map((r) => r.id)).toEqual(
						pages[i - 1]!.rows.map((r) => r.id)
							.filter((id) => id > newer.rows[0]!.id)
							.slice(-limit)
					);
				}
			})
		);
	});
});

describe('numberedPage', () => {
	it('has one page for an empty list, and shows the last page for a page past the end', () => {
		expect(numberedPage(0, 1, 50)).toEqual({ page: 1, pages: 1, offset: 0 });
		expect(numberedPage(308, 2, 50)).toEqual({ page: 2, pages: 7, offset: 50 });
		expect(numberedPage(308, 999, 50)).toEqual({ page: 7, pages: 7, offset: 300 });
		expect(numberedPage(100, 3, 50)).toEqual({ page: 2, pages: 2, offset: 50 });
	});
});
