import { error } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { requireCoordinator } from '$lib/server/auth/guard';
import { coordinatedNetworks } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { networks } from '$lib/server/db/schema';
import { submitNetworkForm } from '../../network-form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireCoordinator(event);
	if (!coordinatedNetworks(user).includes(event.params.id)) error(404, 'not found');
	const [n] = await db().select().from(networks).where(eq(networks.id, event.params.id)).limit(1);
	if (!n) error(404, 'not found');
	const { id: _id, createdAt: _c, ...values } = n;
	return { values: values as Record<string, string>, shortName: n.shortName };
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireCoordinator(event);
		if (!coordinatedNetworks(user).includes(event.params.id)) error(404, 'not found');
		return submitNetworkForm(event, event.params.id);
	}
};
