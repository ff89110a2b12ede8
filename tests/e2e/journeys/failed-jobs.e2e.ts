import pg from 'pg';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppServer } from '../support/app-server';
import { describeWithBrowser, firstPage, launchBrowser } from '../support/chromium';
import {
	checkAccessible,
	COORDINATOR,
	expectCleanLog,
	expectHeading,
	signIn,
	STEP_TIMEOUT,
	submit,
	tableRows
} from '../stories/story';

/**
 * Mail that leaves in the background (ADR 016): a queued message goes out through the server's
 * job poller while nobody waits, and Kaisa, the coordinator, finds a delivery that gave up,
 * tries it again and sees it go out. There is no SMTP server, so "goes out" means the outbox
 * keeps it. Nothing in the app queues mail yet, so the story writes the rows a use case would;
 * it needs the app's database, hence PostgreSQL (a PGlite folder belongs to the app's process).
 */

let app: AppServer;
let database: pg.Client;
let context: BrowserContext;
let page: Page;

async function outboxStatus(id: number): Promise<string> {
	const { rows } = await database.query('select status from outbox where id = $1', [id]);
	return rows[0].status;
}

async function waitForStatus(id: number, status: string): Promise<void> {
	const end = Date.now() + STEP_TIMEOUT;
	while ((await outboxStatus(id)) !== status) {
		if (Date.now() > end) throw new Error(`outbox ${id} is ${await outboxStatus(id)}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

async function queueMessage(to: string, subject: string, failed?: string) {
	const { rows } = await database.query(
		`insert into outbox ("to", subject, text, status, error) values ($1, $2, 'Hei!', $3, $4)
		 returning id`,
		[to, subject, failed ? 'failed' : 'queued', failed ?? null]
	);
	const outboxId: number = Number(rows[0].id);
	const job = await database.query(
		failed
			? `insert into jobs (kind, payload, attempts, failed_at, last_error)
			   values ('deliver_mail', $1, 8, now(), $2) returning id`
			: `insert into jobs (kind, payload) values ('deliver_mail', $1) returning id`,
		failed ? [{ outboxId }, failed] : [{ outboxId }]
	);
	return { outboxId, jobId: Number(job.rows[0].id) };
}

const suite = process.env.DATABASE_URL ? describeWithBrowser : describe.skip;

suite('mail sent in the background, and a failed delivery tried again', () => {
	beforeAll(async () => {
		app = await startApp();
		database = new pg.Client({ connectionString: app.databaseUrl! });
		await database.connect();
		context = await launchBrowser();
		page = await firstPage(context);
	});
	afterAll(async () => {
		await context?.close();
		await database?.end();
		const stopped = await app?.stop();
		expect(stopped?.killed, 'the server stops on SIGTERM, poller and all').toBe(false);
		if (app) expectCleanLog(app);
	});

	it('sends a queued message without anyone asking', async () => {
		const { outboxId } = await queueMessage('jono@example.fi', 'Muistutus: seminaari');
		await waitForStatus(outboxId, 'kept');

		await signIn(page, app.url, COORDINATOR);
		await page
			.getByRole('navigation', { name: 'Päävalikko' })
			.getByRole('link', {
				name: 'Lähtevät viestit'
			})
			.click();
		await expectHeading(page, 'Lähtevät viestit');
		const rows = await tableRows(page.getByRole('table'));
		expect(rows.find((r) => r[2] === 'Muistutus: seminaari')?.[3]).toBe('tallessa');
	});

	it('lists a delivery that gave up; the coordinator tries it again and it goes out', async () => {
		const error = 'connect ECONNREFUSED 127.0.0.1:25';
		const { outboxId, jobId } = await queueMessage('anna@example.fi', 'Kutsu: seminaari', error);

		await page
			.getByRole('navigation', { name: 'Päävalikko' })
			.getByRole('link', {
				name: 'Taustatyöt'
			})
			.click();
		await expectHeading(page, 'Epäonnistuneet taustatyöt');
		const rows = await tableRows(page.getByRole('table'));
		const row = rows.find((r) => r[0] === String(jobId));
		expect(row?.slice(1, 4)).toEqual(['Sähköpostin lähetys', '8/8', error]);
		await checkAccessible(page, 'failed background jobs');

		await submit(page.getByRole('button', { name: `Yritä uudelleen (työ ${jobId})` }));
		await expectHeading(page, 'Epäonnistuneet taustatyöt');
		await page
			.getByRole('status')
			.filter({ hasText: `Työ ${jobId} on taas jonossa ja ajetaan pian.` })
			.waitFor({ timeout: STEP_TIMEOUT });
		expect(await page.getByRole('button', { name: `Yritä uudelleen (työ ${jobId})` }).count()).toBe(
			0
		);
		await checkAccessible(page, 'failed background jobs after a retry');

		await waitForStatus(outboxId, 'kept');
		await page.goto(`${app.url}/admin/audit?action=job.retry`);
		const audit = await tableRows(page.getByRole('table', { name: 'Muutosloki' }));
		expect(
			audit.some((r) => r.includes('job.retry') && r.join(' ').includes(COORDINATOR.email))
		).toBe(true);

		// trying the same job again is refused politely: it is no longer failed
		await page.goto(`${app.url}/admin/jobs`);
		const again = await page.request.post(`${app.url}/admin/jobs?/retry`, {
			form: { id: String(jobId) },
			headers: { origin: app.url, accept: 'text/html' }
		});
		expect(again.status()).toBe(404);
	});
});
