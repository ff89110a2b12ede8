import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx, Tx } from '../db';
import {
	journeyWorkshops,
	journeys,
	memberships,
	municipalities,
	networks,
	roleAssignments,
	seasons,
	users,
	workshops
} from '../db/schema';
import { defineJob, type JobContext } from '../jobs/define-job';
import { queueMail } from '../mail/queue-mail';
import { serverTranslator } from '$lib/i18n/catalogue';
import type { Locale } from '$lib/i18n/locales';
import { loadWorkshopForMail, municipalityName, workshopPath } from './workshop-mail';
import { UUID_PATTERN } from '$lib/domain/uuid';

const uuid = z.string().regex(UUID_PATTERN);

/** The coordinators of these networks who can be written to: not erased, not disabled. */
export async function networkCoordinators(db: DbOrTx, networkIds: readonly string[]) {
	if (networkIds.length === 0) return [];
	const rows = await db
		.selectDistinct({
			userId: users.id,
			name: users.name,
			email: users.email,
			locale: users.locale
		})
		.from(roleAssignments)
		.innerJoin(users, eq(users.id, roleAssignments.userId))
		.where(
			and(
				// role_assignments_network_role
				inArray(roleAssignments.networkId, [...networkIds]),
				eq(roleAssignments.role, 'coordinator'),
				isNull(users.erasedAt),
				isNull(users.disabledAt)
			)
		)
		.orderBy(asc(users.email));
	return rows;
}

interface Letter {
	subject: string;
	body: string[];
	link: string;
	signature: string;
}

async function send(
	tx: Tx,
	person: { name: string; email: string; locale: Locale },
	letter: (locale: Locale) => Letter
) {
	const t = serverTranslator(person.locale);
	const { subject, body, link, signature } = letter(person.locale);
	await queueMail(tx, {
		to: person.email,
		subject,
		text: [
			t('mail.event.greeting', { name: person.name }),
			'',
			...body,
			'',
			t('mail.coordinatorNotice.link', { link }),
			'',
			t('mail.event.signature', { network: signature })
		].join('\n')
	});
}

/** A municipality proposed a workshop: the network's coordinators are asked to agree it. */
async function workshopProposed(tx: Tx, workshopId: string, ctx: JobContext) {
	const row = await loadWorkshopForMail(tx, workshopId);
	// withdrawn or already agreed by the time the job runs: nothing to ask any more
	if (!row || row.workshop.state !== 'proposed') return;
	const [season] = await tx
		.select({ number: seasons.number })
		.from(memberships)
		.innerJoin(seasons, eq(seasons.id, memberships.seasonId))
		.where(eq(memberships.id, row.workshop.membershipId));
	const link = `${ctx.settings.publicOrigin}${workshopPath(row.municipality.code, workshopId)}`;
	for (const person of await networkCoordinators(tx, [row.network.id])) {
		await send(tx, person, (locale) => {
			const t = serverTranslator(locale);
			const municipality = municipalityName(row.municipality, locale);
			return {
				subject: t('mail.coordinatorNotice.workshopProposed.subject', { municipality }),
				body: [
					t('mail.coordinatorNotice.workshopProposed.body', {
						municipality,
						network: row.network.shortName,
						season: season?.number ?? ''
					}),
					'',
					t('mail.coordinatorNotice.need', { need: row.workshop.need }),
					t('mail.workshop.goal', { goal: row.workshop.goal }),
					...(row.workshop.preferredDates
						? [t('mail.coordinatorNotice.dates', { dates: row.workshop.preferredDates })]
						: []),
					...(row.workshop.extra ? [t('mail.coordinatorNotice.extra')] : [])
				],
				link,
				signature: row.network.shortName
			};
		});
	}
}

/** An expert submitted a journey: the coordinators of the networks it served are asked to review it. */
async function journeySubmitted(tx: Tx, journeyId: string, ctx: JobContext) {
	const [journey] = await tx
		.select({
			state: journeys.state,
			fromPlace: journeys.fromPlace,
			toPlace: journeys.toPlace,
			expertName: users.name
		})
		.from(journeys)
		.innerJoin(users, eq(users.id, journeys.expertId))
		.where(eq(journeys.id, journeyId));
	// returned, approved or changed back to a draft since: nothing to review
	if (!journey || journey.state !== 'submitted') return;
	const served = await tx
		.selectDistinct({
			networkId: networks.id,
			shortName: networks.shortName,
			nameFi: municipalities.nameFi,
			nameSv: municipalities.nameSv
		})
		.from(journeyWorkshops)
		.innerJoin(workshops, eq(workshops.id, journeyWorkshops.workshopId))
		.innerJoin(memberships, eq(memberships.id, workshops.membershipId))
		.innerJoin(municipalities, eq(municipalities.code, memberships.municipalityCode))
		.innerJoin(seasons, eq(seasons.id, memberships.seasonId))
		.innerJoin(networks, eq(networks.id, seasons.networkId))
		.where(eq(journeyWorkshops.journeyId, journeyId));
	const networkIds = [...new Set(served.map((s) => s.networkId))];
	const signature = [...new Set(served.map((s) => s.shortName))].join(', ');
	const link = `${ctx.settings.publicOrigin}/workshops/journeys/${journeyId}`;
	for (const person of await networkCoordinators(tx, networkIds)) {
		await send(tx, person, (locale) => {
			const t = serverTranslator(locale);
			const names = [...new Set(served.map((s) => municipalityName(s, locale)))].sort();
			return {
				subject: t('mail.coordinatorNotice.journeySubmitted.subject', {
					expert: journey.expertName
				}),
				body: [
					t('mail.coordinatorNotice.journeySubmitted.body', {
						expert: journey.expertName,
						from: journey.fromPlace,
						to: journey.toPlace,
						municipalities: names.join(', ')
					})
				],
				link,
				signature
			};
		});
	}
}

/**
 * Tells the network's coordinators what waits for them (workshop-notices.ts): a workshop a
 * municipality proposed, a journey an expert submitted. Composed when the job runs, in each
 * coordinator's own language, and only if it still waits then.
 */
export const coordinatorNoticeJob = defineJob({
	label: 'jobs.kind.coordinator_notice',
	payload: z.object({
		kind: z.enum(['workshop_proposed', 'journey_submitted']),
		id: uuid
	}),
	async run(tx, { kind, id }, ctx) {
		if (kind === 'workshop_proposed') await workshopProposed(tx, id, ctx);
		else await journeySubmitted(tx, id, ctx);
	}
});
