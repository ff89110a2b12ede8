import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MEMBERSHIP_STATES } from '../membership';
import {
	ATTENDANCE_GROUPS,
	mayAttendOnSite,
	POSITIONS,
	type AttendanceGroup,
	type Position
} from '../positions';
import {
	checkEligibility,
	eligibleModes,
	type Attendee,
	type AttendeeMembership,
	type EligibilityEvent
} from './eligibility';
import {
	ATTENDANCE_MODES,
	DEFAULT_EVENT_TYPE_RULES,
	EVENT_FORMATS,
	EVENT_TYPES,
	modesOffered,
	type EventFormat,
	type EventType
} from './event-types';

// Vaala (785): board members, the council's chair and vice-chairs and the management team
// may attend the seminars on site.
const vaalaGroups: AttendanceGroup[] = ['board', 'council_presidium', 'management_team'];
const vaala: AttendeeMembership = {
	municipalityCode: '785',
	state: 'active',
	onSiteGroups: vaalaGroups
};
const person = (...positions: Position[]): Attendee => ({ municipalityCode: '785', positions });
const event = (type: EventType, format: EventFormat = 'hybrid'): EligibilityEvent => ({
	rule: DEFAULT_EVENT_TYPE_RULES[type],
	format
});

describe('who may attend what (Vaala’s decision)', () => {
	it.each([
		['seminar', ['board_member'], 'on_site', { ok: true }],
		['seminar', ['council_vice_chair'], 'on_site', { ok: true }],
		['seminar', ['management_team_member'], 'on_site', { ok: true }],
		['seminar', ['council_member'], 'on_site', { ok: false, reason: 'mode_not_admitted' }],
		['seminar', ['developer'], 'on_site', { ok: false, reason: 'mode_not_admitted' }],
		['seminar', ['council_member'], 'online', { ok: true }],
		['seminar', [], 'online', { ok: true }],
		['work_seminar', ['developer'], 'on_site', { ok: true }],
		['work_seminar', ['contact_person'], 'online', { ok: true }],
		['work_seminar', ['board_member'], 'online', { ok: false, reason: 'position_not_admitted' }],
		['contact_person_meeting', ['contact_person'], 'on_site', { ok: true }],
		[
			'contact_person_meeting',
			['developer'],
			'online',
			{ ok: false, reason: 'position_not_admitted' }
		],
		['current_affairs_review', ['other'], 'online', { ok: true }],
		['peer_discussion', ['council_member'], 'on_site', { ok: true }],
		['development_event', [], 'on_site', { ok: true }]
	] as const)('%s: %j %s → %j', (type, positions, mode, expected) => {
		expect(checkEligibility(person(...positions), vaala, event(type), mode)).toEqual(expected);
	});

	it('refuses a mode the event does not offer', () => {
		expect(
			checkEligibility(person('board_member'), vaala, event('seminar', 'online'), 'on_site')
		).toEqual({ ok: false, reason: 'mode_not_offered' });
	});

	it('tells a council member at an on-site-only seminar that the type admits them online only', () => {
		expect(
			checkEligibility(person('council_member'), vaala, event('seminar', 'on_site'), 'on_site')
		).toEqual({ ok: false, reason: 'mode_not_admitted' });
		expect(eligibleModes(person('council_member'), vaala, event('seminar', 'on_site'))).toEqual([]);
	});

	it('lists the modes a person may choose', () => {
		expect(eligibleModes(person('board_member'), vaala, event('seminar'))).toEqual([
			'on_site',
			'online'
		]);
		expect(eligibleModes(person('developer'), vaala, event('seminar'))).toEqual(['online']);
		expect(eligibleModes(person('developer'), vaala, event('work_seminar', 'online'))).toEqual([
			'online'
		]);
	});

	it('admits no one on site to a seminar when the decision names no group', () => {
		const none = { ...vaala, onSiteGroups: [] };
		expect(checkEligibility(person('board_chair'), none, event('seminar'), 'on_site')).toEqual({
			ok: false,
			reason: 'mode_not_admitted'
		});
	});
});

describe('membership', () => {
	it('refuses a municipality that is not a member of the season', () => {
		expect(checkEligibility(person('board_member'), null, event('seminar'), 'online')).toEqual({
			ok: false,
			reason: 'not_member'
		});
	});

	it.each(['invited', 'decided', 'declined', 'withdrawn'] as const)(
		'refuses a membership that is %s',
		(state) => {
			expect(
				checkEligibility(person('board_member'), { ...vaala, state }, event('seminar'), 'online')
			).toEqual({ ok: false, reason: 'membership_not_active' });
		}
	);

	it('refuses another municipality’s membership', () => {
		const kajaani = { ...vaala, municipalityCode: '205' };
		expect(checkEligibility(person('board_member'), kajaani, event('seminar'), 'online')).toEqual({
			ok: false,
			reason: 'other_municipality'
		});
	});
});

const arbitraryCase = fc.record({
	positions: fc.subarray([...POSITIONS]),
	groups: fc.subarray([...ATTENDANCE_GROUPS]),
	state: fc.constantFrom(...MEMBERSHIP_STATES),
	type: fc.constantFrom(...EVENT_TYPES),
	format: fc.constantFrom(...EVENT_FORMATS)
});

describe('eligibility, for any person, decision and event', () => {
	it('allows a mode exactly when it is among the modes the person may choose', () => {
		fc.assert(
			fc.property(arbitraryCase, ({ positions, groups, state, type, format }) => {
				const membership = { municipalityCode: '785', state, onSiteGroups: groups };
				const modes = eligibleModes(person(...positions), membership, event(type, format));
				expect(modes.every((m) => modesOffered(format).includes(m))).toBe(true);
				for (const mode of ATTENDANCE_MODES) {
					const result = checkEligibility(
						person(...positions),
						membership,
						event(type, format),
						mode
					);
					expect(result.ok).toBe(modes.includes(mode));
				}
			})
		);
	});

	it('admits no one of a membership that is not active', () => {
		fc.assert(
			fc.property(arbitraryCase, ({ positions, groups, state, type, format }) => {
				fc.pre(state !== 'active');
				const membership = { municipalityCode: '785', state, onSiteGroups: groups };
				expect(eligibleModes(person(...positions), membership, event(type, format))).toEqual([]);
			})
		);
	});

	it('admits to a seminar on site exactly those the decision’s groups admit', () => {
		fc.assert(
			fc.property(arbitraryCase, ({ positions, groups }) => {
				const membership = { ...vaala, onSiteGroups: groups };
				expect(
					checkEligibility(person(...positions), membership, event('seminar'), 'on_site').ok
				).toBe(mayAttendOnSite(positions, groups));
			})
		);
	});
});
