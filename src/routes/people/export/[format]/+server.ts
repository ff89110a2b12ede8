import { notFound, requireCoordinator } from '$lib/server/auth/guard';
import { coordinatedNetworks } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { exportResponse, toCsv, toXlsx } from '$lib/server/export/table-export';
import {
	exportNetworkPeople,
	parseNetworkPeopleQuery
} from '$lib/server/people/list-network-people';
import type { RequestHandler } from './$types';

/** The people list as filtered on the page, every page of it: the network's contact list. */
export const GET: RequestHandler = async (event) => {
	const user = requireCoordinator(event);
	const format = event.params.format;
	if (format !== 'csv' && format !== 'xlsx') notFound(event);
	const { values: query } = parseNetworkPeopleQuery(event.url.searchParams);
	const table = await exportNetworkPeople(
		db(),
		coordinatedNetworks(user),
		query,
		event.locals.locale
	);
	const body = format === 'csv' ? toCsv(table) : await toXlsx(table);
	return exportResponse(body, format, 'henkilot');
};
