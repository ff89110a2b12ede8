import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	ACTION_ROLES,
	checkActor,
	checkOutcomeRecording,
	checkProposer,
	checkSchedule,
	transition,
	WORKSHOP_FORMATS,
	WORKSHOP_STATES,
	type Workshop,
	type WorkshopAction,
	type WorkshopActor,
	type WorkshopSchedule,
	type WorkshopState
} from './workshop-states';

const at = (iso: string) => new Date(iso);

const coordinator: WorkshopActor = { role: 'coordinator' };
const vaalaContact: WorkshopActor = { role: 'contact_person', municipalityCode: '785' };
const otherContact: WorkshopActor = { role: 'contact_person', municipalityCode: '205' };
const expert: WorkshopActor = { role: 'expert', personId: 'expert-1' };
const otherExpert: WorkshopActor = { role: 'expert', personId: 'expert-2' };

// Vaala's strategy workshop on Thursday 28 March 2024, 9.00–12.00 Helsinki time.
const schedule: WorkshopSchedule = {
	format: 'on_site',
	startsAt: at('2024-03-28T07:00:00Z'),
	endsAt: at('2024-03-28T10:00:00Z'),
	place: 'Vaalan kunnantalo, valtuustosali',
	onlineUrl: null,
	expertIds: ['expert-1']
};

const proposal: Workshop = {
	state: 'proposed',
	cancellation: null,
	municipalityCode: '785',
	extra: false,
	format: 'on_site',
	startsAt: null,
	endsAt: null,
	place: null,
	onlineUrl: null,
	expertIds: []
};
const agreed: Workshop = { ...proposal, ...schedule, state: 'agreed' };
const held: Workshop = { ...agreed, state: 'held' };
const cancelled: Workshop = { ...agreed, state: 'cancelled', cancellation: 'network' };

const season = { startsOn: '2023-01-01', endsOn: '2024-12-31' };
const beforeIt = { now: at('2024-03-01T10:00:00Z'), season };
const afterStart = { now: at('2024-03-28T07:30:00Z'), season };

describe('agreeing a proposal', () => {
	it('moves it to agreed with a date, a place and an expert', () => {
		expect(transition(proposal, { kind: 'agree', schedule }, coordinator, beforeIt)).toEqual({
			ok: true,
			state: 'agreed',
			cancellation: null
		});
	});

	it.each([
		[{ startsAt: null }, 'time_missing'],
		[{ endsAt: null }, 'time_missing'],
		[{ endsAt: at('2024-03-28T07:00:00Z') }, 'end_not_after_start'],
		[{ startsAt: at('2024-02-28T07:00:00Z'), endsAt: at('2024-02-28T10:00:00Z') }, 'start_in_past'],
		[
			{ startsAt: at('2025-01-09T07:00:00Z'), endsAt: at('2025-01-09T10:00:00Z') },
			'outside_season'
		],
		[{ place: '  ' }, 'place_missing'],
		[{ format: 'online', place: null }, 'online_link_missing'],
		[{ expertIds: [] }, 'expert_missing'],
		[{ expertIds: ['expert-1', 'expert-1'] }, 'expert_repeated']
	] as const)('refuses %j: %s', (change, reason) => {
		expect(
			transition(
				proposal,
				{ kind: 'agree', schedule: { ...schedule, ...change } },
				coordinator,
				beforeIt
			)
		).toEqual({ ok: false, reason });
	});

	it('takes the season day of the start in Helsinki: 31 Dec 23.30 is in a season ending that day', () => {
		const late = {
			...schedule,
			startsAt: at('2024-12-31T21:30:00Z'),
			endsAt: at('2024-12-31T21:55:00Z')
		};
		expect(transition(proposal, { kind: 'agree', schedule: late }, coordinator, beforeIt).ok).toBe(
			true
		);
		const over = { ...late, endsAt: at('2024-12-31T22:30:00Z') };
		expect(checkSchedule(over, beforeIt)).toEqual({ endsAt: 'outside_season' });
	});

	it('gives the form every field’s problem at once', () => {
		const empty: WorkshopSchedule = {
			format: 'online',
			startsAt: null,
			endsAt: null,
			place: null,
			onlineUrl: null,
			expertIds: []
		};
		expect(checkSchedule(empty, beforeIt)).toEqual({
			startsAt: 'time_missing',
			endsAt: 'time_missing',
			onlineUrl: 'online_link_missing',
			expertIds: 'expert_missing'
		});
	});

	it('agrees an extra workshop only with the coordinator’s explicit approval', () => {
		const extra = { ...proposal, extra: true };
		expect(transition(extra, { kind: 'agree', schedule }, coordinator, beforeIt)).toEqual({
			ok: false,
			reason: 'extra_not_approved'
		});
		expect(
			transition(extra, { kind: 'agree', schedule, approveExtra: true }, coordinator, beforeIt).ok
		).toBe(true);
	});

	it('is the coordinator’s alone', () => {
		for (const actor of [vaalaContact, expert]) {
			expect(transition(proposal, { kind: 'agree', schedule }, actor, beforeIt)).toEqual({
				ok: false,
				reason: 'role_not_allowed'
			});
		}
	});

	it('refuses an agreed workshop; moving it is a reschedule', () => {
		expect(transition(agreed, { kind: 'agree', schedule }, coordinator, beforeIt)).toEqual({
			ok: false,
			reason: 'already_agreed'
		});
		const moved = {
			...schedule,
			startsAt: at('2024-04-04T06:00:00Z'),
			endsAt: at('2024-04-04T09:00:00Z')
		};
		expect(
			transition(agreed, { kind: 'reschedule', schedule: moved }, coordinator, beforeIt)
		).toEqual({ ok: true, state: 'agreed', cancellation: null });
		expect(transition(proposal, { kind: 'reschedule', schedule }, coordinator, beforeIt)).toEqual({
			ok: false,
			reason: 'not_agreed'
		});
	});
});

