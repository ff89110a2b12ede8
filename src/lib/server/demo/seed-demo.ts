import { count } from 'drizzle-orm';
import type { Db } from '../db';
import { networks, users } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { systemActor } from '../actor';
import { hashPassword } from '../auth/password';
import { createUser } from '../users/create-user';
import {
	feeTiers,
	membershipDecisions,
	memberships,
	seasonFocusAreas,
	seasons
} from '../db/schema';
import type { Tx } from '../db';
import { helsinkiDate } from '$lib/domain/helsinki-time';
import { USO7_FOCUS_AREAS, USO7_MEMBERS, USO7_SEASON, USO_FEE_TIERS } from './uso7';
import { NOT_CONTINUING, USO8_FOCUS_AREAS, USO8_SEASON, uso8Period } from './uso8';
import { seedDemoEvents, type DemoPerson } from './seed-events';
import { seedDemoWorkshops } from './seed-workshops';
import { seedDemoAnalysis } from './seed-analysis';
import { seedDemoBilling } from './seed-billing';

export const DEMO_PASSWORD = 'verkosto-demo';
export const DEMO_COORDINATOR = 'koordinaattori@example.fi';
export const DEMO_EXPERT = 'asiantuntija@example.fi';
/** The demo's second expert, who works with the southern and western members. */
export const DEMO_EXPERT_2 = 'erityisasiantuntija@example.fi';

/**
 * Loads the demo story into an empty database: the USO network and its staff, USO 7
 * (2023–2024) with its members, programme and workshops, and USO 8 running around `now`, the
 * day the demo is loaded (uso8.ts), with its events, workshops and the experts' travel costs,
 * and USO 7's situation analysis answered by every active member (seed-analysis.ts) and its
 * billing (seed-billing.ts). People are fictional and use @example.fi addresses. Does nothing
 * when any user exists.
 */
export async function seedDemo(db: Db, now: Date = new Date()): Promise<boolean> {
	const [existing] = await db.select({ n: count() }).from(users);
	if ((existing?.n ?? 0) > 0) return false;
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	await db.transaction(async (tx) => {
		const [uso] = await tx
			.insert(networks)
			.values({
				slug: 'uso',
				shortName: 'USO',
				nameFi: 'Uuden sukupolven organisaatiot (USO) -verkosto',
				nameSv: 'Nätverket Nya generationens organisationer (USO)',
				nameEn: 'New Generation Organisations (USO) network',
				descriptionFi:
					'Kuntien ja Kuntaliitto-konsernin vertaisoppimis- ja tukiverkosto, kokemus- ja tutkimustiedon kokoaja sekä paikallisen kehittämistyön konsultoija.',
				descriptionSv:
					'Ett nätverk för kollegialt lärande och stöd mellan kommunerna och Kommunförbundskoncernen, som samlar erfarenheter och forskning och ger råd i det lokala utvecklingsarbetet.',
				descriptionEn:
					'A peer-learning and support network of municipalities and the Kuntaliitto group that gathers experience and research and consults on local development work.',
				// the network's shared mailbox, not a person's: it is shown on the public page
				publicContactEmail: 'uso-verkosto@example.fi'
			})
			.returning();
		if (!uso) throw new Error('network insert returned nothing');
		await recordAudit(tx, systemActor, {
			action: 'network.create',
			entityType: 'network',
			entityId: uso.id,
			after: { slug: uso.slug, shortName: uso.shortName }
		});
		const coordinator = await createUser(tx, systemActor, {
			email: DEMO_COORDINATOR,
			name: 'Kaisa Koordinaattori',
			passwordHash,
			roles: [{ role: 'coordinator', networkId: uso.id, municipalityCode: null }]
		});
		const antti = await createUser(tx, systemActor, {
			email: DEMO_EXPERT,
			name: 'Antti Asiantuntija',
			passwordHash,
			roles: [{ role: 'expert', networkId: uso.id, municipalityCode: null }]
		});
		const eeva = await createUser(tx, systemActor, {
			email: DEMO_EXPERT_2,
			name: 'Eeva Erkkilä',
			passwordHash,
			roles: [{ role: 'expert', networkId: uso.id, municipalityCode: null }]
		});
		const uso7 = await seedUso7(tx, uso.id, passwordHash);
		const uso8 = await seedUso8(tx, uso.id, uso7.contacts, now);
		await seedDemoEvents(tx, {
			now,
			coordinator,
			people: uso7.people,
			seasons: { 7: uso7.season, 8: uso8 }
		});
		await seedDemoWorkshops(tx, {
			now,
			coordinator,
			experts: { antti, eeva },
			people: uso7.people,
			seasons: { 7: uso7.season, 8: uso8 }
		});
		await seedDemoAnalysis(tx, {
			coordinator,
			expert: antti,
			people: uso7.people,
			seasons: { 7: uso7.season, 8: uso8 }
		});
		await seedDemoBilling(tx, { networkId: uso.id, coordinator, uso7: uso7.season });
	});
	return true;
}

