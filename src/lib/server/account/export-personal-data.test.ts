import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/setup/test-db';
import { userActor } from '../actor';
import { recordAudit } from '../audit/record-audit';
import { signInWithPassword } from '../auth/sign-in';
import type { Database } from '../db/client';
import {
	auditLog,
	eventFeedback,
	eventSignUps,
	membershipDecisions,
	memberships,
	sessions,
	users
} from '../db/schema';
import { getOrCreateFeed } from '../events/calendar-feeds';
import { DEMO_PASSWORD } from '../demo/seed-demo';
import { sendMail } from '../mail/send-mail';
import {
	AUDIT_EXPORT_LIMIT,
	exportPersonalData,
	PERSONAL_DATA_FORMAT
} from './export-personal-data';

const HELENA = 'yhteys-785@example.fi';
const MIKKO = 'osallistuja-785@example.fi';
let database: Database;
let helena: typeof users.$inferSelect;

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	const db = database.db;
	[helena] = (await db.select().from(users).where(eq(users.email, HELENA))) as [
		typeof users.$inferSelect
	];
	const [mikko] = await db.select().from(users).where(eq(users.email, MIKKO));

	await signInWithPassword(db, { email: HELENA, password: DEMO_PASSWORD, address: '10.0.0.1' });
	await signInWithPassword(db, { email: HELENA, password: 'wrong', address: '10.0.0.1' });
	const [vaala] = await db
		.select()
		.from(memberships)
		.where(eq(memberships.municipalityCode, '785'));
	await db
		.update(membershipDecisions)
		.set({ recordedBy: helena.id })
		.where(eq(membershipDecisions.membershipId, vaala!.id));
	await sendMail(
		db,
		{ from: 'verkosto@example.fi', log: false },
		{ to: HELENA, subject: 'Tervetuloa', text: 'Hei Helena' }
	);
	await sendMail(
		db,
		{ from: 'verkosto@example.fi', log: false },
		{ to: MIKKO, subject: 'Mikolle', text: 'Hei Mikko' }
	);
	// Helena changed Mikko's record: that she did it is hers, what Mikko's record holds is his
	await recordAudit(db, userActor(helena), {
		action: 'person.update',
		entityType: 'user',
		entityId: mikko!.id,
		before: { title: 'valtuutettu', email: MIKKO },
		after: { title: 'kunnanhallituksen jäsen', email: MIKKO }
	});
});
afterAll(() => database?.close());

