import { describe, expect, it } from 'vitest';
import { checkEventPlan, type EventPlan, type EventPlanContext } from './event-plan';

const at = (iso: string) => new Date(iso);

// USO 7's first seminar, hybrid: 9.00–16.00 on 2023-09-21 Helsinki time (+03:00).
const seminar: EventPlan = {
	type: 'seminar',
	format: 'hybrid',
	startsAt: at('2023-09-21T06:00:00Z'),
	endsAt: at('2023-09-21T13:00:00Z'),
	signUpOpensAt: at('2023-08-14T06:00:00Z'),
	signUpClosesAt: at('2023-09-14T20:59:00Z'),
	cancellationDeadline: at('2023-09-18T20:59:00Z'),
	capacityOnSite: 60,
	capacityOnline: null,
	perMunicipalityOnSite: 5
};

const uso7: EventPlanContext['season'] = {
	startsOn: '2023-08-01',
	endsOn: '2024-07-31',
	programme: {
		seminars: 4,
		workSeminars: 4,
		contactPersonMeetings: null,
		currentAffairsReviews: null,
		peerDiscussions: 0,
		developmentEvents: null
	}
};

describe('checkEventPlan', () => {
	it('accepts a well-formed plan', () => {
		expect(checkEventPlan(seminar, { season: uso7 })).toEqual({});
	});

	it('refuses times in the wrong order, each at its field', () => {
		expect(
			checkEventPlan({
				...seminar,
				endsAt: seminar.startsAt,
				signUpOpensAt: at('2023-09-15T00:00:00Z'),
				signUpClosesAt: at('2023-09-21T07:00:00Z'),
				cancellationDeadline: at('2023-09-21T06:00:01Z')
			})
		).toEqual({
			endsAt: 'end_not_after_start',
			signUpClosesAt: 'closes_after_start',
			cancellationDeadline: 'cancellation_after_start'
		});
	});

	it('refuses an opening at or after the closing (or after the start when none is set)', () => {
		expect(checkEventPlan({ ...seminar, signUpOpensAt: seminar.signUpClosesAt })).toEqual({
			signUpOpensAt: 'opens_not_before_close'
		});
		expect(
			checkEventPlan({
				...seminar,
				signUpClosesAt: null,
				signUpOpensAt: at('2023-09-21T06:00:00Z')
			})
		).toEqual({ signUpOpensAt: 'opens_not_before_close' });
	});

	it('allows closing and the cancellation deadline at the start itself', () => {
		expect(
			checkEventPlan({
				...seminar,
				signUpClosesAt: seminar.startsAt,
				cancellationDeadline: seminar.startsAt
			})
		).toEqual({});
	});

	it('wants an on-site capacity for an event held on site, and none for a mode not held', () => {
		expect(checkEventPlan({ ...seminar, capacityOnSite: null })).toEqual({
			capacityOnSite: 'required'
		});
		expect(checkEventPlan({ ...seminar, format: 'online', capacityOnline: 100 })).toEqual({
			capacityOnSite: 'mode_not_offered',
			perMunicipalityOnSite: 'mode_not_offered'
		});
		expect(
			checkEventPlan({
				...seminar,
				format: 'on_site',
				capacityOnline: 100
			})
		).toEqual({ capacityOnline: 'mode_not_offered' });
		expect(
			checkEventPlan({
				...seminar,
				format: 'online',
				capacityOnSite: null,
				perMunicipalityOnSite: null
			})
		).toEqual({});
	});

	it.each([0, -1, 2.5, Number.NaN])('refuses %s as a capacity or cap', (n) => {
		expect(
			checkEventPlan({ ...seminar, capacityOnSite: n, capacityOnline: n, perMunicipalityOnSite: n })
		).toEqual({
			capacityOnSite: 'not_positive',
			capacityOnline: 'not_positive',
			perMunicipalityOnSite: 'not_positive'
		});
	});

	it('refuses lowering a capacity or cap below what confirmed sign-ups hold', () => {
		const current = {
			confirmedOnSite: 40,
			confirmedOnline: 12,
			mostOnSiteOfOneMunicipality: 4,
			signedUp: { on_site: 45, online: 12 }
		};
		expect(
			checkEventPlan(
				{ ...seminar, capacityOnSite: 39, capacityOnline: 11, perMunicipalityOnSite: 3 },
				{ current }
			)
		).toEqual({
			capacityOnSite: 'below_confirmed',
			capacityOnline: 'below_confirmed',
			perMunicipalityOnSite: 'below_confirmed'
		});
		expect(
			checkEventPlan(
				{ ...seminar, capacityOnSite: 40, capacityOnline: 12, perMunicipalityOnSite: 4 },
				{ current }
			)
		).toEqual({});
	});

	it('refuses dropping a mode people are signed up in', () => {
		const current = {
			confirmedOnSite: 0,
			confirmedOnline: 0,
			mostOnSiteOfOneMunicipality: 0,
			signedUp: { on_site: 0, online: 3 }
		};
		expect(checkEventPlan({ ...seminar, format: 'on_site' }, { current })).toEqual({
			format: 'mode_has_sign_ups'
		});
	});

	it('places the start within the season, by the Helsinki day', () => {
		// 2023-07-31 23.30 UTC is already 1 August in Helsinki
		const early = {
			...seminar,
			startsAt: at('2023-07-31T21:30:00Z'),
			endsAt: at('2023-07-31T23:00:00Z'),
			signUpOpensAt: null,
			signUpClosesAt: null,
			cancellationDeadline: null
		};
		expect(checkEventPlan(early, { season: uso7 })).toEqual({});
		const tooEarly = { ...early, startsAt: at('2023-07-31T20:59:00Z') };
		expect(checkEventPlan(tooEarly, { season: uso7 })).toEqual({ startsAt: 'outside_season' });
	});

	it('refuses a type the programme plans none of, and takes any number for an open plan', () => {
		expect(checkEventPlan({ ...seminar, type: 'peer_discussion' }, { season: uso7 })).toEqual({
			type: 'not_in_programme'
		});
		expect(checkEventPlan({ ...seminar, type: 'development_event' }, { season: uso7 })).toEqual({});
	});
});
