import { requireCoordinator } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { exportAuditEntries } from '$lib/server/audit/list-audit-entries';
import { exportFormatOf, exportTable } from '$lib/server/export/table-export';
import { parseQuery } from '$lib/server/http/parse';
import { auditQueryDefaults, auditQueryShape } from '$lib/schemas/audit';
import type { RequestHandler } from './$types';

/** The audit log as filtered on its page, newest first, as CSV or XLSX. */
export const GET: RequestHandler = async (event) => {
	requireCoordinator(event);
	const format = exportFormatOf(event);
	const { values: query } = parseQuery(event.url.searchParams, auditQueryShape, auditQueryDefaults);
	if (['järjestelmä', 'systemet', 'system'].includes(query.actor)) query.actor = 'system';
	const table = await exportAuditEntries(db(), query, event.locals.locale);
	return exportTable(table, format, 'muutosloki');
};
