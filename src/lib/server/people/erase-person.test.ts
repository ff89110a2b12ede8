import { and, count, eq, ilike, or, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/setup/test-db';
import { systemActor, userActor, type Actor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { updateProfile } from '../account/update-profile';
import { accountKey } from '../auth/rate-limit';
import { validateSession } from '../auth/session';
import { requestSignInLink, signInWithPassword } from '../auth/sign-in';
import type { Database } from '../db/client';
import {
	auditLog,
	authAttempts,
	authTokens,
	membershipDecisions,
	memberships,
	networks,
	outbox,
	roleAssignments,
	seasons,
	sessions,
	calendarFeeds,
	users
} from '../db/schema';
import { DEMO_COORDINATOR, DEMO_EXPERT, DEMO_PASSWORD } from '../demo/seed-demo';
import { sendMail } from '../mail/send-mail';
import { getOrCreateFeed } from '../events/calendar-feeds';
import { createUser } from '../users/create-user';
import { ERASED_TEXT, erasedEmail, erasedLabel, erasePerson } from './erase-person';

const MAIL = { from: 'verkosto@example.fi', log: false };
const HELENA = 'yhteys-785@example.fi';
const OLD_ADDRESS = 'helena.vanha@example.fi';
/** An address Helena once had that Kalle has now: his, not hers. */
const REUSED_ADDRESS = 'kierratetty@example.fi';

let database: Database;
let coordinator: Actor;
let helenaId: string;
let helenaSessionToken: string;

const userByEmail = async (email: string) => {
	const [row] = await database.db.select().from(users).where(eq(users.email, email));
	return row!;
};

/** Rows of the audit log, users and outbox whose text contains the needle anywhere. */
async function occurrences(needle: string) {
	const db = database.db;
	const like = `%${needle}%`;
	const [inUsers] = await db
		.select({ n: count() })
		.from(users)
		.where(or(ilike(users.name, like), ilike(users.email, like), ilike(users.title, like)));
	const [inAudit] = await db
		.select({ n: count() })
		.from(auditLog)
		.where(
			or(
				ilike(auditLog.actorLabel, like),
				ilike(sql`coalesce(${auditLog.before}::text, '')`, like),
				ilike(sql`coalesce(${auditLog.after}::text, '')`, like)
			)
		);
	const [inOutbox] = await db
		.select({ n: count() })
		.from(outbox)
		.where(or(ilike(outbox.to, like), ilike(outbox.subject, like), ilike(outbox.text, like)));
	return { users: inUsers!.n, audit: inAudit!.n, outbox: inOutbox!.n };
}

async function snapshot() {
	const db = database.db;
	const [a] = await db.select({ n: count() }).from(auditLog);
	const people = await db.select().from(users).orderBy(users.id);
	const roles = await db.select({ n: count() }).from(roleAssignments);
	const mail = await db.select().from(outbox).orderBy(outbox.id);
	return { audit: a!.n, people, roles: roles[0]!.n, mail };
}

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	const db = database.db;
	coordinator = userActor(await userByEmail(DEMO_COORDINATOR));
	const helena = await userByEmail(HELENA);
	helenaId = helena.id;

	// Helena's footprint: a failed and a good sign-in, a sign-in link, her own name change,
	// a decision she recorded, mail to her, and mail to others that names her
	expect(
		await signInWithPassword(db, { email: HELENA, password: 'wrong', address: '10.0.0.1' })
	).toMatchObject({ ok: false });
	const signedIn = await signInWithPassword(db, {
		email: HELENA,
		password: DEMO_PASSWORD,
		address: '10.0.0.1'
	});
	if (!signedIn.ok) throw new Error('Helena could not sign in');
	helenaSessionToken = signedIn.token;
	await requestSignInLink(db, MAIL, { email: HELENA, address: '10.0.0.1', origin: 'http://x' });
	await getOrCreateFeed(db, userActor(helena), helena.id, 'personal', null);
	await recordAttemptFailure();
	await updateProfile(db, userActor(helena), helena.id, {
		name: 'Helena H. Hallila',
		locale: 'sv'
	});
	await recordAudit(db, coordinator, [
		{
			action: 'person.update',
			entityType: 'user',
			entityId: helena.id,
			before: { email: OLD_ADDRESS, title: 'hallintosihteeri' },
			after: { email: HELENA, title: 'hallintojohtaja' }
		},
		{
			action: 'person.update',
			entityType: 'user',
			entityId: helena.id,
			before: { email: REUSED_ADDRESS },
			after: { email: OLD_ADDRESS }
		}
	]);
	const [vaala] = await db
		.select()
		.from(memberships)
		.where(eq(memberships.municipalityCode, '785'));
	await db
		.update(membershipDecisions)
		.set({ recordedBy: helena.id })
		.where(eq(membershipDecisions.membershipId, vaala!.id));
	await sendMail(db, MAIL, {
		to: OLD_ADDRESS,
		subject: 'Vanha viesti',
		text: 'Hei Helena Hallila'
	});
	await sendMail(db, MAIL, {
		to: 'osallistuja-785@example.fi',
		subject: 'Kutsu Verkostoon',
		text: `Hei Mikko,\n\nHelena H. Hallila (${HELENA}) kutsuu sinut Verkostoon.`
	});
	const kalle = await createUser(db, systemActor, {
		email: REUSED_ADDRESS,
		name: 'Kalle Kierrätys',
		municipalityCode: '785'
	});
	await sendMail(db, MAIL, { to: REUSED_ADDRESS, subject: 'Kallelle', text: 'Hei Kalle' });
	await recordAudit(db, userActor(kalle), {
		action: 'user.update',
		entityType: 'user',
		entityId: kalle.id,
		after: { locale: 'fi' }
	});
});
afterAll(() => database?.close());

