/**
 * A municipality's participation in a season: invited → decided → active, or declined, or
 * withdrawn. The rules of which changes are allowed live here; the database keeps one
 * membership per municipality per season.
 */
export const MEMBERSHIP_STATES = ['invited', 'decided', 'active', 'declined', 'withdrawn'] as const;
export type MembershipState = (typeof MEMBERSHIP_STATES)[number];

const ALLOWED: Record<MembershipState, readonly MembershipState[]> = {
	invited: ['decided', 'declined', 'withdrawn'],
	decided: ['active', 'withdrawn'],
	active: ['withdrawn'],
	// a municipality that said no may be invited to the season again
	declined: ['invited'],
	withdrawn: ['invited']
};

export function allowedTransitions(from: MembershipState): readonly MembershipState[] {
	return ALLOWED[from];
}

export function canTransition(from: MembershipState, to: MembershipState): boolean {
	return ALLOWED[from].includes(to);
}

export type DecisionOutcome = 'approved' | 'rejected' | 'tabled';

/**
 * What a recorded decision does to a membership: an approval moves an invited municipality to
 * decided, a rejection to declined; a tabled decision changes nothing.
 */
export function stateAfterDecision(
	current: MembershipState,
	outcome: DecisionOutcome
): { ok: true; state: MembershipState } | { ok: false; reason: 'not_invited' } {
	if (outcome === 'tabled') return { ok: true, state: current };
	if (current !== 'invited') return { ok: false, reason: 'not_invited' };
	return { ok: true, state: outcome === 'approved' ? 'decided' : 'declined' };
}

/** States in which the municipality counts as a member of the season (billing, attendance). */
export function isMember(state: MembershipState): boolean {
	return state === 'decided' || state === 'active';
}
