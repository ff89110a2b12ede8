import type { RequestEvent } from '@sveltejs/kit';
import { notFound, requireCoordinator } from '$lib/server/auth/guard';
import { coordinatedNetworks } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { getSeason } from '$lib/server/seasons/season-queries';

/** The season, for its coordinators only; anyone else gets 403 (no role) or 404 (another network). */
export async function coordinatorsSeason(event: RequestEvent<{ id: string }>) {
	const user = requireCoordinator(event);
	const season = await getSeason(db(), event.params.id);
	if (!season || !coordinatedNetworks(user).includes(season.networkId)) notFound(event);
	return { user, season };
}