async function recordAttemptFailure() {
	await database.db.insert(authAttempts).values({ key: accountKey(OLD_ADDRESS), succeeded: false });
}

describe('refusing to erase', () => {
	it('refuses the coordinator themself, another coordinator, a non-coordinator, and people out of reach, changing nothing', async () => {
		const db = database.db;
		const before = await snapshot();
		const vaalaCoordinator = await createUser(db, systemActor, {
			email: 'toinen.koordinaattori@example.fi',
			name: 'Toinen Koordinaattori',
			municipalityCode: '785',
			roles: [
				{
					role: 'coordinator',
					networkId: (await db.select().from(networks))[0]!.id,
					municipalityCode: null
				}
			]
		});
		const oulu = await createUser(db, systemActor, {
			email: 'oulu@example.fi',
			name: 'Oulun Olli',
			municipalityCode: '564'
		});
		const afterSetup = await snapshot();

		expect(await erasePerson(db, coordinator, coordinator.userId!)).toEqual({
			ok: false,
			error: 'self'
		});
		expect(await erasePerson(db, coordinator, vaalaCoordinator.id)).toEqual({
			ok: false,
			error: 'coordinator'
		});
		const expert = userActor(await userByEmail(DEMO_EXPERT));
		const contact = userActor(await userByEmail('yhteys-205@example.fi'));
		for (const actor of [expert, contact, systemActor]) {
			expect(await erasePerson(db, actor, helenaId)).toEqual({ ok: false, error: 'forbidden' });
		}
		// Oulu is in no season of USO; an expert (no municipality) is nobody's person here
		for (const id of [
			oulu.id,
			expert.userId!,
			crypto.randomUUID(),
			'not-a-uuid',
			"'; drop table users; --"
		]) {
			expect(await erasePerson(db, coordinator, id), id).toEqual({
				ok: false,
				error: 'not_found'
			});
		}
		expect(await snapshot()).toEqual(afterSetup);
		expect(afterSetup.people.length).toBe(before.people.length + 2);
	});
});

