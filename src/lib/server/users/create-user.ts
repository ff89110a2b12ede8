import type { DbOrTx } from '../db';
import { roleAssignments, users } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import type { RoleGrant } from '../auth/session';
import type { Locale } from '$lib/i18n/locales';
import type { Position } from '$lib/domain/positions';

export interface NewUser {
	email: string;
	name: string;
	locale?: Locale;
	passwordHash?: string | null;
	municipalityCode?: string | null;
	title?: string;
	positions?: Position[];
	roles?: RoleGrant[];
}

/** Creates a person with their roles; the e-mail is unique (the database refuses a second). */
export async function createUser(db: DbOrTx, actor: Actor, input: NewUser) {
	const [user] = await db
		.insert(users)
		.values({
			email: input.email.trim().toLowerCase(),
			name: input.name,
			locale: input.locale ?? 'fi',
			passwordHash: input.passwordHash ?? null,
			municipalityCode: input.municipalityCode ?? null,
			title: input.title ?? '',
			positions: input.positions ?? []
		})
		.returning();
	if (!user) throw new Error('insert returned nothing');
	const roles = input.roles ?? [];
	if (roles.length) {
		await db.insert(roleAssignments).values(roles.map((r) => ({ ...r, userId: user.id })));
	}
	await recordAudit(db, actor, {
		action: 'user.create',
		entityType: 'user',
		entityId: user.id,
		after: {
			email: user.email,
			name: user.name,
			locale: user.locale,
			municipalityCode: user.municipalityCode,
			title: user.title,
			positions: user.positions,
			roles
		}
	});
	return user;
}
