import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canTransition, isMember, MEMBERSHIP_STATES, stateAfterDecision } from './membership';

describe('membership states', () => {
	it.each([
		['invited', 'decided'],
		['invited', 'declined'],
		['decided', 'active'],
		['active', 'withdrawn'],
		['declined', 'invited']
	] as const)('allows %s → %s', (from, to) => {
		expect(canTransition(from, to)).toBe(true);
	});

	it.each([
		['invited', 'active'],
		['declined', 'active'],
		['active', 'decided'],
		['withdrawn', 'active'],
		['active', 'invited'],
		['decided', 'declined']
	] as const)('refuses %s → %s', (from, to) => {
		expect(canTransition(from, to)).toBe(false);
	});

	it('never stays in place through a transition and can always reach an end', () => {
		fc.assert(
			fc.property(fc.constantFrom(...MEMBERSHIP_STATES), (state) => {
				expect(canTransition(state, state)).toBe(false);
				expect(canTransition(state, 'withdrawn') || canTransition(state, 'invited')).toBe(true);
			})
		);
	});
});

describe('a recorded decision', () => {
	it('makes an invited municipality decided when approved, declined when rejected', () => {
		expect(stateAfterDecision('invited', 'approved')).toEqual({ ok: true, state: 'decided' });
		expect(stateAfterDecision('invited', 'rejected')).toEqual({ ok: true, state: 'declined' });
	});

	it('changes nothing when tabled', () => {
		expect(stateAfterDecision('invited', 'tabled')).toEqual({ ok: true, state: 'invited' });
	});

	it('is refused for a municipality that is no longer invited', () => {
		expect(stateAfterDecision('active', 'approved')).toEqual({ ok: false, reason: 'not_invited' });
	});

	it('counts decided and active municipalities as members', () => {
		expect(MEMBERSHIP_STATES.filter(isMember)).toEqual(['decided', 'active']);
	});
});
