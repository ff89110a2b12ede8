import { db } from '$lib/server/db';
import { parseQuery } from '$lib/server/http/parse';
import { exportFormatOf, exportTable } from '$lib/server/export/table-export';
import { exportSeasonMembers } from '$lib/server/seasons/export-season-members';
import { choice } from '$lib/schemas/fields';
import { MEMBERSHIP_STATES, type MembershipState } from '$lib/domain/membership';
import { coordinatorsSeason } from '../../../events/season-events.server';
import type { RequestHandler } from './$types';

/** The season's members as listed on its page (in the state chosen there), every page. */
export const GET: RequestHandler = async (event) => {
	const { season } = await coordinatorsSeason(event);
	const format = exportFormatOf(event);
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
	return exportTable(table, format, `jasenet-${season.network.slug}-${season.number}`);
};
