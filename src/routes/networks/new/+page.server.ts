import { requireCoordinator } from '$lib/server/auth/guard';
import { submitNetworkForm } from '../network-form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	requireCoordinator(event);
	return {};
};

export const actions: Actions = {
	default: (event) => submitNetworkForm(event)
};
