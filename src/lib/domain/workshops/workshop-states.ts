import { helsinkiDate } from '../helsinki-time';
import { DEFAULT_LATE_CANCELLATION_DAYS, isLateCancellation } from './late-cancellation';

/**
 * A municipality's development workshop from proposal to its end (PRODUCT.md, capability 6;
 * ADR 018): proposed → agreed → held, or cancelled from proposed or agreed. Held and cancelled
 * are final; a workshop wrongly cancelled is proposed again.
 *
 * Who may do what is data (`ACTION_ROLES`) plus two scopes: a contact person acts only on
 * their own municipality's workshops, an expert only on those assigned to them. `transition`
 * checks the actor first, then the state, then the data, and gives the first refusal as a code
 * the UI translates. The use case runs it on the workshop's locked row and writes the change
 * and its audit entry in the same transaction.
 */

export const WORKSHOP_STATES = ['proposed', 'agreed', 'held', 'cancelled'] as const;
export type WorkshopState = (typeof WORKSHOP_STATES)[number];

/** Who cancelled, and for a municipality whether it was late (late-cancellation.ts). */
export const CANCELLATIONS = ['municipality_in_time', 'municipality_late', 'network'] as const;
export type Cancellation = (typeof CANCELLATIONS)[number];

export const WORKSHOP_FORMATS = ['on_site', 'online'] as const;
export type WorkshopFormat = (typeof WORKSHOP_FORMATS)[number];

export type WorkshopRole = 'coordinator' | 'contact_person' | 'expert';

export type WorkshopActor =
	| { role: 'coordinator' }
	| { role: 'contact_person'; municipalityCode: string }
	| { role: 'expert'; personId: string };

/** What the rules need to know of a workshop. */
export interface Workshop {
	state: WorkshopState;
	/** Set exactly when the state is cancelled. */
	cancellation: Cancellation | null;
	municipalityCode: string;
	/** Beyond the season's entitlement (entitlement.ts); agreeing it approves it as billable. */
	extra: boolean;
	format: WorkshopFormat;
	startsAt: Date | null;
	endsAt: Date | null;
	place: string | null;
	onlineUrl: string | null;
	/** The experts assigned, by person id. */
	expertIds: readonly string[];
}

/** What the coordinator sets when agreeing or moving a workshop. */
export type WorkshopSchedule = Pick<
	Workshop,
	'format' | 'startsAt' | 'endsAt' | 'place' | 'onlineUrl' | 'expertIds'
>;

export type WorkshopAction =
	| {
			kind: 'agree';
			schedule: WorkshopSchedule;
			/** The coordinator's explicit approval of an extra (billable) workshop. */
			approveExtra?: boolean;
	  }
	| { kind: 'reschedule'; schedule: WorkshopSchedule }
	| { kind: 'mark_held' }
	| { kind: 'cancel'; by: 'municipality' | 'network'; reason: string };

/** Everything a role may be allowed to do with a workshop, transitions and not. */
export type WorkshopPermission =
	| 'propose'
	| 'agree'
	| 'reschedule'
	| 'mark_held'
	| 'cancel_for_municipality'
	| 'cancel_for_network'
	/** Notes, outcomes, next steps, attendance and materials of a held workshop. */
	| 'record_outcome';

/**
 * The coordinator does everything; a contact person proposes and cancels for their
 * municipality; an expert marks held and records the outcome of the workshops assigned to
 * them. A network cancellation (the expert fell ill, a proposal declined) is the coordinator's.
 */
export const ACTION_ROLES: Readonly<Record<WorkshopPermission, readonly WorkshopRole[]>> = {
	propose: ['coordinator', 'contact_person'],
	agree: ['coordinator'],
	reschedule: ['coordinator'],
	mark_held: ['coordinator', 'expert'],
	cancel_for_municipality: ['coordinator', 'contact_person'],
	cancel_for_network: ['coordinator'],
	record_outcome: ['coordinator', 'expert']
};

export type ActorRefusal =
	/** The actor's role may not do this at all. */
	| 'role_not_allowed'
	/** A contact person and a workshop of another municipality. */
	| 'other_municipality'
	/** An expert and a workshop not assigned to them. */
	| 'not_assigned';

export type ScheduleProblem =
	/** Start or end missing. */
	| 'time_missing'
	| 'end_not_after_start'
	/** The start has passed: a workshop is agreed for the future. */
	| 'start_in_past'
	/** The workshop's days (Helsinki) are not all within the season's period. */
	| 'outside_season'
	| 'place_missing'
	| 'online_link_missing'
	| 'expert_missing'
	| 'expert_repeated';

export type TransitionRefusal =
	| ActorRefusal
	| ScheduleProblem
	| 'already_held'
	| 'already_cancelled'
	| 'already_agreed'
	| 'not_agreed'
	/** Marking held before the workshop's start. */
	| 'not_started'
	/** An extra workshop agreed without the coordinator's explicit approval. */
	| 'extra_not_approved'
	| 'reason_missing';

export type TransitionResult =
	| { ok: true; state: WorkshopState; cancellation: Cancellation | null }
	| { ok: false; reason: TransitionRefusal };

export interface TransitionContext {
	now: Date;
	/** The season's period, yyyy-mm-dd in Helsinki, inclusive. */
	season?: { startsOn: string; endsOn: string };
	/** The late-cancellation setting in days (late-cancellation.ts). */
	lateCancellationDays?: number;
}

/** May this actor do this with a workshop of this municipality and these experts? */
export function checkActor(
	actor: WorkshopActor,
	workshop: Pick<Workshop, 'municipalityCode' | 'expertIds'>,
	permission: WorkshopPermission
): ActorRefusal | null {
	if (!ACTION_ROLES[permission].includes(actor.role)) return 'role_not_allowed';
	if (actor.role === 'contact_person' && actor.municipalityCode !== workshop.municipalityCode) {
		return 'other_municipality';
	}
	if (actor.role === 'expert' && !workshop.expertIds.includes(actor.personId)) {
		return 'not_assigned';
	}
	return null;
}

