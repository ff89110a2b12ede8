/**
 * The shape of an identifier the database hands out (`uuid`, lower-case hex in 8-4-4-4-12
 * groups). A value from a URL or a form is checked against it before it reaches a query, so a
 * made-up or mistyped address is "not found" rather than PostgreSQL's "invalid input syntax
 * for type uuid" (a 500). Thirty-six dashes would pass a looser `[0-9a-f-]{36}`; this does not.
 */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The same, or empty (an optional choice left blank). */
export const OPTIONAL_UUID_PATTERN =
	/^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?$/;

export function isUuid(value: unknown): value is string {
	return typeof value === 'string' && UUID_PATTERN.test(value);
}
