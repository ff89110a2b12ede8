import { z } from 'zod';
import { parseEuros } from '$lib/domain/money';
import { parseKilometres } from '$lib/domain/workshops/kilometre-allowances';
import { COST_KINDS } from '$lib/domain/workshops/travel-costs';
import { choice, isoDate, text } from './fields';

/**
 * A number as typed, to the domain's unit, keeping its sign: "-5" becomes -5 for the rule to
 * call negative, rather than a format error; empty is null for the rule to call required.
 */
function signed(parse: (text: string) => number | null, message: string) {
	return z
		.string()
		.trim()
		.transform((value, ctx) => {
			if (value === '') return null;
			const negative = /^[-−]/.test(value);
			const parsed = parse(value.replace(/^[-−]\s*/, ''));
			if (parsed === null) {
				ctx.addIssue({ code: 'custom', message });
				return null;
			}
			return negative ? -parsed : parsed;
		});
}

/** VAT rates a receipt may show, in basis points; 'several' for a receipt with more than one. */
export const VAT_RATE_CHOICES = ['0', '1000', '1350', '1400', '2400', '2550', 'several'] as const;

export const journeyHeaderSchema = z.object({
	from: text({ max: 200 }),
	to: text({ max: 200 })
});

/** One cost line; the receipt (a file) is read beside it. */
export const costLineSchema = z.object({
	kind: choice(COST_KINDS),
	date: z
		.string()
		.trim()
		.pipe(z.union([z.literal(''), isoDate()])),
	distanceKm: signed(parseKilometres, 'error.travel.kilometres').prefault(''),
	grossCents: signed(parseEuros, 'error.invalidAmount').prefault(''),
	vatCents: signed(parseEuros, 'error.invalidAmount').prefault(''),
	vatRate: choice(VAT_RATE_CHOICES).prefault('several'),
	description: text({ max: 500, optional: true }).default('')
});

export const returnJourneySchema = z.object({
	reason: text({ max: 1000, multiline: true })
});
