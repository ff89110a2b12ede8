import { forbidden, notFound, requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { fileResponse } from '$lib/server/files/store-file';
import { viewWorkshop } from '$lib/server/workshops/view-workshop';
import { getWorkshopMaterial } from '$lib/server/workshops/workshop-queries';
import type { RequestHandler } from './$types';

/** A workshop's file, for those who may see the workshop (view-workshop.ts). */
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const { code, workshopId, fileId } = event.params;
	if (!/^\d{3}$/.test(code)) notFound(event);
	const view = await viewWorkshop(db(), user, code, workshopId);
	if (!view.ok) {
		if (view.status === 404) notFound(event);
		forbidden(event);
	}
	const file = await getWorkshopMaterial(db(), code, workshopId, fileId);
	if (!file) notFound(event);
	return fileResponse(file);
};
