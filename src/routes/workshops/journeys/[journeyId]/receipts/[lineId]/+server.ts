import { forbidden, notFound, requireUser } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { fileResponse } from '$lib/server/files/store-file';
import { viewJourney } from '$lib/server/workshops/travel/view-journey';
import { getReceipt } from '$lib/server/workshops/travel/journey-queries';
import type { RequestHandler } from './$types';

/** A receipt of a journey, for its expert and the coordinators who review it (view-journey.ts). */
export const GET: RequestHandler = async (event) => {
	const user = requireUser(event);
	const view = await viewJourney(db(), user, event.params.journeyId);
	if (!view.ok) {
		if (view.status === 404) notFound(event);
		forbidden(event);
	}
	const file = await getReceipt(db(), event.params.journeyId, event.params.lineId);
	if (!file) notFound(event);
	return fileResponse(file);
};