describe('marking a workshop held', () => {
	it('is refused before its start and allowed from it', () => {
		expect(transition(agreed, { kind: 'mark_held' }, expert, beforeIt)).toEqual({
			ok: false,
			reason: 'not_started'
		});
		expect(
			transition(agreed, { kind: 'mark_held' }, expert, { now: at('2024-03-28T07:00:00Z') })
		).toEqual({ ok: true, state: 'held', cancellation: null });
	});

	it('is for the assigned expert and the coordinator', () => {
		expect(transition(agreed, { kind: 'mark_held' }, coordinator, afterStart).ok).toBe(true);
		expect(transition(agreed, { kind: 'mark_held' }, otherExpert, afterStart)).toEqual({
			ok: false,
			reason: 'not_assigned'
		});
		expect(transition(agreed, { kind: 'mark_held' }, vaalaContact, afterStart)).toEqual({
			ok: false,
			reason: 'role_not_allowed'
		});
	});

	it('needs an agreed workshop', () => {
		expect(transition(proposal, { kind: 'mark_held' }, coordinator, afterStart)).toEqual({
			ok: false,
			reason: 'not_agreed'
		});
	});

	it('cannot be undone: a held workshop is neither cancelled nor moved', () => {
		const actions: WorkshopAction[] = [
			{ kind: 'cancel', by: 'network', reason: 'virhe' },
			{ kind: 'cancel', by: 'municipality', reason: 'virhe' },
			{ kind: 'reschedule', schedule },
			{ kind: 'mark_held' }
		];
		for (const action of actions) {
			expect(transition(held, action, coordinator, afterStart)).toEqual({
				ok: false,
				reason: 'already_held'
			});
		}
	});
});

describe('cancelling', () => {
	const byVaala = (reason = 'valtuuston kokous samana päivänä'): WorkshopAction => ({
		kind: 'cancel',
		by: 'municipality',
		reason
	});

	it('is in time by the municipality 14 days or more before the day', () => {
		expect(
			transition(agreed, byVaala(), vaalaContact, { now: at('2024-03-14T21:00:00Z') })
		).toEqual({ ok: true, state: 'cancelled', cancellation: 'municipality_in_time' });
	});

	it('is late by the municipality after that, also when the coordinator records it', () => {
		for (const actor of [vaalaContact, coordinator]) {
			expect(transition(agreed, byVaala(), actor, { now: at('2024-03-20T10:00:00Z') })).toEqual({
				ok: true,
				state: 'cancelled',
				cancellation: 'municipality_late'
			});
		}
	});

	it('follows the season’s late-cancellation setting', () => {
		const context = { now: at('2024-03-20T10:00:00Z'), lateCancellationDays: 7 };
		expect(transition(agreed, byVaala(), vaalaContact, context)).toMatchObject({
			cancellation: 'municipality_in_time'
		});
	});

	it('withdraws a proposal in time, whenever', () => {
		expect(transition(proposal, byVaala(), vaalaContact, afterStart)).toMatchObject({
			cancellation: 'municipality_in_time'
		});
	});

	it('by the network is the coordinator’s, never late', () => {
		const action: WorkshopAction = { kind: 'cancel', by: 'network', reason: 'asiantuntija sairas' };
		expect(transition(agreed, action, coordinator, afterStart)).toEqual({
			ok: true,
			state: 'cancelled',
			cancellation: 'network'
		});
		expect(transition(agreed, action, vaalaContact, afterStart)).toEqual({
			ok: false,
			reason: 'role_not_allowed'
		});
		expect(transition(agreed, action, expert, afterStart)).toEqual({
			ok: false,
			reason: 'role_not_allowed'
		});
	});

	it('needs a reason', () => {
		expect(transition(agreed, byVaala(' \n'), vaalaContact, beforeIt)).toEqual({
			ok: false,
			reason: 'reason_missing'
		});
	});

	it('keeps a contact person to their own municipality', () => {
		expect(transition(agreed, byVaala(), otherContact, beforeIt)).toEqual({
			ok: false,
			reason: 'other_municipality'
		});
	});

	it('is final', () => {
		expect(transition(cancelled, byVaala(), coordinator, beforeIt)).toEqual({
			ok: false,
			reason: 'already_cancelled'
		});
		expect(transition(cancelled, { kind: 'agree', schedule }, coordinator, beforeIt)).toEqual({
			ok: false,
			reason: 'already_cancelled'
		});
	});
});

