import { db } from '$lib/server/db';
import { getHomeSummary } from '$lib/server/home/get-home-summary';
import { listNetworks } from '$lib/server/networks/list-networks';
import type { PageServerLoad } from './$types';

// Public: the front page; a signed-in person also gets the summary of their own roles.
export const load: PageServerLoad = async ({ url, locals }) => {
	const [networks, summary] = await Promise.all([
		listNetworks(db()),
		locals.user ? getHomeSummary(db(), locals.user) : Promise.resolve(null)
	]);
	return {
		passwordChanged: url.searchParams.has('passwordChanged'),
		networks: networks.map((n) => ({
			id: n.id,
			slug: n.slug,
			shortName: n.shortName,
			name: { fi: n.nameFi, sv: n.nameSv, en: n.nameEn },
			description: { fi: n.descriptionFi, sv: n.descriptionSv, en: n.descriptionEn }
		})),
		summary
	};
};
