import { z } from 'zod';
import { choice, isoDate, text } from './fields';
import { parseEuros } from '$lib/domain/money';

export const MAX_TIER_ROWS = 5;

const population = z
	.string()
	.trim()
	.regex(/^\d{0,9}$/, 'error.invalid');

const euros = z
	.string()
	.trim()
	.refine((v) => parseEuros(v) !== null, 'error.invalidAmount')
	.transform((v) => parseEuros(v)!);

const row = z.object({
	nameFi: text({ max: 100 }),
	nameSv: text({ max: 100 }),
	nameEn: text({ max: 100 }),
	min: population.refine((v) => v !== '', 'error.required').transform(Number),
	max: population.transform((v) => (v === '' ? null : Number(v))),
	fee: euros
});

export const feeScheduleHeaderSchema = z.object({
	validFrom: isoDate(),
	vatTreatment: choice(['vat_exempt', 'vat_standard'] as const)
});

/** One tier row of the form, or null when the row was left empty. */
export function parseTierRow(form: FormData, i: number) {
	const raw = Object.fromEntries(
		(['nameFi', 'nameSv', 'nameEn', 'min', 'max', 'fee'] as const).map((k) => [
			k,
			String(form.get(`t${i}${k}`) ?? '')
		])
	);
	if (Object.values(raw).every((v) => v.trim() === '')) return { empty: true as const, raw };
	const result = row.safeParse(raw);
	return { empty: false as const, raw, result };
}
