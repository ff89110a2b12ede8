import { fail } from '@sveltejs/kit';
import { userActor } from '$lib/server/actor';
import { db } from '$lib/server/db';
import { readFormData, readUpload } from '$lib/server/http/parse';
import {
	addEventMaterial,
	listEventMaterials,
	MATERIAL_TYPES,
	MAX_MATERIALS,
	removeEventMaterial
} from '$lib/server/events/event-materials';
import type { Actions, PageServerLoad } from './$types';
import { coordinatorsEvent } from '../coordinators-event.server';

export const load: PageServerLoad = async (event) => {
	const { row } = await coordinatorsEvent(event);
	return {
		event: row.event,
		materials: await listEventMaterials(db(), row.event.id),
		max: MAX_MATERIALS
	};
};

export const actions: Actions = {
	add: async (event) => {
		const { user, row } = await coordinatorsEvent(event);
		const form = await readFormData(event.request);
		const upload = await readUpload(form, 'file', MATERIAL_TYPES);
		if (!upload.ok) return fail(400, { add: { errors: { file: upload.error } } });
		const result = await addEventMaterial(db(), userActor(user), row.event.id, upload.file);
		if (!result.ok) {
			return fail(result.error === 'not_found' ? 404 : 400, {
				add: {
					errors: {
						file: {
							key: `materials.refusal.${result.error}` as const,
							params: { max: MAX_MATERIALS }
						}
					}
				}
			});
		}
		return { added: upload.file.name };
	},
	remove: async (event) => {
		const { user, row } = await coordinatorsEvent(event);
		const form = await readFormData(event.request);
		const fileId = form.get('fileId');
		const result = await removeEventMaterial(
			db(),
			userActor(user),
			row.event.id,
			typeof fileId === 'string' ? fileId : ''
		);
		if (!result.ok) return fail(404, { removeError: 'materials.refusal.not_found' as const });
		return { removed: true };
	}
};
