import { count } from 'drizzle-orm';
import type { Db } from '../db';
import { networks, users } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { systemActor } from '../actor';
import { hashPassword } from '../auth/password';
import { createUser } from '../users/create-user';

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
					'A peer-learning and support network of municipalities and the Kuntaliitto group that gathers experience and research and consults on local development work.'
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
	});
	return true;
}
