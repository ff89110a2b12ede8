import type { RequestEvent } from '@sveltejs/kit';
import { notFound, requireCoordinator } from '$lib/server/auth/guard';
import { coordinatedNetworks } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { getEventRow } from '$lib/server/events/event-queries';

/** The event, for the coordinators of its network only (403 for other roles, 404 elsewhere). */
export async function coordinatorsEvent(event: RequestEvent<{ id: string }>) {
	const user = requireCoordinator(event);
	const row = await getEventRow(db(), event.params.id);
	if (!row || !coordinatedNetworks(user).includes(row.network.id)) notFound(event);
	return { user, row };
}
