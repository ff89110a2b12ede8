import type { AttendanceGroup } from './positions';

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

/** What is known of a membership to tell whether the municipality has done its part. */
export interface MembershipFacts {
	state: MembershipState;
	/** Decisions recorded with the outcome "approved". */
	approvedDecisions: number;
	/** A contact person is named and their data has not been erased. */
	contactPersonNamed: boolean;
	/** The municipality's people on the platform, the contact person included. */
	people: number;
	/** The groups the decision lets attend on site. */
	onSiteGroups: readonly AttendanceGroup[];
	/** How many of the municipality's people belong to each group (positions.ts). */
	peopleInGroup: Readonly<Partial<Record<AttendanceGroup, number>>>;
}

export type ReadinessItem = 'decision' | 'contact_person' | 'participants' | 'on_site_groups';

export interface ReadinessCheck {
	item: ReadinessItem;
	done: boolean;
	/** For on_site_groups: the groups the decision names that have no one named in them. */
	groupsWithoutPeople?: AttendanceGroup[];
}

/**
 * What a municipality's side of a membership needs, in the order it is usually done: the
 * board's approving decision, the contact person it names, the people who take part, and
 * someone in every group the decision lets attend on site. A membership that was declined or
 * withdrawn needs nothing.
 */
export function membershipReadiness(facts: MembershipFacts): ReadinessCheck[] {
	if (facts.state === 'declined' || facts.state === 'withdrawn') return [];
	const participants = facts.people - (facts.contactPersonNamed ? 1 : 0);
	const checks: ReadinessCheck[] = [
		{ item: 'decision', done: facts.approvedDecisions > 0 },
		{ item: 'contact_person', done: facts.contactPersonNamed },
		{ item: 'participants', done: participants > 0 }
	];
	if (facts.onSiteGroups.length > 0) {
		const groupsWithoutPeople = facts.onSiteGroups.filter((g) => !facts.peopleInGroup[g]);
		checks.push({
			item: 'on_site_groups',
			done: groupsWithoutPeople.length === 0,
			groupsWithoutPeople
		});
	}
	return checks;
}
