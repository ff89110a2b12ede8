import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { authTokens, users } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import { userActor } from '../actor';
import { sendMail, type MailSettings } from '../mail/send-mail';
import { serverTranslator } from '$lib/i18n/catalogue';
import { dummyHash, hashPassword, verifyPassword } from './password';
import { clearAccountFailures, isRateLimited, recordAttempt, WINDOW_MINUTES } from './rate-limit';
import { createSession, invalidateUserSessions } from './session';
import { generateToken, isWellFormedToken, tokenId } from './tokens';

export const SIGN_IN_LINK_MINUTES = 15;
export const RESET_LINK_MINUTES = 60;

export type SignInResult =
	| { ok: true; userId: string; token: string; expiresAt: Date }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'rate_limited'; retryAfterMinutes: number };

async function findActiveUser(db: Db, email: string) {
	const [user] = await db
		.select()
		.from(users)
		.where(and(eq(users.email, email.toLowerCase()), isNull(users.disabledAt)))
		.limit(1);
	return user;
}

async function startSession(db: Db, user: { id: string; email: string }, method: string) {
	return db.transaction(async (tx) => {
		const session = await createSession(tx, user.id);
		await recordAudit(tx, userActor(user), {
			action: 'auth.sign_in',
			entityType: 'user',
			entityId: user.id,
			after: { method }
		});
		return session;
	});
}

/** Signs in with e-mail and password, counting failures per account and per address. */
export async function signInWithPassword(
	db: Db,
	input: { email: string; password: string; address: string }
): Promise<SignInResult> {
	if (await isRateLimited(db, input.email, input.address)) {
		return { ok: false, reason: 'rate_limited', retryAfterMinutes: WINDOW_MINUTES };
	}
	const user = await findActiveUser(db, input.email);
	const valid = user?.passwordHash
		? await verifyPassword(user.passwordHash, input.password)
		: await verifyPassword(await dummyHash(), input.password).then(() => false);
	await recordAttempt(db, input.email, input.address, valid);
	if (!user || !valid) return { ok: false, reason: 'invalid' };
	const session = await startSession(db, user, 'password');
	return { ok: true, userId: user.id, ...session };
}

export async function issueToken(
	db: Db,
	userId: string,
	purpose: 'sign_in' | 'password_reset',
	minutes: number
): Promise<string> {
	const token = generateToken();
	await db.transaction(async (tx) => {
		// only the newest link of a kind works
		await tx
			.delete(authTokens)
			.where(and(eq(authTokens.userId, userId), eq(authTokens.purpose, purpose)));
		await tx.insert(authTokens).values({
			id: tokenId(token),
			userId,
			purpose,
			expiresAt: new Date(Date.now() + minutes * 60_000)
		});
	});
	return token;
}

type LinkRequest = { email: string; address: string; origin: string };
type LinkRequestResult =
	{ ok: true } | { ok: false; reason: 'rate_limited'; retryAfterMinutes: number };

const ONE_TIME_LINKS = {
	sign_in: { minutes: SIGN_IN_LINK_MINUTES, path: 'link', mail: 'mail.signIn' },
	password_reset: { minutes: RESET_LINK_MINUTES, path: 'reset', mail: 'mail.reset' }
} as const;

/**
 * E-mails a one-time link of a kind. Answers the same whether or not the address has an
 * account, so the form does not reveal who is registered. Requests count against the rate
 * limit like failed sign-ins, so the form cannot be used to flood a mailbox; using a link
 * clears them.
 */
async function mailOneTimeLink(
	db: Db,
	mail: MailSettings,
	input: LinkRequest,
	purpose: keyof typeof ONE_TIME_LINKS
): Promise<LinkRequestResult> {
	if (await isRateLimited(db, input.email, input.address)) {
		return { ok: false, reason: 'rate_limited', retryAfterMinutes: WINDOW_MINUTES };
	}
	await recordAttempt(db, input.email, input.address, false);
	const user = await findActiveUser(db, input.email);
	if (!user) return { ok: true };
	const kind = ONE_TIME_LINKS[purpose];
	const token = await issueToken(db, user.id, purpose, kind.minutes);
	const t = serverTranslator(user.locale);
	await sendMail(db, mail, {
		to: user.email,
		subject: t(`${kind.mail}.subject`),
		text: t(`${kind.mail}.body`, {
			name: user.name,
			link: `${input.origin}/signin/${kind.path}/${token}`
		})
	});
	return { ok: true };
}

/** E-mails a one-time sign-in link (see mailOneTimeLink). */
export function requestSignInLink(db: Db, mail: MailSettings, input: LinkRequest) {
	return mailOneTimeLink(db, mail, input, 'sign_in');
}

/** E-mails a password reset link (see mailOneTimeLink). */
export function requestPasswordReset(db: Db, mail: MailSettings, input: LinkRequest) {
	return mailOneTimeLink(db, mail, input, 'password_reset');
}

/** Uses up a token: true only for the first use of a valid, unexpired token. */
async function consumeToken(
	db: Db,
	token: string,
	purpose: 'sign_in' | 'password_reset'
): Promise<string | null> {
	if (!isWellFormedToken(token)) return null;
	const [row] = await db
		.update(authTokens)
		.set({ usedAt: sql`now()` })
		.where(
			and(
				eq(authTokens.id, tokenId(token)),
				eq(authTokens.purpose, purpose),
				isNull(authTokens.usedAt),
				gt(authTokens.expiresAt, sql`now()`)
			)
		)
		.returning({ userId: authTokens.userId });
	return row?.userId ?? null;
}

/** Whether a link is still usable, without using it (the confirmation page). */
export async function isTokenUsable(
	db: Db,
	token: string,
	purpose: 'sign_in' | 'password_reset'
): Promise<boolean> {
	if (!isWellFormedToken(token)) return false;
	const [row] = await db
		.select({ id: authTokens.id })
		.from(authTokens)
		.where(
			and(
				eq(authTokens.id, tokenId(token)),
				eq(authTokens.purpose, purpose),
				isNull(authTokens.usedAt),
				gt(authTokens.expiresAt, sql`now()`)
			)
		)
		.limit(1);
	return !!row;
}

export async function signInWithLink(
	db: Db,
	token: string
): Promise<{ ok: true; token: string; expiresAt: Date } | { ok: false }> {
	const userId = await consumeToken(db, token, 'sign_in');
	if (!userId) return { ok: false };
	const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
	if (!user || user.disabledAt) return { ok: false };
	await clearAccountFailures(db, user.email);
	return { ok: true, ...(await startSession(db, user, 'link')) };
}

/** Sets a new password from a reset link, signs out every other session and signs in. */
export async function resetPassword(
	db: Db,
	input: { token: string; password: string }
): Promise<{ ok: true; token: string; expiresAt: Date } | { ok: false }> {
	const passwordHash = await hashPassword(input.password);
	const userId = await consumeToken(db, input.token, 'password_reset');
	if (!userId) return { ok: false };
	const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
	if (!user || user.disabledAt) return { ok: false };
	const session = await db.transaction(async (tx) => {
		await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
		await invalidateUserSessions(tx, userId);
		await clearAccountFailures(tx, user.email);
		await recordAudit(tx, userActor(user), {
			action: 'user.password_reset',
			entityType: 'user',
			entityId: userId
		});
		return createSession(tx, userId);
	});
	return { ok: true, ...session };
}
