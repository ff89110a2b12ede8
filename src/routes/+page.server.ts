import { db } from '$lib/server/db';
import { listNetworks } from '$lib/server/networks/list-networks';
import type { PageServerLoad } from './$types';

// Public: the front page.
export const load: PageServerLoad = async ({ url }) => {
	const networks = await listNetworks(db());
	return {
		passwordChanged: url.searchParams.has('passwordChanged'),
		networks: networks.map((n) => ({
			id: n.id,
			shortName: n.shortName,
			name: { fi: n.nameFi, sv: n.nameSv, en: n.nameEn },
			description: { fi: n.descriptionFi, sv: n.descriptionSv, en: n.descriptionEn }
		}))
	};
};
