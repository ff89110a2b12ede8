import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FINNISH_KILOMETRE_RATES } from './kilometre-allowances';
import {
	checkCostLine,
	checkJourney,
	checkJourneyEdit,
	checkReceipt,
	COST_KINDS,
	costLineAmounts,
	isInvoiceable,
	isJourneyValid,
	JOURNEY_STATES,
	journeyTransition,
	MAX_RECEIPT_BYTES,
	needsReceipt,
	sumAmounts,
	vatInGross,
	type CostContext,
	type CostLineInput,
	type JourneyAction,
	type JourneyFacts,
	type JourneyInput
} from './travel-costs';
import type { WorkshopActor } from './workshop-states';

const context: CostContext = { today: '2024-05-15', rates: FINNISH_KILOMETRE_RATES };

const car = (distanceKm: number | null, date = '2024-03-28'): CostLineInput => ({
	kind: 'own_car',
	date,
	distanceKm,
	grossCents: null,
	vatCents: null,
	vatBasisPoints: null,
	hasReceipt: false,
	description: ''
});

// A hotel night in Vaala, 120.00 € with 14 % VAT.
const hotel: CostLineInput = {
	kind: 'hotel',
	date: '2024-03-27',
	distanceKm: null,
	grossCents: 12_000,
	vatCents: 1_474,
	vatBasisPoints: 1_400,
	hasReceipt: true,
	description: ''
};

describe('a cost line in one’s own car', () => {
	it('is priced at the allowance of its day', () => {
		expect(checkCostLine(car(412), context)).toEqual({});
		expect(costLineAmounts(car(412), FINNISH_KILOMETRE_RATES)).toEqual({
			grossCents: 23_484,
			vatCents: 0,
			netCents: 23_484
		});
		expect(costLineAmounts(car(412, '2023-11-30'), FINNISH_KILOMETRE_RATES)?.grossCents).toBe(
			21_836
		);
	});

	it.each([
		[null, 'required'],
		[-5, 'negative'],
		[0, 'zero'],
		[1e9, 'unreasonable'],
		[3_000.1, 'unreasonable'],
		[12.34, 'too_precise'],
		[Number.NaN, 'invalid']
	])('refuses %s km: %s', (km, problem) => {
		expect(checkCostLine(car(km), context)).toEqual({ distanceKm: problem });
	});

	it('prices only a distance it can read', () => {
		for (const km of [null, -5, 12.34, Number.NaN]) {
			expect(costLineAmounts(car(km), FINNISH_KILOMETRE_RATES)).toBeNull();
		}
	});

	it('needs a rate in force on its day', () => {
		expect(checkCostLine(car(10, '2022-12-31'), context)).toEqual({ date: 'no_rate' });
		expect(costLineAmounts(car(10, '2022-12-31'), FINNISH_KILOMETRE_RATES)).toBeNull();
	});

	it('needs no receipt', () => {
		expect(needsReceipt('own_car')).toBe(false);
		expect(COST_KINDS.filter(needsReceipt)).toHaveLength(6);
	});
});

describe('the day of a cost', () => {
	it.each([
		['', 'required'],
		['28.3.2024', 'invalid'],
		['2024-02-30', 'invalid'],
		['2024-05-16', 'in_future']
	])('refuses %j: %s', (date, problem) => {
		expect(checkCostLine({ ...hotel, date }, context).date).toBe(problem);
	});

	it('takes today and may be held to the season', () => {
		expect(checkCostLine({ ...hotel, date: '2024-05-15' }, context)).toEqual({});
		const season = { startsOn: '2023-01-01', endsOn: '2024-12-31' };
		expect(checkCostLine({ ...hotel, date: '2022-12-31' }, { ...context, season })).toEqual({
			date: 'outside_season'
		});
	});
});

