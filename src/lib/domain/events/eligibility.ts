import type { MembershipState } from '../membership';
import { mayAttendOnSite, type AttendanceGroup, type Position } from '../positions';
import {
	ATTENDANCE_MODES,
	modesOffered,
	type AttendanceMode,
	type Audience,
	type EventFormat,
	type EventTypeRule
} from './event-types';

/**
 * May this person attend this event in this mode? Only people of a municipality whose
 * membership of the event's season is active; then the event type's rule for the mode decides.
 */

export interface Attendee {
	municipalityCode: string;
	/**
	 * The person's positions. The caller adds `contact_person` for the person the membership
	 * names as its contact person, so that one fact is not kept in two places.
	 */
	positions: readonly Position[];
}

/** The municipality's membership of the event's season, or null when it has none. */
export interface AttendeeMembership {
	municipalityCode: string;
	state: MembershipState;
	/** The groups the decision lets attend on site (`memberships.on_site_groups`). */
	onSiteGroups: readonly AttendanceGroup[];
}

export interface EligibilityEvent {
	rule: EventTypeRule;
	format: EventFormat;
}

export type EligibilityRefusal =
	/** The municipality is not a member of the event's season. */
	| 'not_member'
	/** A member, but the membership is not active (invited, decided, declined, withdrawn). */
	| 'membership_not_active'
	/** The membership given is another municipality's: a caller's mistake, never allowed. */
	| 'other_municipality'
	/** The event is not held in the mode asked for (on site at an online event). */
	| 'mode_not_offered'
	/** The event type admits the person in neither mode. */
	| 'position_not_admitted'
	/**
	 * The type admits the person in the other mode only (a seminar online, not on site),
	 * whether or not this event offers it.
	 */
	| 'mode_not_admitted';

export type EligibilityResult = { ok: true } | { ok: false; reason: EligibilityRefusal };

function admits(audience: Audience, person: Attendee, membership: AttendeeMembership): boolean {
	switch (audience.who) {
		case 'everyone':
			return true;
		case 'positions':
			return person.positions.some((p) => audience.positions.includes(p));
		case 'decision_groups':
			return mayAttendOnSite(person.positions, membership.onSiteGroups);
		case 'nobody':
			return false;
	}
}

/** Why the membership admits no one to the season's events, or null if it is active. */
function membershipRefusal(
	person: Attendee,
	membership: AttendeeMembership | null
): EligibilityRefusal | null {
	if (!membership) return 'not_member';
	if (membership.municipalityCode !== person.municipalityCode) return 'other_municipality';
	if (membership.state !== 'active') return 'membership_not_active';
	return null;
}

/** The modes the person may choose at this event, in the order on site, online. */
export function eligibleModes(
	person: Attendee,
	membership: AttendeeMembership | null,
	event: EligibilityEvent
): AttendanceMode[] {
	if (!membership || membershipRefusal(person, membership)) return [];
	const offered = modesOffered(event.format);
	return ATTENDANCE_MODES.filter(
		(mode) => offered.includes(mode) && admits(event.rule[mode], person, membership)
	);
}

/** Whether the person may sign up for the event in the mode, or why not. */
export function checkEligibility(
	person: Attendee,
	membership: AttendeeMembership | null,
	event: EligibilityEvent,
	mode: AttendanceMode
): EligibilityResult {
	const refused = membershipRefusal(person, membership);
	if (refused || !membership) return { ok: false, reason: refused ?? 'not_member' };
	if (!modesOffered(event.format).includes(mode)) return { ok: false, reason: 'mode_not_offered' };
	if (admits(event.rule[mode], person, membership)) return { ok: true };
	// "online only for you" says more than "not for you" when the type admits the other mode
	const otherMode: AttendanceMode = mode === 'on_site' ? 'online' : 'on_site';
	return {
		ok: false,
		reason: admits(event.rule[otherMode], person, membership)
			? 'mode_not_admitted'
			: 'position_not_admitted'
	};
}
