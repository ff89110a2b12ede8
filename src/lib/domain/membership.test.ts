import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	canTransition,
	isMember,
	MEMBERSHIP_STATES,
	membershipReadiness,
	stateAfterDecision,
	type MembershipFacts
} from './membership';
import { ATTENDANCE_GROUPS } from './positions';

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

describe('what a membership still needs', () => {
	// Vaala in USO 7: approved on 16.1.2023, Helena named, five others, the leaders on site
	const vaala: MembershipFacts = {
		state: 'active',
		approvedDecisions: 1,
		contactPersonNamed: true,
		people: 6,
		onSiteGroups: ['board', 'council_presidium', 'management_team'],
		peopleInGroup: { board: 1, council_presidium: 1, council: 2, management_team: 2 }
	};

	it('has everything done for a municipality like Vaala', () => {
		expect(membershipReadiness(vaala)).toEqual([
			{ item: 'decision', done: true },
			{ item: 'contact_person', done: true },
			{ item: 'participants', done: true },
			{ item: 'on_site_groups', done: true, groupsWithoutPeople: [] }
		]);
	});

	it('asks an invited municipality for the decision, the contact person and its people', () => {
		expect(
			membershipReadiness({
				state: 'invited',
				approvedDecisions: 0,
				contactPersonNamed: false,
				people: 0,
				onSiteGroups: [],
				peopleInGroup: {}
			})
		).toEqual([
			{ item: 'decision', done: false },
			{ item: 'contact_person', done: false },
			{ item: 'participants', done: false }
		]);
	});

	it('does not count the contact person as a participant, and names the empty groups', () => {
		const checks = membershipReadiness({
			...vaala,
			people: 1,
			peopleInGroup: { management_team: 1 }
		});
		expect(checks.find((c) => c.item === 'participants')?.done).toBe(false);
		expect(checks.find((c) => c.item === 'on_site_groups')).toEqual({
			item: 'on_site_groups',
			done: false,
			groupsWithoutPeople: ['board', 'council_presidium']
		});
	});

	it('wants a recorded decision even when the state was moved by hand', () => {
		expect(membershipReadiness({ ...vaala, approvedDecisions: 0 })[0]).toEqual({
			item: 'decision',
			done: false
		});
	});

	it('needs nothing of a municipality that declined or withdrew', () => {
		expect(membershipReadiness({ ...vaala, state: 'declined' })).toEqual([]);
		expect(membershipReadiness({ ...vaala, state: 'withdrawn' })).toEqual([]);
	});

	it('lists every check as done or not, and a group as missing only when no one is in it', () => {
		fc.assert(
			fc.property(
				fc.constantFrom(...MEMBERSHIP_STATES),
				fc.nat(3),
				fc.boolean(),
				fc.nat(5),
				fc.subarray([...ATTENDANCE_GROUPS]),
				fc.dictionary(fc.constantFrom(...ATTENDANCE_GROUPS), fc.nat(2)),
				(state, approvedDecisions, contactPersonNamed, extra, onSiteGroups, peopleInGroup) => {
					const checks = membershipReadiness({
						state,
						approvedDecisions,
						contactPersonNamed,
						people: extra + (contactPersonNamed ? 1 : 0),
						onSiteGroups,
						peopleInGroup
					});
					if (state === 'declined' || state === 'withdrawn') {
						expect(checks).toEqual([]);
						return;
					}
					expect(checks.map((c) => c.item)).toEqual([
						'decision',
						'contact_person',
						'participants',
						...(onSiteGroups.length ? ['on_site_groups'] : [])
					]);
					const groups = checks.find((c) => c.item === 'on_site_groups');
					for (const g of groups?.groupsWithoutPeople ?? []) expect(peopleInGroup[g] ?? 0).toBe(0);
					expect(checks.find((c) => c.item === 'participants')?.done).toBe(extra > 0);
				}
			)
		);
	});
});
