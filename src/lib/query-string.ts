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