describe('the personal data export', () => {
	it('holds Helena’s profile, roles, contact-person memberships and recorded decisions', async () => {
		const data = await exportPersonalData(database.db, helena.id);
		expect(data).toMatchObject({
			format: PERSONAL_DATA_FORMAT,
			profile: {
				id: helena.id,
				email: HELENA,
				name: 'Helena Hallila',
				title: 'hallintojohtaja',
				positions: ['administrative_director', 'management_team_member', 'contact_person'],
				municipalityCode: '785',
				locale: 'fi',
				passwordSet: true,
				erasedAt: null
			},
			roles: [{ role: 'contact_person', municipalityCode: '785', networkId: null }],
			// USO 7 and the demo's current season
			contactPersonOf: [
				{ municipalityCode: '785', network: 'USO', seasonNumber: 8, state: 'active' },
				{ municipalityCode: '785', network: 'USO', seasonNumber: 7, state: 'active' }
			],
			decisionsRecorded: [{ municipalityCode: '785', body: 'kunnanhallitus', section: '§ 9' }]
		});
	});

	it('holds the audit entries by her and about her, newest first, without others’ details', async () => {
		const data = (await exportPersonalData(database.db, helena.id))!;
		const actions = data.auditLog.entries.map((e) => e.action);
		// as Vaala's contact person she signed its people up for the demo's coming events
		const [signUps] = await database.db
			.select({ n: sql<number>`count(*)::int` })
			.from(auditLog)
			.where(and(eq(auditLog.actorId, helena.id), eq(auditLog.action, 'event.sign_up')));
		expect(signUps!.n).toBeGreaterThan(0);
		// and proposed its workshops of the current season and answered their feedback
		expect(new Set(actions.filter((a) => a.startsWith('workshop.')))).toEqual(
			new Set(['workshop.propose', 'workshop.feedback'])
		);
		// and opened, invited to and closed Vaala's USO 7 situation analysis
		expect(new Set(actions.filter((a) => a.startsWith('analysis.')))).toEqual(
			new Set(['analysis.open', 'analysis.invite', 'analysis.close'])
		);
		expect(actions.filter((a) => !a.startsWith('workshop.') && !a.startsWith('analysis.'))).toEqual(
			[
				'person.update',
				'auth.sign_in',
				...Array<string>(signUps!.n).fill('event.sign_up'),
				'user.create'
			]
		);
		expect(data.auditLog).toMatchObject({ capped: false, limit: AUDIT_EXPORT_LIMIT });
		const [aboutMikko, signIn] = data.auditLog.entries;
		const created = data.auditLog.entries.at(-1);
		expect(aboutMikko).toMatchObject({
			byYou: true,
			before: null,
			after: null,
			detailsOmitted: 'about another person'
		});
		expect(signIn).toMatchObject({ byYou: true, actor: HELENA, after: { method: 'password' } });
		expect(created).toMatchObject({
			byYou: false,
			actor: 'system',
			after: { email: HELENA, name: 'Helena Hallila' }
		});
	});

	it('holds mail to her, her active sessions and sign-in attempts, never secrets', async () => {
		const data = (await exportPersonalData(database.db, helena.id))!;
		expect(data.emails.messages).toMatchObject([
			{ to: HELENA, subject: 'Tervetuloa', text: 'Hei Helena' }
		]);
		expect(data.activeSessions).toHaveLength(1);
		expect(Object.keys(data.activeSessions[0]!).sort()).toEqual(['createdAt', 'expiresAt']);
		expect(data.signInAttempts.map((a) => a.succeeded).sort()).toEqual([false, true]);

		const json = JSON.stringify(data);
		expect(json).not.toContain(helena.passwordHash!);
		expect(json).not.toMatch(/argon2|passwordHash/);
		const ids = await database.db
			.select({ id: sessions.id })
			.from(sessions)
			.where(eq(sessions.userId, helena.id));
		for (const { id } of ids) expect(json).not.toContain(id);
		// nothing of Mikko's: not his address, not his mail, not his record's fields
		expect(json).not.toContain(MIKKO);
		expect(json).not.toContain('Mikolle');
		expect(json).not.toContain('valtuutettu');
	});

	it('gives the latest 10,000 audit entries and says it left the rest out', async () => {
		await database.db.execute(sql`
			insert into ${auditLog} (actor_id, actor_label, action, entity_type, entity_id, after)
			select ${helena.id}::uuid, ${HELENA}, 'user.update', 'user', ${helena.id}, jsonb_build_object('n', n)
			from generate_series(1, ${AUDIT_EXPORT_LIMIT + 5}) as n`);
		const data = (await exportPersonalData(database.db, helena.id))!;
		expect(data.auditLog.capped).toBe(true);
		expect(data.auditLog.note).toMatch(/latest 10000/);
		expect(data.auditLog.entries).toHaveLength(AUDIT_EXPORT_LIMIT);
		expect(data.auditLog.entries[0]!.after).toEqual({ n: AUDIT_EXPORT_LIMIT + 5 });
		expect(data.auditLog.entries.map((e) => e.action)).not.toContain('user.create');
	});

	it('gives the person’s sign-ups for events with their arrangements, their feedback and their calendar feeds, never a feed’s secret address', async () => {
		const db = database.db;
		const [mikko] = await db.select().from(users).where(eq(users.email, MIKKO));
		const own = await db
			.select({ id: eventSignUps.id, attended: eventSignUps.attended })
			.from(eventSignUps)
			.where(eq(eventSignUps.userId, mikko!.id));
		expect(own.length, 'the demo signs Mikko up for events').toBeGreaterThan(0);
		const answers = await db
			.select({ comment: eventFeedback.comment })
			.from(eventFeedback)
			.where(eq(eventFeedback.userId, mikko!.id));
		const feed = await getOrCreateFeed(db, userActor(mikko!), mikko!.id, 'personal', null);
		if (!feed.ok) throw new Error('no feed');

		const data = (await exportPersonalData(db, mikko!.id))!;
		expect(data.eventSignUps).toHaveLength(own.length);
		expect(data.eventSignUps.filter((s) => s.attended).length).toBe(
			own.filter((s) => s.attended).length
		);
		expect(data.eventSignUps[0]).toMatchObject({
			event: expect.any(String),
			mode: expect.stringMatching(/^(on_site|online)$/),
			state: expect.stringMatching(/^(confirmed|waiting|cancelled)$/)
		});
		expect(data.eventFeedback).toHaveLength(answers.length);
		expect(data.calendarFeeds).toEqual([
			expect.objectContaining({ kind: 'personal', network: null, revokedAt: null })
		]);
		const json = JSON.stringify(data);
		expect(json).not.toContain(feed.token);
		// Helena's own export holds her sign-ups only, none of Mikko's
		const helenas = (await exportPersonalData(db, helena.id))!;
		const hers = await db
			.select({ id: eventSignUps.id })
			.from(eventSignUps)
			.where(eq(eventSignUps.userId, helena.id));
		expect(helenas.eventSignUps).toHaveLength(hers.length);
	});

	it('is null for nobody', async () => {
		expect(await exportPersonalData(database.db, crypto.randomUUID())).toBeNull();
	});
});
