import { notFound } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { parseQuery } from '$lib/server/http/parse';
import { getPublicNetwork } from '$lib/server/networks/get-public-network';
import { wholeNumber } from '$lib/schemas/fields';
import type { PageServerLoad } from './$types';

// Public: a network's own page for anyone, with no personal data (route-access.ts).
export const load: PageServerLoad = async (event) => {
	const { values } = parseQuery(
		event.url.searchParams,
		{ page: wholeNumber(1, 100_000), events: wholeNumber(1, 100_000) },
		{ page: 1, events: 1 }
	);
	const network = await getPublicNetwork(db(), event.params.slug, {
		page: values.page,
		eventsPage: values.events
	});
	if (!network) notFound(event);
	return { publicNetwork: network };
};
