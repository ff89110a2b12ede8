import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailbox, type Mailbox } from '../../../../tests/e2e/support/mailbox';
import { createTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db/client';
import { outbox } from '../db/schema';
import { closeMailTransports, sendMail } from './send-mail';

const from = 'Verkosto <verkosto@example.fi>';
const secret = 'abcdefghijklmnopqrstuvwxyz234567';
const signInMail = (to: string) => ({
	to,
	subject: 'Kirjautumislinkki Verkostoon',
	text: `Hei,\nkirjaudu tästä: http://localhost:3000/signin/link/${secret}\n`
});

let database: Database;
let mailbox: Mailbox;

beforeAll(async () => {
	[database, mailbox] = await Promise.all([createTestDatabase(), startMailbox()]);
});
afterAll(async () => {
	await closeMailTransports();
	await Promise.all([mailbox?.close(), database?.close()]);
});

async function kept(to: string) {
	const [row] = await database.db.select().from(outbox).where(eq(outbox.to, to));
	return row!;
}

describe('sendMail', () => {
	it('without a mail server keeps the whole message in the outbox, link and all', async () => {
		await sendMail(database.db, { from, log: false }, signInMail('laptop@example.fi'));
		const row = await kept('laptop@example.fi');
		expect(row.status).toBe('kept');
		expect(row.text).toContain(`/signin/link/${secret}`);
	});

	it('with a mail server delivers the link and keeps a copy without its secret', async () => {
		await sendMail(
			database.db,
			{ from, log: false, smtpUrl: mailbox.url },
			signInMail('smtp@example.fi')
		);
		const mail = await mailbox.waitForMail((m) => m.to.includes('smtp@example.fi'));
		expect(mail.subject).toBe('Kirjautumislinkki Verkostoon');
		expect(mail.text).toContain(`/signin/link/${secret}`);
		const row = await kept('smtp@example.fi');
		expect(row.status).toBe('sent');
		expect(row.sentAt).toBeInstanceOf(Date);
		expect(row.text).toContain('/signin/link/••••••••');
		expect(row.text).not.toContain(secret);
	});

	it('marks a message failed with the reason when the mail server cannot be reached', async () => {
		await sendMail(
			database.db,
			{ from, log: false, smtpUrl: 'smtp://127.0.0.1:9' },
			signInMail('unreachable@example.fi')
		);
		const row = await kept('unreachable@example.fi');
		expect(row.status).toBe('failed');
		expect(row.error).toBeTruthy();
		expect(row.text).not.toContain(secret);
	});
});
