import { requireCoordinator } from '$lib/server/auth/guard';
import { coordinatedNetworks } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { exportFormatOf, exportTable } from '$lib/server/export/table-export';
import { parseQuery } from '$lib/server/http/parse';
import { exportPayments } from '$lib/server/billing/payments/export-payments';
import { wholeNumber } from '$lib/schemas/fields';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const user = requireCoordinator(event);
	const format = exportFormatOf(event);
	const { values } = parseQuery(event.url.searchParams, { open: wholeNumber(0, 1) }, { open: 0 });
	const table = await exportPayments(
		db(),
		{ networkIds: coordinatedNetworks(user), needsAllocation: values.open === 1 },
		event.locals.locale
	);
	return exportTable(table, format, 'maksut');
};
