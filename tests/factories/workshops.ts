import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db';
import {
	invoices,
	journeyShares,
	journeys,
	paymentAllocations,
	payments,
	memberships,
	seasonFocusAreas,
	workshopExperts,
	workshopParticipants,
	workshops
} from '../../src/lib/server/db/schema';
import { systemActor, userActor, type Actor } from '../../src/lib/server/actor';
import { createUser } from '../../src/lib/server/users/create-user';
import {
	proposeWorkshop,
	type ProposalInput
} from '../../src/lib/server/workshops/propose-workshop';
import type { WorkshopActor } from '../../src/lib/domain/workshops/workshop-states';
import { personByEmail, uso7 } from './events';

/**
 * Workshops for tests, on the demo data (`seedDemo`): USO 7 runs through 2023 and 2024 with
 * five workshops per member; "now" is 1 March 2024 (NOW in ./events), workshops lie in April.
 */

export const COORDINATOR: WorkshopActor = { role: 'coordinator' };

/**
 * Takes away the demo's own workshops and journeys (src/lib/server/demo/demo-workshops.ts),
 * which use up every member's entitlement: the tests of the workshop rules start from members
 * with all five left, as a season's first day has them. The demo's invoices of travel costs and
 * extra workshops (seed-billing.ts) go with what they billed.
 */
export async function withoutDemoWorkshops(db: Db): Promise<void> {
	await db
		.update(journeyShares)
		.set({ invoiceLineId: null })
		.where(isNotNull(journeyShares.invoiceLineId));
	const billedThem = inArray(invoices.kind, ['travel', 'extra']);
	// the payments of those invoices (seed-payments.ts: one payment per invoice) go with them
	const paid = await db
		.select({ id: paymentAllocations.paymentId })
		.from(paymentAllocations)
		.innerJoin(invoices, eq(invoices.id, paymentAllocations.invoiceId))
		.where(billedThem);
	if (paid.length > 0) {
		const ids = paid.map((p) => p.id);
		await db.delete(paymentAllocations).where(inArray(paymentAllocations.paymentId, ids));
		await db.delete(payments).where(inArray(payments.id, ids));
	}
	// credit notes before what they credit: their references to it refuse the invoice's delete
	await db.delete(invoices).where(and(billedThem, eq(invoices.document, 'credit_note')));
	await db.delete(invoices).where(billedThem);
	await db.delete(journeys);
	await db.delete(workshops);
}

/** A USO 7 membership of a municipality. */
export async function uso7Membership(db: Db, code: string) {
	const { seasonId, networkId } = await uso7(db);
	const [row] = await db
		.select()
		.from(memberships)
		.where(and(eq(memberships.seasonId, seasonId), eq(memberships.municipalityCode, code)));
	if (!row) throw new Error(`no USO 7 membership of ${code}`);
	return { ...row, networkId };
}

export async function uso7FocusAreas(db: Db) {
	const { seasonId } = await uso7(db);
	return db
		.select()
		.from(seasonFocusAreas)
		.where(eq(seasonFocusAreas.seasonId, seasonId))
		.orderBy(seasonFocusAreas.position);
}

/** The contact person of a municipality, as audit actor and as the rules see them. */
export async function contactOf(
	db: Db,
	code: string
): Promise<{ actor: Actor; as: WorkshopActor }> {
	const person = await personByEmail(db, `yhteys-${code}@example.fi`);
	return { actor: userActor(person), as: { role: 'contact_person', municipalityCode: code } };
}

export async function coordinatorActor(db: Db): Promise<Actor> {
	return userActor(await personByEmail(db, 'koordinaattori@example.fi'));
}

/** The demo's expert, Antti Asiantuntija. */
export async function demoExpert(db: Db) {
	const person = await personByEmail(db, 'asiantuntija@example.fi');
	return {
		person,
		actor: userActor(person),
		as: { role: 'expert', personId: person.id } as WorkshopActor
	};
}

/** Another expert of USO, made for the test. */
export async function addExpert(db: Db, tag: string, locale: 'fi' | 'sv' | 'en' = 'fi') {
	const { networkId } = await uso7(db);
	const person = await createUser(db, systemActor, {
		email: `asiantuntija-${tag}@example.fi`,
		name: `Asiantuntija ${tag}`,
		locale,
		roles: [{ role: 'expert', networkId, municipalityCode: null }]
	});
	return {
		person,
		actor: userActor(person),
		as: { role: 'expert', personId: person.id } as WorkshopActor
	};
}

export function proposal(
	membershipId: string,
	overrides: Partial<ProposalInput> = {}
): ProposalInput {
	return {
		membershipId,
		focusAreaId: null,
		need: 'Strategian jalkauttaminen arkeen',
		goal: 'Yhteinen toimeenpanosuunnitelma johtoryhmälle',
		strategyLink: 'Kuntastrategia 2030: elinvoimainen Vaala',
		preferredDates: 'Huhtikuun alku, ei maanantaisin',
		format: 'on_site',
		participantIds: [],
		asExtra: false,
		...overrides
	};
}

/** Proposes as the coordinator, throwing on a refusal. */
export async function proposed(
	db: Db,
	membershipId: string,
	overrides: Partial<ProposalInput> = {},
	now = new Date('2024-03-01T10:00:00Z')
): Promise<string> {
	const result = await proposeWorkshop(
		db,
		systemActor,
		COORDINATOR,
		proposal(membershipId, overrides),
		now
	);
	if (!result.ok) throw new Error(`not proposed: ${JSON.stringify(result)}`);
	return result.workshopId;
}

export async function workshopRow(db: Db, id: string) {
	const [row] = await db.select().from(workshops).where(eq(workshops.id, id));
	return row!;
}

export async function expertsOf(db: Db, id: string) {
	const rows = await db
		.select({ userId: workshopExperts.userId })
		.from(workshopExperts)
		.where(eq(workshopExperts.workshopId, id));
	return rows.map((r) => r.userId).sort();
}

export async function participantsOf(db: Db, id: string) {
	return db
		.select({ userId: workshopParticipants.userId, attended: workshopParticipants.attended })
		.from(workshopParticipants)
		.where(eq(workshopParticipants.workshopId, id));
}