describe('a cost line by receipt', () => {
	it('keeps the total, the VAT and what is left without it', () => {
		expect(checkCostLine(hotel, context)).toEqual({});
		expect(costLineAmounts(hotel, FINNISH_KILOMETRE_RATES)).toEqual({
			grossCents: 12_000,
			vatCents: 1_474,
			netCents: 10_526
		});
	});

	it.each([
		[{ grossCents: null }, { grossCents: 'required' }],
		[{ grossCents: -500 }, { grossCents: 'negative' }],
		[{ grossCents: 0, vatCents: 0 }, { grossCents: 'zero' }],
		[{ grossCents: 500_001 }, { grossCents: 'unreasonable' }],
		[{ grossCents: 120.5 }, { grossCents: 'invalid' }],
		[{ vatCents: null }, { vatCents: 'required' }],
		[{ vatCents: -1 }, { vatCents: 'negative' }],
		[{ vatCents: 12_001, vatBasisPoints: null }, { vatCents: 'exceeds_amount' }],
		[{ vatCents: 2_400 }, { vatCents: 'mismatch' }],
		[{ vatBasisPoints: 10_000 }, { vatBasisPoints: 'invalid' }],
		[{ hasReceipt: false }, { receipt: 'required' }]
	] as const)('refuses %j', (change, errors) => {
		expect(checkCostLine({ ...hotel, ...change }, context)).toEqual(errors);
	});

	it('accepts the receipt’s VAT within five cents, and any VAT with several rates', () => {
		expect(checkCostLine({ ...hotel, vatCents: 1_479 }, context)).toEqual({});
		expect(checkCostLine({ ...hotel, vatCents: 1_480 }, context)).toEqual({
			vatCents: 'mismatch'
		});
		expect(checkCostLine({ ...hotel, vatCents: 900, vatBasisPoints: null }, context)).toEqual({});
	});

	it('needs a description for other costs', () => {
		expect(checkCostLine({ ...hotel, kind: 'other' }, context)).toEqual({
			description: 'required'
		});
		expect(checkCostLine({ ...hotel, kind: 'other', description: 'pysäköinti' }, context)).toEqual(
			{}
		);
	});

	it('finds the VAT in a total, rounded half up', () => {
		expect(vatInGross(12_000, 1_400)).toBe(1_474); // 1,473.68
		expect(vatInGross(2_550, 2_550)).toBe(518); // 518.01
		expect(vatInGross(1_000, 0)).toBe(0);
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 500_000 }),
				fc.integer({ min: 0, max: 9_999 }),
				(gross, rate) => {
					const vat = vatInGross(gross, rate);
					// |vat − gross·rate/(10000+rate)| ≤ ½, in integers
					const error = 2 * (vat * (10_000 + rate) - gross * rate);
					expect(Math.abs(error)).toBeLessThanOrEqual(10_000 + rate);
					expect(vat).toBeLessThanOrEqual(gross);
				}
			)
		);
	});
});

describe('a journey', () => {
	const journey: JourneyInput = {
		from: 'Helsinki',
		to: 'Vaala',
		workshopIds: ['w1'],
		lines: [car(1_082), hotel]
	};

	it('is valid with a place either end, a workshop and lines without problems', () => {
		const errors = checkJourney(journey, context);
		expect(errors).toEqual({ journey: {}, lines: [{}, {}] });
		expect(isJourneyValid(errors)).toBe(true);
	});

	it('says what is missing, and which line has which problem', () => {
		const errors = checkJourney(
			{ from: ' ', to: '', workshopIds: ['w1', 'w1'], lines: [car(-5), hotel] },
			context
		);
		expect(errors).toEqual({
			journey: { from: 'required', to: 'required', workshopIds: 'repeated' },
			lines: [{ distanceKm: 'negative' }, {}]
		});
		expect(isJourneyValid(errors)).toBe(false);
		expect(checkJourney({ ...journey, workshopIds: [], lines: [] }, context).journey).toEqual({
			workshopIds: 'required',
			lines: 'required'
		});
	});

	it('adds up its lines to the cent', () => {
		const amounts = journey.lines.map((l) => costLineAmounts(l, FINNISH_KILOMETRE_RATES)!);
		expect(sumAmounts(amounts)).toEqual({
			grossCents: 61_674 + 12_000,
			vatCents: 1_474,
			netCents: 61_674 + 10_526
		});
	});
});

