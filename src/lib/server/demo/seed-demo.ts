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
import { USO7_FOCUS_AREAS, USO7_MEMBERS, USO7_SEASON, USO_FEE_TIERS } from './uso7';

export const DEMO_PASSWORD = 'verkosto-demo';
export const DEMO_COORDINATOR = 'koordinaattori@example.fi';
export const DEMO_EXPERT = 'asiantuntija@example.fi';

/**
 * Loads the demo story into an empty database: the USO network and its staff. People are
 * fictional and use @example.fi addresses. Does nothing when any user exists.
 */
export async function seedDemo(db: Db): Promise<boolean> {
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
		await createUser(tx, systemActor, {
			email: DEMO_COORDINATOR,
			name: 'Kaisa Koordinaattori',
			passwordHash,
			roles: [{ role: 'coordinator', networkId: uso.id, municipalityCode: null }]
		});
		await createUser(tx, systemActor, {
			email: DEMO_EXPERT,
			name: 'Antti Asiantuntija',
			passwordHash,
			roles: [{ role: 'expert', networkId: uso.id, municipalityCode: null }]
		});
		await seedUso7(tx, uso.id, passwordHash);
	});
	return true;
}

/** The vaala proposal as the board's minutes put it (shared/seed). */
const VAALA_PROPOSAL = `Kunnanhallitus päättää, että
1) Vaala osallistuu Uuden sukupolven organisaatiot (USO) -verkoston 7. kaudelle ajalla 2023–2024.
2) Verkostoyhdyshenkilöksi nimetään hallintojohtaja.
3) Kunnanhallituksen jäsenet, kunnanvaltuuston puheenjohtajisto ja johtoryhmän jäsenet voivat osallistua USO-verkoston seminaareihin paikan päällä.`;

async function seedUso7(tx: Tx, networkId: string, passwordHash: string) {
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
		}
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
				proposal:
					member.code === '785'
						? VAALA_PROPOSAL
						: `Osallistuminen Uuden sukupolven organisaatiot (USO) -verkoston 7. kaudelle 2023–2024.`
			});
		}
		await recordAudit(tx, systemActor, {
			action: 'membership.invite',
			entityType: 'membership',
			entityId: membership!.id,
			after: { seasonId: season.id, municipalityCode: member.code, state: member.state }
		});
	}
}
