import { notFound } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { parseQuery } from '$lib/server/http/parse';
import { exportResponse, toCsv, toXlsx } from '$lib/server/export/table-export';
import { exportSeasonMembers } from '$lib/server/seasons/export-season-members';
import { choice } from '$lib/schemas/fields';
import { MEMBERSHIP_STATES, type MembershipState } from '$lib/domain/membership';
import { coordinatorsSeason } from '../../../events/season-events.server';
import type { RequestHandler } from './$types';

/** The season's members as listed on its page (in the state chosen there), every page. */
export const GET: RequestHandler = async (event) => {
	const { season } = await coordinatorsSeason(event);
	const format = event.params.format;
	if (format !== 'csv' && format !== 'xlsx') notFound(event);
	const { values } = parseQuery(
		event.url.searchParams,
		{ state: choice(MEMBERSHIP_STATES) },
		{ state: null as MembershipState | null }
	);
	const table = await exportSeasonMembers(
		db(),
		{
			id: season.id,
			number: season.number,
			startsOn: season.startsOn,
			networkShortName: season.network.shortName,
			feeTiers: season.feeTiers
		},
		values.state,
		event.locals.locale
	);
	const body = format === 'csv' ? toCsv(table) : await toXlsx(table);
	return exportResponse(body, format, `jasenet-${season.network.slug}-${season.number}`);
};
