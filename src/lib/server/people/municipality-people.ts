import { and, asc, count, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db';
import { numberedPage } from '../pagination';
import { authTokens, roleAssignments, sessions, users } from '../db/schema';
import { changedFields, recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import type { PersonForm } from '$lib/schemas/person';
import { isUniqueViolation } from '../db/errors';
import type { ExportTable } from '../export/table-export';
import { serverTranslator } from '$lib/i18n/catalogue';
import type { Locale } from '$lib/i18n/locales';
import type { Position } from '$lib/domain/positions';
import { isUuid } from '$lib/domain/uuid';

export const PEOPLE_PAGE_SIZE = 50;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One page of a municipality's people, by name. */
export async function listMunicipalityPeople(
	db: Db,
	code: string,
	options: { q: string; page: number; perPage?: number }
) {
	const perPage = options.perPage ?? PEOPLE_PAGE_SIZE;
	const q = options.q.trim().toLowerCase();
	const where = and(
		eq(users.municipalityCode, code),
		isNull(users.erasedAt),
		q
			? or(ilike(users.name, `%${escapeLike(q)}%`), ilike(users.email, `%${escapeLike(q)}%`))
			: undefined
	);
	const [totalRow] = await db.select({ n: count() }).from(users).where(where);
	const total = totalRow?.n ?? 0;
	const { page, pages, offset } = numberedPage(total, options.page, perPage);
	const rows = await db
		.select({
			id: users.id,
			name: users.name,
			email: users.email,
			title: users.title,
			positions: users.positions,
			locale: users.locale
		})
		.from(users)
		.where(where)
		.orderBy(asc(users.name), asc(users.id))
		.limit(perPage)
		.offset(offset);
	return { rows, total, page, pages };
}

/** A person of this municipality; a person of another municipality is not found. */
export async function getMunicipalityPerson(db: DbOrTx, code: string, personId: string) {
	if (!isUuid(personId)) return null;
	const [row] = await db
		.select()
		.from(users)
		.where(and(eq(users.id, personId), eq(users.municipalityCode, code), isNull(users.erasedAt)))
		.limit(1);
	return row ?? null;
}

export type PersonResult =
	{ ok: true; id: string } | { ok: false; error: 'email_taken' | 'not_found' | 'self' };

/** Adds a person to the municipality, with the participant role so they can sign in. */
export async function createPerson(
	db: Db,
	actor: Actor,
	code: string,
	form: PersonForm
): Promise<PersonResult> {
	try {
		return await db.transaction(async (tx) => {
			const [person] = await tx
				.insert(users)
				.values({ ...form, municipalityCode: code })
				.returning({ id: users.id });
			await tx
				.insert(roleAssignments)
				.values({ userId: person!.id, role: 'participant', municipalityCode: code });
			await recordAudit(tx, actor, {
				action: 'person.create',
				entityType: 'user',
				entityId: person!.id,
				after: { ...form, municipalityCode: code, roles: ['participant'] }
			});
			return { ok: true as const, id: person!.id };
		});
	} catch (e) {
		if (isUniqueViolation(e)) return { ok: false, error: 'email_taken' };
		throw e;
	}
}

export async function updatePerson(
	db: Db,
	actor: Actor,
	code: string,
	personId: string,
	form: PersonForm
): Promise<PersonResult> {
	try {
		return await db.transaction(async (tx) => {
			const before = await getMunicipalityPerson(tx, code, personId);
			if (!before) return { ok: false as const, error: 'not_found' as const };
			await tx.update(users).set(form).where(eq(users.id, personId));
			const diff = changedFields(before as unknown as Record<string, unknown>, form);
			if (diff) {
				await recordAudit(tx, actor, {
					action: 'person.update',
					entityType: 'user',
					entityId: personId,
					...diff
				});
			}
			if (before.email !== form.email) {
				// a changed address must not keep old sign-in links working
				await tx.delete(authTokens).where(eq(authTokens.userId, personId));
			}
			return { ok: true as const, id: personId };
		});
	} catch (e) {
		if (isUniqueViolation(e)) return { ok: false, error: 'email_taken' };
		throw e;
	}
}

/**
 * Removes a person from the municipality: their account and roles go, sessions end; decisions
 * and memberships keep working (their references become empty), the audit log keeps the record.
 */
export async function removePerson(
	db: Db,
	actor: Actor,
	code: string,
	personId: string
): Promise<PersonResult> {
	if (actor.userId === personId) return { ok: false, error: 'self' };
	return db.transaction(async (tx) => {
		const before = await getMunicipalityPerson(tx, code, personId);
		if (!before) return { ok: false as const, error: 'not_found' as const };
		const staff = await tx
			.select({ n: count() })
			.from(roleAssignments)
			.where(
				and(eq(roleAssignments.userId, personId), sql`${roleAssignments.networkId} is not null`)
			);
		if ((staff[0]?.n ?? 0) > 0) return { ok: false as const, error: 'not_found' as const };
		await tx.delete(sessions).where(eq(sessions.userId, personId));
		await tx.delete(users).where(eq(users.id, personId));
		await recordAudit(tx, actor, {
			action: 'person.remove',
			entityType: 'user',
			entityId: personId,
			before: {
				name: before.name,
				email: before.email,
				title: before.title,
				positions: before.positions,
				municipalityCode: code
			}
		});
		return { ok: true as const, id: personId };
	});
}

/** More people than any municipality names to the network. */
const MAX_EXPORT_ROWS = 20_000;

/** The municipality's people as its list shows them (searched or not), every page, for CSV and XLSX. */
export async function exportMunicipalityPeople(
	db: Db,
	code: string,
	q: string,
	locale: Locale
): Promise<ExportTable> {
	const t = serverTranslator(locale);
	const { rows } = await listMunicipalityPeople(db, code, { q, page: 1, perPage: MAX_EXPORT_ROWS });
	return {
		title: t('municipality.people').slice(0, 31),
		columns: [
			{ header: t('people.name'), width: 28 },
			{ header: t('people.email'), width: 32 },
			{ header: t('people.title_'), width: 28 },
			{ header: t('people.positions'), width: 36 },
			{ header: t('people.language'), width: 10 }
		],
		rows: rows.map((r) => [
			r.name,
			r.email,
			r.title,
			(r.positions as Position[]).map((p) => t(`position.${p}`)).join(', '),
			t(`lang.${r.locale}`)
		])
	};
}
