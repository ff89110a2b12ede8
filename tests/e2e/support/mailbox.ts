import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * An SMTP server inside the test process that keeps every message it receives. Point the app
 * at it with `startApp({ env: { SMTP_URL: mailbox.url } })`.
 */

export interface ReceivedMail {
	/** Envelope recipients (RCPT TO): every address the message was delivered to, Bcc included. */
	to: string[];
	/** Envelope sender (MAIL FROM). */
	from: string;
	/** The To header as written, e.g. 'Anna <anna@example.fi>'. */
	toHeader: string;
	/** The From header as written. */
	fromHeader: string;
	subject: string;
	/** The plain-text body ('' when the message has none). */
	text: string;
	/** The HTML body, or null. */
	html: string | null;
	headers: Map<string, unknown>;
	attachments: Array<{ filename: string | null; contentType: string; content: Buffer }>;
	/** The message as received, headers and all. */
	raw: string;
}

export interface Mailbox {
	/** smtp://127.0.0.1:PORT */
	url: string;
	port: number;
	/** Every message received so far, oldest first. */
	messages: ReceivedMail[];
	/**
	 * The first message (already received or arriving later) that `predicate` accepts. Rejects
	 * after `timeoutMs` (default 10 s) with a list of what did arrive.
	 */
	waitForMail(
		predicate?: (mail: ReceivedMail) => boolean,
		timeoutMs?: number
	): Promise<ReceivedMail>;
	/** Messages delivered to `address` (case-insensitive). */
	mailTo(address: string): ReceivedMail[];
	/** Forgets every message received so far. */
	clear(): void;
	close(): Promise<void>;
}

function addressText(value: AddressObject | AddressObject[] | undefined): string {
	if (!value) return '';
	return (Array.isArray(value) ? value : [value]).map((a) => a.text).join(', ');
}

export async function startMailbox(): Promise<Mailbox> {
	const messages: ReceivedMail[] = [];
	const listeners = new Set<(mail: ReceivedMail) => void>();

	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		closeTimeout: 1_000,
		// Accept any credentials: the app may be configured with smtp://user:pass@...
		onAuth(auth, _session, callback) {
			callback(null, { user: auth.username ?? 'anonymous' });
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('error', callback);
			stream.on('end', () => {
				const raw = Buffer.concat(chunks);
				simpleParser(raw)
					.then((parsed) => {
						const mail: ReceivedMail = {
							to: session.envelope.rcptTo.map((r) => r.address),
							from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
							toHeader: addressText(parsed.to),
							fromHeader: addressText(parsed.from),
							subject: parsed.subject ?? '',
							text: parsed.text ?? '',
							html: typeof parsed.html === 'string' ? parsed.html : null,
							headers: parsed.headers,
							attachments: parsed.attachments.map((a) => ({
								filename: a.filename ?? null,
								contentType: a.contentType,
								content: a.content
							})),
							raw: raw.toString('utf8')
						};
						messages.push(mail);
						for (const listener of [...listeners]) listener(mail);
						callback();
					})
					.catch((error: Error) => callback(error));
			});
		}
	});

	const port = await new Promise<number>((resolve, reject) => {
		server.server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.server.address();
			resolve(typeof address === 'object' && address ? address.port : 0);
		});
	});

	const waitForMail: Mailbox['waitForMail'] = (predicate = () => true, timeoutMs = 10_000) => {
		const already = messages.find(predicate);
		if (already) return Promise.resolve(already);
		return new Promise((resolve, reject) => {
			const listener = (mail: ReceivedMail) => {
				if (!predicate(mail)) return;
				clearTimeout(timer);
				listeners.delete(listener);
				resolve(mail);
			};
			const timer = setTimeout(() => {
				listeners.delete(listener);
				const seen = messages.map((m) => `  - to ${m.to.join(', ')}: ${m.subject}`).join('\n');
				reject(
					new Error(
						`No matching mail within ${timeoutMs} ms; received ${messages.length}:` +
							(seen ? `\n${seen}` : ' none')
					)
				);
			}, timeoutMs);
			listeners.add(listener);
		});
	};

	return {
		url: `smtp://127.0.0.1:${port}`,
		port,
		messages,
		waitForMail,
		mailTo: (address) =>
			messages.filter((m) => m.to.some((to) => to.toLowerCase() === address.toLowerCase())),
		clear: () => {
			messages.length = 0;
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
