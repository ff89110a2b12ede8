import { divideHalfAwayFromZero, toSafeNumber } from './rounding';

/**
 * VAT rates as dated data, and the VAT of an amount. A rate is an integer of basis points
 * (hundredths of a per cent, 2550 = 25,5 %), so every rate Finland has had is exact and no
 * float touches money. A schedule is the rates of one kind (the general rate) by the day they
 * came into force; the rate on a day is the one with the latest start on or before it.
 *
 * Which day counts is the caller's: the Finnish Tax Administration ties the rate to the day
 * the goods were delivered or the service performed (advance payments: the day paid), not to
 * the invoice date (Vero, "Arvonlisäverokantojen muutostilanteet – mitä verokantaa
 * käytetään?").
 */

export interface VatRate {
	/** yyyy-mm-dd, the first day the rate applies. */
	validFrom: string;
	/** Hundredths of a per cent: 2550 is 25,5 %. */
	basisPoints: number;
}

export type VatScheduleProblem =
	| { kind: 'bad_date'; validFrom: string }
	| { kind: 'bad_rate'; validFrom: string }
	| { kind: 'duplicate_start'; validFrom: string };

/**
 * Finland's general VAT rate (Arvonlisäverolaki 1501/1993, 84 §): 24 % from 1.1.2013 until
 * 31.8.2024, 25,5 % from 1.9.2024. Source: Finnish Tax Administration (Vero), "Arvonlisävero-
 * prosentit" and the change of 1.9.2024.
 */
export const FINNISH_GENERAL_VAT: readonly VatRate[] = [
	{ validFrom: '2013-01-01', basisPoints: 2400 },
	{ validFrom: '2024-09-01', basisPoints: 2550 }
];

/** The rate in force on a day (yyyy-mm-dd), or null before the schedule starts. */
export function rateOn<R extends VatRate>(rates: readonly R[], day: string): R | null {
	let found: R | null = null;
	for (const rate of rates) {
		if (rate.validFrom <= day && (found === null || rate.validFrom > found.validFrom)) {
			found = rate;
		}
	}
	return found;
}

/** Dates that are real days, rates of 0–100 % in whole basis points, one rate per start. */
export function checkVatSchedule(rates: readonly VatRate[]): VatScheduleProblem[] {
	const problems: VatScheduleProblem[] = [];
	const seen = new Set<string>();
	for (const { validFrom, basisPoints } of rates) {
		const date = /^\d{4}-\d{2}-\d{2}$/.test(validFrom) ? new Date(`${validFrom}T00:00:00Z`) : null;
		if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== validFrom) {
			problems.push({ kind: 'bad_date', validFrom });
		}
		if (!Number.isInteger(basisPoints) || basisPoints < 0 || basisPoints > 10_000) {
			problems.push({ kind: 'bad_rate', validFrom });
		}
		if (seen.has(validFrom)) problems.push({ kind: 'duplicate_start', validFrom });
		seen.add(validFrom);
	}
	return problems;
}

/**
 * The VAT on a taxable amount, in cents: amount × rate, rounded to the cent, halves away from
 * zero (EN 16931 BR-CO-17: "VAT category tax amount = VAT category taxable amount × (VAT
 * category rate / 100), rounded to two decimals"). Negative amounts give the negated VAT.
 */
export function vatOf(taxableCents: number, basisPoints: number): number {
	return toSafeNumber(divideHalfAwayFromZero(BigInt(taxableCents) * BigInt(basisPoints), 10_000n));
}

/** The rate as the decimal e-invoices carry (EN 16931 BT-119, BT-152): 2550 → "25.5". */
export function vatPercentDecimal(basisPoints: number): string {
	const whole = Math.trunc(basisPoints / 100);
	const fraction = String(basisPoints % 100)
		.padStart(2, '0')
		.replace(/0+$/, '');
	return fraction === '' ? String(whole) : `${whole}.${fraction}`;
}
