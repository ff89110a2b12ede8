import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db/client';
import { auditLog, outbox, users } from '../db/schema';
import { hashPassword } from './password';
import { ACCOUNT_LIMIT } from './rate-limit';
import { validateSession } from './session';
import {
	requestPasswordReset,
	requestSignInLink,
	resetPassword,
	signInWithLink,
	signInWithPassword
} from './sign-in';

const mail = { from: 'Verkosto <verkosto@example.fi>', log: false };
const origin = 'http://localhost:3000';
let database: Database;

beforeAll(async () => {
	database = await createTestDatabase();
	await database.db.insert(users).values([
		{
			email: 'maija@example.fi',
			name: 'Maija Meikäläinen',
			passwordHash: await hashPassword('oikea-salasana')
		},
		{
			email: 'olli@example.fi',
			name: 'Olli Ovela',
			passwordHash: await hashPassword('toinen-salasana'),
			locale: 'sv'
		}
	]);
});
afterAll(() => database?.close());

const linkIn = (text: string) => /\/signin\/(?:link|reset)\/([a-z2-7]{32})/.exec(text)?.[1];

describe('signing in with a password', () => {
	it('opens a session that validates, and records the sign-in in the audit log', async () => {
		const result = await signInWithPassword(database.db, {
			email: 'MAIJA@example.fi',
			password: 'oikea-salasana',
			address: '10.0.0.1'
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const session = await validateSession(database.db, result.token);
		expect(session?.user.email).toBe('maija@example.fi');
		const entries = await database.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.entityId, result.userId));
		expect(entries.map((e) => e.action)).toContain('auth.sign_in');
	});

	it('refuses a wrong password and an unknown address alike', async () => {
		const wrong = await signInWithPassword(database.db, {
			email: 'maija@example.fi',
			password: 'väärä',
			address: '10.0.0.2'
		});
		const unknown = await signInWithPassword(database.db, {
			email: 'nobody@example.fi',
			password: 'x',
			address: '10.0.0.2'
		});
		expect(wrong).toEqual({ ok: false, reason: 'invalid' });
		expect(unknown).toEqual({ ok: false, reason: 'invalid' });
	});

	it('locks an account after repeated failures, even with the right password', async () => {
		for (let i = 0; i < ACCOUNT_LIMIT; i++) {
			await signInWithPassword(database.db, {
				email: 'olli@example.fi',
				password: `arvaus-${i}`,
				address: `10.1.0.${i}`
			});
		}
		const right = await signInWithPassword(database.db, {
			email: 'olli@example.fi',
			password: 'toinen-salasana',
			address: '10.1.0.99'
		});
		expect(right).toMatchObject({ ok: false, reason: 'rate_limited' });
	});

	it('does not accept a made-up session token', async () => {
		expect(await validateSession(database.db, 'a'.repeat(32))).toBeNull();
		expect(await validateSession(database.db, "' or 1=1 --")).toBeNull();
	});
});

describe('signing in with an e-mailed link', () => {
	it('mails a link in the user’s language that works once', async () => {
		await requestSignInLink(database.db, mail, {
			email: 'maija@example.fi',
			address: '10.2.0.1',
			origin
		});
		const [sent] = await database.db.select().from(outbox).where(eq(outbox.to, 'maija@example.fi'));
		expect(sent?.subject).toBe('Kirjautumislinkki Verkostoon');
		const token = linkIn(sent!.text);
		expect(token).toBeDefined();
		expect((await signInWithLink(database.db, token!)).ok).toBe(true);
		expect((await signInWithLink(database.db, token!)).ok).toBe(false);
	});

	it('counts link requests against the limit, and a used link clears the account', async () => {
		await database.db.insert(users).values({ email: 'liisa@example.fi', name: 'Liisa Linkki' });
		const ask = (i: number) =>
			requestSignInLink(database.db, mail, {
				email: 'liisa@example.fi',
				address: `10.4.0.${i}`,
				origin
			});
		for (let i = 0; i < ACCOUNT_LIMIT; i++) expect(await ask(i)).toEqual({ ok: true });
		// the mailbox is not flooded: the next request is refused
		expect(await ask(99)).toMatchObject({ ok: false, reason: 'rate_limited' });
		const mails = await database.db.select().from(outbox).where(eq(outbox.to, 'liisa@example.fi'));
		expect(mails).toHaveLength(ACCOUNT_LIMIT);
		// only the newest link works, and using it proves the account is hers
		expect((await signInWithLink(database.db, linkIn(mails[0]!.text)!)).ok).toBe(false);
		const newest = mails.reduce((a, b) => (b.id > a.id ? b : a));
		expect((await signInWithLink(database.db, linkIn(newest.text)!)).ok).toBe(true);
		expect(await ask(100)).toEqual({ ok: true });
	});

	it('answers the same for an unknown address and sends nothing', async () => {
		const before = await database.db.select().from(outbox);
		const result = await requestSignInLink(database.db, mail, {
			email: 'ghost@example.fi',
			address: '10.2.0.2',
			origin
		});
		expect(result).toEqual({ ok: true });
		expect(await database.db.select().from(outbox)).toHaveLength(before.length);
	});
});

describe('resetting a password', () => {
	it('sets the new password, ends old sessions and refuses the old password', async () => {
		const old = await signInWithPassword(database.db, {
			email: 'maija@example.fi',
			password: 'oikea-salasana',
			address: '10.3.0.1'
		});
		expect(old.ok).toBe(true);
		await requestPasswordReset(database.db, mail, {
			email: 'maija@example.fi',
			address: '10.3.0.1',
			origin
		});
		const sent = (
			await database.db.select().from(outbox).where(eq(outbox.to, 'maija@example.fi'))
		).find((m) => m.subject.includes('Salasanan'));
		const token = linkIn(sent!.text)!;
		const reset = await resetPassword(database.db, { token, password: 'uusi-pitkä-salasana' });
		expect(reset.ok).toBe(true);
		if (old.ok) expect(await validateSession(database.db, old.token)).toBeNull();
		const again = await signInWithPassword(database.db, {
			email: 'maija@example.fi',
			password: 'oikea-salasana',
			address: '10.3.0.2'
		});
		expect(again.ok).toBe(false);
		const fresh = await signInWithPassword(database.db, {
			email: 'maija@example.fi',
			password: 'uusi-pitkä-salasana',
			address: '10.3.0.2'
		});
		expect(fresh.ok).toBe(true);
		expect((await resetPassword(database.db, { token, password: 'kolmas-salasana!' })).ok).toBe(
			false
		);
	});
});
