import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db';
import { eventFocusAreas, eventSignUps, events, seasonFocusAreas, seasons } from '../db/schema';
import { changedFields, recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import {
	checkEventPlan,
	type EventPlanContext,
	type EventPlanErrors
} from '$lib/domain/events/event-plan';
import { promotionOpen } from '$lib/domain/events/deadlines';
import type { EventForm } from '$lib/schemas/event';
import { lockEvent, settleSeats, type EventRow } from './seats';
import { noticeEventChanged, noticeSignUps, scheduleEventJobs } from './event-notices';
import { isUuid } from '$lib/domain/uuid';

export type SaveEventResult =
	| { ok: true; eventId: string }
	| { ok: false; error: 'not_found' | 'cancelled' }
	| { ok: false; error: 'plan'; errors: EventPlanErrors & { focusAreaIds?: 'invalidChoice' } };

/** Fields that a calendar entry shows: a change to any raises SEQUENCE and tells those signed up. */
const CALENDAR_FIELDS = [
	'titleFi',
	'titleSv',
	'titleEn',
	'descriptionFi',
	'descriptionSv',
	'descriptionEn',
	'startsAt',
	'endsAt',
	'venueName',
	'venueAddress',
	'onlineUrl',
	'format'
] as const;

function planOf(form: EventForm) {
	return {
		type: form.type,
		format: form.format,
		startsAt: form.startsAt!,
		endsAt: form.endsAt!,
		signUpOpensAt: form.signUpOpensAt,
		signUpClosesAt: form.signUpClosesAt,
		cancellationDeadline: form.cancellationDeadline,
		capacityOnSite: form.capacityOnSite,
		capacityOnline: form.capacityOnline,
		perMunicipalityOnSite: form.perMunicipalityOnSite
	};
}

function rowValues(form: EventForm) {
	return {
		...planOf(form),
		titleFi: form.titleFi,
		titleSv: form.titleSv,
		titleEn: form.titleEn,
		descriptionFi: form.descriptionFi,
		descriptionSv: form.descriptionSv,
		descriptionEn: form.descriptionEn,
		venueName: form.venueName,
		venueAddress: form.venueAddress,
		onlineUrl: form.format === 'on_site' ? null : form.onlineUrl
	};
}

async function seasonContext(tx: Tx, seasonId: string) {
	const [season] = await tx.select().from(seasons).where(eq(seasons.id, seasonId)).limit(1);
	if (!season) return null;
	return {
		startsOn: season.startsOn,
		endsOn: season.endsOn,
		programme: {
			seminars: season.seminars,
			workSeminars: season.workSeminars,
			contactPersonMeetings: season.contactPersonMeetings,
			currentAffairsReviews: season.currentAffairsReviews,
			peerDiscussions: season.peerDiscussions,
			developmentEvents: season.developmentEvents
		}
	} satisfies EventPlanContext['season'];
}

async function focusAreasValid(tx: Tx, seasonId: string, ids: readonly string[]) {
	if (ids.length === 0) return true;
	if (!ids.every((id) => isUuid(id))) return false;
	const rows = await tx
		.select({ id: seasonFocusAreas.id })
		.from(seasonFocusAreas)
		.where(and(eq(seasonFocusAreas.seasonId, seasonId), inArray(seasonFocusAreas.id, [...ids])));
	return rows.length === new Set(ids).size;
}

async function setFocusAreas(tx: Tx, eventId: string, ids: readonly string[]) {
	await tx.delete(eventFocusAreas).where(eq(eventFocusAreas.eventId, eventId));
	const unique = [...new Set(ids)];
	if (unique.length > 0) {
		await tx
			.insert(eventFocusAreas)
			.values(unique.map((focusAreaId) => ({ eventId, focusAreaId })));
	}
}

/** Plans a new event in a season; the form has been parsed, the plan is checked here. */
export async function createEvent(
	db: Db,
	actor: Actor,
	seasonId: string,
	form: EventForm,
	focusAreaIds: readonly string[]
): Promise<SaveEventResult> {
	return db.transaction(async (tx): Promise<SaveEventResult> => {
		const season = await seasonContext(tx, seasonId);
		if (!season) return { ok: false, error: 'not_found' };
		const errors: Extract<SaveEventResult, { error: 'plan' }>['errors'] = checkEventPlan(
			planOf(form),
			{ season }
		);
		if (!(await focusAreasValid(tx, seasonId, focusAreaIds))) errors.focusAreaIds = 'invalidChoice';
		if (Object.keys(errors).length > 0) return { ok: false, error: 'plan', errors };
		const [row] = await tx
			.insert(events)
			.values({ ...rowValues(form), seasonId, createdBy: actor.userId })
			.returning();
		await setFocusAreas(tx, row!.id, focusAreaIds);
		await scheduleEventJobs(tx, row!);
		await recordAudit(tx, actor, {
			action: 'event.create',
			entityType: 'event',
			entityId: row!.id,
			after: { ...rowValues(form), seasonId, focusAreaIds }
		});
		return { ok: true, eventId: row!.id };
	});
}

async function currentSeats(
	tx: Tx,
	event: EventRow
): Promise<NonNullable<EventPlanContext['current']>> {
	const rows = await tx
		.select({
			mode: eventSignUps.mode,
			state: eventSignUps.state,
			municipalityCode: eventSignUps.municipalityCode,
			count: sql<number>`count(*)::int`
		})
		.from(eventSignUps)
		.where(and(eq(eventSignUps.eventId, event.id), ne(eventSignUps.state, 'cancelled')))
		.groupBy(eventSignUps.mode, eventSignUps.state, eventSignUps.municipalityCode);
	let mostOnSite = 0;
	const signedUp = { on_site: 0, online: 0 };
	for (const r of rows) {
		signedUp[r.mode] += r.count;
		if (r.mode === 'on_site' && r.state === 'confirmed') mostOnSite = Math.max(mostOnSite, r.count);
	}
	return {
		confirmedOnSite: event.confirmedOnSite,
		confirmedOnline: event.confirmedOnline,
		mostOnSiteOfOneMunicipality: mostOnSite,
		signedUp
	};
}

/**
 * Changes an event. A change that a calendar entry shows raises SEQUENCE and sends those
 * signed up an update; a raised capacity seats those waiting at once; a new start moves the
 * reminders. Capacity below the confirmed seats, or dropping a mode people are signed up in,
 * is refused: nobody loses a seat by an edit.
 */
export async function updateEvent(
	db: Db,
	actor: Actor,
	eventId: string,
	form: EventForm,
	focusAreaIds: readonly string[],
	now: Date = new Date()
): Promise<SaveEventResult> {
	return db.transaction(async (tx): Promise<SaveEventResult> => {
		const event = await lockEvent(tx, eventId);
		if (!event) return { ok: false, error: 'not_found' };
		if (event.cancelledAt) return { ok: false, error: 'cancelled' };
		const season = await seasonContext(tx, event.seasonId);
		const errors: Extract<SaveEventResult, { error: 'plan' }>['errors'] = checkEventPlan(
			planOf(form),
			{ season: season ?? undefined, current: await currentSeats(tx, event) }
		);
		if (!(await focusAreasValid(tx, event.seasonId, focusAreaIds))) {
			errors.focusAreaIds = 'invalidChoice';
		}
		if (Object.keys(errors).length > 0) return { ok: false, error: 'plan', errors };

		const values = rowValues(form);
		const diff = changedFields(event as unknown as Record<string, unknown>, values);
		const calendarChanged = CALENDAR_FIELDS.some(
			(f) => diff && Object.prototype.hasOwnProperty.call(diff.after, f)
		);
		const [updated] = await tx
			.update(events)
			.set({
				...values,
				sequence: calendarChanged ? event.sequence + 1 : event.sequence,
				updatedAt: now
			})
			.where(eq(events.id, event.id))
			.returning();
		await setFocusAreas(tx, event.id, focusAreaIds);
		const promoted = await settleSeats(
			tx,
			updated!,
			promotionOpen({ ...updated!, cancelled: false }, now)
		);
		if (diff) {
			await recordAudit(tx, actor, {
				action: 'event.update',
				entityType: 'event',
				entityId: event.id,
				before: diff.before,
				after: { ...diff.after, sequence: updated!.sequence }
			});
		}
		if (promoted.length > 0) {
			await recordAudit(
				tx,
				actor,
				promoted.map((p) => ({
					action: 'event.promote',
					entityType: 'event',
					entityId: event.id,
					before: { signUpId: p.id, userId: p.userId, state: 'waiting' },
					after: { signUpId: p.id, state: 'confirmed' }
				}))
			);
		}
		if (calendarChanged) await noticeEventChanged(tx, updated!);
		await noticeSignUps(
			tx,
			updated!,
			'promoted',
			promoted.map((p) => p.id)
		);
		if (
			event.startsAt.getTime() !== updated!.startsAt.getTime() ||
			event.endsAt.getTime() !== updated!.endsAt.getTime()
		) {
			await scheduleEventJobs(tx, updated!);
		}
		return { ok: true, eventId: event.id };
	});
}
