import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startMailbox, type Mailbox } from '../../../../tests/e2e/support/mailbox';
import { createTestDatabase, type TestDatabase } from '../../../../tests/setup/test-db';
import { systemActor } from '../actor';
import { jobs, outbox } from '../db/schema';
import { retryFailedJob } from '../jobs/retry-job';
import { runDueJobs } from '../jobs/run-due-jobs';
import type { MailSettings } from './send-mail';
import { closeMailTransports } from './send-mail';
import { deliverMailJob, outboxMessageId } from './deliver-mail';
import { queueMail, type QueuedMail } from './queue-mail';

const from = 'Verkosto <verkosto@example.fi>';
const invitation = [
	'BEGIN:VCALENDAR',
	'VERSION:2.0',
	'PRODID:-//Verkosto//FI',
	'METHOD:REQUEST',
	'BEGIN:VEVENT',
	'UID:event-1@verkosto.example.fi',
	'DTSTAMP:20261201T080000Z',
	'DTSTART:20261215T070000Z',
	'DTEND:20261215T130000Z',
	'SUMMARY:Seminaari',
	'END:VEVENT',
	'END:VCALENDAR',
	''
].join('\r\n');

let database: TestDatabase;
let mailbox: Mailbox;

beforeAll(async () => {
	[database, mailbox] = await Promise.all([createTestDatabase(), startMailbox()]);
});
afterAll(async () => {
	await closeMailTransports();
	await Promise.all([mailbox?.close(), database?.close()]);
});
beforeEach(async () => {
	await database.db.delete(jobs);
	vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

const queue = (mail: QueuedMail) => database.db.transaction((tx) => queueMail(tx, mail));
const deliver = (mail: MailSettings, now?: Date) =>
	runDueJobs(database.db, {
		serverId: 'mail-test',
		settings: { mail, publicOrigin: 'http://localhost:3000' },
		now
	});
const row = async (id: number) =>
	(await database.db.select().from(outbox).where(eq(outbox.id, id)))[0]!;
const job = async (id: number) =>
	(await database.db.select().from(jobs).where(eq(jobs.id, id)))[0]!;

describe('queueMail', () => {
	it('keeps nothing, neither message nor job, when its transaction rolls back', async () => {
		await expect(
			database.db.transaction(async (tx) => {
				await queueMail(tx, { to: 'never@example.fi', subject: 'Ei', text: 'Ei' });
				throw new Error('rolled back');
			})
		).rejects.toThrow('rolled back');
		expect(
			await database.db.select().from(outbox).where(eq(outbox.to, 'never@example.fi'))
		).toEqual([]);
		expect(await database.db.select().from(jobs)).toEqual([]);
	});

	it('delivers over SMTP with the calendar invitation as text/calendar, method REQUEST', async () => {
		const { outboxId, jobId } = await queue({
			to: 'anna@example.fi',
			subject: 'Kutsu: Seminaari',
			text: 'Tervetuloa seminaariin.',
			calendar: { method: 'REQUEST', content: invitation }
		});
		expect(await row(outboxId)).toMatchObject({
			status: 'queued',
			calendarMethod: 'REQUEST',
			calendar: invitation
		});

		expect(await deliver({ from, log: false, smtpUrl: mailbox.url })).toMatchObject({ done: 1 });
		const mail = await mailbox.waitForMail((m) => m.to.includes('anna@example.fi'));
		expect(mail.subject).toBe('Kutsu: Seminaari');
		expect(mail.text).toContain('Tervetuloa seminaariin.');
		expect(mail.raw).toMatch(/^Content-Type: text\/calendar;[^\r\n]*method=REQUEST/im);
		expect(mail.raw).toContain('Content-Type: application/ics');
		const calendar = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
		expect(calendar?.content.toString('utf8')).toContain('UID:event-1@verkosto.example.fi');

		const sent = await row(outboxId);
		expect(sent).toMatchObject({ status: 'sent', error: null });
		expect(sent.sentAt).toBeInstanceOf(Date);
		expect(mail.headers.get('message-id')).toBe(outboxMessageId(sent, from));
		expect((await job(jobId)).doneAt).toBeInstanceOf(Date);
	});

	it('sends the same Message-ID when a message is sent again after a crash', async () => {
		const { outboxId, jobId } = await queue({
			to: 'twice@example.fi',
			subject: 'Kahdesti',
			text: 'Sama viesti.'
		});
		const ctx = {
			job: { id: jobId, kind: 'deliver_mail', attempts: 1, maxAttempts: 8, dedupeKey: null },
			now: new Date(),
			serverId: 'mail-test',
			settings: {
				mail: { from, log: false, smtpUrl: mailbox.url },
				publicOrigin: 'http://localhost:3000'
			}
		};
		// SMTP accepted it twice: the commit after the first was lost
		await deliverMailJob.external!(database.db, { outboxId }, ctx);
		await deliverMailJob.external!(database.db, { outboxId }, ctx);
		await mailbox.waitForMail(() => mailbox.mailTo('twice@example.fi').length === 2);
		const ids = mailbox.mailTo('twice@example.fi').map((m) => m.headers.get('message-id'));
		expect(ids[0]).toMatch(/^<outbox-\d+-[0-9a-z]+@example\.fi>$/);
		expect(ids[1]).toBe(ids[0]);
	});

	it('without a mail server keeps the message in the outbox and logs it', async () => {
		const info = vi.spyOn(console, 'info').mockImplementation(() => undefined);
		const { outboxId } = await queue({
			to: 'laptop@example.fi',
			subject: 'Muistutus',
			text: 'Seminaari huomenna.'
		});
		expect(await deliver({ from, log: true })).toMatchObject({ done: 1 });
		expect(await row(outboxId)).toMatchObject({ status: 'kept', sentAt: null });
		expect(info).toHaveBeenCalledWith(expect.stringContaining('[mail] to laptop@example.fi'));
		expect(mailbox.mailTo('laptop@example.fi')).toEqual([]);
	});

	it('retries when the mail server cannot be reached, marks the message failed on giving up, and sends it when retried', async () => {
		const { outboxId, jobId } = await queue({
			to: 'unreachable@example.fi',
			subject: 'Tavoittamaton',
			text: 'Hei'
		});
		const unreachable = { from, log: false, smtpUrl: 'smtp://127.0.0.1:9' };
		let now = new Date();
		expect(await deliver(unreachable, now)).toMatchObject({ retried: 1 });
		expect(await row(outboxId)).toMatchObject({ status: 'queued', error: null });
		const first = await job(jobId);
		expect(first.attempts).toBe(1);
		expect(first.lastError).toBeTruthy();

		for (let attempt = 2; attempt <= 8; attempt++) {
			now = (await job(jobId)).runAt;
			await deliver(unreachable, now);
		}
		const gaveUp = await job(jobId);
		expect(gaveUp).toMatchObject({ attempts: 8 });
		expect(gaveUp.failedAt).toBeInstanceOf(Date);
		const failed = await row(outboxId);
		expect(failed.status).toBe('failed');
		expect(failed.error).toBe(gaveUp.lastError);

		// the mail server is mended and a coordinator retries the job
		expect(await retryFailedJob(database.db, systemActor, jobId)).toEqual({ ok: true });
		expect(await deliver({ from, log: false, smtpUrl: mailbox.url })).toMatchObject({ done: 1 });
		await mailbox.waitForMail((m) => m.to.includes('unreachable@example.fi'));
		expect(await row(outboxId)).toMatchObject({ status: 'sent', error: null });
	});

	it('hides secret links in the copy it keeps once the message is sent', async () => {
		const secret = 'abcdefghijklmnopqrstuvwxyz234567';
		const { outboxId } = await queue({
			to: 'secret@example.fi',
			subject: 'Linkki',
			text: `Kirjaudu: http://localhost:3000/signin/link/${secret}`
		});
		await deliver({ from, log: false, smtpUrl: mailbox.url });
		const mail = await mailbox.waitForMail((m) => m.to.includes('secret@example.fi'));
		expect(mail.text).toContain(secret);
		expect((await row(outboxId)).text).not.toContain(secret);
	});
});

describe('outboxMessageId', () => {
	const created = new Date('2026-12-01T10:00:00Z');
	it.each([
		['Verkosto <verkosto@kuntaliitto.fi>', 'kuntaliitto.fi'],
		['noreply@kunta.example.fi', 'kunta.example.fi'],
		['"Verkosto" <verkosto@example.fi> ', 'example.fi'],
		['Verkosto', 'verkosto.invalid']
	])('takes the domain of %j', (sender, domain) => {
		expect(outboxMessageId({ id: 42, createdAt: created }, sender)).toBe(
			`<outbox-42-${created.getTime().toString(36)}@${domain}>`
		);
	});
});
