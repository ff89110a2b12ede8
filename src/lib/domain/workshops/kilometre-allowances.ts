import type { LocalDate } from '../helsinki-time';

/**
 * The tax-free kilometre allowance for a journey in one's own car, as data with the day it is
 * valid from (ADR 018). The rate in force on a day is the one with the latest start on or
 * before it. The database keeps the rates (so a new year's rate is a row, not a release);
 * `FINNISH_KILOMETRE_RATES` is what it starts with and what the tests use.
 */

export interface KilometreRate {
	/** yyyy-mm-dd */
	validFrom: LocalDate;
	/** Whole cents per kilometre. */
	centsPerKm: number;
}

/**
 * The Finnish Tax Administration's (Verohallinto) yearly decisions on tax-exempt allowances
 * for travel expenses, the base rate for a car ("autolla … senttiä kilometriltä"); each is
 * valid from 1 January "until further notice", i.e. until the next one.
 */
export const FINNISH_KILOMETRE_RATES: readonly KilometreRate[] = [
	// decision for 2023
	{ validFrom: '2023-01-01', centsPerKm: 53 },
	// decision for 2024
	{ validFrom: '2024-01-01', centsPerKm: 57 },
	// decision for 2025, VH/6768/00.01.00/2024 of 13 Nov 2024
	{ validFrom: '2025-01-01', centsPerKm: 59 },
	// decision for 2026, VH/6575/00.01.00/2025
	{ validFrom: '2026-01-01', centsPerKm: 55 }
];

/** The rate in force on a day, or null before the first. */
export function kilometreRateOn<R extends KilometreRate>(
	rates: readonly R[],
	day: LocalDate
): R | null {
	let found: R | null = null;
	for (const rate of rates) {
		if (rate.validFrom <= day && (!found || rate.validFrom > found.validFrom)) found = rate;
	}
	return found;
}

export type KilometreRateProblem =
	| { kind: 'invalid_date'; validFrom: string }
	| { kind: 'duplicate_start'; validFrom: string }
	| { kind: 'not_positive'; validFrom: string };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Real yyyy-mm-dd dates, each once, with a whole number of cents above zero. */
export function checkKilometreRates(rates: readonly KilometreRate[]): KilometreRateProblem[] {
	const problems: KilometreRateProblem[] = [];
	const seen = new Set<string>();
	for (const { validFrom, centsPerKm } of rates) {
		const d = new Date(`${validFrom}T00:00:00Z`);
		if (
			!ISO_DATE.test(validFrom) ||
			Number.isNaN(d.getTime()) ||
			d.toISOString().slice(0, 10) !== validFrom
		) {
			problems.push({ kind: 'invalid_date', validFrom });
		}
		if (seen.has(validFrom)) problems.push({ kind: 'duplicate_start', validFrom });
		seen.add(validFrom);
		if (!Number.isSafeInteger(centsPerKm) || centsPerKm <= 0) {
			problems.push({ kind: 'not_positive', validFrom });
		}
	}
	return problems;
}

/** Is a distance one the rules take: finite, not negative, at most one decimal (100 m)? */
export function isKilometres(distanceKm: number): boolean {
	if (!Number.isFinite(distanceKm) || distanceKm < 0) return false;
	const tenths = distanceKm * 10;
	// 123.4 * 10 is 1234.0000000000002 in binary floating point
	return Math.abs(tenths - Math.round(tenths)) < 1e-6 && Number.isSafeInteger(Math.round(tenths));
}

/**
 * The allowance in cents for a distance at a rate: tenths of a kilometre times the rate,
 * divided by ten and rounded half up to a whole cent (123.4 km × 57 c = 7,033.8 → 7,034 c).
 * All in integers; the distance must satisfy `isKilometres`.
 */
export function kilometreCents(distanceKm: number, centsPerKm: number): number {
	if (!isKilometres(distanceKm)) throw new RangeError(`not a distance: ${distanceKm}`);
	if (!Number.isSafeInteger(centsPerKm) || centsPerKm < 0) {
		throw new RangeError(`not a rate in whole cents: ${centsPerKm}`);
	}
	const tenths = Math.round(distanceKm * 10);
	return Math.floor((tenths * centsPerKm + 5) / 10);
}

/**
 * Kilometres as people type them ("123", "123,4", "1 234.5", "12 km") to a number, or null:
 * at most one decimal, as a trip meter shows them.
 */
export function parseKilometres(text: string): number | null {
	const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(/km$/i, '');
	const m = /^(\d{1,7})(?:[,.](\d))?$/.exec(cleaned);
	if (!m) return null;
	return (Number(m[1]) * 10 + (m[2] ? Number(m[2]) : 0)) / 10;
}
