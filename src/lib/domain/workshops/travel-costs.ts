import type { LocalDate } from '../helsinki-time';
import {
	isKilometres,
	kilometreCents,
	kilometreRateOn,
	type KilometreRate
} from './kilometre-allowances';
import type { WorkshopActor } from './workshop-states';
import { detectFileType, FILE_TYPES } from '../files/file-types';

/**
 * An expert's travel costs for workshop journeys, re-invoiced to the municipalities at actual
 * cost (ADR 018). A journey (from, to, the workshops it served) has cost lines: one's own car
 * by kilometres at the tax-free allowance of the line's day, or a receipt (train, bus, flight,
 * taxi, hotel, other) with its total and VAT. Money is integer cents throughout.
 *
 * A journey is a claim: draft → submitted → approved, or returned with a reason and submitted
 * again. Only the expert edits and submits it, and only while it is a draft or returned; only
 * the coordinator approves or returns it. Approved is final and locked: the use case stores
 * each line's cents at approval, and only approved journeys are invoiced.
 */

export const COST_KINDS = ['own_car', 'train', 'bus', 'flight', 'taxi', 'hotel', 'other'] as const;
export type CostKind = (typeof COST_KINDS)[number];

/** Costs shown by a receipt: every kind but one's own car. */
export function needsReceipt(kind: CostKind): boolean {
	return kind !== 'own_car';
}

/** A longer line in one's own car is a typing error: Hanko–Nuorgam and back is about 2,600 km. */
export const MAX_KM_PER_LINE = 3_000;
/** A receipt above this (5,000 €) is a typing error for a workshop journey within Finland. */
export const MAX_RECEIPT_CENTS = 500_000;
/**
 * How far a receipt's VAT may be from its rate's share of the total: a receipt that rounds
 * each of up to ten lines to the cent can be off by five cents.
 */
export const VAT_TOLERANCE_CENTS = 5;
/** Receipts are phone photos or PDFs; 10 MB leaves room for a photo at full resolution. */
export const MAX_RECEIPT_BYTES = 10 * 1024 * 1024;

/** A cost line as entered, after parsing (dates as yyyy-mm-dd, amounts as cents, km as numbers). */
export interface CostLineInput {
	kind: CostKind;
	/** The day of the cost (yyyy-mm-dd, Helsinki); it chooses the kilometre rate. */
	date: string;
	/** Own car: kilometres, at most one decimal. */
	distanceKm: number | null;
	/** Receipt: its total with VAT. */
	grossCents: number | null;
	/** Receipt: the VAT in the total (0 when none). */
	vatCents: number | null;
	/** Receipt: the VAT rate in basis points (1400 = 14 %); null when it shows several rates. */
	vatBasisPoints: number | null;
	hasReceipt: boolean;
	/** What the cost was; required for `other`. */
	description: string;
}

export type CostLineField =
	'date' | 'distanceKm' | 'grossCents' | 'vatCents' | 'vatBasisPoints' | 'receipt' | 'description';

export type CostLineProblem =
	| 'required'
	/** Not a date, not a number, or not whole cents. */
	| 'invalid'
	| 'in_future'
	| 'outside_season'
	/** No kilometre rate is in force on the day (before the first one kept). */
	| 'no_rate'
	| 'negative'
	| 'zero'
	/** More than one decimal of a kilometre. */
	| 'too_precise'
	/** Beyond `MAX_KM_PER_LINE` or `MAX_RECEIPT_CENTS`. */
	| 'unreasonable'
	/** The VAT is more than the total. */
	| 'exceeds_amount'
	/** The VAT is not the rate's share of the total (beyond `VAT_TOLERANCE_CENTS`). */
	| 'mismatch';

export type CostLineErrors = Partial<Record<CostLineField, CostLineProblem>>;

