import { requireCoordinator } from '$lib/server/auth/guard';
import { coordinatedNetworks } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { listNetworks } from '$lib/server/networks/list-networks';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireCoordinator(event);
	const mine = new Set(coordinatedNetworks(user));
	return {
		networks: (await listNetworks(db())).filter((n) => mine.has(n.id)),
		saved: event.url.searchParams.has('saved')
	};
};
