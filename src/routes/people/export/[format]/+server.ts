import { requireCoordinator } from '$lib/server/auth/guard';
import { coordinatedNetworks } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { exportFormatOf, exportTable } from '$lib/server/export/table-export';
import {
	exportNetworkPeople,
	parseNetworkPeopleQuery
} from '$lib/server/people/list-network-people';
import type { RequestHandler } from './$types';

/** The people list as filtered on the page, every page of it: the network's contact list. */
export const GET: RequestHandler = async (event) => {
	const user = requireCoordinator(event);
	const format = exportFormatOf(event);
	const { values: query } = parseNetworkPeopleQuery(event.url.searchParams);
	const table = await exportNetworkPeople(
		db(),
		coordinatedNetworks(user),
		query,
		event.locals.locale
	);
	return exportTable(table, format, 'henkilot');
};
