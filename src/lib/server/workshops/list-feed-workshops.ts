import { and, asc, eq, gt, gte, inArray, isNotNull, ne, or } from 'drizzle-orm';
import type { Db } from '../db';
import {
	memberships,
	municipalities,
	networks,
	seasons,
	workshopExperts,
	workshopParticipants,
	workshops
} from '../db/schema';
import type { IcsEvent } from '../events/render-event-ics';
import { FEED_MAX_EVENTS, FEED_PAST_DAYS, type FeedTexts } from '../events/list-feed-events';
import { workshopTitle } from './workshop-mail';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A person's workshops for their personal calendar feed (ADR 020): those they are assigned to
 * as an expert or invited to as a participant, agreed or held, from 90 days ago on, and the
 * cancelled ones until they are past, marked as such. One query on the two people indexes
 * (`workshop_experts_user`, `workshop_participants_user`), bounded by time and count.
 */
export async function listPersonalFeedWorkshops(
	db: Db,
	userId: string,
	now: Date,
	texts: FeedTexts & { workshopUrl: (municipalityCode: string, workshopId: string) => string }
): Promise<IcsEvent[]> {
	const asExpert = db
		.select({ id: workshopExperts.workshopId })
		.from(workshopExperts)
		.where(eq(workshopExperts.userId, userId));
	const asParticipant = db
		.select({ id: workshopParticipants.workshopId })
		.from(workshopParticipants)
		.where(eq(workshopParticipants.userId, userId));
	const rows = await db
		.select({
			workshop: workshops,
			municipality: {
				code: municipalities.code,
				nameFi: municipalities.nameFi,
				nameSv: municipalities.nameSv
			},
			network: networks
		})
		.from(workshops)
		.innerJoin(memberships, eq(memberships.id, workshops.membershipId))
		.innerJoin(municipalities, eq(municipalities.code, memberships.municipalityCode))
		.innerJoin(seasons, eq(seasons.id, memberships.seasonId))
		.innerJoin(networks, eq(networks.id, seasons.networkId))
		.where(
			and(
				or(inArray(workshops.id, asExpert), inArray(workshops.id, asParticipant)),
				isNotNull(workshops.startsAt),
				ne(workshops.state, 'proposed'),
				gte(workshops.startsAt, new Date(now.getTime() - FEED_PAST_DAYS * DAY_MS)),
				or(ne(workshops.state, 'cancelled'), gt(workshops.endsAt, now))
			)
		)
		.orderBy(asc(workshops.startsAt), asc(workshops.id))
		.limit(FEED_MAX_EVENTS);
	const { t, locale } = texts;
	return rows.map((row) => {
		const w = row.workshop;
		const title = workshopTitle(t, row, locale);
		const cancelled = w.state === 'cancelled';
		const reason = w.cancellationReason.trim();
		const notes = cancelled
			? [
					reason
						? t('calendars.feed.cancelledReason', { reason })
						: t('calendars.feed.cancelledNote')
				]
			: [];
		return {
			id: w.id,
			sequence: w.sequence,
			startsAt: w.startsAt!,
			endsAt: w.endsAt!,
			summary: cancelled ? t('calendars.feed.cancelledTitle', { title }) : title,
			description: [...notes, w.goal.trim()].filter(Boolean).join('\n\n'),
			location: w.format === 'on_site' ? w.place.trim() : '',
			url: texts.workshopUrl(row.municipality.code, w.id),
			onlineUrl: cancelled ? null : w.onlineUrl,
			cancelled,
			lastModified: w.updatedAt
		};
	});
}
