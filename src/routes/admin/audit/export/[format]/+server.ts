import { notFound, requireCoordinator } from '$lib/server/auth/guard';
import { db } from '$lib/server/db';
import { exportAuditEntries } from '$lib/server/audit/list-audit-entries';
import { exportResponse, toCsv, toXlsx } from '$lib/server/export/table-export';
import { parseQuery } from '$lib/server/http/parse';
import { auditQueryDefaults, auditQueryShape } from '$lib/schemas/audit';
import type { RequestHandler } from './$types';

/** The audit log as filtered on its page, newest first, as CSV or XLSX. */
export const GET: RequestHandler = async (event) => {
	requireCoordinator(event);
	const format = event.params.format;
	if (format !== 'csv' && format !== 'xlsx') notFound(event);
	const { values: query } = parseQuery(event.url.searchParams, auditQueryShape, auditQueryDefaults);
	if (['järjestelmä', 'systemet', 'system'].includes(query.actor)) query.actor = 'system';
	const table = await exportAuditEntries(db(), query, event.locals.locale);
	const body = format === 'csv' ? toCsv(table) : await toXlsx(table);
	return exportResponse(body, format, 'muutosloki');
};
