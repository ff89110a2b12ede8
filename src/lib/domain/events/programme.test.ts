import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, type ProgrammePlan } from './event-types';
import { eventProgress, programmeAgainstPlan, type EventProgress } from './programme';

const uso7: ProgrammePlan = {
	seminars: 4,
	workSeminars: 4,
	contactPersonMeetings: null,
	currentAffairsReviews: null,
	peerDiscussions: 0,
	developmentEvents: 0
};

describe('eventProgress', () => {
	const endsAt = new Date('2024-03-14T14:00:00Z');
	it('counts an event as held once it has ended', () => {
		expect(eventProgress({ endsAt, cancelled: false }, new Date('2024-03-14T13:59:59Z'))).toBe(
			'scheduled'
		);
		expect(eventProgress({ endsAt, cancelled: false }, new Date('2024-03-14T14:00:00Z'))).toBe(
			'held'
		);
		expect(eventProgress({ endsAt, cancelled: true }, new Date('2024-03-15T00:00:00Z'))).toBe(
			'cancelled'
		);
	});
});

describe('programmeAgainstPlan', () => {
	it('says “2 of 4 seminars held, 1 scheduled”', () => {
		const lines = programmeAgainstPlan(uso7, [
			{ type: 'seminar', progress: 'held' },
			{ type: 'seminar', progress: 'held' },
			{ type: 'seminar', progress: 'scheduled' },
			{ type: 'seminar', progress: 'cancelled' },
			{ type: 'contact_person_meeting', progress: 'held' }
		]);
		expect(lines).toEqual([
			{ type: 'seminar', planned: 4, held: 2, scheduled: 1, cancelled: 1, unscheduled: 1 },
			{ type: 'work_seminar', planned: 4, held: 0, scheduled: 0, cancelled: 0, unscheduled: 4 },
			{
				type: 'contact_person_meeting',
				planned: null,
				held: 1,
				scheduled: 0,
				cancelled: 0,
				unscheduled: null
			},
			{
				type: 'current_affairs_review',
				planned: null,
				held: 0,
				scheduled: 0,
				cancelled: 0,
				unscheduled: null
			}
		]);
	});

	it('shows a type planned at 0 once it has events, and never a negative remainder', () => {
		const lines = programmeAgainstPlan({ ...uso7, seminars: 1 }, [
			{ type: 'seminar', progress: 'held' },
			{ type: 'seminar', progress: 'scheduled' },
			{ type: 'peer_discussion', progress: 'scheduled' }
		]);
		expect(lines.find((l) => l.type === 'seminar')?.unscheduled).toBe(0);
		expect(lines.find((l) => l.type === 'peer_discussion')).toMatchObject({
			planned: 0,
			scheduled: 1
		});
	});

	it('counts every event exactly once', () => {
		const progress = fc.constantFrom<EventProgress>('scheduled', 'held', 'cancelled');
		const planned = fc.option(fc.integer({ min: 0, max: 6 }));
		fc.assert(
			fc.property(
				fc.record({
					seminars: planned,
					workSeminars: planned,
					contactPersonMeetings: planned,
					currentAffairsReviews: planned,
					peerDiscussions: planned,
					developmentEvents: planned
				}),
				fc.array(fc.record({ type: fc.constantFrom(...EVENT_TYPES), progress })),
				(plan, events) => {
					const lines = programmeAgainstPlan(plan, events);
					const total = lines.reduce((n, l) => n + l.held + l.scheduled + l.cancelled, 0);
					expect(total).toBe(events.length);
					for (const l of lines) {
						if (l.planned !== null) {
							expect(l.unscheduled).toBe(Math.max(0, l.planned - l.held - l.scheduled));
						}
					}
				}
			)
		);
	});
});
