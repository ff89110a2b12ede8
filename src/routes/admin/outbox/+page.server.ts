import { requireCoordinator } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { parseQuery } from '$lib/server/http/parse';
import { listOutbox } from '$lib/server/mail/list-outbox';
import { keysetDefaults, keysetQueryShape } from '$lib/schemas/audit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireCoordinator(event);
	const { values } = parseQuery(event.url.searchParams, keysetQueryShape, keysetDefaults);
	const page = await listOutbox(db(), values);
	return {
		newer: page.newer,
		older: page.older,
		mails: page.rows.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() }))
	};
};
