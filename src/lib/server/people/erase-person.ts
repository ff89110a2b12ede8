import { and, eq, inArray, ne, notInArray, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../db';
import {
	auditLog,
	authAttempts,
	authTokens,
	calendarFeeds,
	memberships,
	outbox,
	roleAssignments,
	seasons,
	sessions,
	users
} from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import { accountKey } from '../auth/rate-limit';

export type ErasePersonError =
	/** the actor coordinates no network */
	| 'forbidden'
	/** no such person among the people of the actor's networks */
	| 'not_found'
	| 'self'
	| 'coordinator'
	| 'already_erased';

export type ErasePersonResult = { ok: true } | { ok: false; error: ErasePersonError };

/** What an erased person's record and mail are left with, in place of their text. */
export const ERASED_TEXT = '[erased]';
/** Fields of a person's record that say who they are; taken out of audit entries about them. */
const IDENTIFYING_KEYS = ['email', 'name', 'title', 'positions'];
/** Shorter names are not searched for in other people's mail: "Aa" would match far too much. */
const MIN_NAME_TO_SCRUB = 4;

export const erasedEmail = (id: string) => `erased-${id}@invalid`;
export const erasedLabel = (id: string) => `erased-${id}`;

/**
 * Every address and name the person has had: the current ones, and earlier ones as the audit
 * entries about them recorded (a contact person may have changed them). An earlier address
 * that someone else holds now is theirs, and is left alone.
 */
async function identities(tx: Tx, person: { id: string; email: string; name: string }) {
	const history = await tx
		.select({
			beforeEmail: sql<string | null>`${auditLog.before}->>'email'`,
			afterEmail: sql<string | null>`${auditLog.after}->>'email'`,
			beforeName: sql<string | null>`${auditLog.before}->>'name'`,
			afterName: sql<string | null>`${auditLog.after}->>'name'`
		})
		.from(auditLog)
		// audit_log_entity
		.where(and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, person.id)));
	const emails = new Set([person.email]);
	const names = new Set([person.name.trim()]);
	for (const h of history) {
		for (const e of [h.beforeEmail, h.afterEmail]) if (e) emails.add(e.trim().toLowerCase());
		for (const n of [h.beforeName, h.afterName]) if (n) names.add(n.trim());
	}
	const heldByOthers = await tx
		.select({ email: users.email })
		.from(users)
		// users_email_unique
		.where(and(inArray(users.email, [...emails]), ne(users.id, person.id)));
	for (const { email } of heldByOthers) emails.delete(email);
	return {
		emails: [...emails],
		// longest first, so a full name is replaced before any shorter name inside it
		names: [...names]
			.filter((n) => n.length >= MIN_NAME_TO_SCRUB)
			.sort((a, b) => b.length - a.length)
	};
}

/** The column with every occurrence of the needles replaced, in SQL. */
function replaceAll(column: AnyColumn, needles: string[]): SQL {
	let expression = sql`${column}`;
	for (const needle of needles) expression = sql`replace(${expression}, ${needle}, ${ERASED_TEXT})`;
	return expression;
}

/** The same record without the fields that say who a person is (when it is an object). */
function withoutIdentifyingKeys(column: AnyColumn): SQL {
	const keys = sql.raw(`array[${IDENTIFYING_KEYS.map((k) => `'${k}'`).join(', ')}]`);
	return sql`case when jsonb_typeof(${column}) = 'object' then ${column} - ${keys} else ${column} end`;
}

/**
 * Erases a person's personal data (GDPR art. 17) in one transaction, keeping the records
 * that others rely on. The user row stays as an anonymous reference, so decisions, memberships
 * (contact person) and the audit log still point somewhere: its name, title and positions are
 * emptied, the address becomes erased-<id>@invalid (unique, and deliverable nowhere), the
 * password goes and the account is disabled. Roles, sessions, sign-in links and sign-in
 * attempts are deleted. In the audit log the person's address as actor label becomes
 * erased-<id>, and identifying fields leave the entries about them. E-mails to them keep
 * only their subject; their name and address are replaced in e-mails to others.
 *
 * Only a coordinator may erase, only a person of their networks' municipalities, never
 * themselves nor another coordinator.
 */
