import { and, count, eq, gt, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db';
import { authAttempts } from '../db/schema';

export const WINDOW_MINUTES = 15;
/** Failures allowed per account in the window: a guessed password needs many tries. */
export const ACCOUNT_LIMIT = 5;
/** Failures allowed per address: higher, since an office may share one address. */
export const ADDRESS_LIMIT = 30;

export const accountKey = (email: string) => `account:${email.toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;

async function recentFailures(db: DbOrTx, key: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(authAttempts)
		.where(
			and(
				eq(authAttempts.key, key),
				eq(authAttempts.succeeded, false),
				gt(authAttempts.at, sql`now() - make_interval(mins => ${WINDOW_MINUTES})`)
			)
		);
	return row?.n ?? 0;
}

/** True when either the account or the address has used up its failures. */
export async function isRateLimited(db: DbOrTx, email: string, address: string): Promise<boolean> {
	const [account, fromAddress] = await Promise.all([
		recentFailures(db, accountKey(email)),
		recentFailures(db, addressKey(address))
	]);
	return account >= ACCOUNT_LIMIT || fromAddress >= ADDRESS_LIMIT;
}

export async function recordAttempt(
	db: DbOrTx,
	email: string,
	address: string,
	succeeded: boolean
): Promise<void> {
	await db.insert(authAttempts).values([
		{ key: accountKey(email), succeeded },
		{ key: addressKey(address), succeeded }
	]);
	if (succeeded) await clearAccountFailures(db, email);
}

/**
 * Proving to own the account — a password that matches, a mailed link or reset link used —
 * clears the account's failures (link requests among them), not the address's.
 */
export async function clearAccountFailures(db: DbOrTx, email: string): Promise<void> {
	await db
		.delete(authAttempts)
		.where(and(eq(authAttempts.key, accountKey(email)), eq(authAttempts.succeeded, false)));
}

export async function purgeOldAttempts(db: DbOrTx): Promise<void> {
	await db.delete(authAttempts).where(lt(authAttempts.at, sql`now() - interval '1 day'`));
}