/** May this actor propose a workshop for this municipality? (The entitlement is entitlement.ts.) */
export function checkProposer(actor: WorkshopActor, municipalityCode: string): ActorRefusal | null {
	return checkActor(actor, { municipalityCode, expertIds: [] }, 'propose');
}

export type ScheduleField = 'startsAt' | 'endsAt' | 'place' | 'onlineUrl' | 'expertIds';
export type ScheduleErrors = Partial<Record<ScheduleField, ScheduleProblem>>;

const blank = (text: string | null) => !text || text.trim() === '';

/** Each field's first problem, for the coordinator's form; empty when the schedule may be saved. */
export function checkSchedule(
	schedule: WorkshopSchedule,
	context: Pick<TransitionContext, 'now' | 'season'>
): ScheduleErrors {
	const errors: ScheduleErrors = {};
	const { startsAt, endsAt } = schedule;
	if (!startsAt) errors.startsAt = 'time_missing';
	if (!endsAt) errors.endsAt = 'time_missing';
	if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime()) {
		errors.endsAt = 'end_not_after_start';
	}
	if (startsAt && !errors.startsAt && startsAt.getTime() <= context.now.getTime()) {
		errors.startsAt = 'start_in_past';
	}
	const season = context.season;
	if (season) {
		const outside = (d: Date) => {
			const day = helsinkiDate(d);
			return day < season.startsOn || day > season.endsOn;
		};
		if (startsAt && !errors.startsAt && outside(startsAt)) errors.startsAt = 'outside_season';
		if (endsAt && !errors.endsAt && outside(endsAt)) errors.endsAt = 'outside_season';
	}
	if (schedule.format === 'on_site' && blank(schedule.place)) errors.place = 'place_missing';
	if (schedule.format === 'online' && blank(schedule.onlineUrl)) {
		errors.onlineUrl = 'online_link_missing';
	}
	if (schedule.expertIds.length === 0) errors.expertIds = 'expert_missing';
	else if (new Set(schedule.expertIds).size !== schedule.expertIds.length) {
		errors.expertIds = 'expert_repeated';
	}
	return errors;
}

const SCHEDULE_FIELDS: readonly ScheduleField[] = [
	'startsAt',
	'endsAt',
	'place',
	'onlineUrl',
	'expertIds'
];

function firstScheduleProblem(
	schedule: WorkshopSchedule,
	context: TransitionContext
): ScheduleProblem | null {
	const errors = checkSchedule(schedule, context);
	for (const field of SCHEDULE_FIELDS) {
		const problem = errors[field];
		if (problem) return problem;
	}
	return null;
}

function permissionOf(action: WorkshopAction): WorkshopPermission {
	if (action.kind === 'cancel') {
		return action.by === 'municipality' ? 'cancel_for_municipality' : 'cancel_for_network';
	}
	return action.kind;
}

const refuse = (reason: TransitionRefusal): TransitionResult => ({ ok: false, reason });
const to = (state: WorkshopState, cancellation: Cancellation | null = null): TransitionResult => ({
	ok: true,
	state,
	cancellation
});

/**
 * The state a workshop moves to, or why it may not. Rescheduling keeps the state (agreed);
 * a cancellation says who cancelled and, for the municipality, whether it was late at `now`.
 */
export function transition(
	workshop: Workshop,
	action: WorkshopAction,
	actor: WorkshopActor,
	context: TransitionContext
): TransitionResult {
	const actorRefusal = checkActor(actor, workshop, permissionOf(action));
	if (actorRefusal) return refuse(actorRefusal);
	if (workshop.state === 'held') return refuse('already_held');
	if (workshop.state === 'cancelled') return refuse('already_cancelled');

	switch (action.kind) {
		case 'agree': {
			if (workshop.state === 'agreed') return refuse('already_agreed');
			const problem = firstScheduleProblem(action.schedule, context);
			if (problem) return refuse(problem);
			if (workshop.extra && !action.approveExtra) return refuse('extra_not_approved');
			return to('agreed');
		}
		case 'reschedule': {
			if (workshop.state !== 'agreed') return refuse('not_agreed');
			const problem = firstScheduleProblem(action.schedule, context);
			return problem ? refuse(problem) : to('agreed');
		}
		case 'mark_held': {
			if (workshop.state !== 'agreed') return refuse('not_agreed');
			if (!workshop.startsAt || context.now.getTime() < workshop.startsAt.getTime()) {
				return refuse('not_started');
			}
			return to('held');
		}
		case 'cancel': {
			if (action.reason.trim() === '') return refuse('reason_missing');
			if (action.by === 'network') return to('cancelled', 'network');
			// a proposal has no date yet: withdrawing it is always in time
			const late =
				workshop.state === 'agreed' &&
				workshop.startsAt !== null &&
				isLateCancellation(
					workshop.startsAt,
					context.now,
					context.lateCancellationDays ?? DEFAULT_LATE_CANCELLATION_DAYS
				);
			return to('cancelled', late ? 'municipality_late' : 'municipality_in_time');
		}
	}
}

export type OutcomeRefusal = ActorRefusal | 'not_held';

/** May this actor record the notes, outcomes and attendance of the workshop? Once it is held. */
export function checkOutcomeRecording(
	workshop: Workshop,
	actor: WorkshopActor
): OutcomeRefusal | null {
	return (
		checkActor(actor, workshop, 'record_outcome') ?? (workshop.state === 'held' ? null : 'not_held')
	);
}
