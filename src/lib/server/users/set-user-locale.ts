import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { users } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import type { Locale } from '$lib/i18n/locales';

/** Remembers a person's language, for the interface and for the e-mails they receive. */
export async function setUserLocale(db: Db, actor: Actor, userId: string, locale: Locale) {
	await db.transaction(async (tx) => {
		const [before] = await tx
			.select({ locale: users.locale })
			.from(users)
			.where(eq(users.id, userId))
			.for('update');
		if (!before || before.locale === locale) return;
		await tx.update(users).set({ locale }).where(eq(users.id, userId));
		await recordAudit(tx, actor, {
			action: 'user.update',
			entityType: 'user',
			entityId: userId,
			before,
			after: { locale }
		});
	});
}
