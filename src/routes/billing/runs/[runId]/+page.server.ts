import { requireCoordinator, notFound } from '$lib/server/auth/guard';
import { coordinatedNetworks } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { parseQuery } from '$lib/server/http/parse';
import { getInvoiceRun } from '$lib/server/billing/invoice-run-queries';
import { wholeNumber } from '$lib/schemas/fields';
import type { PageServerLoad } from './$types';
import { isUuid } from '$lib/domain/uuid';

/** An invoice run's progress (reload to follow it) and the members it skipped, with why. */
export const load: PageServerLoad = async (event) => {
	const user = requireCoordinator(event);
	const { values } = parseQuery(
		event.url.searchParams,
		{ page: wholeNumber(1, 100_000) },
		{ page: 1 }
	);
	const run = isUuid(event.params.runId)
		? await getInvoiceRun(db(), event.params.runId, values.page)
		: null;
	if (!run || !coordinatedNetworks(user).includes(run.run.networkId)) notFound(event);
	return { ...run, seasonId: run.run.seasonId };
};
