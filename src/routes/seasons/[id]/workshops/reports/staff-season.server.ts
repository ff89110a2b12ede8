import type { RequestEvent } from '@sveltejs/kit';
import { notFound, requireRole } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { getSeason } from '$lib/server/seasons/season-queries';
import { parseQuery } from '$lib/server/http/parse';
import { wholeNumber } from '$lib/schemas/fields';
import { parsePeriodQuery } from '$lib/server/workshops/reports/period-query';

/**
 * The season, for the network's staff only: its coordinators and experts. Anyone else gets 403
 * (no staff role) or 404 (staff of another network).
 */
export async function staffSeason(event: RequestEvent<{ id: string }>) {
	const user = requireRole(event, 'coordinator', 'expert');
	const season = await getSeason(db(), event.params.id);
	const staff =
		season &&
		user.roles.some(
			(r) => (r.role === 'coordinator' || r.role === 'expert') && r.networkId === season.networkId
		);
	if (!season || !staff) notFound(event);
	return { user, season };
}

/** The reports' filters from the query string: the approval period and the two pages. */
export function reportQuery(params: URLSearchParams) {
	const { values, errors, period } = parsePeriodQuery(params);
	const pages = parseQuery(
		params,
		{ page: wholeNumber(1, 100_000), expertsPage: wholeNumber(1, 100_000) },
		{ page: 1, expertsPage: 1 }
	);
	return {
		values: { ...values, ...pages.values },
		errors: { ...errors, ...pages.errors },
		period
	};
}
