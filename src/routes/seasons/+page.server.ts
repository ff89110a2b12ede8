import { requireCoordinator } from '$lib/server/auth/guard';
import { coordinatedNetworks } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { listSeasons } from '$lib/server/seasons/season-queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireCoordinator(event);
	return { seasons: await listSeasons(db(), coordinatedNetworks(user)) };
};
