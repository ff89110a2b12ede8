import { hideSecretLinks } from '$lib/domain/secret-links';
import { eq } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { DbOrTx } from '../db';
import { outbox } from '../db/schema';

export interface MailSettings {
	smtpUrl?: string;
	from: string;
	log: boolean;
}

export interface Mail {
	to: string;
	subject: string;
	text: string;
}

const transports = new Map<string, Transporter>();

/**
 * One transport per SMTP_URL, shared by `sendMail` and the `deliver_mail` job. Its timeouts
 * (nodemailer's own defaults allow up to ten minutes of silence) keep a stuck server well inside
 * a job's five-minute lease; settings in the URL's query string still override them.
 */
export function mailTransport(url: string): Transporter {
	let t = transports.get(url);
	if (!t) {
		t = nodemailer.createTransport({
			url,
			connectionTimeout: 30_000,
			greetingTimeout: 30_000,
			socketTimeout: 60_000
		});
		transports.set(url, t);
	}
	return t;
}

/**
 * Sends a message over SMTP when one is configured; always keeps it in the outbox, so
 * coordinators can see what went out and sign-in links work on a laptop without a mail server.
 */
export async function sendMail(db: DbOrTx, settings: MailSettings, mail: Mail): Promise<void> {
	// With a mail server the recipient gets the secret; the outbox and the log keep a copy
	// without it. Without one, the outbox is how sign-in links reach people on a laptop.
	const kept = settings.smtpUrl ? hideSecretLinks(mail.text) : mail.text;
	const [row] = await db
		.insert(outbox)
		.values({ ...mail, text: kept, status: 'kept' })
		.returning({ id: outbox.id });
	if (settings.log) {
		console.info(`[mail] to ${mail.to}: ${mail.subject}\n${kept}\n`);
	}
	if (!settings.smtpUrl || !row) return;
	try {
		await mailTransport(settings.smtpUrl).sendMail({ from: settings.from, ...mail });
		await db
			.update(outbox)
			.set({ status: 'sent', sentAt: new Date() })
			.where(eq(outbox.id, row.id));
	} catch (e) {
		const message = e instanceof Error ? e.message : String(e);
		console.warn(`[mail] sending to ${mail.to} failed: ${message}`);
		await db.update(outbox).set({ status: 'failed', error: message }).where(eq(outbox.id, row.id));
	}
}

export async function closeMailTransports(): Promise<void> {
	for (const t of transports.values()) t.close();
	transports.clear();
}
