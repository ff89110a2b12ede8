import type { ProposalInput } from '../decision-proposal';
import type { Position } from '../positions';

/**
 * The network's joint events (PRODUCT.md, capability 5) and, as data, who may attend each kind
 * and how. A season's programme plan counts them by type (`seasons.seminars`, …).
 */
export const EVENT_TYPES = [
	'seminar',
	'work_seminar',
	'contact_person_meeting',
	'current_affairs_review',
	'peer_discussion',
	'development_event'
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** How one person attends. */
export const ATTENDANCE_MODES = ['on_site', 'online'] as const;
export type AttendanceMode = (typeof ATTENDANCE_MODES)[number];

/** How an event is held. */
export const EVENT_FORMATS = ['on_site', 'online', 'hybrid'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

/** The modes an event of this format offers. */
export function modesOffered(format: EventFormat): readonly AttendanceMode[] {
	return format === 'hybrid' ? ATTENDANCE_MODES : [format];
}

/**
 * Who may attend in one mode, among the people a member municipality has named:
 * - `everyone`: any of them;
 * - `positions`: those holding one of the positions;
 * - `decision_groups`: those in a group the municipality's decision lets attend on site
 *   (`memberships.on_site_groups`, positions.ts);
 * - `nobody`.
 */
export type Audience =
	| { who: 'everyone' }
	| { who: 'positions'; positions: readonly Position[] }
	| { who: 'decision_groups' }
	| { who: 'nobody' };

export type EventTypeRule = Record<AttendanceMode, Audience>;

const everyone: Audience = { who: 'everyone' };
const developersAndContactPersons: Audience = {
	who: 'positions',
	positions: ['developer', 'contact_person']
};
const contactPersons: Audience = { who: 'positions', positions: ['contact_person'] };

/**
 * USO's rules: seminars for everyone the municipality named, on site only for the groups its
 * decision allows; work seminars for developers and contact persons; contact-person meetings
 * for contact persons; the rest for everyone. Kept as data so a network's own rules can
 * replace it without a change to the eligibility rule.
 */
export const DEFAULT_EVENT_TYPE_RULES: Readonly<Record<EventType, EventTypeRule>> = {
	seminar: { on_site: { who: 'decision_groups' }, online: everyone },
	work_seminar: { on_site: developersAndContactPersons, online: developersAndContactPersons },
	contact_person_meeting: { on_site: contactPersons, online: contactPersons },
	current_affairs_review: { on_site: everyone, online: everyone },
	peer_discussion: { on_site: everyone, online: everyone },
	development_event: { on_site: everyone, online: everyone }
};

/** The season's programme plan: how many of each type; null = held as the season goes. */
export type ProgrammePlan = ProposalInput['season']['programme'];
export type ProgrammeKey = keyof ProgrammePlan;

/** The programme-plan column (`seasons.*`) that counts each event type. */
export const PROGRAMME_KEY = {
	seminar: 'seminars',
	work_seminar: 'workSeminars',
	contact_person_meeting: 'contactPersonMeetings',
	current_affairs_review: 'currentAffairsReviews',
	peer_discussion: 'peerDiscussions',
	development_event: 'developmentEvents'
} as const satisfies Record<EventType, ProgrammeKey>;
