/**
 * A link to the same page with some query parameters changed (null removes one), keeping the
 * rest, as pagers and export links need.
 */
export function hrefWith(url: URL, changes: Record<string, string | null>, path = url.pathname) {
	const params = new URLSearchParams(url.searchParams);
	for (const [key, value] of Object.entries(changes)) {
		if (value === null) params.delete(key);
		else params.set(key, value);
	}
	const query = params.toString();
	return query ? `${path}?${query}` : path;
}

/**
 * What was typed into a GET form's field, to give back next to its error so nothing typed is
 * lost; control characters have no place in a field and are left out.
 */
export function typedValue(url: URL, name: string): string {
	// eslint-disable-next-line no-control-regex
	return (url.searchParams.get(name) ?? '').replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
}
