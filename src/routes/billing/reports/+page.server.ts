import { requireCoordinator } from '$lib/server/auth/guard';
import { coordinatedNetworks } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { parseQuery } from '$lib/server/http/parse';
import { billedBySeason, receivablesByAge } from '$lib/server/billing/billing-reports';
import { wholeNumber } from '$lib/schemas/fields';
import { helsinkiDate } from '$lib/domain/helsinki-time';
import type { PageServerLoad } from './$types';

/** Billing reports (ADR 026): billed and paid by season and year; open receivables by age. */
export const load: PageServerLoad = async (event) => {
	const user = requireCoordinator(event);
	const networkIds = coordinatedNetworks(user);
	const { values } = parseQuery(
		event.url.searchParams,
		{ page: wholeNumber(1, 100_000), members: wholeNumber(1, 100_000) },
		{ page: 1, members: 1 }
	);
	const today = helsinkiDate(new Date());
	const [seasons, receivables] = await Promise.all([
		billedBySeason(db(), networkIds, values.page),
		receivablesByAge(db(), networkIds, today, values.members)
	]);
	return { today, seasons, receivables };
};