describe('a journey’s states', () => {
	const expert: WorkshopActor = { role: 'expert', personId: 'expert-1' };
	const colleague: WorkshopActor = { role: 'expert', personId: 'expert-2' };
	const coordinator: WorkshopActor = { role: 'coordinator' };
	const contact: WorkshopActor = { role: 'contact_person', municipalityCode: '785' };
	const inState = (state: JourneyFacts['state']): JourneyFacts => ({ state, expertId: 'expert-1' });
	const submit: JourneyAction = { kind: 'submit' };
	const approve: JourneyAction = { kind: 'approve' };
	const back = (reason = 'kuitti puuttuu'): JourneyAction => ({ kind: 'return', reason });

	it('goes draft → submitted → returned → submitted → approved', () => {
		expect(journeyTransition(inState('draft'), submit, expert, true)).toEqual({
			ok: true,
			state: 'submitted'
		});
		expect(journeyTransition(inState('submitted'), back(), coordinator, true)).toEqual({
			ok: true,
			state: 'returned'
		});
		expect(journeyTransition(inState('returned'), submit, expert, true)).toEqual({
			ok: true,
			state: 'submitted'
		});
		expect(journeyTransition(inState('submitted'), approve, coordinator, true)).toEqual({
			ok: true,
			state: 'approved'
		});
	});

	it('is submitted by its own expert only, and only without problems', () => {
		expect(journeyTransition(inState('draft'), submit, colleague, true)).toEqual({
			ok: false,
			reason: 'not_own_journey'
		});
		expect(journeyTransition(inState('draft'), submit, coordinator, true)).toEqual({
			ok: false,
			reason: 'role_not_allowed'
		});
		expect(journeyTransition(inState('draft'), submit, expert, false)).toEqual({
			ok: false,
			reason: 'has_problems'
		});
		expect(journeyTransition(inState('submitted'), submit, expert, true)).toEqual({
			ok: false,
			reason: 'awaiting_review'
		});
	});

	it('is approved or returned by the coordinator only, once submitted; a return needs a reason', () => {
		for (const who of [expert, contact]) {
			expect(journeyTransition(inState('submitted'), approve, who, true)).toEqual({
				ok: false,
				reason: 'role_not_allowed'
			});
		}
		expect(journeyTransition(inState('draft'), approve, coordinator, true)).toEqual({
			ok: false,
			reason: 'not_submitted'
		});
		expect(journeyTransition(inState('returned'), back(), coordinator, true)).toEqual({
			ok: false,
			reason: 'not_submitted'
		});
		expect(journeyTransition(inState('submitted'), back('  '), coordinator, true)).toEqual({
			ok: false,
			reason: 'reason_missing'
		});
	});

	it('is locked once approved, and only then invoiceable', () => {
		const approved = inState('approved');
		const attempts: [JourneyAction, WorkshopActor][] = [
			[submit, expert],
			[approve, coordinator],
			[back(), coordinator]
		];
		for (const [action, who] of attempts) {
			expect(journeyTransition(approved, action, who, true)).toEqual({
				ok: false,
				reason: 'locked'
			});
		}
		expect(checkJourneyEdit(approved, expert)).toBe('locked');
		expect(JOURNEY_STATES.filter((state) => isInvoiceable({ state }))).toEqual(['approved']);
	});

	it('is edited by its expert while a draft or returned', () => {
		expect(checkJourneyEdit(inState('draft'), expert)).toBeNull();
		expect(checkJourneyEdit(inState('returned'), expert)).toBeNull();
		expect(checkJourneyEdit(inState('submitted'), expert)).toBe('awaiting_review');
		expect(checkJourneyEdit(inState('draft'), colleague)).toBe('not_own_journey');
		expect(checkJourneyEdit(inState('draft'), coordinator)).toBe('role_not_allowed');
	});

	it('never leaves approved, and reaches it only from submitted by the coordinator', () => {
		const action = fc.oneof(
			fc.constant(submit),
			fc.constant(approve),
			fc.string().map((reason) => back(reason))
		);
		const actor = fc.constantFrom(expert, colleague, coordinator, contact);
		fc.assert(
			fc.property(
				fc.constantFrom(...JOURNEY_STATES),
				action,
				actor,
				fc.boolean(),
				(state, a, who, valid) => {
					const result = journeyTransition(inState(state), a, who, valid);
					if (state === 'approved') expect(result.ok).toBe(false);
					if (result.ok && result.state === 'approved') {
						expect([state, who.role, valid]).toEqual(['submitted', 'coordinator', true]);
					}
				}
			)
		);
	});
});

describe('a receipt', () => {
	const bytes = (...head: number[]) => new Uint8Array([...head, 0, 1, 2]);

	it('is a PDF, JPEG or PNG by its first bytes', () => {
		expect(checkReceipt(new TextEncoder().encode('%PDF-1.7\n'))).toEqual({
			ok: true,
			contentType: 'application/pdf'
		});
		expect(checkReceipt(bytes(0xff, 0xd8, 0xff, 0xe0))).toEqual({
			ok: true,
			contentType: 'image/jpeg'
		});
		expect(checkReceipt(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toEqual({
			ok: true,
			contentType: 'image/png'
		});
	});

	it('is refused when empty, too large, or anything else', () => {
		expect(checkReceipt(new Uint8Array())).toEqual({ ok: false, reason: 'empty' });
		expect(checkReceipt(new Uint8Array(MAX_RECEIPT_BYTES + 1))).toEqual({
			ok: false,
			reason: 'too_large'
		});
		expect(checkReceipt(new TextEncoder().encode('GIF89a'))).toEqual({
			ok: false,
			reason: 'not_pdf_or_image'
		});
		expect(checkReceipt(new TextEncoder().encode('%PD'))).toEqual({
			ok: false,
			reason: 'not_pdf_or_image'
		});
	});
});
