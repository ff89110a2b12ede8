import { notFound, requireCoordinator } from '$lib/server/auth/guard';
import { coordinatedNetworks } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { BANK_FILE_LISTED, getBankFile } from '$lib/server/billing/payments/payment-queries';
import type { PageServerLoad } from './$types';

/** What an import did: its counts, and the payments that were not matched exactly. */
export const load: PageServerLoad = async (event) => {
	const user = requireCoordinator(event);
	const found = await getBankFile(db(), event.params.importId, coordinatedNetworks(user));
	if (!found) notFound(event);
	const { file, listed } = found;
	return {
		again: event.url.searchParams.get('again') === '1',
		file: {
			fileName: file.fileName,
			messageId: file.messageId,
			importedAt: file.importedAt,
			credits: file.credits,
			exact: file.exact,
			partly: file.partly,
			over: file.over,
			unknown: file.unknown,
			duplicates: file.duplicates,
			totalCents: file.totalCents
		},
		listed,
		listedLimit: BANK_FILE_LISTED
	};
};
