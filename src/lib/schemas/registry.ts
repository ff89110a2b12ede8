import { z } from 'zod';
import { choice, text, wholeNumber } from './fields';
import { MAX_SEARCH_LENGTH } from '$lib/domain/search-key';

export const REGISTRY_SORTS = ['name', 'code', 'population'] as const;
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export const PAGE_SIZES = ['25', '50', '100'] as const;

/** The registry's query string, field by field (see parseQuery). */
export const registryQueryShape = {
	q: text({ max: MAX_SEARCH_LENGTH, optional: true }),
	region: z.string().regex(/^\d{2}$/, 'error.invalidChoice'),
	county: z.string().regex(/^\d{1,2}$/, 'error.invalidChoice'),
	area: z.string().regex(/^\d{1,3}$/, 'error.invalidChoice'),
	language: wholeNumber(0, 3),
	size: wholeNumber(1, 10),
	abolished: z.enum(['1'], { error: 'error.invalidChoice' }).transform(() => true),
	sort: choice(REGISTRY_SORTS),
	dir: choice(SORT_DIRECTIONS),
	page: wholeNumber(1, 100_000),
	perPage: choice(PAGE_SIZES).transform(Number)
};

export const registryQueryDefaults = {
	q: '',
	region: '',
	county: '',
	area: '',
	language: null as number | null,
	size: null as number | null,
	abolished: false,
	sort: 'name' as (typeof REGISTRY_SORTS)[number],
	dir: 'asc' as (typeof SORT_DIRECTIONS)[number],
	page: 1,
	perPage: 50
};

export type RegistryQuery = typeof registryQueryDefaults;
