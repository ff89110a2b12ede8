import { eq, inArray } from 'drizzle-orm';
import {
	emailsOfTable,
	failedPlan,
	isImportable,
	planPeopleImport,
	withEmailTaken,
	type ExistingPerson,
	type PeopleImportPlan,
	type PeopleTable,
	type PlannedRow
} from '../../domain/people-import';
import type { Locale } from '../../i18n/locales';
import type { Actor } from '../actor';
import { recordAudit, type AuditEntry } from '../audit/record-audit';
import type { Db, DbOrTx } from '../db';
import { roleAssignments, users } from '../db/schema';
import { readPeopleFile, type UploadedFile } from './read-people-file';

export type ImportPeopleResult =
	| { ok: true; plan: PeopleImportPlan; created: number; updated: number }
	/** Nothing was written; the plan says why (file errors, or the rows' errors). */
	| { ok: false; plan: PeopleImportPlan };

/** Rows per INSERT: well under PostgreSQL's limit of 65,535 parameters a statement. */
const BATCH = 500;

/**
 * What importing the file into the municipality's people would do, row by row. Writes nothing.
 * `defaultLocale` is the language of new people whose row leaves it empty.
 */
export async function previewPeopleImport(
	db: DbOrTx,
	municipalityCode: string,
	file: UploadedFile,
	defaultLocale: Locale
): Promise<PeopleImportPlan> {
	const read = await readPeopleFile(file);
	if (!read.ok) return failedPlan(read.error);
	return (await plan(db, read.table, municipalityCode, defaultLocale, { lock: false })).plan;
}

/**
 * Adds and updates the municipality's people from the file, all or nothing: in one
 * transaction the file is planned again against the people as they are now, and if any row
 * has an error nothing is written. A new person gets the municipality's participant role;
 * an update changes no role. Each person written gets an audit entry.
 */
export async function importPeople(
	db: Db,
	actor: Actor,
	municipalityCode: string,
	file: UploadedFile,
	defaultLocale: Locale
): Promise<ImportPeopleResult> {
	const read = await readPeopleFile(file);
	if (!read.ok) return { ok: false, plan: failedPlan(read.error) };

	let planned: PeopleImportPlan | undefined;
	try {
		return await db.transaction(async (tx) => {
			// the rows found are locked, so their "before" stays true until the commit
			const current = await plan(tx, read.table, municipalityCode, defaultLocale, { lock: true });
			planned = current.plan;
			if (!isImportable(planned)) return { ok: false, plan: planned };
			const { created, updated } = await apply(tx, actor, municipalityCode, current);
			return { ok: true, plan: planned, created, updated };
		});
	} catch (error) {
		// someone else added one of the addresses after we looked: the unique index refused it
		const taken = takenEmail(error);
		if (taken === undefined || !planned) throw error;
		const refused = taken ? withEmailTaken(planned, taken) : planned;
		if (refused.summary.invalid > 0) return { ok: false, plan: refused };
		return { ok: false, plan: { ...planned, fileErrors: [{ code: 'concurrent_change' }] } };
	}
}

type FoundPerson = ExistingPerson & { id: string };

async function plan(
	db: DbOrTx,
	table: PeopleTable,
	municipalityCode: string,
	defaultLocale: Locale,
	options: { lock: boolean }
): Promise<{ plan: PeopleImportPlan; found: Map<string, FoundPerson> }> {
	const found = await findPeople(db, emailsOfTable(table), options.lock);
	return {
		plan: planPeopleImport(table, { existingEmails: found, municipalityCode, defaultLocale }),
		// kept apart from the plan, which is shown: it holds people of other municipalities
		found
	};
}

/** Everyone who has one of the addresses, in one query. */
async function findPeople(
	db: DbOrTx,
	emails: string[],
	lock: boolean
): Promise<Map<string, FoundPerson>> {
	if (emails.length === 0) return new Map();
	const query = db
		.select({
			id: users.id,
			email: users.email,
			municipalityCode: users.municipalityCode,
			name: users.name,
			title: users.title,
			positions: users.positions,
			locale: users.locale,
			erasedAt: users.erasedAt
		})
		.from(users)
		.where(inArray(users.email, emails));
	const rows = lock ? await query.for('update') : await query;
	return new Map(
		rows.map(({ email, erasedAt, ...person }) => [email, { ...person, erased: erasedAt !== null }])
	);
}

async function apply(
	tx: DbOrTx,
	actor: Actor,
	municipalityCode: string,
	{ plan: planned, found }: { plan: PeopleImportPlan; found: Map<string, FoundPerson> }
): Promise<{ created: number; updated: number }> {
	const toCreate = planned.rows.filter((r) => r.action === 'create');
	const toUpdate = planned.rows.filter((r) => r.action === 'update');
	const audit: AuditEntry[] = [];

	for (let i = 0; i < toCreate.length; i += BATCH) {
		const records = toCreate.slice(i, i + BATCH).map(({ values }) => ({
			email: values.email,
			name: values.name,
			municipalityCode,
			title: values.title,
			positions: values.positions,
			locale: values.locale
		}));
		const inserted = await tx
			.insert(users)
			.values(records)
			.returning({ id: users.id, email: users.email });
		// as everyone of a member municipality, a new person may read its shared data and sign up
		const role = { role: 'participant' as const, networkId: null, municipalityCode };
		await tx.insert(roleAssignments).values(inserted.map(({ id }) => ({ ...role, userId: id })));
		// matched by address: PostgreSQL does not promise RETURNING in the order of VALUES
		const byEmail = new Map(records.map((r) => [r.email, r]));
		for (const { id, email } of inserted) {
			audit.push({
				action: 'person.create',
				entityType: 'user',
				entityId: id,
				after: { ...byEmail.get(email), roles: [role] }
			});
		}
	}

	for (const row of toUpdate as (PlannedRow & { changes: NonNullable<PlannedRow['changes']> })[]) {
		const person = found.get(row.values.email);
		if (!person) throw new Error(`planned an update of ${row.values.email}, who was not found`);
		await tx.update(users).set(row.changes.after).where(eq(users.id, person.id));
		audit.push({
			action: 'person.update',
			entityType: 'user',
			entityId: person.id,
			before: row.changes.before,
			after: row.changes.after
		});
	}

	for (let i = 0; i < audit.length; i += BATCH) {
		await recordAudit(tx, actor, audit.slice(i, i + BATCH));
	}
	return { created: toCreate.length, updated: toUpdate.length };
}

/**
 * For a unique violation on the e-mail index: the address refused, or '' when the database
 * did not say which. Undefined for any other error.
 */
function takenEmail(error: unknown): string | undefined {
	// drizzle wraps the driver's error in its own, as `cause`
	for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
		const { code, constraint, detail } = e as {
			code?: unknown;
			constraint?: unknown;
			detail?: unknown;
		};
		if (code !== '23505') continue;
		if (constraint !== undefined && constraint !== 'users_email_unique') return undefined;
		return typeof detail === 'string' ? (/\(email\)=\((.*)\)/.exec(detail)?.[1] ?? '') : '';
	}
	return undefined;
}
