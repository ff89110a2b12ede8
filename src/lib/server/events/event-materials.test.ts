import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/setup/test-db';
import { personByEmail, planEvent } from '../../../../tests/factories/events';
import type { Database } from '../db/client';
import { auditLog, eventMaterials, files } from '../db/schema';
import { userActor, type Actor } from '../actor';
import { readUpload } from '../http/parse';
import {
	addEventMaterial,
	getEventMaterialFile,
	listEventMaterials,
	MATERIAL_TYPES,
	MAX_MATERIALS,
	removeEventMaterial
} from './event-materials';

/** An event's materials on either database: added, listed, served only through their event, removed. */

let database: Database;
let coordinator: Actor;
const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

async function upload(name: string, bytes: Uint8Array, type = 'application/octet-stream') {
	const form = new FormData();
	form.set('file', new File([new Uint8Array(bytes)], name, { type }));
	return readUpload(form, 'file', MATERIAL_TYPES);
}

beforeAll(async () => {
	database = await createTestDatabase({ seeded: true });
	coordinator = userActor(await personByEmail(database.db, 'koordinaattori@example.fi'));
});
afterAll(() => database?.close());

describe('an event’s materials', () => {
	it('keeps a file under the name and type its content has, lists it and serves it through its own event only', async () => {
		const eventId = await planEvent(database.db);
		const otherEventId = await planEvent(database.db);
		const read = await upload('C:\\fakepath\\Ohjelma', pdf, 'text/html');
		if (!read.ok) throw new Error(JSON.stringify(read));
		expect(read.file).toMatchObject({ name: 'Ohjelma.pdf', contentType: 'application/pdf' });
		const added = await addEventMaterial(database.db, coordinator, eventId, read.file);
		if (!added.ok) throw new Error(JSON.stringify(added));

		expect(await listEventMaterials(database.db, eventId)).toEqual([
			expect.objectContaining({
				id: added.fileId,
				name: 'Ohjelma.pdf',
				contentType: 'application/pdf',
				size: pdf.length
			})
		]);
		const served = await getEventMaterialFile(database.db, eventId, added.fileId);
		expect(new Uint8Array(served!.data)).toEqual(pdf);
		expect(await getEventMaterialFile(database.db, otherEventId, added.fileId)).toBeNull();
		expect(await getEventMaterialFile(database.db, eventId, 'not-a-uuid')).toBeNull();

		const [entry] = await database.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'event.material_add'));
		expect(entry).toMatchObject({ entityId: eventId, actorLabel: 'koordinaattori@example.fi' });
	});

	it('refuses by its content what is no document or image, whatever its name, and an empty or missing file', async () => {
		expect(await upload('ohjelma.pdf', new TextEncoder().encode('MZ\u0090 not a pdf'))).toEqual({
			ok: false,
			error: { key: 'error.fileType' }
		});
		expect(await upload('tyhjä.pdf', new Uint8Array())).toEqual({
			ok: false,
			error: { key: 'error.fileEmpty' }
		});
		expect(await readUpload(new FormData(), 'file', MATERIAL_TYPES)).toEqual({
			ok: false,
			error: { key: 'error.fileMissing' }
		});
	});

	it('holds at most the limit of files per event', async () => {
		const eventId = await planEvent(database.db);
		const read = await upload('liite.pdf', pdf);
		if (!read.ok) throw new Error('not read');
		const results = await Promise.all(
			Array.from({ length: MAX_MATERIALS + 3 }, () =>
				addEventMaterial(database.db, coordinator, eventId, read.file)
			)
		);
		expect(results.filter((r) => r.ok)).toHaveLength(MAX_MATERIALS);
		expect(results.filter((r) => !r.ok)).toEqual(
			Array.from({ length: 3 }, () => ({ ok: false, error: 'too_many' }))
		);
		const rows = await database.db
			.select()
			.from(eventMaterials)
			.where(eq(eventMaterials.eventId, eventId));
		expect(rows).toHaveLength(MAX_MATERIALS);
	});

	it('removes a file with its place in the list, and only through its own event', async () => {
		const eventId = await planEvent(database.db);
		const otherEventId = await planEvent(database.db);
		const read = await upload('esitys.pdf', pdf);
		if (!read.ok) throw new Error('not read');
		const added = await addEventMaterial(database.db, coordinator, eventId, read.file);
		if (!added.ok) throw new Error('not added');
		expect(await removeEventMaterial(database.db, coordinator, otherEventId, added.fileId)).toEqual(
			{
				ok: false,
				error: 'not_found'
			}
		);
		expect(await removeEventMaterial(database.db, coordinator, eventId, added.fileId)).toEqual({
			ok: true
		});
		expect(await listEventMaterials(database.db, eventId)).toEqual([]);
		expect(await database.db.select().from(files).where(eq(files.id, added.fileId))).toEqual([]);
	});
});
