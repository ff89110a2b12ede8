/**
 * Euros as people type them in Finland ("9 000", "9000,50", "9 000,5 €", "9000.50") to integer
 * cents; null when it is not an amount. Money is always integer cents in the code.
 */
export function parseEuros(text: string): number | null {
	const cleaned = text
		.replace(/[\s\u00a0\u202f]/g, '')
		.replace(/€$/, '')
		.replace(/^€/, '');
	const m = /^(\d{1,9})(?:[,.](\d{1,2}))?$/.exec(cleaned);
	if (!m) return null;
	const cents = Number(m[1]) * 100 + (m[2] ? Number(m[2].padEnd(2, '0')) : 0);
	return Number.isSafeInteger(cents) ? cents : null;
}

/** Cents as an amount to edit: "9000,00" (no grouping, so it parses back). */
export function centsToInput(cents: number): string {
	return `${Math.trunc(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
}
