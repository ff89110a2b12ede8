import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/setup/test-db';
import type { Database } from '../db/client';
import { auditQueryDefaults } from '$lib/schemas/audit';
import { systemActor, userActor } from '../actor';
import { createUser } from '../users/create-user';
import { setUserLocale } from '../users/set-user-locale';
import { changedFields, recordAudit } from './record-audit';
import {
	AUDIT_CHANGES_SHOWN_OPEN,
	auditChanges,
	exportAuditEntries,
	listAuditEntries
} from './list-audit-entries';

let database: Database;
let maija: { id: string; email: string };

beforeAll(async () => {
	database = await createTestDatabase();
	maija = await createUser(database.db, systemActor, {
		email: 'Maija@Example.fi',
		name: 'Maija Meikäläinen',
		passwordHash: 'secret-hash'
	});
	for (let i = 0; i < 7; i++) {
		await recordAudit(database.db, userActor(maija), {
			action: 'municipality.update',
			entityType: 'municipality',
			entityId: '785',
			before: { population: 2500 + i },
			after: { population: 2501 + i }
		});
	}
});
afterAll(() => database?.close());

const q = (over: Partial<typeof auditQueryDefaults>) => ({ ...auditQueryDefaults, ...over });

describe('the audit log', () => {
	it('records who created a person, never the password hash', async () => {
		const { rows } = await listAuditEntries(database.db, q({ action: 'user.create' }));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ actorLabel: 'system', entityId: maija.id });
		expect(JSON.stringify(rows[0])).not.toContain('secret-hash');
		expect(rows[0]?.after).toMatchObject({ email: 'maija@example.fi' });
	});

	it('records a change of language with before and after', async () => {
		await setUserLocale(database.db, userActor(maija), maija.id, 'sv');
		await setUserLocale(database.db, userActor(maija), maija.id, 'sv'); // no change, no entry
		const { rows } = await listAuditEntries(database.db, q({ action: 'user.update' }));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ before: { locale: 'fi' }, after: { locale: 'sv' } });
	});

	it('filters by actor, record and time, and pages newest first', async () => {
		const first = await listAuditEntries(
			database.db,
			q({ actor: 'maija@example.fi', entityType: 'municipality', entityId: '785' }),
			3
		);
		expect(first.rows.map((r) => (r.after as { population: number }).population)).toEqual([
			2507, 2506, 2505
		]);
		expect(first.newer).toBeNull();
		const second = await listAuditEntries(
			database.db,
			q({ actor: 'maija@example.fi', entityId: '785', before: Number(first.older) }),
			3
		);
		expect(second.rows.map((r) => (r.after as { population: number }).population)).toEqual([
			2504, 2503, 2502
		]);
		const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(
			new Date()
		);
		expect(
			(await listAuditEntries(database.db, q({ from: today, to: today }))).rows.length
		).toBeGreaterThan(0);
		expect((await listAuditEntries(database.db, q({ to: '2000-01-01' }))).rows).toHaveLength(0);
	});

	it('walks a long filter older page by older page, each entry once, to the end, and back', async () => {
		// as a registry load writes them: one entry per municipality, more than two pages' worth
		const codes = Array.from({ length: 123 }, (_, i) => String(100 + i));
		for (const code of codes) {
			await recordAudit(database.db, systemActor, {
				action: 'municipality.create',
				entityType: 'municipality',
				entityId: code,
				before: null,
				after: { code }
			});
		}
		const filter = { action: 'municipality.create' } as const;
		const pages: { rows: { entityId: string | null }[]; newer: string | null }[] = [];
		let older: string | null = null;
		do {
			const page = await listAuditEntries(
				database.db,
				q({ ...filter, before: older === null ? null : Number(older) })
			);
			pages.push(page);
			older = page.older;
			expect(pages.length, 'the pages end').toBeLessThan(10);
		} while (older !== null);
		expect(pages.map((p) => p.rows.length)).toEqual([50, 50, 23]);
		expect(pages.flatMap((p) => p.rows.map((r) => r.entityId))).toEqual(codes.toReversed());
		expect(pages[0]?.newer, 'nothing newer than the first page').toBeNull();
		// back from the last page to newer entries: the page before it, as it was
		const back = await listAuditEntries(
			database.db,
			q({ ...filter, after: Number(pages[2]?.newer) })
		);
		expect(back.rows.map((r) => r.entityId)).toEqual(pages[1]?.rows.map((r) => r.entityId));
	});
});