/** The Vaala proposal as the board's minutes put it (shared/seed), for a season. */
function vaalaProposal(seasonNumber: number, startsOn: string, endsOn: string) {
	return `Kunnanhallitus päättää, että
1) Vaala osallistuu Uuden sukupolven organisaatiot (USO) -verkoston ${seasonNumber}. kaudelle ajalla ${startsOn.slice(0, 4)}–${endsOn.slice(0, 4)}.
2) Verkostoyhdyshenkilöksi nimetään hallintojohtaja.
3) Kunnanhallituksen jäsenet, kunnanvaltuuston puheenjohtajisto ja johtoryhmän jäsenet voivat osallistua USO-verkoston seminaareihin paikan päällä.`;
}

function proposalOf(code: string, seasonNumber: number, startsOn: string, endsOn: string) {
	return code === '785'
		? vaalaProposal(seasonNumber, startsOn, endsOn)
		: `Osallistuminen Uuden sukupolven organisaatiot (USO) -verkoston ${seasonNumber}. kaudelle ${startsOn.slice(0, 4)}–${endsOn.slice(0, 4)}.`;
}

async function seedUso7(tx: Tx, networkId: string, passwordHash: string) {
	const people = new Map<string, DemoPerson>();
	const contacts = new Map<string, string>();
	const [season] = await tx
		.insert(seasons)
		.values({ ...USO7_SEASON, networkId })
		.returning();
	if (!season) throw new Error('season insert returned nothing');
	await tx
		.insert(seasonFocusAreas)
		.values(USO7_FOCUS_AREAS.map((f, i) => ({ ...f, seasonId: season.id, position: i + 1 })));
	await tx.insert(feeTiers).values(
		USO_FEE_TIERS.map((t) => ({
			...t,
			networkId,
			validFrom: USO7_SEASON.startsOn,
			vatTreatment: 'vat_standard' as const
		}))
	);
	await recordAudit(tx, systemActor, {
		action: 'season.create',
		entityType: 'season',
		entityId: season.id,
		after: { number: season.number, startsOn: season.startsOn, endsOn: season.endsOn }
	});

	for (const member of USO7_MEMBERS) {
		let contactId: string | null = null;
		for (const person of member.people) {
			const email =
				person.email ??
				(person.account === 'contact'
					? `yhteys-${member.code}@example.fi`
					: person.account === 'participant'
						? `osallistuja-${member.code}@example.fi`
						: `${person.name
								.normalize('NFKD')
								.replace(/\p{M}/gu, '')
								.toLowerCase()
								.replace(/[^a-z]+/g, '.')}.${member.code}@example.fi`);
			const user = await createUser(tx, systemActor, {
				email,
				name: person.name,
				locale: person.locale ?? 'fi',
				passwordHash: person.account ? passwordHash : null,
				municipalityCode: member.code,
				title: person.title,
				positions: person.positions,
				roles: [
					{
						role: person.account === 'contact' ? 'contact_person' : 'participant',
						networkId: null,
						municipalityCode: member.code
					}
				]
			});
			if (person.account === 'contact') contactId = user.id;
			people.set(person.name, {
				id: user.id,
				email: user.email,
				municipalityCode: member.code,
				positions: person.positions,
				locale: person.locale ?? 'fi'
			});
		}
		if (contactId && member.state !== 'invited') contacts.set(member.code, contactId);
		const [membership] = await tx
			.insert(memberships)
			.values({
				seasonId: season.id,
				municipalityCode: member.code,
				state: member.state,
				contactPersonId: member.state === 'invited' ? null : contactId,
				onSiteGroups: member.onSiteGroups,
				invitedAt: new Date('2022-11-15T09:00:00Z')
			})
			.returning();
		if (member.decision) {
			await tx.insert(membershipDecisions).values({
				...member.decision,
				membershipId: membership!.id,
				proposal: proposalOf(member.code, 7, USO7_SEASON.startsOn, USO7_SEASON.endsOn)
			});
		}
		await recordAudit(tx, systemActor, {
			action: 'membership.invite',
			entityType: 'membership',
			entityId: membership!.id,
			after: { seasonId: season.id, municipalityCode: member.code, state: member.state }
		});
	}
	return { season, people, contacts };
}

