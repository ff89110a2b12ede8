import type { Db } from '../db';
import { workshopMaterials } from '../db/schema';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../actor';
import { storeFile } from '../files/store-file';
import {
	checkActor,
	type ActorRefusal,
	type WorkshopActor
} from '$lib/domain/workshops/workshop-states';
import { lockWorkshop, toDomainWorkshop } from './workshop-rows';

export type AddMaterialResult =
	| { ok: true; fileId: string }
	| { ok: false; error: 'not_found' | ActorRefusal | 'already_cancelled' };

/**
 * The assigned expert (or the coordinator) adds a file to a workshop (slides, a memo), for the
 * municipality to read. The file has been checked by the route (a PDF by its first bytes).
 */
export async function addWorkshopMaterial(
	db: Db,
	actor: Actor,
	as: WorkshopActor,
	input: { workshopId: string; file: { name: string; contentType: string; bytes: Uint8Array } },
	now: Date = new Date()
): Promise<AddMaterialResult> {
	return db.transaction(async (tx): Promise<AddMaterialResult> => {
		const locked = await lockWorkshop(tx, input.workshopId);
		if (!locked) return { ok: false, error: 'not_found' };
		const refusal = checkActor(as, toDomainWorkshop(locked), 'record_outcome');
		if (refusal) return { ok: false, error: refusal };
		if (locked.workshop.state === 'cancelled') return { ok: false, error: 'already_cancelled' };
		const fileId = await storeFile(tx, { ...input.file, uploadedBy: actor.userId });
		await tx
			.insert(workshopMaterials)
			.values({ workshopId: locked.workshop.id, fileId, addedAt: now });
		await recordAudit(tx, actor, {
			action: 'workshop.material',
			entityType: 'workshop',
			entityId: locked.workshop.id,
			after: { fileId, name: input.file.name, size: input.file.bytes.length }
		});
		return { ok: true, fileId };
	});
}