describe('erasing a person', () => {
	it('erases Helena, the contact person of Vaala', async () => {
		expect(await erasePerson(database.db, coordinator, helenaId)).toEqual({ ok: true });
	});

	it('leaves an anonymous, disabled user row with the same id and language', async () => {
		const [row] = await database.db.select().from(users).where(eq(users.id, helenaId));
		expect(row).toMatchObject({
			name: '',
			email: erasedEmail(helenaId),
			title: '',
			positions: [],
			passwordHash: null,
			locale: 'sv',
			municipalityCode: '785'
		});
		expect(row!.erasedAt).toBeInstanceOf(Date);
		expect(row!.disabledAt).toBeInstanceOf(Date);
	});

	it('leaves her names and addresses nowhere in users, the audit log or the outbox', async () => {
		for (const needle of ['Helena Hallila', 'Helena H. Hallila', 'Hallila', HELENA, OLD_ADDRESS]) {
			expect(await occurrences(needle), needle).toEqual({ users: 0, audit: 0, outbox: 0 });
		}
		// nor her titles, in the entries about her
		const about = await database.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, helenaId)));
		expect(about.length).toBeGreaterThan(3);
		for (const entry of about) {
			expect(JSON.stringify([entry.before, entry.after])).not.toMatch(
				/hallinto|"(email|name|title|positions)"/
			);
		}
	});

	it('keeps the audit trail: her acts under erased-<id>, and one person.erase entry without data', async () => {
		const mine = await database.db.select().from(auditLog).where(eq(auditLog.actorId, helenaId));
		expect(mine.length).toBeGreaterThanOrEqual(2); // sign-in and her name change
		expect(new Set(mine.map((e) => e.actorLabel))).toEqual(new Set([erasedLabel(helenaId)]));
		const erasures = await database.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'person.erase'));
		expect(erasures).toHaveLength(1);
		expect(erasures[0]).toMatchObject({
			actorId: coordinator.userId,
			actorLabel: DEMO_COORDINATOR,
			entityType: 'user',
			entityId: helenaId,
			before: null,
			after: null
		});
	});

	it('removes her roles, sessions, sign-in links, sign-in attempts and calendar addresses', async () => {
		const db = database.db;
		const counts = await Promise.all([
			db.select({ n: count() }).from(roleAssignments).where(eq(roleAssignments.userId, helenaId)),
			db.select({ n: count() }).from(sessions).where(eq(sessions.userId, helenaId)),
			db.select({ n: count() }).from(authTokens).where(eq(authTokens.userId, helenaId)),
			db.select({ n: count() }).from(calendarFeeds).where(eq(calendarFeeds.userId, helenaId)),
			db
				.select({ n: count() })
				.from(authAttempts)
				.where(
					or(
						eq(authAttempts.key, accountKey(HELENA)),
						eq(authAttempts.key, accountKey(OLD_ADDRESS))
					)
				)
		]);
		expect(counts.map(([r]) => r!.n)).toEqual([0, 0, 0, 0, 0]);
	});

	it('keeps only the subject of mail to her, and blots her out of mail to others', async () => {
		const toHer = await database.db
			.select()
			.from(outbox)
			.where(eq(outbox.to, erasedEmail(helenaId)));
		// the sign-in link and the message to her old address
		expect(toHer).toHaveLength(2);
		expect(toHer.every((m) => m.text === ERASED_TEXT)).toBe(true);
		expect(toHer.map((m) => m.subject)).toContain('Vanha viesti');
		const [invitation] = await database.db
			.select()
			.from(outbox)
			.where(eq(outbox.to, 'osallistuja-785@example.fi'));
		expect(invitation!.text).toBe(
			`Hei Mikko,\n\n${ERASED_TEXT} (${ERASED_TEXT}) kutsuu sinut Verkostoon.`
		);
	});

	it('leaves alone an address she once had that is someone else’s now', async () => {
		const [kalleMail] = await database.db
			.select()
			.from(outbox)
			.where(eq(outbox.to, REUSED_ADDRESS));
		expect(kalleMail).toMatchObject({ subject: 'Kallelle', text: 'Hei Kalle' });
		const kalle = await userByEmail(REUSED_ADDRESS);
		expect(kalle.name).toBe('Kalle Kierrätys');
		const [kallesEntry] = await database.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.actorId, kalle.id));
		expect(kallesEntry!.actorLabel).toBe(REUSED_ADDRESS);
	});

	it('keeps the membership and its decision pointing at the anonymous row', async () => {
		const [vaala] = await database.db
			.select()
			.from(memberships)
			.where(eq(memberships.municipalityCode, '785'));
		expect(vaala).toMatchObject({ state: 'active', contactPersonId: helenaId });
		const decisions = await database.db
			.select()
			.from(membershipDecisions)
			.where(eq(membershipDecisions.membershipId, vaala!.id));
		expect(decisions).toHaveLength(1);
		expect(decisions[0]).toMatchObject({ outcome: 'approved', recordedBy: helenaId });
		const [season] = await database.db.select().from(seasons);
		expect(vaala!.seasonId).toBe(season!.id);
	});

	it('lets her sign in no more: not by password, not by link, not with her old session', async () => {
		const db = database.db;
		for (const email of [HELENA, erasedEmail(helenaId)]) {
			expect(
				await signInWithPassword(db, { email, password: DEMO_PASSWORD, address: '10.0.0.2' })
			).toMatchObject({ ok: false, reason: 'invalid' });
		}
		const [mailBefore] = await db.select({ n: count() }).from(outbox);
		await requestSignInLink(db, MAIL, {
			email: erasedEmail(helenaId),
			address: '10.0.0.3',
			origin: 'http://x'
		});
		const [mailAfter] = await db.select({ n: count() }).from(outbox);
		expect(mailAfter!.n).toBe(mailBefore!.n);
		const [tokens] = await db
			.select({ n: count() })
			.from(authTokens)
			.where(eq(authTokens.userId, helenaId));
		expect(tokens!.n).toBe(0);
		expect(await validateSession(db, helenaSessionToken)).toBeNull();
	});

	it('is refused a second time', async () => {
		expect(await erasePerson(database.db, coordinator, helenaId)).toEqual({
			ok: false,
			error: 'already_erased'
		});
	});

	it('leaves a namesake’s mail alone', async () => {
		const db = database.db;
		const [kerttu] = await db.select().from(users).where(eq(users.name, 'Kerttu Koskela'));
		await createUser(db, systemActor, {
			email: 'kerttu.toinen@example.fi',
			name: 'Kerttu Koskela',
			municipalityCode: '205'
		});
		await sendMail(db, MAIL, {
			to: 'kerttu.toinen@example.fi',
			subject: 'Tervetuloa',
			text: 'Hei Kerttu Koskela'
		});
		await sendMail(db, MAIL, {
			to: 'osallistuja-205@example.fi',
			subject: 'Muistutus',
			text: 'Vaalan Kerttu Koskela kertoo'
		});
		expect(await erasePerson(db, coordinator, kerttu!.id)).toEqual({ ok: true });
		const [namesake] = await db
			.select()
			.from(outbox)
			.where(eq(outbox.to, 'kerttu.toinen@example.fi'));
		expect(namesake!.text).toBe('Hei Kerttu Koskela');
		const [other] = await db.select().from(outbox).where(eq(outbox.subject, 'Muistutus'));
		expect(other!.text).toBe(`Vaalan ${ERASED_TEXT} kertoo`);
	});
});
