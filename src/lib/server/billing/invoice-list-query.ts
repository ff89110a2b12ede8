import { parseQuery } from '../http/parse';
import { choice, wholeNumber } from '$lib/schemas/fields';
import { z } from 'zod';
import { INVOICE_LIST_STATES, type InvoiceListState } from './invoice-queries';
import { UUID_PATTERN } from '$lib/domain/uuid';

/** The invoice list's filters from a query string: season, year, state and page. */
export function parseInvoiceListQuery(params: URLSearchParams) {
	return parseQuery(
		params,
		{
			season: z.string().regex(UUID_PATTERN, 'error.invalidChoice'),
			year: wholeNumber(2000, 9999),
			state: choice(INVOICE_LIST_STATES),
			page: wholeNumber(1, 100_000)
		},
		{
			season: null as string | null,
			year: null as number | null,
			state: null as InvoiceListState | null,
			page: 1
		}
	);
}

/**
 * The coordinator's list: the same filters, and instead of a page number the invoice next to
 * which the page starts (`before`: older ones, `after`: newer ones), by its id.
 */
export function parseNetworkInvoiceListQuery(params: URLSearchParams) {
	const cursor = z.string().regex(UUID_PATTERN, 'error.invalidChoice');
	return parseQuery(
		params,
		{
			season: z.string().regex(UUID_PATTERN, 'error.invalidChoice'),
			year: wholeNumber(2000, 9999),
			state: choice(INVOICE_LIST_STATES),
			before: cursor,
			after: cursor
		},
		{
			season: null as string | null,
			year: null as number | null,
			state: null as InvoiceListState | null,
			before: null as string | null,
			after: null as string | null
		}
	);
}
