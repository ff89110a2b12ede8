import { requireCoordinator } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { auditChanges, listAuditEntries } from '$lib/server/audit/list-audit-entries';
import { parseQuery } from '$lib/server/http/parse';
import { auditQueryDefaults, auditQueryShape } from '$lib/schemas/audit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	requireCoordinator(event);
	const { values: query, errors } = parseQuery(
		event.url.searchParams,
		auditQueryShape,
		auditQueryDefaults
	);
	// the log shows the system's entries as "järjestelmä" / "systemet": find them by that name too
	if (['järjestelmä', 'systemet', 'system'].includes(query.actor)) query.actor = 'system';
	const page = await listAuditEntries(db(), query);
	return {
		query,
		errors,
		newer: page.newer,
		older: page.older,
		entries: page.rows.map((e) => ({
			id: e.id,
			at: e.at.toISOString(),
			actor: e.actorLabel,
			action: e.action,
			entityType: e.entityType,
			entityId: e.entityId,
			changes: auditChanges(e.before, e.after)
		}))
	};
};
