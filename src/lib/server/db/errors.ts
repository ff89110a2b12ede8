/**
 * True for PostgreSQL's unique_violation (23505), as either driver reports it (Drizzle wraps
 * the driver's error in `cause`).
 */
export function isUniqueViolation(e: unknown): boolean {
	if (typeof e !== 'object' || e === null) return false;
	const code = (e as { code?: string }).code ?? (e as { cause?: { code?: string } }).cause?.code;
	return code === '23505';
}
