import { and, count, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/setup/test-db';
import { systemActor, userActor } from '../actor';
import type { Database } from '../db/client';
import { auditLog, users } from '../db/schema';
import { parseForm } from '../http/parse';
import { createUser } from '../users/create-user';
import { profileSchema, updateProfile } from './update-profile';

let database: Database;
let maija: { id: string; email: string };

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.append(k, v);
	return data;
};

const updates = async (id: string) => {
	const [row] = await database.db
		.select({ n: count() })
		.from(auditLog)
		.where(and(eq(auditLog.action, 'user.update'), eq(auditLog.entityId, id)));
	return row!.n;
};

beforeAll(async () => {
	database = await createTestDatabase();
	maija = await createUser(database.db, systemActor, {
		email: 'maija@example.fi',
		name: 'Maija Meikäläinen',
		title: 'kehittäjä'
	});
});
afterAll(() => database?.close());

describe('a person’s own name and language', () => {
	it('saves them and logs only what changed, by the person', async () => {
		const result = await updateProfile(database.db, userActor(maija), maija.id, {
			name: 'Maija Virtanen',
			locale: 'fi'
		});
		expect(result).toEqual({ ok: true, changed: true });
		const [row] = await database.db.select().from(users).where(eq(users.id, maija.id));
		expect(row).toMatchObject({ name: 'Maija Virtanen', locale: 'fi', title: 'kehittäjä' });
		const [entry] = await database.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'user.update'), eq(auditLog.entityId, maija.id)));
		expect(entry).toMatchObject({
			actorId: maija.id,
			actorLabel: 'maija@example.fi',
			entityType: 'user',
			before: { name: 'Maija Meikäläinen' },
			after: { name: 'Maija Virtanen' }
		});
	});

	it('writes nothing when nothing changed', async () => {
		const before = await updates(maija.id);
		const result = await updateProfile(database.db, userActor(maija), maija.id, {
			name: 'Maija Virtanen',
			locale: 'fi'
		});
		expect(result).toEqual({ ok: true, changed: false });
		expect(await updates(maija.id)).toBe(before);
	});

	it('changes the language on its own', async () => {
		await updateProfile(database.db, userActor(maija), maija.id, {
			name: 'Maija Virtanen',
			locale: 'sv'
		});
		const [entry] = await database.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'user.update'), eq(auditLog.entityId, maija.id)))
			.orderBy(desc(auditLog.id))
			.limit(1);
		expect(entry).toMatchObject({ before: { locale: 'fi' }, after: { locale: 'sv' } });
	});

	it('does not touch an erased person', async () => {
		const erased = await createUser(database.db, systemActor, {
			email: 'erased-x@invalid',
			name: ''
		});
		await database.db.update(users).set({ erasedAt: new Date() }).where(eq(users.id, erased.id));
		expect(
			await updateProfile(database.db, userActor(erased), erased.id, {
				name: 'Palaaja',
				locale: 'fi'
			})
		).toEqual({ ok: false, error: 'not_found' });
		expect(await updates(erased.id)).toBe(0);
	});
});

describe('the profile form', () => {
	it('trims the name and takes a language of the interface', async () => {
		const result = await parseForm(form({ name: '  Maija  ', locale: 'en' }), profileSchema);
		expect(result).toEqual({ ok: true, data: { name: 'Maija', locale: 'en' } });
	});

	it.each([
		[{ name: '', locale: 'fi' }, { name: 'error.required' }],
		[{ name: '   ', locale: 'fi' }, { name: 'error.required' }],
		[{ name: 'x'.repeat(201), locale: 'fi' }, { name: 'error.tooLong' }],
		[{ name: 'Maija\nVirtanen', locale: 'fi' }, { name: 'error.controlChars' }],
		[{ name: 'Maija\u0000', locale: 'fi' }, { name: 'error.controlChars' }],
		[{ name: 'Maija', locale: 'de' }, { locale: 'error.invalidChoice' }],
		[{ name: 'Maija' }, { locale: 'error.invalidChoice' }],
		[{}, { name: 'error.required', locale: 'error.invalidChoice' }]
	])('refuses %j next to the field, keeping what was typed', async (fields, expected) => {
		const result = await parseForm(form(fields as Record<string, string>), profileSchema);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(Object.fromEntries(Object.entries(result.errors).map(([k, v]) => [k, v.key]))).toEqual(
			expected
		);
		expect(result.values).toEqual(fields);
	});
});
