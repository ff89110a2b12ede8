import { notFound, requireMunicipality } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { fileResponse } from '$lib/server/files/store-file';
import { getDecisionMinutes } from '$lib/server/memberships/membership-queries';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	requireMunicipality(event, event.params.code, 'read');
	const file = await getDecisionMinutes(db(), event.params.code, event.params.decisionId);
	if (!file) notFound(event);
	return fileResponse(file);
};
