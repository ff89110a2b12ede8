import { notFound, requireMunicipality } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { fileResponse } from '$lib/server/files/store-file';
import { getMunicipalityReceipt } from '$lib/server/workshops/travel/municipality-costs';
import type { RequestHandler } from './$types';

/**
 * A receipt of an approved journey wholly the municipality's; a shared journey's receipts, and
 * anything else, are not found here (municipality-costs.ts).
 */
export const GET: RequestHandler = async (event) => {
	requireMunicipality(event, event.params.code, 'read');
	const file = await getMunicipalityReceipt(
		db(),
		event.params.code,
		event.params.journeyId,
		event.params.lineId
	);
	if (!file) notFound(event);
	return fileResponse(file);
};
