import { describe, expect, it } from 'vitest';
import {
	DEFAULT_EVENT_TYPE_RULES,
	EVENT_FORMATS,
	EVENT_TYPES,
	modesOffered,
	PROGRAMME_KEY,
	type ProgrammePlan
} from './event-types';

describe('event types', () => {
	it('offers both modes at a hybrid event and one otherwise', () => {
		expect(EVENT_FORMATS.map(modesOffered)).toEqual([
			['on_site'],
			['online'],
			['on_site', 'online']
		]);
	});

	it('has a rule for every type and mode', () => {
		for (const type of EVENT_TYPES) {
			expect(Object.keys(DEFAULT_EVENT_TYPE_RULES[type]).sort()).toEqual(['on_site', 'online']);
		}
	});

	it('counts each type in its own column of the programme plan', () => {
		const plan: ProgrammePlan = {
			seminars: 1,
			workSeminars: 2,
			contactPersonMeetings: 3,
			currentAffairsReviews: 4,
			peerDiscussions: 5,
			developmentEvents: 6
		};
		const keys = EVENT_TYPES.map((t) => PROGRAMME_KEY[t]);
		expect(new Set(keys).size).toBe(EVENT_TYPES.length);
		expect(keys.sort()).toEqual(Object.keys(plan).sort());
	});
});
