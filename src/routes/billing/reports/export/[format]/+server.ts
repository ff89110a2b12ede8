import { requireCoordinator } from '$lib/server/auth/guard';
import { coordinatedNetworks } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { exportFormatOf, exportTable } from '$lib/server/export/table-export';
import { BILLING_REPORTS, exportBillingReport } from '$lib/server/billing/export-billing-reports';
import { helsinkiDate } from '$lib/domain/helsinki-time';
import type { RequestHandler } from './$types';

/** A billing report (`?report=seasons|receivables`) as CSV or XLSX. */
export const GET: RequestHandler = async (event) => {
	const user = requireCoordinator(event);
	const format = exportFormatOf(event);
	const report =
		BILLING_REPORTS.find((r) => r === event.url.searchParams.get('report')) ?? 'seasons';
	const table = await exportBillingReport(
		db(),
		report,
		coordinatedNetworks(user),
		helsinkiDate(new Date()),
		event.locals.locale
	);
	return exportTable(
		table,
		format,
		report === 'seasons' ? 'laskutus-kausittain' : 'avoimet-saatavat'
	);
};
