import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/setup/test-db';
import { NOW, uso7 } from '../../../../tests/factories/events';
import {
	contactOf,
	demoExpert,
	proposal,
	uso7Membership
} from '../../../../tests/factories/workshops';
import {
	carTrip,
	heldWorkshop,
	proposedAnyway,
	submittedJourney,
	type TestExpert
} from '../../../../tests/factories/travel';
import { jobs, outbox } from '../db/schema';
import { systemActor } from '../actor';
import { createUser } from '../users/create-user';
import { runDueJobs } from '../jobs/run-due-jobs';
import { proposeWorkshop, type ProposalInput } from './propose-workshop';
import { cancelWorkshop } from './cancel-workshop';

/**
 * The network's coordinators hear by mail of what waits for them: a workshop a municipality
 * proposed and a journey an expert submitted, each in the coordinator's own language with a
 * link. The notice is enqueued in the use case's transaction and composed when it runs.
 */
let database: TestDatabase;
let expert: TestExpert;
const COORDINATOR_FI = 'koordinaattori@example.fi';
const COORDINATOR_SV = 'koordinator-sv@example.fi';
const settings = {
	mail: { from: 'Verkosto <verkosto@example.fi>', log: false },
	publicOrigin: 'https://verkosto.example.fi'
};

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	expert = await demoExpert(database.db);
	const { networkId } = await uso7(database.db);
	await createUser(database.db, systemActor, {
		email: COORDINATOR_SV,
		name: 'Kristina Koordinator',
		locale: 'sv',
		roles: [{ role: 'coordinator', networkId, municipalityCode: null }]
	});
});
afterAll(() => database?.close());

async function runJobs() {
	for (let round = 0; round < 10; round++) {
		const result = await runDueJobs(database.db, { serverId: 'test', settings, now: new Date() });
		if (result.claimed === 0) return;
	}
}

const mailTo = (email: string) =>
	database.db.select().from(outbox).where(eq(outbox.to, email)).orderBy(outbox.id);

async function noticeJobs() {
	return database.db.select().from(jobs).where(eq(jobs.kind, 'coordinator_notice'));
}

/** Vaala's contact person proposes (an extra when the entitlement is used). */
async function proposeAsContact(overrides: Partial<ProposalInput> = {}) {
	const contact = await contactOf(database.db, '785');
	const { id: membershipId } = await uso7Membership(database.db, '785');
	let result = await proposeWorkshop(
		database.db,
		contact.actor,
		contact.as,
		proposal(membershipId, overrides),
		NOW
	);
	if (!result.ok && result.error === 'entitlement_used') {
		result = await proposeWorkshop(
			database.db,
			contact.actor,
			contact.as,
			proposal(membershipId, { ...overrides, asExtra: true }),
			NOW
		);
	}
	return result;
}

describe('a new workshop proposal', () => {
	it('is told to every coordinator of the network, in their language, with a link', async () => {
		await runJobs();
		await database.db.delete(outbox);
		const result = await proposeAsContact({ need: 'Hyvinvointikertomuksen valmistelu' });
		if (!result.ok) throw new Error(JSON.stringify(result));
		await runJobs();
		const link = `https://verkosto.example.fi/municipalities/785/workshops/${result.workshopId}`;

		const [fi] = await mailTo(COORDINATOR_FI);
		expect(fi).toMatchObject({ subject: 'Uusi työpajaehdotus: Vaala' });
		expect(fi!.text).toContain('Vaala ehdottaa kehittämistyöpajaa (USO 7)');
		expect(fi!.text).toContain('Tarve: Hyvinvointikertomuksen valmistelu');
		expect(fi!.text).toContain(`Avaa: ${link}`);

		const [sv] = await mailTo(COORDINATOR_SV);
		expect(sv).toMatchObject({ subject: 'Nytt verkstadsförslag: Vaala' });
		expect(sv!.text).toContain('Hej Kristina Koordinator');
		expect(sv!.text).toContain(`Öppna: ${link}`);
		// the contact person who proposed is not told
		expect(await mailTo('yhteys-785@example.fi')).toEqual([]);
	});

	it('is not told when the coordinator proposes, nor when the proposal is refused', async () => {
		const before = (await noticeJobs()).length;
		const { id: membershipId } = await uso7Membership(database.db, '785');
		await proposedAnyway(database.db, membershipId);
		// Kajaani's contact person for Vaala: refused, nothing written, nothing enqueued
		const kajaani = await contactOf(database.db, '205');
		expect(
			await proposeWorkshop(database.db, kajaani.actor, kajaani.as, proposal(membershipId), NOW)
		).toMatchObject({ ok: false });
		expect((await noticeJobs()).length).toBe(before);
	});

	it('sends nothing if the proposal was withdrawn before the notice ran', async () => {
		await runJobs();
		await database.db.delete(outbox);
		const result = await proposeAsContact();
		if (!result.ok) throw new Error(JSON.stringify(result));
		const contact = await contactOf(database.db, '785');
		const cancelled = await cancelWorkshop(
			database.db,
			contact.actor,
			contact.as,
			{ workshopId: result.workshopId, by: 'municipality', reason: 'Ehdotettu vahingossa' },
			NOW
		);
		expect(cancelled).toMatchObject({ ok: true });
		await runJobs();
		expect(await mailTo(COORDINATOR_FI)).toEqual([]);
	});
});

describe('a journey submitted for approval', () => {
	it('is told to the coordinators of the networks it served, with a link to review it', async () => {
		const workshop = await heldWorkshop(
			database.db,
			'205',
			new Date('2024-04-11T07:00:00Z'),
			expert
		);
		await runJobs();
		await database.db.delete(outbox);
		const journeyId = await submittedJourney(database.db, expert, [workshop], [carTrip()], {
			from: 'Oulu',
			to: 'Kajaani'
		});
		const [job] = await database.db
			.select()
			.from(jobs)
			.where(eq(jobs.kind, 'coordinator_notice'))
			.orderBy(jobs.id);
		expect(job).toBeDefined();
		await runJobs();
		const [fi] = await mailTo(COORDINATOR_FI);
		expect(fi).toMatchObject({ subject: 'Matka hyväksyttäväksi: Antti Asiantuntija' });
		expect(fi!.text).toContain('Antti Asiantuntija lähetti matkan Oulu – Kajaani hyväksyttäväksi');
		expect(fi!.text).toContain('(kunnat: Kajaani)');
		expect(fi!.text).toContain(`https://verkosto.example.fi/workshops/journeys/${journeyId}`);
		const [sv] = await mailTo(COORDINATOR_SV);
		expect(sv).toMatchObject({ subject: 'Resa att godkänna: Antti Asiantuntija' });
		expect(sv!.text).toContain('(kommuner: Kajana)');
		expect(await mailTo('asiantuntija@example.fi')).toEqual([]);
	});
});
