import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../db';
import {
	memberships,
	municipalities,
	networks,
	seasons,
	users,
	workshopExperts,
	workshopParticipants,
	workshops
} from '../db/schema';
import { queueMail } from '../mail/queue-mail';
import type { JobContext } from '../jobs/define-job';
import { renderCalendar } from '../events/render-event-ics';
import { serverTranslator } from '$lib/i18n/catalogue';
import { formatTimeRange } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locales';
import type { Translate } from '$lib/i18n/translate';

/**
 * Mail about a workshop to its participants and experts, composed when the job runs: in each
 * person's own language, with the workshop as it then is, and as a calendar entry for those
 * invited (REQUEST) or no longer expected (CANCEL). The calendar entry's UID is the
 * workshop's, so an update or a cancellation finds the entry the invitation made.
 */

export type WorkshopMailKind = 'invited' | 'changed' | 'removed' | 'cancelled' | 'feedback';

export async function loadWorkshopForMail(db: DbOrTx, workshopId: string) {
	const [row] = await db
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
		.where(eq(workshops.id, workshopId))
		.limit(1);
	return row ?? null;
}

export type WorkshopForMail = NonNullable<Awaited<ReturnType<typeof loadWorkshopForMail>>>;

export interface WorkshopRecipient {
	userId: string;
	name: string;
	email: string;
	locale: Locale;
	role: 'participant' | 'expert';
	attended: boolean | null;
}

/** The workshop's participants and experts now, the erased left out (they get no mail). */
export async function workshopPeople(
	db: DbOrTx,
	workshopId: string,
	userIds?: readonly string[]
): Promise<WorkshopRecipient[]> {
	const person = {
		userId: users.id,
		name: users.name,
		email: users.email,
		locale: users.locale,
		erasedAt: users.erasedAt
	};
	const only = (column: typeof workshopParticipants.userId | typeof workshopExperts.userId) =>
		userIds ? inArray(column, [...userIds]) : undefined;
	const [participants, experts] = await Promise.all([
		db
			.select({ ...person, attended: workshopParticipants.attended })
			.from(workshopParticipants)
			.innerJoin(users, eq(users.id, workshopParticipants.userId))
			.where(
				and(eq(workshopParticipants.workshopId, workshopId), only(workshopParticipants.userId))
			),
		db
			.select(person)
			.from(workshopExperts)
			.innerJoin(users, eq(users.id, workshopExperts.userId))
			.where(and(eq(workshopExperts.workshopId, workshopId), only(workshopExperts.userId)))
	]);
	const people: WorkshopRecipient[] = [];
	for (const p of experts) {
		if (!p.erasedAt) people.push({ ...p, role: 'expert', attended: null });
	}
	for (const p of participants) {
		if (!p.erasedAt && !people.some((q) => q.userId === p.userId)) {
			people.push({ ...p, role: 'participant' });
		}
	}
	return people;
}

/** People by id as mail recipients, whatever their part in the workshop (those removed from it). */
export async function peopleByIds(db: DbOrTx, userIds: readonly string[]) {
	if (userIds.length === 0) return [];
	const rows = await db
		.select({
			userId: users.id,
			name: users.name,
			email: users.email,
			locale: users.locale,
			erasedAt: users.erasedAt
		})
		.from(users)
		.where(inArray(users.id, [...userIds]));
	return rows
		.filter((r) => !r.erasedAt)
		.map((r) => ({ ...r, role: 'participant' as const, attended: null }));
}

/** The municipality's name in a language: Swedish where the registry has it. */
export function municipalityName(
	m: { nameFi: string; nameSv: string | null },
	locale: Locale
): string {
	return locale === 'sv' && m.nameSv ? m.nameSv : m.nameFi;
}

/** "USO-kehittämistyöpaja: Vaala": the title of a workshop in mail and calendars. */
export function workshopTitle(
	t: Translate,
	row: Pick<WorkshopForMail, 'network' | 'municipality'>,
	locale: Locale
) {
	return t('workshops.calendarTitle', {
		network: row.network.shortName,
		municipality: municipalityName(row.municipality, locale)
	});
}

export function workshopPath(municipalityCode: string, workshopId: string): string {
	return `/municipalities/${municipalityCode}/workshops/${workshopId}`;
}

/** The address after the name in "Verkosto <verkosto@example.fi>". */
function addressOf(from: string): string {
	return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}

export async function queueWorkshopMail(
	tx: Tx,
	ctx: JobContext,
	row: WorkshopForMail,
	person: Pick<WorkshopRecipient, 'name' | 'email' | 'locale'>,
	kind: WorkshopMailKind,
	calendar?: 'REQUEST' | 'CANCEL'
): Promise<void> {
	const { workshop, network } = row;
	const locale = person.locale;
	const t = serverTranslator(locale);
	const title = workshopTitle(t, row, locale);
	const link = `${ctx.settings.publicOrigin}${workshopPath(row.municipality.code, workshop.id)}`;
	const where =
		workshop.format === 'online' ? t('workshops.format.online') : workshop.place.trim() || '–';
	const scheduled = workshop.startsAt && workshop.endsAt;
	const lines = [
		t('mail.event.greeting', { name: person.name }),
		'',
		t(`mail.workshop.${kind}.body`, {
			title,
			reason: workshop.cancellationReason,
			link: `${link}#feedback`
		}),
		'',
		...(scheduled
			? [
					t('mail.workshop.details', {
						when: formatTimeRange(locale, workshop.startsAt!, workshop.endsAt!),
						where
					})
				]
			: []),
		t('mail.workshop.goal', { goal: workshop.goal }),
		t('mail.workshop.link', { link }),
		...(calendar === 'REQUEST' && workshop.format === 'online' && workshop.onlineUrl
			? [t('mail.event.onlineLink', { link: workshop.onlineUrl })]
			: []),
		'',
		t('mail.event.signature', { network: network.shortName })
	];
	const organizer = {
		name: network.shortName,
		email: network.publicContactEmail ?? addressOf(ctx.settings.mail.from)
	};
	const invitation =
		calendar && scheduled
			? {
					method: calendar,
					content: renderCalendar({
						method: calendar,
						organizer,
						onlineLabel: t('events.onlineLink'),
						stamp: ctx.now,
						events: [
							{
								id: workshop.id,
								sequence: workshop.sequence,
								startsAt: workshop.startsAt!,
								endsAt: workshop.endsAt!,
								summary: title,
								description: workshop.goal,
								location: workshop.format === 'online' ? '' : workshop.place,
								url: link,
								onlineUrl: calendar === 'REQUEST' ? workshop.onlineUrl : null,
								cancelled: calendar === 'CANCEL',
								lastModified: workshop.updatedAt,
								attendee: { name: person.name, email: person.email }
							}
						]
					})
				}
			: undefined;
	await queueMail(tx, {
		to: person.email,
		subject: t(`mail.workshop.${kind}.subject`, { title }),
		text: lines.join('\n'),
		calendar: invitation
	});
}
