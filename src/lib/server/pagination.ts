import { asc, desc, gt, lt, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

export interface Keyset<K extends number | string = number> {
	before: K | null;
	after: K | null;
}

/**
 * Newest-first paging by an ascending id: the cost of a page does not depend on how far
 * back it is. Returns the condition and order for a query that asks for one extra row.
 */
export function keysetQuery(id: PgColumn, keyset: Keyset): { where?: SQL; orderBy: SQL } {
	if (keyset.after !== null) return { where: gt(id, keyset.after), orderBy: asc(id) };
	if (keyset.before !== null) return { where: lt(id, keyset.before), orderBy: desc(id) };
	return { orderBy: desc(id) };
}

/**
 * Trims the extra row and works out the cursors for newer and older pages. The cursor is the
 * id of the first or last row shown: a number where the id orders the list, or a row's uuid
 * that the query looks its key up by (the coordinator's invoices).
 */
export function keysetPage<K extends number | string, T extends { id: K }>(
	rows: T[],
	keyset: Keyset<K>,
	limit: number
): { rows: T[]; newer: string | null; older: string | null } {
	const more = rows.length > limit;
	let page = rows.slice(0, limit);
	if (keyset.after !== null) page = page.reverse();
	const first = page[0];
	const last = page[page.length - 1];
	const goingBack = keyset.after === null;
	const hasNewer = goingBack ? keyset.before !== null : more;
	const hasOlder = goingBack ? more : true;
	return {
		rows: page,
		newer: hasNewer && first ? String(first.id) : null,
		older: hasOlder && last ? String(last.id) : null
	};
}

/**
 * Numbered pages for a list of `total` rows: how many pages there are (at least one, so an
 * empty list has page 1) and the page to show, a requested page past the end being the last.
 */
export function numberedPage(total: number, requested: number, perPage: number) {
	const pages = Math.max(1, Math.ceil(total / perPage));
	const page = Math.min(Math.max(1, requested), pages);
	return { page, pages, offset: (page - 1) * perPage };
}
