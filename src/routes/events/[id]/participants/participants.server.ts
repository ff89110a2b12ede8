import type { RequestEvent } from '@sveltejs/kit';
import { forbidden, notFound, requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { eventViewer, getEventRow } from '$lib/server/events/event-queries';
import type { ParticipantScope } from '$lib/server/events/event-participants';

/**
 * The event and whose sign-ups this person sees on its participant list: the network's
 * coordinators and experts every municipality's (arrangements for coordinators only), a
 * contact person their own municipality's. A member who manages no one gets 403; anyone who
 * may not see the event at all, 404.
 */
export async function participantsOf(event: RequestEvent<{ id: string }>) {
	const user = requireUser(event);
	const row = await getEventRow(db(), event.params.id);
	if (!row) notFound(event);
	const viewer = await eventViewer(db(), user, {
		seasonId: row.season.id,
		networkId: row.network.id
	});
	if (!viewer) notFound(event);
	let scope: ParticipantScope;
	if (viewer.staff) scope = { only: null, arrangements: viewer.coordinator };
	else if (viewer.managedMunicipalities.length > 0)
		scope = { only: viewer.managedMunicipalities, arrangements: false };
	else forbidden(event);
	return { user, row, scope };
}
