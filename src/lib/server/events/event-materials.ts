import { and, asc, count, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db';
import { eventMaterials, files } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import { storeFile } from '../files/store-file';
import type { TypedUpload } from '../http/parse';
import type { FileType } from '$lib/domain/files/file-types';
import { lockEvent } from './seats';
import { isUuid } from '$lib/domain/uuid';

/** What an event's materials may be: a programme, slides, handouts, photos of a flip chart. */
export const MATERIAL_TYPES: readonly FileType[] = ['pdf', 'docx', 'xlsx', 'pptx', 'png', 'jpeg'];
/** At most this many files per event: the list on the event page stays short. */
export const MAX_MATERIALS = 30;

export type AddMaterialResult =
	{ ok: true; fileId: string } | { ok: false; error: 'not_found' | 'too_many' };

/**
 * Adds a file to an event's materials, visible to everyone who sees the event. Counted under
 * the event's lock, so two uploads at once cannot pass the limit together.
 */
export async function addEventMaterial(
	db: Db,
	actor: Actor,
	eventId: string,
	upload: TypedUpload
): Promise<AddMaterialResult> {
	return db.transaction(async (tx): Promise<AddMaterialResult> => {
		const event = await lockEvent(tx, eventId);
		if (!event) return { ok: false, error: 'not_found' };
		const [held] = await tx
			.select({ n: count() })
			.from(eventMaterials)
			.where(eq(eventMaterials.eventId, event.id));
		if ((held?.n ?? 0) >= MAX_MATERIALS) return { ok: false, error: 'too_many' };
		const fileId = await storeFile(tx, {
			name: upload.name,
			contentType: upload.contentType,
			bytes: upload.bytes,
			uploadedBy: actor.userId
		});
		await tx.insert(eventMaterials).values({ eventId: event.id, fileId });
		await recordAudit(tx, actor, {
			action: 'event.material_add',
			entityType: 'event',
			entityId: event.id,
			after: {
				fileId,
				name: upload.name,
				contentType: upload.contentType,
				size: upload.bytes.length
			}
		});
		return { ok: true, fileId };
	});
}

/** Removes a file from an event's materials, and the file with it. */
export async function removeEventMaterial(
	db: Db,
	actor: Actor,
	eventId: string,
	fileId: string
): Promise<{ ok: true } | { ok: false; error: 'not_found' }> {
	if (!isUuid(fileId)) return { ok: false, error: 'not_found' };
	return db.transaction(async (tx) => {
		const event = await lockEvent(tx, eventId);
		if (!event) return { ok: false as const, error: 'not_found' as const };
		const material = await findMaterial(tx, event.id, fileId);
		if (!material) return { ok: false as const, error: 'not_found' as const };
		// the event_materials row goes with the file (on delete cascade)
		await tx.delete(files).where(eq(files.id, fileId));
		await recordAudit(tx, actor, {
			action: 'event.material_remove',
			entityType: 'event',
			entityId: event.id,
			before: {
				fileId,
				name: material.name,
				contentType: material.contentType,
				size: material.size
			}
		});
		return { ok: true as const };
	});
}

/** An event's materials, the oldest first, without their contents. */
export function listEventMaterials(db: DbOrTx, eventId: string) {
	return db
		.select({
			id: files.id,
			name: files.name,
			contentType: files.contentType,
			size: files.size,
			addedAt: eventMaterials.addedAt
		})
		.from(eventMaterials)
		.innerJoin(files, eq(files.id, eventMaterials.fileId))
		.where(eq(eventMaterials.eventId, eventId))
		.orderBy(asc(eventMaterials.addedAt), asc(files.name))
		.limit(MAX_MATERIALS);
}

async function findMaterial(db: DbOrTx, eventId: string, fileId: string) {
	const [row] = await db
		.select({ name: files.name, contentType: files.contentType, size: files.size })
		.from(eventMaterials)
		.innerJoin(files, eq(files.id, eventMaterials.fileId))
		.where(and(eq(eventMaterials.eventId, eventId), eq(eventMaterials.fileId, fileId)))
		.limit(1);
	return row ?? null;
}

/** One material with its contents, only through the event it belongs to. */
export async function getEventMaterialFile(db: Db, eventId: string, fileId: string) {
	if (!isUuid(fileId)) return null;
	const [row] = await db
		.select({ name: files.name, contentType: files.contentType, data: files.data })
		.from(eventMaterials)
		.innerJoin(files, eq(files.id, eventMaterials.fileId))
		.where(and(eq(eventMaterials.eventId, eventId), eq(eventMaterials.fileId, fileId)))
		.limit(1);
	return row ?? null;
}
