import { parseQuery } from '../http/parse';
import { registryQueryDefaults, registryQueryShape } from '$lib/schemas/registry';

/** The registry's filters from a query string; bad values fall back and are reported. */
export function parseRegistryQuery(params: URLSearchParams) {
	return parseQuery(params, registryQueryShape, registryQueryDefaults);
}