describe('who may do what', () => {
	it('lets contact persons propose for their own municipality only', () => {
		expect(checkProposer(vaalaContact, '785')).toBeNull();
		expect(checkProposer(otherContact, '785')).toBe('other_municipality');
		expect(checkProposer(coordinator, '785')).toBeNull();
		expect(checkProposer(expert, '785')).toBe('role_not_allowed');
	});

	it('lets the assigned expert record the outcome once the workshop is held', () => {
		expect(checkOutcomeRecording(held, expert)).toBeNull();
		expect(checkOutcomeRecording(held, otherExpert)).toBe('not_assigned');
		expect(checkOutcomeRecording(held, vaalaContact)).toBe('role_not_allowed');
		expect(checkOutcomeRecording(agreed, expert)).toBe('not_held');
	});

	it('gives every permission to the coordinator', () => {
		for (const roles of Object.values(ACTION_ROLES)) expect(roles).toContain('coordinator');
		expect(checkActor(coordinator, { municipalityCode: '205', expertIds: [] }, 'agree')).toBeNull();
	});
});

describe('the state machine as a whole', () => {
	const EDGES = new Set([
		'proposed→agreed',
		'proposed→cancelled',
		'agreed→agreed',
		'agreed→held',
		'agreed→cancelled'
	]);
	const instant = fc.date({
		min: at('2023-06-01T00:00:00Z'),
		max: at('2024-12-31T00:00:00Z'),
		noInvalidDate: true
	});
	const actor = fc.constantFrom(coordinator, vaalaContact, otherContact, expert, otherExpert);
	const workshop = fc.record({
		state: fc.constantFrom<WorkshopState>(...WORKSHOP_STATES),
		municipalityCode: fc.constant('785'),
		extra: fc.boolean(),
		format: fc.constantFrom(...WORKSHOP_FORMATS),
		startsAt: fc.option(instant),
		endsAt: fc.option(instant),
		place: fc.option(fc.string()),
		onlineUrl: fc.option(fc.string()),
		expertIds: fc.subarray(['expert-1', 'expert-2'])
	});
	const scheduleArb = fc.record({
		format: fc.constantFrom(...WORKSHOP_FORMATS),
		startsAt: fc.option(instant),
		endsAt: fc.option(instant),
		place: fc.option(fc.string()),
		onlineUrl: fc.option(fc.string()),
		expertIds: fc.array(fc.constantFrom('expert-1', 'expert-2'), { maxLength: 3 })
	});
	const action: fc.Arbitrary<WorkshopAction> = fc.oneof(
		fc.record({
			kind: fc.constant('agree' as const),
			schedule: scheduleArb,
			approveExtra: fc.boolean()
		}),
		fc.record({ kind: fc.constant('reschedule' as const), schedule: scheduleArb }),
		fc.record({ kind: fc.constant('mark_held' as const) }),
		fc.record({
			kind: fc.constant('cancel' as const),
			by: fc.constantFrom('municipality' as const, 'network' as const),
			reason: fc.string()
		})
	);

	it('moves only along its edges, ends in held or cancelled, and never un-holds', () => {
		// most random actions are refused; enough runs that some move, and a count to show it
		let moved = 0;
		fc.assert(
			fc.property(workshop, action, actor, instant, (w, a, who, now) => {
				const facts: Workshop = {
					...w,
					cancellation: w.state === 'cancelled' ? 'network' : null
				};
				const result = transition(facts, a, who, { now, season });
				if (!result.ok) return;
				moved++;
				expect(EDGES.has(`${w.state}→${result.state}`)).toBe(true);
				expect(result.cancellation !== null).toBe(result.state === 'cancelled');
				if (result.state === 'held') {
					expect(now.getTime()).toBeGreaterThanOrEqual(w.startsAt!.getTime());
				}
				if (a.kind === 'agree' || a.kind === 'reschedule') {
					expect(checkSchedule(a.schedule, { now, season })).toEqual({});
				}
				if (result.cancellation === 'municipality_late') expect(w.state).toBe('agreed');
				if (result.cancellation === 'network') expect(who.role).toBe('coordinator');
			}),
			{ numRuns: 1000 }
		);
		expect(moved).toBeGreaterThan(0);
	});
});