/**
 * USO 8 around the load day. The members of USO 7 continue in the same states (but Pertunmaa,
 * merged since): those active are active again with the same decisions, taken at the same time
 * of the new season's first year, the same groups on site and the same contact persons. The
 * front pages speak of the current season, so it carries USO 7's variety too: Raasepori has
 * decided but not begun, Kauniainen has declined, Lahti is invited and has done nothing yet.
 */
async function seedUso8(
	tx: Tx,
	networkId: string,
	contacts: ReadonlyMap<string, string>,
	now: Date
) {
	const period = uso8Period(helsinkiDate(now));
	const startYear = Number(period.startsOn.slice(0, 4));
	const [season] = await tx
		.insert(seasons)
		.values({ ...USO8_SEASON, ...period, networkId })
		.returning();
	if (!season) throw new Error('season insert returned nothing');
	await tx
		.insert(seasonFocusAreas)
		.values(USO8_FOCUS_AREAS.map((f, i) => ({ ...f, seasonId: season.id, position: i + 1 })));
	await recordAudit(tx, systemActor, {
		action: 'season.create',
		entityType: 'season',
		entityId: season.id,
		after: { number: season.number, startsOn: season.startsOn, endsOn: season.endsOn }
	});
	const continuing = USO7_MEMBERS.filter((m) => !NOT_CONTINUING.has(m.code));
	const rows = await tx
		.insert(memberships)
		.values(
			continuing.map((member) => ({
				seasonId: season.id,
				municipalityCode: member.code,
				state: member.state,
				contactPersonId: contacts.get(member.code) ?? null,
				onSiteGroups: member.onSiteGroups,
				invitedAt: new Date(`${startYear - 1}-11-15T09:00:00Z`)
			}))
		)
		.returning();
	await tx.insert(membershipDecisions).values(
		continuing.flatMap((member) =>
			member.decision
				? [
						{
							...member.decision,
							membershipId: rows.find((r) => r.municipalityCode === member.code)!.id,
							meetingDate: `${startYear}${member.decision.meetingDate.slice(4)}`,
							proposal: proposalOf(member.code, 8, period.startsOn, period.endsOn)
						}
					]
				: []
		)
	);
	await recordAudit(
		tx,
		systemActor,
		rows.map((m) => ({
			action: 'membership.invite',
			entityType: 'membership',
			entityId: m.id,
			after: { seasonId: season.id, municipalityCode: m.municipalityCode, state: m.state }
		}))
	);
	return season;
}
