import { describe, expect, it } from 'vitest';
import { checkEventPlan } from '$lib/domain/events/event-plan';
import { signUpPhase } from '$lib/domain/events/deadlines';
import { helsinkiDate } from '$lib/domain/helsinki-time';
import { uso7EventPlans, uso8EventPlans, type DemoEventPlan } from './demo-events';
import { USO7_SEASON } from './uso7';
import { USO8_SEASON, uso8Period } from './uso8';

const programmeOf = (season: typeof USO7_SEASON | typeof USO8_SEASON) => ({
	seminars: season.seminars,
	workSeminars: season.workSeminars,
	contactPersonMeetings: season.contactPersonMeetings,
	currentAffairsReviews: season.currentAffairsReviews,
	peerDiscussions: season.peerDiscussions,
	developmentEvents: season.developmentEvents
});

const MINUTE = 60_000;
const DAY = 86_400_000;

const phase = (plan: DemoEventPlan, now: Date) => signUpPhase({ ...plan, cancelled: false }, now);

const weekdayOf = (plan: DemoEventPlan) =>
	new Date(`${helsinkiDate(plan.startsAt)}T12:00:00Z`).getUTCDay();

describe('USO 7’s programme', () => {
	const plans = uso7EventPlans();

	it('holds the season’s plan: four seminars and four work seminars, each a valid plan in the season', () => {
		const count = (type: DemoEventPlan['type']) => plans.filter((p) => p.type === type).length;
		expect(count('seminar')).toBe(USO7_SEASON.seminars);
		expect(count('work_seminar')).toBe(USO7_SEASON.workSeminars);
		for (const plan of plans) {
			const season = { ...USO7_SEASON, programme: programmeOf(USO7_SEASON) };
			expect(checkEventPlan(plan, { season }), plan.key).toEqual({});
			expect(weekdayOf(plan), plan.key).not.toBe(0);
			expect(weekdayOf(plan), plan.key).not.toBe(6);
		}
		expect(new Set(plans.map((p) => p.key)).size).toBe(plans.length);
	});

	it('gives the seminars the Helsinki times a person reads, in summer and in winter', () => {
		const first = plans.find((p) => p.key === 'uso7-seminaari-1')!;
		// 29 March 2023 is after the spring change: 9.30 EEST is 6.30 UTC
		expect(first.startsAt.toISOString()).toBe('2023-03-29T06:30:00.000Z');
		const last = plans.find((p) => p.key === 'uso7-seminaari-4')!;
		expect(last.startsAt.toISOString()).toBe('2024-11-13T07:30:00.000Z');
	});
});

describe('USO 8 around the load day', () => {
	it('runs two calendar years with the load day at least six months from either end', () => {
		expect(uso8Period('2026-12-02')).toEqual({ startsOn: '2026-01-01', endsOn: '2027-12-31' });
		expect(uso8Period('2027-01-02')).toEqual({ startsOn: '2026-01-01', endsOn: '2027-12-31' });
		expect(uso8Period('2027-06-30')).toEqual({ startsOn: '2026-01-01', endsOn: '2027-12-31' });
		expect(uso8Period('2027-07-01')).toEqual({ startsOn: '2027-01-01', endsOn: '2028-12-31' });
	});

	// every fifth day of two years (so every weekday), at a time of day that moves round the
	// clock, and the days where the season turns, the year turns and the clocks change
	const loads = [
		...Array.from(
			{ length: 147 },
			(_, i) =>
				new Date(Date.parse('2026-01-01T00:00:00Z') + i * 5 * DAY + ((i * 47) % 1440) * MINUTE)
		),
		...[
			'2026-06-30T20:59:00Z',
			'2026-06-30T21:00:00Z',
			'2026-12-31T21:59:00Z',
			'2027-01-01T00:00:00Z',
			'2027-03-28T00:30:00Z',
			'2027-03-28T01:30:00Z',
			'2027-10-31T00:30:00Z',
			'2027-10-31T01:30:00Z'
		].map((iso) => new Date(iso))
	].map((now) => ({ day: helsinkiDate(now), now }));

	it('plans every event inside the season, on a weekday, whatever the load day', () => {
		for (const { day, now } of loads) {
			const period = uso8Period(day);
			const season = { ...period, programme: programmeOf(USO8_SEASON) };
			for (const plan of uso8EventPlans(now)) {
				expect(checkEventPlan(plan, { season }), `${day} ${plan.key}`).toEqual({});
				expect([0, 6], `${day} ${plan.key}`).not.toContain(weekdayOf(plan));
			}
		}
	});

	it('has four events held, four open for sign-up and two to open later, whatever the load day', () => {
		for (const { day, now } of loads) {
			const plans = uso8EventPlans(now);
			const phases = plans.map((p) => phase(p, now));
			expect(
				phases.filter((p) => p === 'past'),
				day
			).toHaveLength(4);
			expect(
				phases.filter((p) => p === 'open'),
				day
			).toHaveLength(4);
			expect(
				phases.filter((p) => p === 'not_open'),
				day
			).toHaveLength(2);
			// the held review ended within the feedback window (30 days), the others' windows opened before
			const review = plans.find((p) => p.key === 'uso8-ajankohtais-1')!;
			expect(now.getTime() - review.endsAt.getTime()).toBeLessThan(10 * DAY);
			for (const plan of plans.filter((p) => phase(p, now) === 'open')) {
				expect(plan.signUpOpensAt!.getTime(), `${day} ${plan.key}`).toBeLessThan(now.getTime());
			}
		}
	});

	it('has a full on-site event, an online-only one, a hybrid one with a cap per municipality', () => {
		const plans = uso8EventPlans(new Date());
		const open = (key: string) => plans.find((p) => p.key === key)!;
		const full = open('uso8-vertais-1');
		expect(full).toMatchObject({ format: 'on_site', capacityOnSite: 8 });
		expect(full.signUps).toMatchObject({ kind: 'list' });
		expect(full.signUps.kind === 'list' && full.signUps.names.length).toBe(11);
		expect(open('uso8-ajankohtais-2')).toMatchObject({ format: 'online', capacityOnSite: null });
		expect(open('uso8-seminaari-2')).toMatchObject({ format: 'hybrid', perMunicipalityOnSite: 3 });
		expect(plans.filter((p) => p.type === 'seminar').length).toBeLessThanOrEqual(
			USO8_SEASON.seminars
		);
	});
});
