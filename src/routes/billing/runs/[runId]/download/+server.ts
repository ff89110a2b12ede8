import { notFound, requireCoordinator } from '$lib/server/auth/guard';
import { coordinatedNetworks } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { runInvoicesZip } from '$lib/server/billing/run-invoices-zip';
import type { RequestHandler } from './$types';

/** A run's invoices as one zip of PDFs, Finvoice and UBL files, streamed as it is written. */
export const GET: RequestHandler = async (event) => {
	const user = requireCoordinator(event);
	const zip = await runInvoicesZip(db(), event.params.runId, coordinatedNetworks(user));
	if (!zip) notFound(event);
	return new Response(zip.stream, {
		headers: {
			'content-type': 'application/zip',
			'content-disposition': `attachment; filename="${zip.filename}"`,
			'cache-control': 'private, no-store'
		}
	});
};
