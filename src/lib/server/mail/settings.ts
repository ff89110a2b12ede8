import { env } from '../env';
import type { MailSettings } from './send-mail';

export function mailSettings(): MailSettings {
	const config = env();
	return { smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, log: config.LOG_MAIL };
}

/** The address links in e-mails point at: ORIGIN when set, else the address the request came to. */
export function publicOrigin(url: URL): string {
	return env().ORIGIN ?? url.origin;
}

/**
 * The address links in mail sent in the background (by jobs) point at: ORIGIN when set, else
 * this machine's own address, which is where a newcomer who set nothing opens the app.
 */
export function backgroundOrigin(): string {
	const config = env();
	return config.ORIGIN ?? `http://localhost:${config.PORT}`;
}