export interface CostContext {
	/** Today in Helsinki, yyyy-mm-dd. */
	today: LocalDate;
	rates: readonly KilometreRate[];
	/** The season's period, inclusive, when costs must fall within it. */
	season?: { startsOn: string; endsOn: string };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDate(text: string): boolean {
	if (!ISO_DATE.test(text)) return false;
	const d = new Date(`${text}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

function checkCents(value: number | null, max: number): CostLineProblem | null {
	if (value === null) return 'required';
	if (!Number.isSafeInteger(value)) return 'invalid';
	if (value < 0) return 'negative';
	if (value === 0) return 'zero';
	if (value > max) return 'unreasonable';
	return null;
}

/** The VAT in a total at a rate: total × rate / (1 + rate), rounded half up to a cent. */
export function vatInGross(grossCents: number, vatBasisPoints: number): number {
	return Math.floor(
		(2 * grossCents * vatBasisPoints + 10_000 + vatBasisPoints) / (2 * (10_000 + vatBasisPoints))
	);
}

/** Each field's first problem; empty when the line may be saved and submitted. */
export function checkCostLine(line: CostLineInput, context: CostContext): CostLineErrors {
	const errors: CostLineErrors = {};
	if (line.date === '') errors.date = 'required';
	else if (!isDate(line.date)) errors.date = 'invalid';
	else if (line.date > context.today) errors.date = 'in_future';
	else if (
		context.season &&
		(line.date < context.season.startsOn || line.date > context.season.endsOn)
	) {
		errors.date = 'outside_season';
	}

	if (line.kind === 'own_car') {
		const km = line.distanceKm;
		if (km === null) errors.distanceKm = 'required';
		else if (!Number.isFinite(km)) errors.distanceKm = 'invalid';
		else if (km < 0) errors.distanceKm = 'negative';
		else if (km === 0) errors.distanceKm = 'zero';
		else if (km > MAX_KM_PER_LINE) errors.distanceKm = 'unreasonable';
		else if (!isKilometres(km)) errors.distanceKm = 'too_precise';
		if (!errors.date && !kilometreRateOn(context.rates, line.date)) errors.date = 'no_rate';
		return errors;
	}

	const gross = checkCents(line.grossCents, MAX_RECEIPT_CENTS);
	if (gross) errors.grossCents = gross;
	const rate = line.vatBasisPoints;
	if (rate !== null && (!Number.isSafeInteger(rate) || rate < 0 || rate >= 10_000)) {
		errors.vatBasisPoints = 'invalid';
	}
	const vat = line.vatCents;
	if (vat === null) errors.vatCents = 'required';
	else if (!Number.isSafeInteger(vat)) errors.vatCents = 'invalid';
	else if (vat < 0) errors.vatCents = 'negative';
	else if (!gross && line.grossCents !== null) {
		if (vat > line.grossCents) errors.vatCents = 'exceeds_amount';
		else if (
			rate !== null &&
			!errors.vatBasisPoints &&
			Math.abs(vat - vatInGross(line.grossCents, rate)) > VAT_TOLERANCE_CENTS
		) {
			errors.vatCents = 'mismatch';
		}
	}
	if (!line.hasReceipt) errors.receipt = 'required';
	if (line.kind === 'other' && line.description.trim() === '') errors.description = 'required';
	return errors;
}

export interface CostAmounts {
	grossCents: number;
	vatCents: number;
	/** gross − VAT: what is re-invoiced before the invoice's own VAT. */
	netCents: number;
}

/**
 * A line's cents, or null when it cannot be priced (check it first). One's own car carries no
 * VAT: the allowance is not a purchase.
 */
export function costLineAmounts(
	line: CostLineInput,
	rates: readonly KilometreRate[]
): CostAmounts | null {
	if (line.kind === 'own_car') {
		const rate = kilometreRateOn(rates, line.date);
		if (!rate || line.distanceKm === null || !isKilometres(line.distanceKm)) return null;
		const cents = kilometreCents(line.distanceKm, rate.centsPerKm);
		return { grossCents: cents, vatCents: 0, netCents: cents };
	}
	const { grossCents, vatCents } = line;
	if (grossCents === null || vatCents === null) return null;
	if (!Number.isSafeInteger(grossCents) || !Number.isSafeInteger(vatCents)) return null;
	if (grossCents < 0 || vatCents < 0 || vatCents > grossCents) return null;
	return { grossCents, vatCents, netCents: grossCents - vatCents };
}

/** The sum of amounts, e.g. a journey's lines. */
export function sumAmounts(amounts: readonly CostAmounts[]): CostAmounts {
	const total: CostAmounts = { grossCents: 0, vatCents: 0, netCents: 0 };
	for (const a of amounts) {
		total.grossCents += a.grossCents;
		total.vatCents += a.vatCents;
		total.netCents += a.netCents;
	}
	return total;
}

/** A journey as entered. */
export interface JourneyInput {
	from: string;
	to: string;
	/** The workshops the journey served (one or more, of one or more municipalities). */
	workshopIds: readonly string[];
	lines: readonly CostLineInput[];
}

export type JourneyField = 'from' | 'to' | 'workshopIds' | 'lines';
export type JourneyProblem = 'required' | 'repeated';

export interface JourneyErrors {
	journey: Partial<Record<JourneyField, JourneyProblem>>;
	/** One entry per line, in order. */
	lines: CostLineErrors[];
}

export function checkJourney(journey: JourneyInput, context: CostContext): JourneyErrors {
	const errors: JourneyErrors['journey'] = {};
	if (journey.from.trim() === '') errors.from = 'required';
	if (journey.to.trim() === '') errors.to = 'required';
	if (journey.workshopIds.length === 0) errors.workshopIds = 'required';
	else if (new Set(journey.workshopIds).size !== journey.workshopIds.length) {
		errors.workshopIds = 'repeated';
	}
	if (journey.lines.length === 0) errors.lines = 'required';
	return { journey: errors, lines: journey.lines.map((l) => checkCostLine(l, context)) };
}

export function isJourneyValid(errors: JourneyErrors): boolean {
	return (
		Object.keys(errors.journey).length === 0 &&
		errors.lines.every((l) => Object.keys(l).length === 0)
	);
}

export const JOURNEY_STATES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type JourneyState = (typeof JOURNEY_STATES)[number];

export type JourneyAction =
	{ kind: 'submit' } | { kind: 'approve' } | { kind: 'return'; reason: string };

export type JourneyRefusal =
	| 'role_not_allowed'
	/** An expert and another expert's journey. */
	| 'not_own_journey'
	/** Approved: nothing changes any more. */
	| 'locked'
	/** Submitted and waiting for the coordinator: the expert cannot change it meanwhile. */
	| 'awaiting_review'
	| 'not_submitted'
	/** The journey or one of its lines has a problem (`checkJourney`). */
	| 'has_problems'
	| 'reason_missing';

export type JourneyTransitionResult =
	{ ok: true; state: JourneyState } | { ok: false; reason: JourneyRefusal };

export interface JourneyFacts {
	state: JourneyState;
	/** The expert whose journey it is. */
	expertId: string;
}

function ownerRefusal(journey: JourneyFacts, actor: WorkshopActor): JourneyRefusal | null {
	if (actor.role !== 'expert') return 'role_not_allowed';
	return actor.personId === journey.expertId ? null : 'not_own_journey';
}

/** May this actor change the journey's lines and receipts (or delete it) now? */
export function checkJourneyEdit(
	journey: JourneyFacts,
	actor: WorkshopActor
): JourneyRefusal | null {
	const refusal = ownerRefusal(journey, actor);
	if (refusal) return refusal;
	if (journey.state === 'approved') return 'locked';
	if (journey.state === 'submitted') return 'awaiting_review';
	return null;
}

/** The state a journey moves to, or why not. `valid`: `isJourneyValid` of its current data. */
export function journeyTransition(
	journey: JourneyFacts,
	action: JourneyAction,
	actor: WorkshopActor,
	valid: boolean
): JourneyTransitionResult {
	const refuse = (reason: JourneyRefusal): JourneyTransitionResult => ({ ok: false, reason });
	if (action.kind === 'submit') {
		const refusal = checkJourneyEdit(journey, actor);
		if (refusal) return refuse(refusal);
		return valid ? { ok: true, state: 'submitted' } : refuse('has_problems');
	}
	if (actor.role !== 'coordinator') return refuse('role_not_allowed');
	if (journey.state === 'approved') return refuse('locked');
	if (journey.state !== 'submitted') return refuse('not_submitted');
	if (action.kind === 'return') {
		return action.reason.trim() === '' ? refuse('reason_missing') : { ok: true, state: 'returned' };
	}
	return valid ? { ok: true, state: 'approved' } : refuse('has_problems');
}

/** Only approved costs go on an invoice. */
export function isInvoiceable(journey: Pick<JourneyFacts, 'state'>): boolean {
	return journey.state === 'approved';
}

export type ReceiptType = 'application/pdf' | 'image/jpeg' | 'image/png';
export type ReceiptCheck =
	| { ok: true; contentType: ReceiptType }
	| { ok: false; reason: 'empty' | 'too_large' | 'not_pdf_or_image' };

/** A receipt is a PDF, JPEG or PNG by its first bytes, whatever its name or declared type. */
export function checkReceipt(bytes: Uint8Array): ReceiptCheck {
	if (bytes.length === 0) return { ok: false, reason: 'empty' };
	if (bytes.length > MAX_RECEIPT_BYTES) return { ok: false, reason: 'too_large' };
	const type = detectFileType(bytes, '', ['pdf', 'jpeg', 'png']);
	if (!type) return { ok: false, reason: 'not_pdf_or_image' };
	return { ok: true, contentType: FILE_TYPES[type].contentType as ReceiptType };
}
