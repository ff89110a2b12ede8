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