describe('the audit log as a file', () => {
	it('holds every entry the filters find, newest first, whatever page the list was on, each change as before → after', async () => {
		const table = await exportAuditEntries(
			database.db,
			q({ actor: 'maija@example.fi', entityId: '785', before: 1 }),
			'fi'
		);
		expect(table.columns.map((c) => c.header)).toEqual([
			'Aika',
			'Tekijä',
			'Toimenpide',
			'Kohteen tyyppi',
			'Kohteen tunniste',
			'Muutokset'
		]);
		expect(table.rows.map((r) => r[5])).toEqual(
			[6, 5, 4, 3, 2, 1, 0].map((i) => `population: ${2500 + i} → ${2501 + i}`)
		);
		expect(table.rows[0]?.slice(1, 5)).toEqual([
			'maija@example.fi',
			'municipality.update',
			'municipality',
			'785'
		]);
		expect(table.rows[0]?.[0]).toMatch(/^\d{1,2}\.\d{1,2}\.\d{4} (klo )?\d{1,2}[.:]\d{2}$/);
		expect(table.notes).toEqual([]);
	});

	it('names the system in the reader’s language', async () => {
		const table = await exportAuditEntries(database.db, q({ action: 'user.create' }), 'sv');
		expect(table.rows.map((r) => r[1])).toEqual(['systemet']);
	});
});

describe('changedFields', () => {
	it('keeps only what changed', () => {
		expect(changedFields({ a: 1, b: 'x', c: null }, { a: 1, b: 'y', c: null })).toEqual({
			before: { b: 'x' },
			after: { b: 'y' }
		});
		expect(changedFields({ a: 1 }, { a: 1 })).toBeNull();
	});
});

describe('auditChanges', () => {
	it('lists every field recorded before or after, in the order recorded, as the log shows it', () => {
		expect(
			auditChanges(
				{ state: 'invited', decidedOn: null },
				{ state: 'active', decidedOn: '2026-11-30', groups: ['A', 'B'], size: 2 }
			).fields
		).toEqual([
			{ field: 'state', before: 'invited', after: 'active' },
			{ field: 'decidedOn', before: '–', after: '2026-11-30' },
			{ field: 'groups', before: '–', after: '["A","B"]' },
			{ field: 'size', before: '–', after: '2' }
		]);
		expect(auditChanges(null, null)).toEqual({ fields: [], folded: false });
	});

	it('leaves a change of a few fields open and folds a whole record', async () => {
		expect(auditChanges(null, { method: 'password' })).toEqual({
			fields: [{ field: 'method', before: '–', after: 'password' }],
			folded: false
		});
		const few = Object.fromEntries(
			Array.from({ length: AUDIT_CHANGES_SHOWN_OPEN }, (_, i) => [`f${i}`, i])
		);
		expect(auditChanges({}, few).folded).toBe(false);
		expect(auditChanges({}, { ...few, one: 'more' }).folded).toBe(true);

		const { rows } = await listAuditEntries(database.db, q({ action: 'user.create' }));
		const created = auditChanges(rows[0]?.before, rows[0]?.after);
		expect(created.folded, 'a person created').toBe(true);
		expect(created.fields.map((c) => c.field)).toContain('email');
		const [update] = (await listAuditEntries(database.db, q({ action: 'user.update' }))).rows;
		expect(auditChanges(update?.before, update?.after), 'a change of language').toEqual({
			fields: [{ field: 'locale', before: 'fi', after: 'sv' }],
			folded: false
		});
	});
});
