import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { workshopExperts, workshopParticipants, workshops } from '../db/schema';
import { changedFields, recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import {
	checkSchedule,
	transition,
	type ScheduleField,
	type ScheduleProblem,
	type TransitionRefusal,
	type WorkshopActor,
	type WorkshopFormat,
	type WorkshopSchedule
} from '$lib/domain/workshops/workshop-states';
import {
	lockWorkshop,
	municipalityPeople,
	networkExperts,
	participantIdsOf,
	replacePeople,
	toDomainWorkshop
} from './workshop-rows';
import { noticeWorkshop } from './workshop-notices';

export interface ScheduleInput {
	workshopId: string;
	format: WorkshopFormat;
	startsAt: Date | null;
	endsAt: Date | null;
	place: string;
	onlineUrl: string | null;
	expertIds: readonly string[];
	/** The municipality's people taking part; each is invited by mail with a calendar entry. */
	participantIds: readonly string[];
	/** The coordinator's explicit approval of a workshop beyond the entitlement. */
	approveExtra: boolean;
}

export type ScheduleFieldError = ScheduleProblem | 'not_an_expert' | 'invalidChoice';
export type ScheduleFields = Partial<Record<ScheduleField | 'participantIds', ScheduleFieldError>>;

export type ScheduleWorkshopResult =
	| { ok: true; agreed: boolean }
	| { ok: false; error: 'not_found' | Exclude<TransitionRefusal, ScheduleProblem> }
	| { ok: false; error: 'fields'; fields: ScheduleFields };

/** Fields that a calendar entry shows: a change to any raises SEQUENCE and tells everyone. */
const CALENDAR_FIELDS = ['format', 'startsAt', 'endsAt', 'place', 'onlineUrl'] as const;

const SCHEDULE_PROBLEMS: ReadonlySet<string> = new Set<ScheduleProblem>([
	'time_missing',
	'end_not_after_start',
	'start_in_past',
	'outside_season',
	'place_missing',
	'online_link_missing',
	'expert_missing',
	'expert_repeated'
]);

/**
 * The coordinator agrees a proposed workshop, or changes an agreed one: its time (Helsinki),
 * place or online link, experts and participants; an extra workshop is agreed only with the
 * explicit approval. Every problem of the form is returned at once, field by field. Those
 * added are invited by mail with a calendar entry, those removed get it cancelled, and a
 * change of time or place raises SEQUENCE and updates everyone's entry.
 */
export async function scheduleWorkshop(
	db: Db,
	actor: Actor,
	as: WorkshopActor,
	input: ScheduleInput,
	now: Date = new Date()
): Promise<ScheduleWorkshopResult> {
	return db.transaction(async (tx): Promise<ScheduleWorkshopResult> => {
		const locked = await lockWorkshop(tx, input.workshopId);
		if (!locked) return { ok: false, error: 'not_found' };
		const current = toDomainWorkshop(locked);
		const expertIds = [...input.expertIds];
		const schedule: WorkshopSchedule = {
			format: input.format,
			startsAt: input.startsAt,
			endsAt: input.endsAt,
			place: input.format === 'on_site' ? input.place : '',
			onlineUrl: input.format === 'online' ? input.onlineUrl : null,
			expertIds
		};
		const agreeing = current.state === 'proposed';
		const context = { now, season: locked.season };
		const result = transition(
			current,
			agreeing
				? { kind: 'agree', schedule, approveExtra: input.approveExtra }
				: { kind: 'reschedule', schedule },
			as,
			context
		);
		if (
			!result.ok &&
			!SCHEDULE_PROBLEMS.has(result.reason) &&
			result.reason !== 'extra_not_approved'
		) {
			return { ok: false, error: result.reason as Exclude<TransitionRefusal, ScheduleProblem> };
		}

		const fields: ScheduleFields = checkSchedule(schedule, context);
		if (!fields.expertIds) {
			const experts = await networkExperts(tx, locked.season.networkId, expertIds);
			if (expertIds.some((id) => !experts.has(id))) fields.expertIds = 'not_an_expert';
		}
		const participantIds = [...new Set(input.participantIds)];
		const own = await municipalityPeople(tx, locked.municipalityCode, participantIds);
		if (participantIds.some((id) => !own.has(id))) fields.participantIds = 'invalidChoice';
		if (Object.keys(fields).length > 0) return { ok: false, error: 'fields', fields };
		if (!result.ok) {
			return { ok: false, error: result.reason as Exclude<TransitionRefusal, ScheduleProblem> };
		}

		const before = locked.workshop;
		const values = {
			state: 'agreed' as const,
			format: schedule.format,
			startsAt: schedule.startsAt,
			endsAt: schedule.endsAt,
			place: schedule.place ?? '',
			onlineUrl: schedule.onlineUrl
		};
		const diff = changedFields(before as unknown as Record<string, unknown>, values);
		const calendarChanged =
			!agreeing &&
			CALENDAR_FIELDS.some((f) => diff && Object.prototype.hasOwnProperty.call(diff.after, f));
		const approving = before.extra && !before.extraApprovedAt;
		await tx
			.update(workshops)
			.set({
				...values,
				...(approving ? { extraApprovedBy: actor.userId, extraApprovedAt: now } : {}),
				sequence: calendarChanged ? before.sequence + 1 : before.sequence,
				updatedAt: now
			})
			.where(eq(workshops.id, before.id));
		const experts = await replacePeople(
			tx,
			workshopExperts,
			before.id,
			locked.expertIds,
			expertIds
		);
		const participants = await replacePeople(
			tx,
			workshopParticipants,
			before.id,
			await participantIdsOf(tx, before.id),
			participantIds
		);
		const peopleChanged =
			experts.added.length +
				experts.removed.length +
				participants.added.length +
				participants.removed.length >
			0;
		if (diff || peopleChanged || approving) {
			await recordAudit(tx, actor, {
				action: agreeing ? 'workshop.agree' : 'workshop.reschedule',
				entityType: 'workshop',
				entityId: before.id,
				before: { ...(diff?.before ?? {}), expertIds: locked.expertIds },
				after: {
					...(diff?.after ?? {}),
					expertIds,
					participantsAdded: participants.added,
					participantsRemoved: participants.removed,
					...(approving ? { extraApproved: true } : {}),
					sequence: calendarChanged ? before.sequence + 1 : before.sequence
				}
			});
		}
		if (agreeing) {
			await noticeWorkshop(tx, before.id, 'invited', [...expertIds, ...participantIds]);
		} else {
			const kept = [
				...locked.expertIds.filter((id) => expertIds.includes(id)),
				...(await participantIdsOf(tx, before.id)).filter((id) => !participants.added.includes(id))
			];
			if (calendarChanged) await noticeWorkshop(tx, before.id, 'changed', kept);
			await noticeWorkshop(tx, before.id, 'invited', [...experts.added, ...participants.added]);
			await noticeWorkshop(tx, before.id, 'removed', [...experts.removed, ...participants.removed]);
		}
		return { ok: true, agreed: agreeing };
	});
}
