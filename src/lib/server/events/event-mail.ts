import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../db';
import { eventSignUps, events, networks, seasons, users } from '../db/schema';
import { queueMail } from '../mail/queue-mail';
import type { JobContext } from '../jobs/define-job';
import { serverTranslator } from '$lib/i18n/catalogue';
import { formatTimeRange } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locales';
import { localized } from '$lib/localized';
import { renderCalendar } from './render-event-ics';

/**
 * Mail about an event to the people signed up, composed when the job runs: in each person's
 * own language, with the event as it is then, and with the event as a calendar entry for those
 * holding a seat (REQUEST) or losing one (CANCEL).
 */

export type EventMailKind =
	| 'signed_up'
	| 'waiting'
	| 'promoted'
	| 'sign_up_cancelled'
	| 'changed'
	| 'event_cancelled'
	| 'reminder'
	| 'feedback';

export async function loadEventForMail(tx: DbOrTx, eventId: string) {
	const [row] = await tx
		.select({ event: events, network: networks })
		.from(events)
		.innerJoin(seasons, eq(seasons.id, events.seasonId))
		.innerJoin(networks, eq(networks.id, seasons.networkId))
		.where(eq(events.id, eventId))
		.limit(1);
	return row ?? null;
}

export type EventForMail = NonNullable<Awaited<ReturnType<typeof loadEventForMail>>>;

/** Sign-ups with their people, the erased left out (they get no mail). */
export async function recipients(
	tx: DbOrTx,
	eventId: string,
	filter: {
		signUpIds?: readonly string[];
		states: readonly (typeof eventSignUps.$inferSelect)['state'][];
	}
) {
	const rows = await tx
		.select({
			signUpId: eventSignUps.id,
			userId: eventSignUps.userId,
			state: eventSignUps.state,
			mode: eventSignUps.mode,
			seq: eventSignUps.seq,
			confirmedAt: eventSignUps.confirmedAt,
			name: users.name,
			email: users.email,
			locale: users.locale,
			erasedAt: users.erasedAt
		})
		.from(eventSignUps)
		.innerJoin(users, eq(users.id, eventSignUps.userId))
		.where(
			and(
				eq(eventSignUps.eventId, eventId),
				filter.signUpIds ? inArray(eventSignUps.id, [...filter.signUpIds]) : undefined,
				inArray(eventSignUps.state, [...filter.states])
			)
		)
		.orderBy(eventSignUps.seq);
	return rows.filter((r) => r.erasedAt === null);
}

export type Recipient = Awaited<ReturnType<typeof recipients>>[number];

/** The address after the name in "Verkosto <verkosto@example.fi>". */
function addressOf(from: string): string {
	return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}

export async function queueEventMail(
	tx: Tx,
	ctx: JobContext,
	row: EventForMail,
	person: Recipient,
	kind: EventMailKind,
	extra: { position?: number | null; calendar?: 'REQUEST' | 'CANCEL' } = {}
): Promise<void> {
	const { event, network } = row;
	const locale: Locale = person.locale;
	const t = serverTranslator(locale);
	const title = localized(event, 'title', locale);
	const link = `${ctx.settings.publicOrigin}/events/${event.id}`;
	const where =
		person.mode === 'online' || event.format === 'online'
			? t('events.format.online')
			: [event.venueName, event.venueAddress].filter(Boolean).join(', ') || '–';
	const seatHolder = person.state === 'confirmed' && kind !== 'event_cancelled';
	const lines = [
		t('mail.event.greeting', { name: person.name }),
		'',
		t(`mail.event.${kind}.body`, {
			title,
			position: extra.position ?? '',
			reason: event.cancellationReason,
			link: `${link}/feedback`
		}),
		'',
		t('mail.event.details', {
			when: formatTimeRange(locale, event.startsAt, event.endsAt),
			where,
			mode: t(`events.mode.${person.mode}`)
		}),
		t('mail.event.link', { link }),
		...(seatHolder && person.mode === 'online' && event.onlineUrl
			? [t('mail.event.onlineLink', { link: event.onlineUrl })]
			: []),
		'',
		t('mail.event.signature', { network: network.shortName })
	];
	const organizer = {
		name: network.shortName,
		email: network.publicContactEmail ?? addressOf(ctx.settings.mail.from)
	};
	const calendar = extra.calendar
		? {
				method: extra.calendar,
				content: renderCalendar({
					method: extra.calendar,
					organizer,
					onlineLabel: t('events.onlineLink'),
					stamp: ctx.now,
					events: [
						{
							id: event.id,
							sequence: event.sequence,
							startsAt: event.startsAt,
							endsAt: event.endsAt,
							summary: title,
							description: localized(event, 'description', locale),
							location: event.format === 'online' ? '' : where,
							url: link,
							onlineUrl: extra.calendar === 'REQUEST' && seatHolder ? event.onlineUrl : null,
							cancelled: extra.calendar === 'CANCEL',
							lastModified: event.updatedAt,
							attendee: { name: person.name, email: person.email }
						}
					]
				})
			}
		: undefined;
	await queueMail(tx, {
		to: person.email,
		subject: t(`mail.event.${kind}.subject`, { title }),
		text: lines.join('\n'),
		calendar
	});
}