export async function erasePerson(
	db: Db,
	actor: Actor,
	personId: string
): Promise<ErasePersonResult> {
	if (!actor.userId) return { ok: false, error: 'forbidden' };
	const actorId = actor.userId;
	if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(personId)) {
		return { ok: false, error: 'not_found' };
	}
	return db.transaction(async (tx): Promise<ErasePersonResult> => {
		const coordinated = await tx
			.select({ networkId: roleAssignments.networkId })
			.from(roleAssignments)
			.where(and(eq(roleAssignments.userId, actorId), eq(roleAssignments.role, 'coordinator')));
		const networkIds = coordinated.map((r) => r.networkId).filter((id): id is string => !!id);
		if (networkIds.length === 0) return { ok: false, error: 'forbidden' };
		if (personId === actorId) return { ok: false, error: 'self' };

		const [person] = await tx.select().from(users).where(eq(users.id, personId)).for('update');
		if (!person?.municipalityCode) return { ok: false, error: 'not_found' };
		const [inScope] = await tx
			.select({ id: memberships.id })
			.from(memberships)
			.innerJoin(seasons, eq(seasons.id, memberships.seasonId))
			.where(
				and(
					eq(memberships.municipalityCode, person.municipalityCode),
					inArray(seasons.networkId, networkIds)
				)
			)
			.limit(1);
		if (!inScope) return { ok: false, error: 'not_found' };
		if (person.erasedAt) return { ok: false, error: 'already_erased' };
		const [isCoordinator] = await tx
			.select({ id: roleAssignments.id })
			.from(roleAssignments)
			.where(and(eq(roleAssignments.userId, personId), eq(roleAssignments.role, 'coordinator')))
			.limit(1);
		if (isCoordinator) return { ok: false, error: 'coordinator' };

		const { emails, names } = await identities(tx, person);
		const label = erasedLabel(person.id);
		const address = erasedEmail(person.id);

		await tx
			.update(users)
			.set({
				name: '',
				email: address,
				title: '',
				positions: [],
				passwordHash: null,
				erasedAt: sql`now()`,
				// a sign-in that read the row before this transaction must not start a session after it
				disabledAt: sql`coalesce(${users.disabledAt}, now())`
			})
			.where(eq(users.id, person.id));
		await tx.delete(roleAssignments).where(eq(roleAssignments.userId, person.id));
		await tx.delete(sessions).where(eq(sessions.userId, person.id));
		await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, person.id));
		await tx.delete(authTokens).where(eq(authTokens.userId, person.id));
		if (emails.length) {
			// auth_attempts_key_at
			await tx.delete(authAttempts).where(inArray(authAttempts.key, emails.map(accountKey)));
		}

		// audit_log_actor; by label and id, as an earlier holder of an address is someone else
		if (emails.length) {
			await tx
				.update(auditLog)
				.set({ actorLabel: label })
				.where(and(inArray(auditLog.actorLabel, emails), eq(auditLog.actorId, person.id)));
		}
		await tx
			.update(auditLog)
			.set({
				before: withoutIdentifyingKeys(auditLog.before),
				after: withoutIdentifyingKeys(auditLog.after)
			})
			// audit_log_entity
			.where(and(eq(auditLog.entityType, 'user'), eq(auditLog.entityId, person.id)));

		// outbox has no index on "to" nor on the text: a scan, once per erasure
		if (emails.length) {
			await tx
				.update(outbox)
				.set({ to: address, text: ERASED_TEXT })
				.where(inArray(outbox.to, emails));
		}
		const needles = [...emails, ...names];
		if (needles.length) {
			// mail to someone else who has the same name greets them by it: that is theirs
			const namesakes = tx
				.select({ email: users.email })
				.from(users)
				.where(and(inArray(users.name, names.length ? names : ['']), ne(users.id, person.id)));
			await tx
				.update(outbox)
				.set({
					text: replaceAll(outbox.text, needles),
					subject: replaceAll(outbox.subject, needles)
				})
				.where(
					and(
						or(
							...needles.map((n) => sql`strpos(${outbox.text}, ${n}) > 0`),
							...needles.map((n) => sql`strpos(${outbox.subject}, ${n}) > 0`)
						),
						notInArray(outbox.to, namesakes)
					)
				);
		}

		await recordAudit(tx, actor, {
			action: 'person.erase',
			entityType: 'user',
			entityId: person.id
		});
		return { ok: true };
	});
}
