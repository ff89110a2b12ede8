import { notFound, requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { fileResponse } from '$lib/server/files/store-file';
import { eventViewer, getEventRow } from '$lib/server/events/event-queries';
import { getEventMaterialFile } from '$lib/server/events/event-materials';
import type { RequestHandler } from './$types';

/** A material of an event, for everyone who may see the event; 404 for anyone else. */
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const row = await getEventRow(db(), event.params.id);
	if (!row) notFound(event);
	const viewer = await eventViewer(db(), user, {
		seasonId: row.season.id,
		networkId: row.network.id
	});
	if (!viewer) notFound(event);
	const file = await getEventMaterialFile(db(), row.event.id, event.params.fileId);
	if (!file) notFound(event);
	return fileResponse(file);
};
