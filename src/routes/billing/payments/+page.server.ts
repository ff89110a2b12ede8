import { requireCoordinator } from '$lib/server/auth/guard';
import { coordinatedNetworks } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { parseQuery } from '$lib/server/http/parse';
import { listPayments } from '$lib/server/billing/payments/payment-queries';
import { wholeNumber } from '$lib/schemas/fields';
import type { PageServerLoad } from './$types';

/** The networks' payments, newest booking first; "open=1" keeps those left to allocate. */
export const load: PageServerLoad = async (event) => {
	const user = requireCoordinator(event);
	const { values } = parseQuery(
		event.url.searchParams,
		{ page: wholeNumber(1, 100_000), open: wholeNumber(0, 1) },
		{ page: 1, open: 0 }
	);
	const list = await listPayments(
		db(),
		{ networkIds: coordinatedNetworks(user), needsAllocation: values.open === 1 },
		values.page
	);
	return { list, open: values.open === 1 };
};
