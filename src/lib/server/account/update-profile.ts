import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db';
import { users } from '../db/schema';
import { changedFields, recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import { choice, text } from '$lib/schemas/fields';
import { LOCALES } from '$lib/i18n/locales';

export const NAME_MAX = 200;

/** What a person may change about themselves on the account page. */
export const profileSchema = z.object({
	name: text({ max: NAME_MAX }),
	locale: choice(LOCALES)
});
export type ProfileInput = z.output<typeof profileSchema>;

export type UpdateProfileResult =
	{ ok: true; changed: boolean } | { ok: false; error: 'not_found' };

/** Saves a person's own name and language, logging what changed in the same transaction. */
export async function updateProfile(
	db: Db,
	actor: Actor,
	userId: string,
	input: ProfileInput
): Promise<UpdateProfileResult> {
	return db.transaction(async (tx) => {
		const [before] = await tx
			.select({ name: users.name, locale: users.locale })
			.from(users)
			.where(and(eq(users.id, userId), isNull(users.erasedAt)))
			.for('update');
		if (!before) return { ok: false, error: 'not_found' };
		const diff = changedFields(before, { name: input.name, locale: input.locale });
		if (!diff) return { ok: true, changed: false };
		await tx.update(users).set(diff.after).where(eq(users.id, userId));
		await recordAudit(tx, actor, {
			action: 'user.update',
			entityType: 'user',
			entityId: userId,
			before: diff.before,
			after: diff.after
		});
		return { ok: true, changed: true };
	});
}
